/// The engine: one procedure interpreted for one person. Pure: every input gives a new state,
/// the messages to show and the effects for the shell to carry out.
public struct Interview: Sendable {
    public let procedure: Procedure
    public let context: InterviewContext

    public init(procedure: Procedure, context: InterviewContext) {
        self.procedure = procedure
        self.context = context
    }

    var language: Language { context.language }

    // MARK: Where the user is

    /// The first applicable question without an answer; nil when the form is complete.
    public func nextField(_ state: InterviewState) -> Field? {
        procedure.applicableFields(state.answers).first { !isAnswered($0, state) }
    }

    /// A person who holds a role is answered only once they are chosen from the directory: a
    /// plain name in a draft of an earlier yakkan is asked again.
    func isAnswered(_ field: Field, _ state: InterviewState) -> Bool {
        guard let value = state.answers[field.id] else { return false }
        if case .staffMember = field.kind { return value.person?.isListed == true }
        return true
    }

    /// 1-based position of a field among those that apply, and how many apply.
    public func position(of field: Field, _ state: InterviewState) -> (index: Int, total: Int) {
        let fields = procedure.applicableFields(state.answers)
        let index = (fields.firstIndex { $0.id == field.id } ?? 0) + 1
        return (index, fields.count)
    }

    /// What an empty line would take for this field now.
    /// An earlier answer comes first, unless the answers it depended on changed so that the
    /// field's own rules now refuse it, or it was only the default of answers now changed.
    public func defaultAnswer(for field: Field, _ state: InterviewState) -> AnswerValue? {
        defaultOffer(for: field, state)?.value
    }

    func defaultOffer(for field: Field, _ state: InterviewState) -> (value: AnswerValue, computed: Bool)? {
        if let earlier = state.previous[field.id].flatMap({ offeredAgain($0, for: field) }), !state.derived.contains(field.id),
           field.rules.allSatisfy({ $0(earlier, state.answers) == nil }) {
            return (earlier, false)
        }
        return field.defaultValue?(state.answers, context).map { ($0, true) }
    }

    /// An earlier answer naming someone who holds a role is offered only while the directory
    /// lists them.
    private func offeredAgain(_ earlier: AnswerValue, for field: Field) -> AnswerValue? {
        if case .staffMember = field.kind { return NamingRules.stillListed(earlier, among: context.staff) }
        return earlier
    }

    /// The words TAB may complete for the current question.
    public func completions(_ state: InterviewState) -> [String] {
        guard let field = nextField(state) else { return yesNoWords }
        switch field.kind {
        // The words as well as the symbols, so that TAB can complete 該 to 該当なし.
        case .mark: return Mark.allCases.map(\.symbol) + Mark.words(language)
        case .classification: return Classification.scale.map(\.label)
        case .yesNo, .proceed, .acknowledgement: return yesNoWords
        case .choice(let options): return options.map { $0.label(language) }
        case .staffMember, .users: return StaffLookup(context.staff).completions(language)
        default: return []
        }
    }

    private var yesNoWords: [String] { [EngineText.yes(language), EngineText.no(language)] }

    /// The lines that ask the current question (or, when complete, ask to submit).
    public func prompt(_ state: InterviewState) -> [Message] {
        guard let field = nextField(state) else {
            return [Message(.question, EngineText.submitQuestion(language))]
        }
        var lines: [Message] = []
        if let preamble = field.preamble { lines.append(Message(.notice, preamble(language))) }
        if let preamble = field.preambleRule?(state.answers, context) { lines.append(Message(.warning, preamble(language))) }
        if case .staffMember = field.kind, context.staff.isEmpty {
            lines.append(Message(.warning, NamingRules.emptyDirectory(language)))
        }
        let (index, total) = position(of: field, state)
        lines.append(Message(.question, "\(procedure.title(language)) \(index)/\(total) · \(field.question(language))"))
        var hints: [String] = []
        if let example = field.example { hints.append(EngineText.examplePrefix(language) + example(language)) }
        let choices = completions(state)
        switch field.kind {
        case .mark:
            hints.append(EngineText.choicesPrefix(language) + Mark.allCases.map(\.symbol).joined(separator: " "))
        case .choice:
            hints.append(EngineText.choicesPrefix(language) + choices.joined(separator: " "))
        case .staffMember:
            hints.append(EngineText.fromDirectory(language))
        default:
            break
        }
        if let value = defaultAnswer(for: field, state) {
            hints.append(EngineText.defaultPrefix(language) + "[\(AnswerFormat.inline(value, of: field, language))]")
        } else if field.optional(state.answers) {
            hints.append(EngineText.optionalHint(language))
        }
        hints.append(EngineText.helpHint(language))
        lines.append(Message(.hint, "  " + hints.joined(separator: " · ")))
        return lines
    }

