/// The query shell's own words.
public enum QueryText {
    public static let banner = Localized(
        "台帳の問い合わせです。help でコマンド一覧、quit で終了します。例：list status=in_use overdue",
        "Querying the ledger. help lists the commands; quit leaves. For example: list status=in_use overdue")
    public static func modeSet(_ mode: OutputMode) -> Localized {
        Localized("表示形式を \(mode.rawValue) にしました。", "Output mode is now \(mode.rawValue).")
    }
    public static func rows(_ count: Int) -> Localized { Localized("（\(count)件）", "(\(count) rows)") }
}

/// The engine's word for a bad line, for shells outside an interview.
public enum EngineTextBridge {
    public static func lineProblem(_ problem: LineProblem) -> Localized { EngineText.lineProblem(problem) }
    public static func dateProblem(_ problem: DateParseError) -> Localized { EngineText.dateProblem(problem) }
}
