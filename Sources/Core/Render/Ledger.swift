/// The list of applications, as a table for people and as JSON for scripts.
public enum Ledger {
    public static func table(_ records: [ApplicationRecord], _ language: Language) -> String {
        let headers = language == .ja
            ? ["番号", "課", "提供会社名", "提供サービス名", "状態", "申請日", "利用期間"]
            : ["ID", "課", "Provider", "Service", "Status", "Submitted", "Period"]
        let rows = records.map { record -> [String] in
            let period = [record.periodStart, record.periodEnd].map { $0.map { shortDate($0, language) } ?? "" }
            return [
                "\(record.id)", record.department, record.provider, record.service,
                record.status.label(language),
                record.submittedDay.map { shortDate($0, language) } ?? "",
                period.joined(separator: language == .ja ? "〜" : " to "),
            ]
        }
        return TextTable(headers: headers, rows: rows).render()
    }

    static func shortDate(_ day: Day, _ language: Language) -> String {
        language == .ja ? JapaneseDate.warekiShort(day) : day.iso
    }
}

extension Ledger {
    /// Each record expanded, a field a line, as psql's expanded display.
    public static func expanded(_ records: [ApplicationRecord], _ language: Language) -> String {
        let headers = LedgerCSV.headers(language)
        let width = headers.map(DisplayWidth.of).max() ?? 0
        return records.map { record in
            let title = "-[ " + Localized("申請 \(record.id)", "RECORD \(record.id)")(language) + " ]" + String(repeating: "-", count: 30)
            let lines = zip(headers, LedgerCSV.row(record, language)).map { DisplayWidth.padded($0, to: width) + " | " + $1 }
            return ([title] + lines).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The records in any output mode.
    public static func render(_ records: [ApplicationRecord], mode: OutputMode, _ language: Language) throws -> String {
        switch mode {
        case .table: return table(records, language)
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
