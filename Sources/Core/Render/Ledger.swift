/// The list of applications, as a table for people and as JSON for scripts.
public enum Ledger {
    public static func table(_ records: [ApplicationRecord], today: Day, _ language: Language) -> String {
        table(rows: records.map(LedgerRow.init), today: today, language)
    }

    public static func table(rows: [LedgerRow], today: Day, _ language: Language) -> String {
        TextTable(headers: tableHeaders(language), rows: rows.map { tableCells($0, today: today, language) }).render()
    }

    public static func tableHeaders(_ language: Language) -> [String] {
        language == .ja
            ? ["番号", "課", "提供会社名", "提供サービス名", "状態", "申請日", "利用期間"]
            : ["ID", "課", "Provider", "Service", "Status", "Submitted", "Period"]
    }

    public static func tableCells(_ row: LedgerRow, today: Day, _ language: Language) -> [String] {
        // An ended service shows the day it really ended, not the end it was approved for.
        let period = [row.periodStart, row.endedOn ?? row.periodEnd].map { $0.map { shortDate($0, language) } ?? "" }
        return [
            "\(row.id)", row.department, row.provider, row.service,
            row.status.label(periodStart: row.periodStart, today: today)(language),
            row.submittedOn.map { shortDate($0, language) } ?? "",
            period.joined(separator: language == .ja ? "〜" : " to "),
        ]
    }

    static func shortDate(_ day: Day, _ language: Language) -> String {
        language == .ja ? JapaneseDate.warekiShort(day) : day.iso
    }
}

extension Ledger {
    /// Each record expanded, a field a line, as psql's expanded display.
    public static func expanded(_ records: [ApplicationRecord], _ language: Language) -> String {
        records.map { expanded(LedgerRow($0), language) }.joined(separator: "\n")
    }

    public static func expanded(_ row: LedgerRow, _ language: Language) -> String {
        let headers = LedgerCSV.headers(language)
        let width = headers.map(DisplayWidth.of).max() ?? 0
        let title = "-[ " + Localized("申請 \(row.id)", "RECORD \(row.id)")(language) + " ]" + String(repeating: "-", count: 30)
        let lines = zip(headers, LedgerCSV.row(row, language)).map { DisplayWidth.padded($0, to: width) + " | " + $1 }
        return ([title] + lines).joined(separator: "\n")
    }

    /// The records in any output mode.
    public static func render(_ records: [ApplicationRecord], mode: OutputMode, today: Day, _ language: Language) throws -> String {
        switch mode {
        case .table: return table(records, today: today, language)
        case .line: return expanded(records, language)
        case .csv: return LedgerCSV.document(records, language)
        case .json: return try ApplicationExport.json(records)
        }
    }

    public static func counts(_ counts: [(key: String, count: Int)], by grouping: LedgerGrouping, _ language: Language) -> String {
        let headers = [grouping == .status ? Localized("状態", "Status")(language) : "課", Localized("件数", "Count")(language)]
        let rows = counts.map { pair -> [String] in
            let key = grouping == .status ? (ApplicationStatus(rawValue: pair.key)?.label(language) ?? pair.key) : pair.key
            return [key, "\(pair.count)"]
        }
        return TextTable(headers: headers, rows: rows + [[Localized("合計", "Total")(language), "\(counts.map(\.count).reduce(0, +))"]]).render()
    }
}

/// A list written as it is read, one service at a time, so that exporting 100,000 services
/// keeps memory flat. Every piece is the text that follows the pieces before it; together with
/// `end()` they are exactly what `Ledger.render` gives for the same services (and a final line
/// break). A table is not streamed: its columns are as wide as their widest cell.
public struct LedgerStream {
    public let mode: OutputMode
    let language: Language
    public private(set) var count = 0

    public init(mode: OutputMode, _ language: Language) {
        precondition(mode != .table, "a table needs every row before its first line")
        self.mode = mode
        self.language = language
    }

    /// JSON carries every field of a service, so it takes whole records; the other modes rows.
    public var needsWholeRecords: Bool { mode == .json }

    public mutating func next(_ row: LedgerRow) -> String {
        defer { count += 1 }
        switch mode {
        case .csv: return (count == 0 ? CSV.byteOrderMark + CSV.record(LedgerCSV.headers(language)) : "") + CSV.record(LedgerCSV.row(row, language))
        case .line: return (count == 0 ? "" : "\n") + Ledger.expanded(row, language)
        case .table, .json: preconditionFailure("rows are for csv and line")
        }
    }

    /// The next service in JSON as UTF-8 bytes, its separator first: an export of 100,000
    /// services then makes no String of each (checking the UTF-8 of one was 6 % of an export).
    public mutating func nextJSON(_ exported: ExportedRecord) -> [UInt8] {
        precondition(mode == .json, "whole records are for json")
        defer { count += 1 }
        return ApplicationExport.arrayElement(exported, after: count == 0 ? "[\n" : ",\n")
    }

    public func end() -> String {
        switch mode {
        case .csv: return count == 0 ? CSV.document(headers: LedgerCSV.headers(language), rows: []) : ""
        case .line: return "\n"
        case .json: return count == 0 ? "[]\n" : "\n]\n"
        case .table: return ""
        }
    }
}
