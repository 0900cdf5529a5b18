/// The filled 利用申請書 as text, laid out like the 様式: its boxes in order, the checks with
/// the 申請者 and 責任者 columns, the risk notice and the procedure version.
public enum ApplicationForm {
    typealias F = ApplicationFields

    /// `blind` leaves out the checks, for a reviewer who has yet to mark them.
    public static func text(_ record: ApplicationRecord, applicant: Person?, today: Day, _ language: Language, blind: Bool = false) -> String {
        ProcedureScope.forForm(record) { textUnderItsVersion(record, applicant: applicant, today: today, language, blind: blind) }
    }

    /// The form read with the checks and notices of the version it was made under.
    private static func textUnderItsVersion(_ record: ApplicationRecord, applicant: Person?, today: Day, _ language: Language, blind: Bool) -> String {
        let a = record.answers
        func value(_ id: String) -> String { a[id].map { AnswerFormat.inline($0, language) } ?? "" }
        func label(_ id: String) -> String { ApplicationProcedure.procedure.field(id)?.label(language) ?? id }
        func bullets(_ id: String) -> [String] { (a[id]?.list ?? []).map { (language == .ja ? "  ・" : "  - ") + $0 } }
        let ja = language == .ja
        let words = FormText.application
        var lines: [String] = []
        lines.append(words.title(language))
        lines.append((ja ? "申請番号 " : "Application ") + "\(record.id)  ·  " + record.status.label(periodStart: record.periodStart, today: today)(language))
        lines.append(words.lead(language))
        lines.append("")
        var rows: [(String, String)] = [
            (words.date(language), record.applicationDay.map { AnswerFormat.date($0, language) } ?? ""),
            (label(F.applicant), value(F.applicant) + (record.applicantLogin.isEmpty ? "" : " (\(record.applicantLogin))")),
            (label(F.department), value(F.department)),
            (label(F.provider), value(F.provider)),
            (label(F.service), value(F.service)),
            (label(F.description), value(F.description)),
            (label(F.purpose), value(F.purpose)),
        ]
        lines += aligned(rows, remarks: [label(F.description): words.detailRemark(language)])
        lines.append(label(F.informationKinds))
        lines += bullets(F.informationKinds)
        rows = [
            (label(F.classification), value(F.classification)),
            (label(F.personalInformation), value(F.personalInformation)),
            (label(F.overseas), value(F.overseas)),
        ]
        lines += aligned(rows)
        lines.append(label(F.users))
        lines += bullets(F.users)
        lines.append("  " + ApplicationProcedure.userTotal(record.userCount)(language))
        let period = [F.periodStart, F.periodEnd].map { a[$0]?.date.map { AnswerFormat.date($0, language) } ?? "" }
        rows = [
            (words.period?(language) ?? "", period.joined(separator: " ～ ")),
            (label(F.serviceManager), value(F.serviceManager)),
            (label(F.departmentHead), value(F.departmentHead)),
            (label(F.alternative), value(F.alternative)),
            (label(F.signupRecord), value(F.signupRecord)),
            (label(F.terms), value(F.terms)),
        ] + (a[F.termsAddresses]?.list.map { [(label(F.termsAddresses), $0.joined(separator: " "))] } ?? [])
        rows += ApplicationProcedure.addedQuestions.filter { a[$0.id] != nil }.map { ($0.label(language), value($0.id)) }
        lines += aligned(rows)
        lines += TermsCheckText.lastChecks(record).map { $0(language) }
        lines.append(words.attachRemark(language))
        if blind { return lines.joined(separator: "\n") }
        lines.append("")
        lines += checks(record, language)
        lines.append(words.evidenceRemark(language))
        lines.append("")
        lines += RiskNotice.fullText(language).split(separator: "\n").map(String.init)
        lines.append("  " + label(F.risks) + "：" + value(F.risks))
        lines.append("")
        lines += approval(record, language)
        lines.append("")
        let use = duringUse(record, language)
        if !use.isEmpty { lines += use + [""] }
        if record.termination != nil { lines += [TerminationForm.text(record, language), ""] }
        lines.append(FormText.madeUnder(record.procedureVersion, ProcedureScope.document.version)(language))
        if let entry = record.lastEntry { lines.append(FormText.loggedAs(entry)(language)) }
        return lines.joined(separator: "\n")
    }

