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

    public static let group = "手順書（版）を表示・検査します / Show or check the procedure."
    public static let show = "いま有効な手順書を表示します / Show the procedure in force."
    public static let check = "手順書のファイルを検査し、誤りを行番号付きで示します / Check a procedure file; each mistake is named by its line."
    public static let file = "手順書のファイル（YAML） / the procedure file (YAML)"
    public static let format = "text | yaml"
}
