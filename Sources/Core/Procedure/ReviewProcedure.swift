/// The ids of the review's fields.
public enum ReviewFields {
    public static func mark(_ number: Int) -> String { "review.check\(number)" }
    public static func note(_ number: Int) -> String { "review.check\(number).note" }
    public static func terminationMark(_ number: Int) -> String { "review.termination.check\(number)" }
    public static func terminationNote(_ number: Int) -> String { "review.termination.check\(number).note" }
    public static let businessNeed = "review.business_need"
    public static let permitClassification = "review.permit_classification"
    public static let permitReason = "review.permit_reason"
    public static let decision = "review.decision"
    public static let reason = "review.reason"
}

/// The 利用責任者's double check of one application (section 5(2)–(4)) as data. Built for
/// the application at hand, because each check shows what the applicant wrote, and the
/// applicant's mark is revealed only after the reviewer has marked it.
public enum ReviewProcedure {
    public static let id = "review"
    public static let terminationID = "termination-review"
    typealias R = ReviewFields

    /// `today`, when given, lets approval refuse a period that has already ended.
    public static func procedure(
        for application: ApplicationRecord, today: Day? = nil, evidencePath: @escaping @Sendable (Attachment) -> String
    ) -> Procedure {
        let answers = application.answers
        var fields: [Field] = []
        for item in ApplicationChecks.items {
            fields += checkFields(item, answers, evidencePath, mark: ReviewFields.mark, note: ReviewFields.note)
        }
        let form = FormName.review
        var setting = form.setting(application)
        let label = application.classification?.label ?? ""
        setting.placeholders["class"] = Localized(label, label)
        setting.options = [
            ChoiceOption(DecisionOutcome.approved.rawValue, label: DecisionOutcome.approved.label, typed: ["承認する", "approve", "a"]),
            returnOption,
            ChoiceOption(DecisionOutcome.refused.rawValue, label: DecisionOutcome.refused.label, typed: ["refuse", "却下する"]),
        ]
        decides(&setting, form, marks: fields.map(\.id), positive: .approved, refusedAs: Localized("承認できません：", "It cannot be approved: ")) {
            ApprovalRules.blockers(review: $0, application: application) + ApprovalRules.periodBlockers(application, today: today)
        }
        return Procedure(id: id, title: Localized("確認", "Review"), fields: fields + form.fields(setting))
    }

    static func checkFields(
        _ item: CheckItem, _ answers: Answers, _ evidencePath: @escaping @Sendable (Attachment) -> String,
        mark: (Int) -> String, note: (Int) -> String
    ) -> [Field] {
        let applicantMark = answers[item.markID]?.mark
        // The applicant's note says what they concluded, so it comes with their mark, after the
        // reviewer's own (blind) mark; the evidence is what the reviewer judges from, before.
        let applicantNote = Localized("申請者の備考：", "Applicant's note: ")
            + Localized(answers[item.noteID]?.text ?? "（なし）", answers[item.noteID]?.text ?? "(none)")
        var evidence: Localized?
        for file in answers[item.evidenceID]?.files ?? [] {
            let line = AnswerFormat.file(file) + "\n    sha256 " + file.sha256 + "\n    " + evidencePath(file)
            let shown = Localized("確認資料：\n  " + line, "Evidence:\n  " + line)
            evidence = evidence.map { $0 + Localized("\n", "\n") + shown } ?? shown
        }
        let markID = mark(item.number)
        let words = ProcedureScope.document.checkQuestions
        let values = CheckFields.placeholders(item, form: Localized("", ""))
        let (reviewerMark, reviewerNote) = (words.reviewerMark.filled(values), words.reviewerNote.filled(values))
        return [
            Field(
                markID, label: reviewerMark.label, question: reviewerMark.question, help: reviewerMark.help,
                kind: .mark,
                notices: [{ value, _ in reveal(value.mark, applicantMark) + Localized("\n", "\n") + applicantNote }],
                preamble: evidence),
            Field(
                note(item.number), label: reviewerNote.label, question: reviewerNote.question, help: reviewerNote.help,
                kind: .text(minimumLength: 1),
                optional: { $0[markID]?.mark == applicantMark },
                dependsOn: [markID]),
        ]
    }

