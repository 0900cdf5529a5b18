/// Turns one check of a form into its questions. Both forms (利用申請書, 終了確認書) use it.
public enum CheckFields {
    public static func fields(for item: CheckItem, formName: Localized) -> [Field] {
        let markID = item.markID
        let words = ProcedureScope.document.checkQuestions
        let values = placeholders(item, form: formName)
        let (mark, proceed, note, evidence) = (words.mark.filled(values), words.proceed.filled(values), words.note.filled(values), words.evidence.filled(values))
        return [
            Field(
                markID, label: mark.label, question: mark.question, help: mark.help,
                kind: .mark,
                dependsOn: item.dependsOn,
                rules: item.markRules,
                defaultValue: item.defaultMark,
                preambleRule: item.preamble),
            Field(
                item.proceedID, label: proceed.label, question: proceed.question, help: proceed.help,
                kind: .proceed,
                askedWhen: { $0[markID]?.mark == .no },
                dependsOn: [markID]),
            Field(
                item.noteID, label: note.label, question: note.question, help: note.help,
                kind: .text(minimumLength: 1),
                optional: { $0[markID]?.mark != .notApplicable },
                dependsOn: [markID],
                defaultValue: item.defaultNote),
            Field(
                item.evidenceID, label: evidence.label, question: evidence.question, help: evidence.help,
                example: Localized("screenshots/https.png", "screenshots/https.png"),
                kind: .files,
                optional: { answers in !item.requiresEvidence || answers[markID]?.mark != .yes },
                dependsOn: [markID]),
        ]
    }

    /// What the words of `check_questions` name in braces, for one check of a form.
    static func placeholders(_ item: CheckItem, form: Localized) -> [String: Localized] {
        ["number": Localized("\(item.number)", "\(item.number)"), "check": item.text, "help": item.help,
         "legend": ProcedureScope.document.markLegend, "form": form]
    }
}
