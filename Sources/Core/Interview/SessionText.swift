/// What the shell says around an interview: greetings, endings, refusals of the session itself.
public enum SessionText {
    public static func submitted(_ record: ApplicationRecord, reviewers: [StaffMember] = []) -> Localized {
        let who = reviewers.isEmpty ? Localized("利用責任者", "the 利用責任者")
            : Localized("利用責任者（" + reviewers.map { "\($0.name)（\($0.login)）" }.joined(separator: "、") + "）",
                        "the 利用責任者 (" + reviewers.map { "\($0.name) (\($0.login))" }.joined(separator: ", ") + ")")
        return Localized(
            "申請番号 \(record.id) として提出しました。次は\(who.ja)のダブルチェックです。判断が出ると、次に yakkan を起動したときにお知らせします。内容は yakkan show \(record.id) で確認できます。",
            "Submitted as application \(record.id). Next, \(who.en) double-checks it; you are told of the decision the next time you start yakkan. yakkan show \(record.id) shows it.")
    }
    public static let saved = EngineText.saved
    public static let bail = Localized(
        "回答が受け付けられなかったため終了します（--bail）。下書きは保存されています。",
        "Stopping at the first refused answer (--bail). The draft is saved.")
    public static let welcome = Localized(
        "約款による外部サービスの利用申請を始めます。? で説明、:help でコマンド一覧を表示します。\n",
        "Starting an application to use a service under click-through terms. Type ? for help on a question, :help for the commands.\n")
        + SourceNotes.breach
    public static let interrupted = Localized(
        "（入力を取り消しました）", "(answer cancelled)")
    public static func returned(_ id: Int64, _ decision: Decision) -> Localized {
        Localized(
            "申請番号 \(id) は \(decision.reviewerName) さんから差し戻されました。理由：\(sentence(decision.reason ?? ""))下書きを選んで修正し、もう一度提出してください。",
            "Application \(id) was returned by \(decision.reviewerName): \(decision.reason ?? ""). Choose its draft, correct it and submit it again.")
    }
    /// A reason as a sentence of its own, ended once.
    static func sentence(_ text: String) -> String {
        text.hasSuffix("。") || text.isEmpty ? text : text + "。"
    }
    public static let yesOrNo = EngineText.notYesNo
    public static let noMatches = Localized("条件に合うものはありません。", "Nothing matches.")
    public static let noApplications = Localized("申請はまだありません。", "There are no applications yet.")
    public static func badArgument(_ shown: String) -> Localized {
        Localized("コマンドラインの「\(shown)」: ", "In the argument \(shown): ")
    }
}
