/// A question of the procedure file made into what the engine asks: its answer kind becomes the
/// field's kind, its conditions and its default the field's, read by `AnswerCondition` and
/// `DefaultAnswer` alone.
extension Field {
    /// A question of the application.
    public init(_ question: QuestionDefinition) {
        self = Self.field(question, id: question.id, values: [:], repeats: [:], own: nil, in: FormSetting())
    }

    /// The questions of a form in the file's order, one asked for each user made into one field each.
    public static func fields(_ questions: [QuestionDefinition], in setting: FormSetting) -> [Field] {
        let users = setting.record?.users ?? []
        let own = Set(questions.map(\.id))
        var repeats: [String: [String]] = [:]
        for question in questions where question.each == .user {
            repeats[question.id] = users.indices.map { setting.prefix + question.id + "\($0 + 1)" }
        }
        return questions.flatMap { question -> [Field] in
            guard question.each == .user else {
                return [field(question, id: setting.prefix + question.id, values: setting.placeholders, repeats: repeats, own: own, in: setting)]
            }
            return users.enumerated().map { index, user in
                let values = setting.placeholders.merging(["user": Localized(user, user)]) { $1 }
                return field(question, id: repeats[question.id]![index], values: values, repeats: repeats, own: own, in: setting)
            }
        }
    }

    /// `own`: the form's questions, nil for the application, whose conditions read only its own.
    static func field(
        _ question: QuestionDefinition, id: String, values: [String: Localized], repeats: [String: [String]], own: Set<String>?,
        in setting: FormSetting
    ) -> Field {
        // The answers a question is asked again after: the form's own its conditions read (an
        // answer of the application it reads does not change while the form is filled in).
        let read = (question.askedWhen?.questions ?? []) + (question.optionalWhen?.questions ?? []) + (question.notBefore.map { [$0.question] } ?? [])
        var dependsOn: [String] = []
        for name in read {
            let ids = repeats[name] ?? (own?.contains(name) != false ? [setting.prefix + name] : [])
            for id in ids where !dependsOn.contains(id) { dependsOn.append(id) }
        }
        for extra in setting.dependsOn[question.id] ?? [] where !dependsOn.contains(extra) { dependsOn.append(extra) }
        let (optional, optionalWhen) = (question.optional, question.optionalWhen)
        let optionalRule: Condition = { answers in optional || optionalWhen?.holds(setting.view(answers)) == true }
        var askedWhen: Condition = { _ in true }
        if let condition = question.askedWhen { askedWhen = { condition.holds(setting.view($0)) } }
        var defaultValue: DefaultRule?
        if let answer = question.startsWith {
            let (kind, record) = (question.answer, setting.record)
            defaultValue = { _, context in value(answer, kind: kind, record: record, context: context) }
        }
        var preambleRule: PreambleRule?
        var preamble = setting.preambles[question.id]
        switch question.shows {
        case .reviewers?:
            preambleRule = { answers, context in SubmissionActions.warning(answers, applicantLogin: context.person?.login, staff: context.staff) }
        case .application(let shown)?:
            let label = ProcedureScope.document.applicationQuestions.first { $0.id == shown }?.label ?? Localized(shown, shown)
            let answer = setting.record?.answers[shown]?.text ?? ""
            preamble = Localized(label.ja + "：" + answer, label.en + ": " + answer)
        case nil: break
        }
        return Field(
            id,
            label: FormSetting.filled(question.label, values),
            question: FormSetting.filled(question.question, values),
            help: FormSetting.filled(question.help, values) + explained(question.answer),
            example: question.example,
            kind: kind(question, setting),
            optional: optionalRule,
            askedWhen: askedWhen,
            dependsOn: dependsOn,
            rules: rules(question, setting) + (setting.rules[question.id] ?? []),
            notices: notices(question, setting) + (setting.notices[question.id] ?? []),
            defaultValue: defaultValue,
            preamble: preamble,
            preambleRule: preambleRule)
    }

    static func kind(_ question: QuestionDefinition, _ setting: FormSetting) -> FieldKind {
        switch question.answer {
        case .text: return .text(minimumLength: question.minimumLength)
        case .list, .webAddresses: return .list
        case .date: return .date
        case .yesNo: return .yesNo
        case .classification: return .classification
        case .files: return .files
        case .staffMember: return .staffMember
        case .people: return .users
        case .decision: return .choice(setting.options)
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

    static func rules(_ question: QuestionDefinition, _ setting: FormSetting) -> [AnswerRule] {
        var rules: [AnswerRule] = []
        if question.answer == .webAddresses {
            rules.append { value, _ in (value.list ?? []).lazy.compactMap(TermsAddress.problem).first }
        }
        if let order = question.notBefore {
            rules.append { value, answers in
                guard let date = value.date, let other = setting.view(answers)[order.question]?.date, date < other else { return nil }
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
    static func notices(_ question: QuestionDefinition, _ setting: FormSetting) -> [AnswerNotice] {
        var notices: [AnswerNotice] = question.notices.map { notice in
            { [id = question.id] value, answers in
                var given = setting.view(answers)
                given[id] = value
                return notice.when.holds(given) ? notice.text : nil
            }
        }
        if question.answer == .people {
            notices += [ApplicationProcedure.userCountNotice, ApplicationProcedure.unlistedUsersNotice]
        }
        return notices
    }

    /// What an empty line takes, as the file says.
    static func value(_ answer: DefaultAnswer, kind: AnswerKind, record: ApplicationRecord?, context: InterviewContext) -> AnswerValue? {
        switch answer {
        case .yourName: return context.person.map { .text($0.name) }
        case .yourDepartment: return context.person.map { .text($0.department) }
        case .today: return .date(context.today)
        case .you: return context.member.map { .person(NamedPerson($0)) }
        case .application(let id):
            let given = record?.answers[id]
            // People are named again from the directory of today: someone since removed is not offered.
            switch kind {
            case .staffMember: return NamingRules.stillListed(given, among: context.staff)
            case .people: return NamingRules.relinkedUsers(given, among: context.staff)
            default: return given
            }
        case .record(let recorded):
            guard let record else { return nil }
            switch recorded {
            case .stopReason: return record.stop.map { .text($0.reason) }
            case .informationHeld: return record.currentInventory.isEmpty ? nil : .list(record.currentInventory)
            case .alternative: return record.currentAlternative.isEmpty ? nil : .text(record.currentAlternative)
            }
        case .text(let text): return .text(text(context.language))
        case .first(let answers):
            return answers.lazy.compactMap { value($0, kind: kind, record: record, context: context) }.first
        }
    }
}
