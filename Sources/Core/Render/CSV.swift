/// CSV as Excel (Japanese Windows included) opens it correctly: UTF-8 with a byte order mark,
/// so Excel does not guess Shift_JIS; CRLF after every record; RFC 4180 quoting.
///
/// `document` is lossless: every cell comes back unchanged through `parse`, line breaks
/// inside cells (CRLF or LF) included. It does not touch cells that Excel would take for a
/// formula (`=`, `+`, `-`, `@`); a caller whose cells are typed by other people passes them
/// through `formulaSafe` first, as `LedgerCSV` does.
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func document(headers: [String], rows: [[String]]) -> String {
        byteOrderMark + ([headers] + rows).map(record).joined()
    }

    /// One record with its CRLF: what a document is made of, written one at a time when streamed.
    /// An export writes 17 cells a service: when none needs quotes, as most do not, their bytes
    /// are copied into one string of the right size.
    public static func record(_ cells: [String]) -> String {
        guard !cells.contains(where: needsQuotes) else { return cells.map(field).joined(separator: ",") + "\r\n" }
        let size = cells.reduce(max(cells.count - 1, 0) + 2) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: size) { buffer in
            var end = 0
            for (index, cell) in cells.enumerated() {
                if index > 0 {
                    buffer[end] = UInt8(ascii: ",")
                    end += 1
                }
                var cell = cell
                cell.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[end..<end + bytes.count]).initialize(from: bytes)
                    end += bytes.count
                }
            }
            buffer[end] = 0x0D
            buffer[end + 1] = 0x0A
            return end + 2
        }
    }

    /// One cell, quoted when it contains a comma, a double quote, CR or LF (quotes doubled).
    public static func field(_ cell: String) -> String {
        guard needsQuotes(cell) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// All four characters are ASCII, so the UTF-8 bytes tell.
    static func needsQuotes(_ cell: String) -> Bool {
        cell.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
    }

    /// A cell that Excel shows as the text typed rather than evaluating it: one that starts
    /// with `=`, `+`, `-`, `@`, a tab or CR gets a leading apostrophe (the OWASP advice
    /// against CSV injection). Excel shows the apostrophe; the text is otherwise unchanged.
    public static func formulaSafe(_ cell: String) -> String {
        // All six are ASCII: the first byte tells.
        switch cell.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: break
        default: return cell
        }
        return "'" + cell
    }

    /// Reads CSV as RFC 4180 has it, leniently: a leading BOM is dropped; records end with
    /// CRLF, LF or CR; quoted cells keep their line breaks as written; a final line break does
    /// not make an empty record.
    public static func parse(_ text: String) -> [[String]] {
        var input = Array(text.unicodeScalars)
        if input.first == "\u{FEFF}" { input.removeFirst() }
        var records: [[String]] = []
        var record: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        var atRecordStart = true
        var index = 0
        func endCell() {
            record.append(String(cell))
            cell = String.UnicodeScalarView()
        }
        func endRecord() {
            endCell()
            records.append(record)
            record = []
            atRecordStart = true
        }
        while index < input.count {
            let scalar = input[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < input.count, input[index] == "\"" {
                        cell.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty:
                quoted = true
                atRecordStart = false
            case ",":
                endCell()
                atRecordStart = false
            case "\r":
                if index < input.count, input[index] == "\n" { index += 1 }
                endRecord()
            case "\n":
                endRecord()
            default:
                cell.append(scalar)
                atRecordStart = false
            }
        }
        if !atRecordStart { endRecord() }
        return records
    }
}

/// The list of applications as CSV for Excel: one row per application.
public enum LedgerCSV {
    public static func headers(_ language: Language) -> [String] {
        language == .ja
            ? ["番号", "状態", "課", "提供会社名", "提供サービス名", "申請者", "申請日", "利用開始", "利用終了", "終了日",
               "重要性分類", "個人情報", "利用者数", "サービス管理担当者", "所属長名", "最新の判断", "判断日"]
            : ["ID", "Status", "Department", "Provider", "Service", "Applicant", "Submitted", "Period from", "Period to", "Ended",
               "Classification", "Personal information", "Users", "Service manager", "Head of department",
               "Latest decision", "Decided"]
    }

    /// Dates are ISO (2026-04-01), so Excel reads them as dates; cells typed by staff are made
    /// formula-safe (see `CSV.formulaSafe`).
    public static func document(_ records: [ApplicationRecord], _ language: Language) -> String {
        CSV.document(headers: headers(language), rows: records.map { row(LedgerRow($0), language) })
    }

    public static func row(_ row: LedgerRow, _ language: Language) -> [String] {
        let cells: [String] = [
            "\(row.id)",
            row.status.label(language),
            row.department,
            row.provider,
            row.service,
            row.applicant,
            row.submittedOn?.iso ?? "",
            row.periodStart?.iso ?? "",
            row.periodEnd?.iso ?? "",
            row.endedOn?.iso ?? "",
            row.classificationLabel ?? "",
            row.personalInformation.map { ($0 ? EngineText.yes : EngineText.no)(language) } ?? "",
            "\(row.userCount)",
            row.serviceManager,
            row.departmentHead,
            row.latestOutcome?.label(language) ?? "",
            row.decidedOn?.iso ?? "",
        ]
        return cells.map(CSV.formulaSafe)
    }
}

/// Messages of the output formats.
public enum RenderText {
    public static func formatNotAvailable(_ format: String, _ available: String) -> Localized {
        Localized(
            "この命令では --format \(format) は使えません（使えるもの：\(available)）。",
            "--format \(format) is not available for this command (use \(available)).")
    }
}
