import Core

/// Section 7: the service manager fills in the termination form, pre-filled, and submits it.
struct TerminateFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run(_ id: Int64) throws -> Int32 {
        let actor = try session.actor(store)
        guard let application = try store.application(id: id) else { throw StoreError.notFound(id: id) }
        if let refusal = TerminationActions.maySubmit(application, login: actor.login, member: actor.member) {
            session.show(.error, refusal(language))
            return 1
        }
        if let decision = application.termination?.latestDecision, application.termination?.status == .returned {
            session.show(.notice, SessionText.returned(id, decision)(language))
        }
        session.show(.info, TerminationText.begin(application)(language))
        // The termination form of the version the application was made under.
        return try ProcedureScope.forForm(application) {
            try FormFlow(session: session, store: store, language: language, bail: bail)
                .run(TerminationProcedure.procedure(for: application), about: id, person: actor.signature) { draft in
                    let record = try store.submitTermination(from: draft, at: Village.timestamp(session.clock.now))
                    session.show(.success, TerminationText.submitted(record)(language))
                }
        }
    }
}
