import Core

/// The application: a new one, a draft resumed, or a returned one corrected and sent again.
struct ApplyFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run() throws -> Int32 {
        var person = try knownPerson()
        let context = InterviewContext(
            language: language, today: Village.today(session.clock), person: person, intake: store.intake,
            incidents: try store.incidents(), staff: try store.staff())
        let interview = Interview(procedure: ApplicationProcedure.procedure, context: context)
        session.show(.info, SessionText.welcome(language))
        let drafts = try store.drafts(owner: session.login, procedureID: interview.procedure.id)
        for draft in drafts {
            if let id = draft.applicationID, let returned = try store.application(id: id)?.latestDecision {
                session.show(.notice, SessionText.returned(id, returned)(language))
            }
        }
        var loop = InterviewLoop(session: session, store: store, interview: interview, bail: bail)
        var offered = false
        loop.afterSave = { draft in
            person = try rememberPerson(person, draft.state.answers)
            guard !offered, draft.state.reusedFrom == nil, draft.applicationID == nil,
                  let provider = draft.state.answers[ApplicationFields.provider]?.text,
                  let service = draft.state.answers[ApplicationFields.service]?.text,
                  let source = Reuse.candidates(provider: provider, service: service, in: try sameService(provider, service)).first
            else { return draft }
            offered = true
            return try offerReuse(source, draft)
        }
        let fresh = Draft(owner: session.login, procedureID: interview.procedure.id, state: InterviewState())
        guard let start = try loop.chooseDraft(drafts, fresh: fresh) else { return 0 }
        if let id = start.applicationID, let decision = try store.application(id: id)?.latestDecision {
            // The applicant corrects what the reviewer wrote: every note, at resume and in :review.
            var corrected = context
            corrected.returnedBy = decision
            let afterSave = loop.afterSave
            loop = InterviewLoop(session: session, store: store, interview: Interview(procedure: interview.procedure, context: corrected), bail: bail)
            loop.afterSave = afterSave
            session.show(ReturnedNotes.lines(decision, application: start.state.answers, language))
        }
        switch try loop.run(start) {
        case .left: return 0
        case .bailed: return 1
        case .confirmed(let draft):
            let record = try store.submitApplication(
                from: draft, procedureVersion: ProcedureVersion.current.version, at: Village.timestamp(session.clock.now))
            session.show(.success, SessionText.submitted(record)(language))
            return 0
        }
    }

    private func sameService(_ provider: String, _ service: String) throws -> [ApplicationRecord] {
        var filter = LedgerFilter()
        filter.statuses = [.approved, .inUse]
        filter.provider = provider
        filter.service = service
        return try store.query(filter, today: Village.today(session.clock))
    }

    /// Asks whether to start from an approved application of the same service elsewhere.
    private func offerReuse(_ source: ApplicationRecord, _ draft: Draft) throws -> Draft {
        let question = [Message(.notice, Reuse.offer(source)(language))]
        let answer = try session.ask(question, bail: bail, language: language) { text in
            YesNo.parse(InputLine.halfwidthASCII(text).lowercased()).map { .success($0) } ?? .failure(SessionText.yesOrNo)
        }
        guard answer == true else { return draft }
        var reused = draft
        reused.state = Reuse.seed(draft.state, from: source)
        session.show(.info, Reuse.started(source)(language))
        return try store.saveDraft(reused, at: Village.timestamp(session.clock.now))
    }

    /// Defaults for the applicant's name and department: what they said before, else the directory.
    private func knownPerson() throws -> Person? {
        if let person = try store.person(login: session.login) { return person }
        return try store.staffMember(login: session.login).map {
            Person(login: $0.login, name: $0.name, department: $0.department)
        }
    }

    /// The name and department a person gives the first time are remembered as who they are.
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