    /// Whether a state is the start of a form (nothing answered yet).
    public func isBlank(_ state: InterviewState) -> Bool { state.answers.isEmpty }

    // MARK: Input

    /// Handles raw bytes read from the user.
    public func handle(bytes: [UInt8], _ state: InterviewState) -> Outcome {
        switch InputLine.decode(bytes) {
        case .failure(let problem):
            return refuse(state, EngineText.lineProblem(problem))
        case .success(let line):
            return handle(line: line, state)
        }
    }

    /// Handles one decoded line: a command when it starts with ':' (or is '?'), else an answer.
    public func handle(line: String, _ state: InterviewState) -> Outcome {
        let folded = InputLine.halfwidthASCII(line).trimmingCharacters(in: .whitespaces)
        if folded == "?" || folded.hasPrefix(":") {
            return command(folded, state)
        }
        guard let field = nextField(state) else { return confirmSubmission(line, state) }
        return answer(line, to: field, state)
    }

    private func answer(_ line: String, to field: Field, _ state: InterviewState) -> Outcome {
        let value: AnswerValue
        var fault: StoreError?
        switch interpret(line, field, state, storeFault: &fault) {
        case .failure(let reason):
            var refused = refuse(state, reason)
            refused.storeFault = fault
            return refused
        case .success(let accepted): value = accepted
        }
        if case .proceed = field.kind, value.flag == false {
            return Outcome(state: state, messages: [Message(.info, EngineText.saved(language))],
                           effects: [.leave], refused: false)
        }
        if case .acknowledgement = field.kind, value.flag == false {
            return refuse(state, EngineText.mustAcknowledge)
        }
        for rule in field.rules {
            if let reason = rule(value, state.answers) { return refuse(state, reason) }
        }
        var next = state
        next.answers[field.id] = value
        next.order.removeAll { $0 == field.id }
        next.order.append(field.id)
        next.previous.removeValue(forKey: field.id)
        let tookComputedDefault = line.trimmingCharacters(in: .whitespaces).isEmpty
            && defaultOffer(for: field, state)?.computed == true
        if tookComputedDefault { next.derived.insert(field.id) } else { next.derived.remove(field.id) }
        var messages = field.notices.compactMap { $0(value, next.answers) }.map { Message(.notice, $0(language)) }
        if nextField(next) == nil { messages += review(next) }
        return Outcome(state: next, messages: messages, effects: [.saveDraft], refused: false)
    }

    /// Turns a line into a value of the field's kind, or says why it cannot.
    func interpret(_ line: String, _ field: Field, _ state: InterviewState) -> Result<AnswerValue, Localized> {
        var ignored: StoreError?
        return interpret(line, field, state, storeFault: &ignored)
    }

