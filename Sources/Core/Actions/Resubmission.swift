/// A returned application filed again: what the applicant changed since the version the
/// 利用責任者 returned, and which of their own marks still stand. The second double check starts
/// from the first: the reviewer reads only what changed and confirms the marks the change left
/// alone, instead of marking all eight checks again from nothing.
public struct Resubmission: Sendable {
    /// The return this filing answers.
    public let returned: Decision
    /// The answers the 利用責任者 returned, as filed then.
    public let before: Answers
    /// The answers filed now.
    public let after: Answers

    /// One answer that differs between the returned and the filed version.
    public struct Change: Sendable {
        public let field: Field
        public let before: AnswerValue?
        public let after: AnswerValue?
    }

    /// The resubmission under review, if the application is one: its last decision on the
    /// application form returned it, and `filings` (every version filed, oldest first, as the
    /// log holds them) ends with the version filed after that return.
    public static func of(_ application: ApplicationRecord, filings: [Answers]) -> Resubmission? {
        let returns = application.decisions.filter { $0.form == .application && $0.outcome == .returned }
        // Each return is answered by one filing; a log missing one (written by an earlier yakkan,
        // or erased) cannot say which version was returned, so nothing is claimed of it.
        guard application.status == .submitted, filings.count >= 2, filings.count == returns.count + 1,
              let returned = application.decisions.last(where: { $0.form == .application }),
              returned.outcome == .returned
        else { return nil }
        return Resubmission(returned: returned, before: filings[filings.count - 2], after: filings[filings.count - 1])
    }

    /// Every answer that changed, in the form's order: a field answered, cleared or rewritten.
    public func changes(in procedure: Procedure = ApplicationProcedure.procedure) -> [Change] {
        procedure.fields.compactMap { field in
            let old = before[field.id], new = after[field.id]
            return Self.same(old, new) ? nil : Change(field: field, before: old, after: new)
        }
    }

    /// The checks whose every answer (mark, note, evidence) the applicant left as returned.
    public var unchangedChecks: [CheckItem] {
        ApplicationChecks.items.filter { item in
            [item.markID, item.noteID, item.evidenceID].allSatisfy { Self.same(before[$0], after[$0]) }
        }
    }

    /// The returning reviewer's own marks and notes on the unchanged checks, offered to them as
    /// defaults to confirm. Another 利用責任者 (a 代理, say) marks every check themselves: a mark
    /// is its writer's judgement, never inherited.
    public func keptMarks(for reviewerLogin: String) -> Answers {
        guard returned.reviewerLogin == reviewerLogin else { return [:] }
        var kept: Answers = [:]
        for item in unchangedChecks {
            for id in [ReviewFields.mark(item.number), ReviewFields.note(item.number)] {
                // A note left empty is no default: the question stays optional, as on a first check.
                if let value = returned.answers[id], !Self.same(value, nil) { kept[id] = value }
            }
        }
        return kept
    }

    /// An answer left empty and one skipped are the same to the reader of the form.
    private static func same(_ a: AnswerValue?, _ b: AnswerValue?) -> Bool {
        func normal(_ value: AnswerValue?) -> AnswerValue? {
            if case .skipped = value { return nil }
            if case .text(let text) = value, text.isEmpty { return nil }
            return value
        }
        return normal(a) == normal(b)
    }

    // MARK: Wording

    /// The changes, laid out for the reviewer before the check begins.
    public func changeLines(_ language: Language) -> [Message] {
        let changed = changes()
        var lines = [Message(.heading, Localized(
            "── 差し戻した版からの変更（\(changed.count)項目）──",
            "── Changed since the version you returned (\(changed.count)) ──")(language))]
        if changed.isEmpty {
            lines.append(Message(.warning, Localized(
                "  申請者は何も変更せずに再提出しました。理由への回答がないか、差し戻しの理由を確かめてください。",
                "  The applicant resubmitted without changing anything; check whether the reason for the return was answered.")(language)))
        }
        let separator = language == .ja ? "：" : ": "
        for change in changed {
            let old = change.before.map { AnswerFormat.inline($0, of: change.field, language) } ?? EngineText.none(language)
            let new = change.after.map { AnswerFormat.inline($0, of: change.field, language) } ?? EngineText.none(language)
            lines.append(Message(.notice, "  " + change.field.label(language) + separator))
            lines.append(Message(.info, Localized("    前：", "    was: ")(language) + old))
            lines.append(Message(.info, Localized("    今：", "    now: ")(language) + new))
        }
        return lines
    }

    /// What the reviewer is told of the marks offered to confirm.
    public func keptLine(for reviewerLogin: String, _ language: Language) -> Message? {
        let kept = ApplicationChecks.items.filter { keptMarks(for: reviewerLogin)[ReviewFields.mark($0.number)] != nil }
        guard !kept.isEmpty else { return nil }
        let numbers = kept.map { "\($0.number)" }.joined(separator: language == .ja ? "・" : ", ")
        return Message(.hint, Localized(
            "確認事項\(numbers)は申請者の記入が前回と同じです。前回のあなたの判断を既定値にしています。確かめて Enter で確定してください。",
            "The applicant's answers to checks \(numbers) are as before; your earlier marks are offered as defaults. Check each and press Enter to confirm it.")(language))
    }
}