    /// The double check of a termination form (section 7(2)): its four checks marked blind,
    /// then 確認 or 差し戻し; a × on check 1 or 2 cannot be confirmed.
    public static func termination(for record: ApplicationRecord, evidencePath: @escaping @Sendable (Attachment) -> String) -> Procedure {
        let answers = record.termination?.answers ?? [:]
        let fields = TerminationProcedure.checks.flatMap {
            checkFields($0, answers, evidencePath, mark: ReviewFields.terminationMark, note: ReviewFields.terminationNote)
        }
        let form = FormName.terminationReview
        var setting = form.setting(record)
        setting.options = [
            ChoiceOption(DecisionOutcome.confirmed.rawValue, label: DecisionOutcome.confirmed.label, typed: ["確認する", "confirm", "c"]),
            returnOption,
        ]
        decides(&setting, form, marks: fields.map(\.id), positive: .confirmed, refusedAs: Localized("確認できません：", "It cannot be confirmed: ")) {
            TerminationRules.confirmationBlockers(review: $0)
        }
        return Procedure(id: terminationID, title: Localized("終了の確認", "Termination review"), fields: fields + form.fields(setting))
    }

    static let returnOption = ChoiceOption(
        DecisionOutcome.returned.rawValue, label: DecisionOutcome.returned.label, typed: ["差戻し", "差戻", "return", "r"])

    /// The decision of a double check: asked again after every mark and every question before
    /// it, and choosing the positive outcome is refused, with the reasons, while anything stands in its way.
    static func decides(
        _ setting: inout FormSetting, _ form: FormName, marks: [String], positive: DecisionOutcome, refusedAs: Localized,
        blockers: @escaping @Sendable (Answers) -> [Localized]
    ) {
        let decision = form.fileID(R.decision)
        let before = ProcedureScope.document.questions(form).prefix { $0.id != decision }.map { form.prefix + $0.id }
        setting.dependsOn[decision] = marks + before
        setting.rules[decision] = [{ value, reviewAnswers in
            guard value.choice == positive.rawValue else { return nil }
            let reasons = blockers(reviewAnswers)
            guard let first = reasons.first else { return nil }
            return refusedAs + reasons.dropFirst().reduce(first) { $0 + Localized("／", "; ") + $1 }
        }]
    }

    static func reveal(_ mine: Mark?, _ theirs: Mark?) -> Localized {
        let symbol = theirs?.symbol ?? "—"
        if mine == theirs {
            return Localized("申請者の記入：\(symbol)（一致）", "The applicant marked \(symbol) (the same).")
        }
        return Localized(
            "申請者の記入：\(symbol)（あなたの記入と異なります。次の備考に理由を記入してください）",
            "The applicant marked \(symbol), which differs from yours: give the reason in the note that follows.")
    }
}

/// What stands in the way of approving (section 5(3): approve only a form with no problem).
public enum ApprovalRules {
    public static func blockers(review: Answers, application: ApplicationRecord) -> [Localized] {
        var reasons: [Localized] = []
        let crossed = ApplicationChecks.items.filter { review[ReviewFields.mark($0.number)]?.mark == .no }.map(\.number)
        if !crossed.isEmpty {
            let list = crossed.map(String.init).joined(separator: ", ")
            reasons.append(Localized("責任者欄に×があります（確認事項\(list)）", "the reviewer's column has × (check \(list))"))
        }
        if application.answers[ApplicationFields.overseas]?.flag == true {
            reasons.append(Localized("海外のサーバ・ネットワークを経由します（手順書6(2)）", "it goes via servers or networks abroad (section 6(2))"))
        }
        if application.classification?.needsExplicitPermission == true && review[ReviewFields.permitClassification]?.flag != true {
            // The classes the form's version says need permission (Ⅰ・Ⅱ in 1.0).
            let needing = ProcedureScope.document.scaleNeedingPermission
            reasons.append(Localized(
                "重要性分類\(needing.joined(separator: "・"))の許可（決裁）がありません",
                "class \(needing.joined(separator: "/")) information is not permitted"))
        }
        if review[ReviewFields.businessNeed]?.flag == false {
            reasons.append(Localized("業務上の必要性が認められていません（手順書4）", "no business need is accepted (section 4)"))
        }
        return reasons
    }

    /// A period that has already ended would be approved into a use that is over on its first
    /// day, with every duty of section 6 overdue or never due: it is to be returned and corrected.
    public static func periodBlockers(_ application: ApplicationRecord, today: Day?) -> [Localized] {
        guard let today, let end = application.periodEnd, end < today else { return [] }
        return [Localized(
            "利用期間が既に終わっています（終了日 \(JapaneseDate.wareki(end))）。差し戻して期間を直してもらってください",
            "its period has already ended (\(JapaneseDate.english(end))); return it to have the period corrected")]
    }

    /// The same for the applicant, before submitting.
    public static func endedPeriod(_ answers: Answers, today: Day) -> Localized? {
        guard let end = answers[ApplicationFields.periodEnd]?.date, end < today else { return nil }
        return Localized(
            "利用期間の終了日（\(JapaneseDate.wareki(end))）が今日より前です。これから利用する期間を入力してください（:edit で修正できます）。",
            "The period's last day (\(JapaneseDate.english(end))) is before today. Give the period the service will be used in (:edit corrects it).")
    }
}
