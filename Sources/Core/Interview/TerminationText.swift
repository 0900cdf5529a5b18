/// What the shell says around a termination and a purge.
public enum TerminationText {
    public static func begin(_ record: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(record.id)（\(record.provider) / \(record.service)）の終了確認書を作成します。申請時と利用中の記録から分かることは既定値にしてあります（Enter でそのまま、違えば修正）。\n",
            "The termination form of application \(record.id) (\(record.provider) / \(record.service)). What the application and the records of its use tell is offered as defaults (Enter keeps it; type to correct).\n")
            + SourceNotes.breach
    }
    public static func submitted(_ record: ApplicationRecord) -> Localized {
        Localized(
            "終了確認書を提出しました。利用責任者のダブルチェックを待ちます。",
            "The termination form is submitted; it now waits for the 利用責任者's double check.")
    }
    public static let beginReview = Localized(
        "── 終了確認書のダブルチェック ── 確認事項ごとに、まずあなたの判断を記入します。",
        "── Double check of the termination form ── You mark each check first.")

    // Purge

    public static func eligible(_ records: [ApplicationRecord], today: Day, _ language: Language) -> String {
        let ja = language == .ja
        let headers = ja ? ["番号", "課", "提供サービス名", "終了日", "保管期限", "削除"] : ["ID", "課", "Service", "Ended", "Keep until", "Purge"]
        let rows = records.map { record -> [String] in
            let until = record.keepUntil
            let may = until.map { Retention.mayPurge(keepUntil: $0, today: today) } ?? false
            return [
                "\(record.id)", record.department, record.service,
                record.endDay.map { AnswerFormat.date($0, language) } ?? "",
                until.map { AnswerFormat.date($0, language) } ?? "",
                may ? (ja ? "可" : "yes") : (ja ? "不可（\(until.map { JapaneseDate.wareki($0.adding(days: 1)) } ?? "")から）" : "no (from \(until.map { $0.adding(days: 1).iso } ?? ""))"),
            ]
        }
        return TextTable(headers: headers, rows: rows).render()
    }
    public static let nothingEnded = Localized("終了したサービスはありません。", "No service has ended.")
    public static let nothingToPurge = Localized("保管期限を過ぎたものはありません。何も削除しません。", "Nothing has passed its retention date; nothing is removed.")
    public static func confirmPurge(_ count: Int) -> Localized {
        Localized(
            "\(count)件のサービスの記録（申請書・判断・利用中の記録・お知らせ・終了確認書・添付ファイル）を削除します。元に戻せません。削除するには件数「\(count)」を入力してください。",
            "This removes every record of \(count) service(s): forms, decisions, duty records, alerts, terminations and attachments. It cannot be undone. Type the count (\(count)) to go ahead.")
    }
    public static func purged(_ count: Int) -> Localized {
        Localized("\(count)件を削除しました。監査記録に残しました。", "Removed \(count); the audit trail records it.")
    }
    public static let purgeCancelled = Localized("削除しませんでした。", "Nothing was removed.")
    public static func dryRun(_ count: Int) -> Localized {
        Localized("（--dry-run：\(count)件が削除の対象です。何も削除していません）", "(--dry-run: \(count) would be removed; nothing was.)")
    }
    public static func held(_ record: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(record.id) の保管期限を \(record.keepUntil.map(JapaneseDate.wareki) ?? "") まで延長しました。",
            "Retention of application \(record.id) extended to \(record.keepUntil.map(JapaneseDate.english) ?? "").")
    }
    public static let administratorsOnly = Localized("削除と保管期限の延長は管理者だけが行えます。", "Only administrators purge records or extend retention.")
}
