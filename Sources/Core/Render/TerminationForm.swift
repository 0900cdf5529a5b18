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
        var lines: [String] = [
            ja ? "約款による外部サービス終了確認書" : "Termination of a service used under click-through terms",
            (ja ? "申請番号 " : "Application ") + "\(record.id)  ·  " + termination.status.label(language)
                + (ja ? "  ·  第\(termination.version)版" : "  ·  version \(termination.version)"),
            ja ? "以下の通り、利用中のサービスを終了します。" : "The service in use ends as follows.",
            "",
        ]
        var rows: [(String, String)] = [
            (ja ? "申請日" : "Date", Village.day(ofTimestamp: termination.submittedAt).map { AnswerFormat.date($0, language) } ?? ""),
            (label(T.applicant), value(T.applicant) + " (\(termination.applicantLogin))"),
        ]
        rows += [T.provider, T.service].map { (label($0), value($0)) }
        rows.append((FormText.department(language), record.department))
        rows += [T.description, T.reason].map { (label($0), value($0)) }
        lines += ApplicationForm.aligned(rows, remarks: [label(T.description): FormText.detailRemark(language)])
        lines.append(label(T.informationKinds))
        lines += (a[T.informationKinds]?.list ?? []).map { "  ・" + $0 }
        lines.append(label(T.users))
        lines += (a[T.users]?.list ?? []).map { "  ・" + $0 }
        let count = a[T.users]?.list?.count ?? 0
        lines.append("  " + ApplicationProcedure.userTotal(count)(language))
        lines += ApplicationForm.aligned([T.endDate, T.serviceManager, T.departmentHead, T.agreement, T.disposal].map { (label($0), value($0)) })
        lines.append(FormText.terminationAttachRemark(language))
        if blind { return lines.joined(separator: "\n") }
        lines.append("")
        lines.append(ja
            ? "■確認事項" + FormText.legend.ja + "    申請者  責任者"
            : "■ Checks " + FormText.legend.en + "          applicant  reviewer")
        let review = termination.latestDecision?.answers
        for item in TerminationProcedure.checks {
            lines.append(String(format: "%2d  ", item.number) + item.text(language))
            lines.append("      " + (ja ? "申請者 " : "applicant ") + (a[item.markID]?.mark?.symbol ?? "—") + "   "
                + (ja ? "責任者 " : "reviewer ") + (review?[ReviewFields.terminationMark(item.number)]?.mark?.symbol ?? "—"))
            if let note = a[item.noteID]?.text { lines.append("      " + (ja ? "備考：" : "note: ") + note) }
            if let note = review?[ReviewFields.terminationNote(item.number)]?.text {
                lines.append("      " + (ja ? "責任者の備考：" : "reviewer's note: ") + note)
            }
            for file in a[item.evidenceID]?.files ?? [] { lines.append("      " + (ja ? "資料：" : "evidence: ") + AnswerFormat.file(file)) }
        }
        lines.append(FormText.evidenceRemark(language))
        lines.append("")
        lines.append(ja ? "■利用責任者の確認" : "■ Review by the 利用責任者")
        if termination.decisions.isEmpty { lines.append(ja ? "  （未確認）" : "  (not yet reviewed)") }
        for decision in termination.decisions {
            let day = Village.day(ofTimestamp: decision.decidedAt).map { AnswerFormat.date($0, language) } ?? decision.decidedAt
            lines.append("  \(day)  \(decision.outcome.label(language))  \(decision.reviewerName) (\(decision.reviewerLogin))")
            if let reason = decision.reason { lines.append("    " + (ja ? "理由：" : "reason: ") + reason) }
        }
        if let until = record.keepUntil {
            lines.append("")
            lines.append((ja ? "■保管期限（終了日から3年）  " : "■ Kept until (3 years after the end)  ") + AnswerFormat.date(until, language)
                + (record.holds.isEmpty ? "" : (ja ? "（延長あり）" : " (extended)")))
        }
        return lines.joined(separator: "\n")
    }
}
