/// What the shell says about the store itself: creating it, its integrity, saving again
/// after a fault.
public enum StoreCommandText {
    public static func createFolder(_ folder: String) -> Localized {
        Localized(
            "フォルダ \(folder) はありません。作成して、そこに新しい保管庫を作りますか？ (y/N)",
            "The folder \(folder) does not exist. Create it and a new store in it? (y/N)")
    }
    public static func created(_ path: String) -> Localized {
        Localized("保管庫を作成しました: \(path)", "Created the store at \(path)")
    }
    public static func alreadyThere(_ path: String) -> Localized {
        Localized("保管庫はすでにあります: \(path)", "The store is already there: \(path)")
    }
    public static func serverCreated(_ address: String, _ migrations: [String]) -> Localized {
        Localized(
            "サーバーに保管庫のスキーマ・役割・規則を作成しました: \(address)（\(migrations.joined(separator: ", "))）",
            "Created the store's schema, roles and rules on the server at \(address) (\(migrations.joined(separator: ", ")))")
    }
    public static func serverCurrent(_ address: String) -> Localized {
        Localized("サーバーの保管庫は最新です: \(address)", "The store on the server is up to date: \(address)")
    }
    public static let dryRunIsForServers = Localized(
        "--dry-run はサーバー（postgresql://…）の保管庫を作るときに、実行する SQL を表示します。SQLite の保管庫には使えません。",
        "--dry-run prints the SQL that creates a store on a server (postgresql://…); it does not apply to a SQLite store.")
    /// Enter is "no": nothing is created unless asked for.
    public static func interpretYesNo(_ text: String) -> Result<Bool, Localized> {
        if text.isEmpty { return .success(false) }
        return YesNo.parse(InputLine.halfwidthASCII(text)).map { .success($0) } ?? .failure(EngineText.notYesNo)
    }

    public static let integrityIsTheServers = Localized(
        "保管庫のファイルの整合性検査は SQLite のものです。サーバーの保管庫では、ページの健全性はサーバー（PostgreSQL）が保ちます。",
        "The integrity check of the store's file is SQLite's; on a server, PostgreSQL keeps its own pages sound.")
    public static let integrityIsTheWholeVerifys = Localized(
        "前回の異常なしの検証から続けて確かめます。ファイル全体の整合性検査と、触れられていない古い記録の照合は、--incremental なしの検証で行います。",
        "Going on from your last clean verify. The whole file's integrity check, and the older records nothing since has touched, are for a verify without --incremental.")
    public static let integrityOK = Localized(
        "保管庫のファイルは健全です（SQLite の整合性検査）。", "The store's file is sound (SQLite's integrity check).")
    public static func integrityFailed(_ findings: [String]) -> Localized {
        let shown = findings.prefix(5).map { "  " + $0 }.joined(separator: "\n")
        let more = findings.count > 5 ? "\n  …" : ""
        return Localized(
            "保管庫のファイルが壊れています（SQLite の整合性検査で \(findings.count) 件の異常）。バックアップから戻してください：\n\(shown)\(more)",
            "The store's file is damaged (SQLite's integrity check found \(findings.count) problems). Restore it from a backup:\n\(shown)\(more)")
    }
    public static let chainUnreadable = Localized(
        "監査記録は壊れたページのため読めませんでした。", "The audit trail could not be read because of the damaged pages.")

    public static let keptWhileBusy = Localized(
        "保管庫が混み合っているため、この回答は次の回答と一緒に保存します。そのまま続けてください。",
        "The store is busy: this answer is kept and saved with the next one. Go on.")
    public static let keptWhileUnreachable = Localized(
        "保管庫のサーバーに接続できないため、この回答はまだ保存していません。画面の回答は消えていません。次の回答のときに接続し直して一緒に保存します。そのまま続けてください。",
        "The store's server cannot be reached: this answer is not saved yet, but nothing you typed is lost. It is saved with the next answer, once the server answers again. Go on.")
    public static let retrySave = Localized(
        "入力した回答は消えていません。Enter でもう一度保存します。:quit で終わると、最後に保存できた時点の下書きが残ります。",
        "Your answer is kept. Press Enter to save again; :quit leaves with the draft as it was last saved.")
    /// Enter (or yes) saves again; :quit, :終了 or no leaves.
    public static func interpretRetry(_ text: String) -> Result<Bool, Localized> {
        let folded = InputLine.halfwidthASCII(text).lowercased()
        if folded.isEmpty || YesNo.parse(folded) == true { return .success(true) }
        if [":quit", ":q", ":終了"].contains(folded) || YesNo.parse(folded) == false { return .success(false) }
        return .failure(retrySave)
    }
    public static let leftUnsaved = Localized(
        "終了します。最後に保存できた時点の下書きが保管庫に残っています。",
        "Leaving. The draft as it was last saved is kept in the store.")
}
