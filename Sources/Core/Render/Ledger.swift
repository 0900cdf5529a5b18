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
                period.joined(separator: "〜"),
            ]
        }
        return TextTable(headers: headers, rows: rows).render()
    }

    static func shortDate(_ day: Day, _ language: Language) -> String {
        language == .ja ? JapaneseDate.warekiShort(day) : day.iso
    }
}
