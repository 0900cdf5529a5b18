/// The filled 終了確認書 as text, laid out like the 様式, with both columns of marks.
public enum TerminationForm {
    typealias T = TerminationFields

    public static func text(_ record: ApplicationRecord, _ language: Language, blind: Bool = false) -> String {
        ProcedureScope.forForm(record) { textUnderItsVersion(record, language, blind: blind) }
    }

    /// The form read with the checks and notices of the version it was made under.
    private static func textUnderItsVersion(_ record: ApplicationRecord, _ language: Language, blind: Bool) -> String {
        guard let termination = record.termination else { return "" }
        let a = termination.answers
        let procedure = TerminationProcedure.procedure(for: record)
        func value(_ id: String) -> String {
            guard let field = procedure.field(id), let answer = a[id] else { return "" }
            return AnswerFormat.inline(answer, of: field, language)
        }
        func label(_ id: String) -> String { procedure.field(id)?.label(language) ?? id }
        let ja = language == .ja
        let words = FormText.termination
        var lines: [String] = [
            words.title(language),
            (ja ? "申請番号 " : "Application ") + "\(record.id)  ·  " + termination.status.label(language)
                + (ja ? "  ·  第\(termination.version)版" : "  ·  version \(termination.version)"),
            words.lead(language),
            "",
        ]
        var rows: [(String, String)] = [
            (words.date(language), Village.day(ofTimestamp: termination.submittedAt).map { AnswerFormat.date($0, language) } ?? ""),
            (label(T.applicant), value(T.applicant) + " (\(termination.applicantLogin))"),
        ]
        rows += [T.provider, T.service].map { (label($0), value($0)) }
        rows.append((words.department?(language) ?? "", record.department))
        rows += [T.description, T.reason].map { (label($0), value($0)) }
        lines += ApplicationForm.aligned(rows, remarks: [label(T.description): words.detailRemark(language)])
        lines.append(label(T.informationKinds))
        lines += (a[T.informationKinds]?.list ?? []).map { "  ・" + $0 }
        lines.append(label(T.users))
        lines += (a[T.users]?.list ?? []).map { "  ・" + $0 }
        let count = a[T.users]?.list?.count ?? 0
        lines.append("  " + ApplicationProcedure.userTotal(count)(language))
        lines += ApplicationForm.aligned([T.endDate, T.serviceManager, T.departmentHead, T.agreement, T.disposal].map { (label($0), value($0)) })
        lines.append(words.attachRemark(language))
        if blind { return lines.joined(separator: "\n") }
        lines.append("")
        lines += ApplicationForm.checks(
            TerminationProcedure.checks, words: words, answers: a, review: termination.latestDecision?.answers,
            reviewerMark: ReviewFields.terminationMark, reviewerNote: ReviewFields.terminationNote, language)
        lines.append(words.evidenceRemark(language))
        lines.append("")
        lines.append(FormText.heading(words.decision)(language))
        if termination.decisions.isEmpty { lines.append(ja ? "  （未確認）" : "  (not yet reviewed)") }
        for decision in termination.decisions {
            let day = Village.day(ofTimestamp: decision.decidedAt).map { AnswerFormat.date($0, language) } ?? decision.decidedAt
            lines.append("  \(day)  \(decision.outcome.label(language))  \(decision.reviewerName) (\(decision.reviewerLogin))")
            if let reason = decision.reason { lines.append("    " + (ja ? "理由：" : "reason: ") + reason) }
        }
        if let until = record.keepUntil {
            lines.append("")
            lines.append(FormText.heading(FormText.keptUntil)(language) + "  " + AnswerFormat.date(until, language)
                + (record.holds.isEmpty ? "" : (ja ? "（延長あり）" : " (extended)")))
        }
        return lines.joined(separator: "\n")
    }
}
