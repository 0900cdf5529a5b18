/// What `yakkan procedure check` says.
public enum ProcedureText {
    public static func noMistakes(_ file: String, _ document: ProcedureDocument) -> Localized {
        let version = document.version
        return Localized(
            "\(file)：誤りはありません（第\(version.version)版・\(JapaneseDate.wareki(version.enacted))、確認事項\(document.applicationChecks.count)、終了時の確認事項\(document.terminationChecks.count)、義務\(document.duties.count)）。",
            "\(file): no mistakes (version \(version.version) of \(JapaneseDate.english(version.enacted)); \(document.applicationChecks.count) checks, \(document.terminationChecks.count) at termination, \(document.duties.count) duties).")
    }

    public static func mistakes(_ file: String, _ count: Int) -> Localized {
        Localized("\(file)：誤りが\(count)件あります。", "\(file): \(count) mistake\(count == 1 ? "" : "s").")
    }

    public static func mistake(_ file: String, _ mistake: ProcedureMistake) -> Localized {
        Localized("\(file) ", "\(file) ") + mistake.wording
    }

    public static func cannotRead(_ file: String) -> Localized {
        Localized("\(file) を読めません（ファイルがないか、UTF-8 の文字ではありません）。", "Cannot read \(file) (it does not exist, or is not UTF-8 text).")
    }

    public static func adopted(_ version: ProcedureVersion, from: Day, today: Day) -> Localized {
        from == today
            ? Localized(
                "手順書 \(version.version) 版を採用しました。本日から施行されます。これからの申請はこの版によります。作成済みの申請書は、作成時の版のまま表示・審査されます。",
                "Procedure version \(version.version) is adopted and in force from today. New applications follow it; forms already made are shown and checked under the version they were made under.")
            : Localized(
                "手順書 \(version.version) 版を採用しました。\(JapaneseDate.wareki(from))から施行されます。その日からの申請はこの版によります。作成済みの申請書は、作成時の版のまま表示・審査されます。",
                "Procedure version \(version.version) is adopted, in force from \(JapaneseDate.english(from)). Applications from that day follow it; forms already made are shown and checked under the version they were made under.")
    }

    public static func unknownVersion(_ version: String) -> Localized {
        Localized("手順書 \(version) 版はありません。", "There is no procedure version \(version).")
    }

    public static let group = "手順書（版）を表示・検査・採用します / Show, check or adopt the procedure."
    public static let adopt = "手順書の新しい版を、ある日から採用します（管理者） / Adopt a new version of the procedure from a day (administrators)."
    public static let from = "施行日（既定：今日） / the first day it is in force (default: today)"
    public static let version = "表示する版（既定：いま有効な版） / the version to show (default: the one in force)"
    public static let show = "いま有効な手順書を表示します / Show the procedure in force."
    public static let check = "手順書のファイルを検査し、誤りを行番号付きで示します / Check a procedure file; each mistake is named by its line."
    public static let file = "手順書のファイル（YAML） / the procedure file (YAML)"
    public static let format = "text | yaml"
}