    /// The 利用責任者's block: every decision, dated and named, and the service manager's acknowledgement.
    static func approval(_ record: ApplicationRecord, _ language: Language) -> [String] {
        let ja = language == .ja
        var lines = [FormText.heading(FormText.application.decision)(language)]
        if let imported = ImportActions.importedDecision(record) {
            lines.append("  " + imported(language))
        } else if record.decisions.isEmpty {
            lines.append(ja ? "  （未確認）" : "  (not yet reviewed)")
        }
        for decision in record.decisions {
            let day = Village.day(ofTimestamp: decision.decidedAt).map { AnswerFormat.date($0, language) } ?? decision.decidedAt
            lines.append("  \(day)  \(decision.outcome.label(language))  \(decision.reviewerName) (\(decision.reviewerLogin))"
                + "  " + FormText.onSubmission(decision, among: record.decisions)(language))
            if let reason = decision.reason { lines.append("    " + (ja ? "理由：" : "reason: ") + reason) }
            if decision.answers[ReviewFields.permitClassification]?.flag == true {
                let why = decision.answers[ReviewFields.permitReason]?.text ?? ""
                let needing = FormText.classesNeedingPermission
                lines.append("    " + (ja ? "重要性分類\(needing.ja)の許可（決裁）：" : "class \(needing.en) permitted: ") + why)
            }
        }
        if let acknowledgement = record.acknowledgement {
            let day = Village.day(ofTimestamp: acknowledgement.acknowledgedAt).map { AnswerFormat.date($0, language) } ?? ""
            lines.append((ja ? "■リスクの確認（サービス管理担当者）  " : "■ Risks acknowledged by the service manager  ")
                + "\(day)  \(acknowledgement.name) (\(acknowledgement.login))")
            if let approval = record.approval {
                lines.append((ja ? "  リスクの説明（利用責任者）  " : "  Risks explained by the 利用責任者  ")
                    + "\(approval.reviewerName) (\(approval.reviewerLogin))")
            }
        }
        return lines
    }

    /// Section 6 while in use: every duty record, incident, stop and continuation decision.
    static func duringUse(_ record: ApplicationRecord, _ language: Language) -> [String] {
        let events = ServiceLife.events(record, language)
        guard !events.isEmpty else { return [] }
        var lines = [language == .ja ? "■利用中の記録" : "■ During use"]
        for event in events {
            lines.append("  " + event.day + "  " + event.title + (event.by.isEmpty ? "" : "  " + event.by))
            for detail in event.details { lines.append("      " + detail) }
        }
        return lines
    }

    /// Label and value rows with the values in one column; a remark of the form (※…) goes on
    /// its own line under the value of the row it belongs to.
    static func aligned(_ rows: [(String, String)], remarks: [String: String] = [:]) -> [String] {
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        return rows.flatMap { row in
            [DisplayWidth.padded(row.0, to: width) + "  " + row.1]
                + (remarks[row.0].map { [String(repeating: " ", count: width + 2) + $0] } ?? [])
        }
    }

    static func checks(_ record: ApplicationRecord, _ language: Language) -> [String] {
        checks(ApplicationChecks.items, words: FormText.application, answers: record.answers, review: record.latestDecision?.answers,
               reviewerMark: ReviewFields.mark, reviewerNote: ReviewFields.note, language)
    }

    /// The checks table of either form: number, question, 申請者 and 責任者 marks, then notes
    /// and evidence; `reviewerMark` and `reviewerNote` name the double check's answers of a check.
    static func checks(
        _ items: [CheckItem], words: PrintedFormWords, answers: Answers, review: Answers?,
        reviewerMark: (Int) -> String, reviewerNote: (Int) -> String, _ language: Language
    ) -> [String] {
        let ja = language == .ja
        let applicant = words.applicantColumn(language), reviewer = words.reviewerColumn(language)
        let legend = ja ? FormText.legend.ja + "    " : " " + FormText.legend.en + "          "
        var lines = [FormText.heading(words.checks)(language) + legend + applicant + "  " + reviewer]
        for item in items {
            let mark = answers[item.markID]?.mark?.symbol ?? "—"
            let reviewerMark = review?[reviewerMark(item.number)]?.mark?.symbol ?? "—"
            lines.append(String(format: "%2d  ", item.number) + item.text(language))
            lines.append("      " + applicant + " " + mark + "   " + reviewer + " " + reviewerMark)
            if let note = answers[item.noteID]?.text {
                lines.append("      " + (ja ? "備考：" : "note: ") + note)
            }
            if let note = review?[reviewerNote(item.number)]?.text {
                lines.append("      " + (ja ? "責任者の備考：" : "reviewer's note: ") + note)
            }
            for file in answers[item.evidenceID]?.files ?? [] {
                lines.append("      " + (ja ? "資料：" : "evidence: ") + AnswerFormat.file(file))
            }
        }
        return lines
    }
}
