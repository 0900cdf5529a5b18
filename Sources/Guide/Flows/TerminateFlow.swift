import Core

/// Section 7: the service manager fills in the 終了確認書, pre-filled, and submits it.
struct TerminateFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run(_ id: Int64) throws -> Int32 {
        let actor = try Actor(session, store)
        guard let application = try store.application(id: id) else { throw StoreError.notFound(id: id) }
        for refusal in [
            TerminationRules.mayApply(login: actor.login, name: actor.name, member: actor.member, application: application),
            TerminationRules.maySubmit(application),
        ].compactMap({ $0 }) {
            session.show(.error, refusal(language))
            return 1
        }
        if let decision = application.termination?.latestDecision, application.termination?.status == .returned {
            session.show(.notice, SessionText.returned(id, decision)(language))
        }
        session.show(.info, TerminationText.begin(application)(language))
        let person = actor.name.map { Person(login: actor.login, name: $0, department: actor.member?.department ?? "") }
        let context = InterviewContext(language: language, today: Village.today(session.clock), person: person, intake: store.intake)
        let loop = InterviewLoop(
            session: session, store: store,
            interview: Interview(procedure: TerminationProcedure.procedure(for: application), context: context), bail: bail)
        let existing = try store.drafts(owner: session.login, procedureID: TerminationProcedure.id).first { $0.applicationID == id }
        if existing != nil { session.show(DraftChoice.resumed(loop.interview)) }
        let start = existing ?? Draft(
            owner: session.login, procedureID: TerminationProcedure.id, state: InterviewState(), applicationID: id)
        switch try loop.run(start) {
        case .left: return 0
        case .bailed: return 1
        case .confirmed(let draft):
            let record = try store.submitTermination(from: draft, at: Village.timestamp(session.clock.now))
            session.show(.success, TerminationText.submitted(record)(language))
            return 0
        }
    }
}
