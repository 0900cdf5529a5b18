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
            staff: try store.staff())
        let interview = Interview(procedure: procedure, context: context)
        let loop = InterviewLoop(session: session, store: store, interview: interview, bail: bail)
        let existing = try store.drafts(owner: session.login, procedureID: procedure.id).first { $0.applicationID == applicationID }
        if existing != nil { session.show(DraftChoice.resumed(interview)) }
        let start = existing ?? Draft(
            owner: session.login, procedureID: procedure.id, state: InterviewState(), applicationID: applicationID)
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

/// Who is at the keyboard, as the rules of section 6 need to know them.
struct Actor {
    let login: String
    let name: String?
    let member: StaffMember?

    init(_ session: Session, _ store: any Store) throws {
        login = session.login
        member = try store.staffMember(login: session.login)
        name = try member?.name ?? store.person(login: session.login)?.name
    }

    var person: TodayList.Person { TodayList.Person(login: login, name: name, member: member) }

    /// The services this person keeps or oversees, in the statuses that can ask something of them.
    var involvedServices: LedgerFilter {
        var filter = LedgerFilter()
        filter.involving = Involvement(login: login, departments: member?.reviewerOf ?? [])
        filter.statuses = [.submitted, .approved, .inUse, .stopped]
        return filter
    }
}
