import Core

/// A short form about one record (a duty, an incident, a stop, a decision): resumes its
/// draft if there is one, runs the interview, and hands the confirmed answers to `record`.
struct FormFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run(_ procedure: Procedure, about applicationID: Int64?, person: Person? = nil, record: (Draft) throws -> Void) throws -> Int32 {
        let context = InterviewContext(
            language: language, today: Village.today(session.clock), person: person, intake: store.intake,
            staff: try store.staff().acting(on: Village.today(session.clock)))
        let interview = Interview(procedure: procedure, context: context)
        let loop = InterviewLoop(session: session, store: store, interview: interview, bail: bail)
        let existing = try store.drafts(owner: session.login, procedureID: procedure.id).first { $0.applicationID == applicationID }
        if existing != nil { session.show(DraftChoice.resumed(interview)) }
        let start = existing ?? Draft.fresh(owner: session.login, procedureID: procedure.id, about: applicationID)
        switch try loop.run(start) {
        case .left: return 0
        case .bailed: return 1
        case .confirmed(let draft):
            try record(draft)
            if let id = draft.id { try store.deleteDraft(id: id) }
            return 0
        }
    }
}

extension Session {
    /// Who is at the keyboard, as the store knows this login.
    func actor(_ store: any Store) throws -> Actor {
        try Actor.of(login: login, in: store, on: Village.today(clock))
    }
}
