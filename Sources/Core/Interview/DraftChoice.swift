/// Offering a person their unfinished forms when they start again.
public enum DraftChoice: Equatable {
    case resume(Int)
    case startNew
    /// Throw the draft away (audited); the choice is offered again with what is left.
    case discard(Int)
    /// `:quit` here too: a newcomer types what the interview taught them, and the drafts stay.
    case leave

    public static func prompt(_ drafts: [Draft], interview: Interview) -> [Message] {
        let language = interview.language
        var lines = [Message(.notice, Localized(
            "途中の下書きが\(drafts.count)件あります。", "You have \(drafts.count) unfinished draft(s).")(language))]
        for (offset, draft) in drafts.enumerated() {
            let answers = draft.state.answers
            let name = draft.serviceName
            let total = interview.procedure.applicableFields(answers).count
            let saved = Village.day(ofTimestamp: draft.updatedAt).map { AnswerFormat.date($0, language) } ?? draft.updatedAt
            let title = name.isEmpty ? Localized("（名称未入力）", "(no name yet)")(language) : name
            lines.append(Message(.info, "  \(offset + 1). \(title) — " + Localized(
                "\(answers.count)/\(total) 回答済み・\(saved) 保存",
                "\(answers.count)/\(total) answered, saved \(saved)")(language)))
        }
        lines.append(Message(.question, Localized(
            "再開する番号を入力してください（new：新しく始める、破棄 番号：下書きを捨てる）。Enter で [1]",
            "Which one to resume? (new: start a new one; discard N: throw draft N away) Enter for [1]")(language)))
        return lines
    }

    public static func interpret(_ line: String, count: Int) -> Result<DraftChoice, Localized> {
        let folded = InputLine.halfwidthASCII(line).trimmingCharacters(in: .whitespaces).lowercased()
        if folded.isEmpty { return .success(.resume(0)) }
        if ["new", "n", "新規", "新しく"].contains(folded) { return .success(.startNew) }
        if [":quit", ":q", "quit", ":終了", "終了"].contains(folded) { return .success(.leave) }
        if let number = Int(folded), number >= 1, number <= count { return .success(.resume(number - 1)) }
        let words = folded.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2, ["破棄", "discard", "d"].contains(words[0]) {
            guard let number = Int(words[1]), number >= 1, number <= count else {
                return .failure(Localized("捨てる下書きの番号（1〜\(count)）を書いてください。", "Give the number of the draft to discard (1 to \(count))."))
            }
            return .success(.discard(number - 1))
        }
        return .failure(Localized(
            "1〜\(count) の番号か new（下書きを捨てるには「破棄 番号」）を入力してください。",
            "Enter a number from 1 to \(count), or new (or discard N to throw a draft away)."))
    }

    public static func resumed(_ interview: Interview) -> Message {
        Message(.info, Localized("前回の続きから再開します。", "Going on where you left off.")(interview.language))
    }
}
