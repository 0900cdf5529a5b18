/// A question of the procedure file made into what the engine asks: its answer kind becomes the
/// field's kind, its conditions the field's conditions, read by `AnswerCondition` alone.
extension Field {
    public init(_ question: QuestionDefinition) {
        let read: [String] = (question.askedWhen?.questions ?? []) + (question.notBefore.map { [$0.question] } ?? [])
        let dependsOn: [String] = read.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        let optional = question.optional
        let optionalRule: Condition = { _ in optional }
        var askedWhen: Condition = { _ in true }
        if let condition = question.askedWhen { askedWhen = { condition.holds($0) } }
        let defaultValue: DefaultRule? = question.startsWith.map(Self.defaultValue)
        let preamble: PreambleRule? = question.shows.map(Self.preamble)
        self.init(
            question.id,
            label: question.label,
            question: question.question,
            help: question.help + Self.explained(question.answer),
            example: question.example,
            kind: Self.kind(question),
            optional: optionalRule,
            askedWhen: askedWhen,
            dependsOn: dependsOn,
            rules: Self.rules(question),
            notices: Self.notices(question),
            defaultValue: defaultValue,
            preambleRule: preamble)
    }

    static func kind(_ question: QuestionDefinition) -> FieldKind {
        switch question.answer {
        case .text: return .text(minimumLength: question.minimumLength)
        case .list, .webAddresses: return .list
        case .date: return .date
        case .yesNo: return .yesNo
        case .classification: return .classification
        case .files: return .files
        case .staffMember: return .staffMember
        case .people: return .users
        }
    }

    /// What yakkan itself adds to the file's help: how people are named from its directory, and
    /// the village's classes to decide a class by.
    static func explained(_ answer: AnswerKind) -> Localized {
        switch answer {
        case .staffMember: return Localized("", " ") + EngineText.roleFromDirectory
        case .people: return Localized("", " ") + EngineText.usersFromDirectory
        case .classification: return Localized("\n", "\n") + EngineText.classificationGuide + EngineText.classUndecided
        default: return Localized("", "")
        }
    }

    static func rules(_ question: QuestionDefinition) -> [AnswerRule] {
        var rules: [AnswerRule] = []
        if question.answer == .webAddresses {
            rules.append { value, _ in (value.list ?? []).lazy.compactMap(TermsAddress.problem).first }
        }
        if let order = question.notBefore {
            rules.append { value, answers in
                guard let date = value.date, let other = answers[order.question]?.date, date < other else { return nil }
                return Localized(
                    order.refusal.ja.replacingOccurrences(of: "{this}", with: JapaneseDate.wareki(date))
                        .replacingOccurrences(of: "{that}", with: JapaneseDate.wareki(other)),
                    order.refusal.en.replacingOccurrences(of: "{this}", with: JapaneseDate.english(date))
                        .replacingOccurrences(of: "{that}", with: JapaneseDate.english(other)))
            }
        }
        return rules
    }

    /// A notice is said when its condition holds with the answer just given.
    static func notices(_ question: QuestionDefinition) -> [AnswerNotice] {
        var notices: [AnswerNotice] = question.notices.map { notice in
            { [id = question.id] value, answers in
                var given = answers
                given[id] = value
                return notice.when.holds(given) ? notice.text : nil
            }
        }
        if question.answer == .people {
            notices += [ApplicationProcedure.userCountNotice, ApplicationProcedure.unlistedUsersNotice]
        }
        return notices
    }

    static func defaultValue(_ answer: DefaultAnswer) -> DefaultRule {
        switch answer {
        case .yourName: return { _, context in context.person.map { .text($0.name) } }
        case .yourDepartment: return { _, context in context.person.map { .text($0.department) } }
        case .today: return { _, context in .date(context.today) }
        case .you: return { _, context in context.member.map { .person(NamedPerson($0)) } }
        }
    }

    static func preamble(_ shown: Preamble) -> PreambleRule {
        switch shown {
        case .reviewers:
            return { answers, context in SubmissionActions.warning(answers, applicantLogin: context.person?.login, staff: context.staff) }
        }
    }
}
