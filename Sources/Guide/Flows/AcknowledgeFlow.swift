import Core

/// Section 5(3): the service manager named on an approved application acknowledges its risks.
struct AcknowledgeFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run(applicationID: Int64?) throws -> Int32 {
        let waiting = try store.summaries(.awaitingAcknowledgement(by: session.login), today: Village.today(session.clock))
        let member = try store.staffMember(login: session.login)
        let pending = ReviewText.toAcknowledge(login: session.login, member: member, in: waiting)
        let chosen: ApplicationRecord
        if let applicationID {
            guard let record = try store.application(id: applicationID) else { throw StoreError.notFound(id: applicationID) }
            if let reason = AcknowledgementRules.refusal(login: session.login, member: member, application: record) {
                session.show(.error, reason(language))
                return 1
            }
            chosen = record
        } else {
            guard let first = pending.first else {
                session.show(.info, ReviewText.nothingToAcknowledge(language))
                return 0
            }
            chosen = first
        }
        session.show(.notice, ReviewText.awaitingAcknowledgement(chosen)(language))
        // The risks and duties of the version the form was made under.
        return try ProcedureScope.forForm(chosen) { try acknowledge(chosen) }
    }

    private func acknowledge(_ chosen: ApplicationRecord) throws -> Int32 {
        try FormFlow(session: session, store: store, language: language, bail: bail)
            .run(AcknowledgementProcedure.procedure, about: chosen.id) { _ in
                let record = try store.acknowledge(
                    ReviewActions.acknowledgement(of: chosen, by: session.login, at: Village.timestamp(session.clock.now)))
                session.show(.success, ReviewText.acknowledged(record)(language))
                let manager = try session.actor(store)
                for line in ReviewText.managerDuties(record, manager: manager, today: Village.today(session.clock)) {
                    session.show(.info, line(language))
                }
            }
    }
}
