/// The 終了確認書 as an `<article>` of the printable document, after the 利用申請書.
extension FormHTML {
    public static func terminationForm(_ record: ApplicationRecord, _ language: Language) -> String? {
        ProcedureScope.forForm(record) { terminationFormUnderItsVersion(record, language) }
    }

    /// The form read with the checks and notices of the version it was made under.
    private static func terminationFormUnderItsVersion(_ record: ApplicationRecord, _ language: Language) -> String? {
        guard let termination = record.termination else { return nil }
        typealias T = TerminationFields
        let a = termination.answers
        let procedure = TerminationProcedure.procedure(for: record)
        let words = FormText.termination
        func label(_ id: String) -> String { procedure.field(id)?.label(language) ?? id }
        func text(_ id: String) -> String {
            guard let value = a[id], value != .skipped else { return "" }
            return escape(AnswerFormat.inline(value, language))
        }
        func files(_ id: String) -> String { (a[id]?.files ?? []).map { escape($0.fileName) }.joined(separator: "<br>") }
        let submitted = Village.day(ofTimestamp: termination.submittedAt).map { escape(AnswerFormat.date($0, language)) } ?? ""
        let users = a[T.users]?.list ?? []
        let rows: [Row] = [
            .pair(words.date(language), submitted, label(T.applicant), text(T.applicant)),
            .full(label(T.provider), text(T.provider)),
            .full(label(T.service), "<strong class=\"service\">\(text(T.service))</strong>"),
            .full(escape(words.department?(language) ?? ""), escape(record.department)),
            .full(label(T.description), detailed(multiline(text(T.description)), words, language)),
            .full(label(T.reason), multiline(text(T.reason))),
            .full(label(T.informationKinds), itemList(a[T.informationKinds]?.list ?? [])),
            .full(label(T.users), itemList(users, extra: escape(FormText.userTotal(users.count)(language)))),
            .full(label(T.endDate), a[T.endDate]?.date.map { escape(AnswerFormat.date($0, language)) } ?? ""),
            .pair(label(T.serviceManager), text(T.serviceManager), label(T.departmentHead), text(T.departmentHead)),
            .full(label(T.agreement), files(T.agreement)),
            .full(label(T.disposal), files(T.disposal)),
        ]
        let review = termination.latestDecision?.answers ?? [:]
        var applicantMarks: [Int: Mark] = [:]
        var reviewerMarks: [Int: Mark] = [:]
        var notes: [Int: [String]] = [:]
        for item in TerminationProcedure.checks {
            applicantMarks[item.number] = a[item.markID]?.mark
            reviewerMarks[item.number] = review[ReviewFields.terminationMark(item.number)]?.mark
            notes[item.number] = [
                a[item.noteID]?.text.map { FormText.applicantNote(language) + $0 },
                review[ReviewFields.terminationNote(item.number)]?.text.map { FormText.reviewerNote(language) + $0 },
            ].compactMap { $0 } + (a[item.evidenceID]?.files ?? []).map { FormText.evidence(language) + $0.fileName }
        }
        var decisions = termination.decisions.map { decision -> Row in
            let day = Village.day(ofTimestamp: decision.decidedAt).map { AnswerFormat.date($0, language) } ?? ""
            return .full(escape(day), escape(decision.outcome.label(language) + "  " + decision.reviewerName
                + (decision.reason.map { "  " + $0 } ?? "")))
        }
        if let until = record.keepUntil {
            decisions.append(.full(FormText.keptUntil(language),
                                   escape(AnswerFormat.date(until, language))))
        }
        var html = "<article class=\"form\">\n<header>\n"
        html += "<p class=\"meta\"><span>\(escape(FormText.applicationNumber(language))) \(record.id)</span>"
            + "<span class=\"status\">\(escape(termination.status.label(language)))</span></p>\n"
        html += "<h1>\(escape(words.title(language)))</h1>\n"
        html += "<p class=\"lead\">\(escape(words.lead(language)))</p>\n</header>\n"
        html += section(nil, rows: rows, className: "fields")
        html += "<p class=\"remark\">\(escape(words.attachRemark(language)))</p>\n"
        html += checksTable(items: TerminationProcedure.checks, words: words, applicantMarks: applicantMarks, reviewerMarks: reviewerMarks,
                            notes: notes, language: language)
        html += "<p class=\"remark\">\(escape(words.evidenceRemark(language)))</p>\n"
        html += section(words.decision(language), rows: decisions)
        html += "</article>\n"
        return html
    }
}