    /// `storeFault` is set when the store, not the answer, failed (a copy of an attachment that
    /// the disk could not hold), so that the shell can treat it as the store's fault.
    func interpret(_ line: String, _ field: Field, _ state: InterviewState, storeFault: inout StoreError?) -> Result<AnswerValue, Localized> {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            if let value = defaultAnswer(for: field, state) { return .success(value) }
            if field.optional(state.answers) { return .success(.skipped) }
            return .failure(EngineText.required)
        }
        let folded = InputLine.halfwidthASCII(trimmed)
        if EngineText.isUnsure(folded) {
            switch field.kind {
            case .classification: return .failure(EngineText.classificationGuide + EngineText.unsure(whoToAsk(state)))
            case .yesNo, .proceed, .mark: return .failure(EngineText.unsure(whoToAsk(state)))
            default: break
            }
        }
        switch field.kind {
        case .text(let minimum):
            return trimmed.count >= minimum ? .success(.text(trimmed)) : .failure(EngineText.tooShort(minimum))
        case .list:
            let items = ListInput.items(trimmed)
            return items.isEmpty ? .failure(EngineText.emptyList) : .success(.list(items))
        case .date:
            return JapaneseDate.parse(trimmed).map(AnswerValue.date).mapError(EngineText.dateProblem)
        case .yesNo, .proceed, .acknowledgement:
            return YesNo.parse(folded).map { .success(.flag($0)) } ?? .failure(EngineText.notYesNo)
        case .classification:
            return Classification(typed: folded).map { .success(.classification($0)) }
                ?? .failure(EngineText.notClassification)
        case .mark:
            return Mark(typed: folded).map { .success(.mark($0)) } ?? .failure(EngineText.notMark)
        case .choice(let options):
            return options.first { $0.matches(folded) }.map { .success(.choice($0.value)) }
                ?? .failure(EngineText.notChoice(options.map { $0.label }))
        case .files:
            var attachments: [Attachment] = []
            for path in ListInput.paths(trimmed) {
                switch context.intake.ingest(path: path) {
                case .success(let attachment): attachments.append(attachment)
                case .failure(let problem):
                    if case .notKept(_, let fault) = problem { storeFault = fault }
                    return .failure(EngineText.attachmentProblem(problem))
                }
            }
            return attachments.isEmpty ? .failure(EngineText.noFiles) : .success(.files(attachments))
        case .staffMember:
            return NamingRules.listed(trimmed, among: context.staff).map(AnswerValue.person)
        case .users:
            let names = ListInput.items(trimmed)
            guard !names.isEmpty else { return .failure(EngineText.emptyList) }
            return NamingRules.users(names, among: context.staff).map { people in
                // The applicant names themselves among the users: kept with their own login, listed
                // in the directory or not, so that what concerns the service reaches them too.
                guard let login = context.login ?? context.person?.login, let own = state.answers[ApplicationFields.applicant]?.text else { return .people(people) }
                return .people(people.map { !$0.isListed && Names.same($0.name, own) ? NamedPerson(name: $0.name, login: login) : $0 })
            }
        }
    }

    /// Whom a clerk who cannot answer should ask: the 利用責任者 of the 課 the form is for.
    func whoToAsk(_ state: InterviewState) -> [StaffMember] {
        guard let department = state.answers[ApplicationFields.department]?.text else { return [] }
        return context.staff.filter { $0.reviews(department) && $0.login != context.person?.login }
    }

    private func refuse(_ state: InterviewState, _ reason: Localized) -> Outcome {
        Outcome(state: state, messages: [Message(.error, reason(language))], effects: [], refused: true)
    }

    // MARK: Submission

    /// Reasons the complete form cannot be submitted.
    public func blockers(_ state: InterviewState) -> [Localized] {
        procedure.submissionBlockers.compactMap { $0(state.answers) }
            + procedure.directoryBlockers.compactMap { $0(state.answers, context) }
    }

    private func confirmSubmission(_ line: String, _ state: InterviewState) -> Outcome {
        guard let yes = YesNo.parse(InputLine.halfwidthASCII(line).trimmingCharacters(in: .whitespaces)) else {
            return refuse(state, EngineText.notYesNo)
        }
        guard yes else {
            return Outcome(state: state, messages: [Message(.info, EngineText.saved(language))],
                           effects: [.leave], refused: false)
        }
        let reasons = blockers(state)
        guard reasons.isEmpty else {
            let lines = [Message(.error, EngineText.cannotSubmit(language))]
                + reasons.map { Message(.error, "  ・" + $0(language)) }
            return Outcome(state: state, messages: lines, effects: [], refused: true)
        }
        return Outcome(state: state, messages: [], effects: [.submit], refused: false)
    }

    // MARK: Review

    /// Every applicable answer with its number, as on the review screen.
    public func review(_ state: InterviewState) -> [Message] {
        var lines = [Message(.heading, EngineText.reviewHeading(language))]
        let fields = procedure.applicableFields(state.answers)
        for (offset, field) in fields.enumerated() {
            guard let value = state.answers[field.id] else { continue }
            let shown = AnswerFormat.inline(value, of: field, language)
            var changed = ""
            if let source = state.reusedFrom, let before = state.reusedAnswers, Reuse.isReusable(field.id), before[field.id] != value {
                changed = Reuse.changed(source)(language)
            }
            lines.append(Message(changed.isEmpty ? .info : .notice,
                                 String(format: "%3d. ", offset + 1) + "\(field.label(language))" + (language == .ja ? "：" : ": ") + shown + changed))
        }
        let unanswered = fields.filter { !isAnswered($0, state) }.count
        if unanswered > 0 { lines.append(Message(.hint, EngineText.unanswered(unanswered)(language))) }
        for reason in blockers(state) where nextField(state) == nil {
            lines.append(Message(.warning, "  ! " + reason(language)))
        }
        if let decision = context.returnedBy { lines += ReturnedNotes.lines(decision, application: state.answers, language) }
        return lines
    }
}
