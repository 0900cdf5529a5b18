import Core

/// The application interview in the shell: reads lines, hands them to Core's engine, shows
/// what it says and carries out its effects, saving the draft after every accepted answer.
struct ApplyFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run() throws -> Int32 {
        var person = try store.person(login: session.login)
        let context = InterviewContext(
            language: language, today: Village.today(session.clock), person: person, intake: store.intake)
        let interview = Interview(procedure: ApplicationProcedure.procedure, context: context)
        session.show(.info, SessionText.welcome(language))
        guard var draft = try chooseDraft(interview) else { return 0 }
        while true {
            session.show(interview.prompt(draft.state))
            switch session.reader.read(prompt: "> ", completions: interview.completions(draft.state)) {
            case .interrupted:
                session.show(.hint, SessionText.interrupted(language))
                continue
            case .endOfInput:
                if !interview.isBlank(draft.state) { session.show(.info, SessionText.saved(language)) }
                return 0
            case .line(let bytes):
                let outcome = interview.handle(bytes: bytes, draft.state)
                session.show(outcome.messages)
                draft.state = outcome.state
                for effect in outcome.effects {
                    switch effect {
                    case .saveDraft:
                        if !interview.isBlank(draft.state) || draft.id != nil {
                            draft = try store.saveDraft(draft, at: Village.timestamp(session.clock.now))
                        }
                        person = try rememberPerson(person, draft.state.answers)
                    case .submit:
                        let record = try store.submitApplication(
                            from: draft, procedureVersion: ProcedureVersion.current.version,
                            at: Village.timestamp(session.clock.now))
                        session.show(.success, SessionText.submitted(record)(language))
                        return 0
                    case .leave:
                        return 0
                    }
                }
                if outcome.refused && bail {
                    session.show(.error, SessionText.bail(language))
                    return 1
                }
            }
        }
    }

    /// Offers the person's drafts; nil when they left instead of choosing.
    private func chooseDraft(_ interview: Interview) throws -> Draft? {
        let fresh = Draft(owner: session.login, procedureID: interview.procedure.id, state: InterviewState())
        let drafts = try store.drafts(owner: session.login, procedureID: interview.procedure.id)
        guard !drafts.isEmpty else { return fresh }
        while true {
            session.show(DraftChoice.prompt(drafts, interview: interview))
            switch session.reader.read(prompt: "> ", completions: ["new"]) {
            case .interrupted: continue
            case .endOfInput: return nil
            case .line(let bytes):
                let line = String(decoding: bytes, as: UTF8.self)
                switch DraftChoice.interpret(line, count: drafts.count) {
                case .failure(let reason):
                    session.show(.error, reason(language))
                    if bail { return nil }
                case .success(.startNew):
                    return fresh
                case .success(.resume(let index)):
                    session.show(DraftChoice.resumed(interview))
                    return drafts[index]
                }
            }
        }
    }

    /// The name and 課 a person gives the first time are remembered as who they are.
    private func rememberPerson(_ known: Person?, _ answers: Answers) throws -> Person? {
        guard known == nil,
              let name = answers[ApplicationFields.applicant]?.text,
              let department = answers[ApplicationFields.department]?.text
        else { return known }
        let person = Person(login: session.login, name: name, department: department)
        try store.savePerson(person, at: Village.timestamp(session.clock.now))
        return person
    }
}
