import Core

/// Section 5(3): the service manager named on an approved application acknowledges its risks.
struct AcknowledgeFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run(applicationID: Int64?) throws -> Int32 {
        let name = try store.staffMember(login: session.login)?.name ?? store.person(login: session.login)?.name
        let pending = ReviewText.toAcknowledge(login: session.login, name: name, in: try store.applications())
        let chosen: ApplicationRecord
        if let applicationID {
            guard let record = try store.application(id: applicationID) else { throw StoreError.notFound(id: applicationID) }
            if let reason = AcknowledgementRules.refusal(login: session.login, knownName: name, application: record) {
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
        let context = InterviewContext(language: language, today: Village.today(session.clock), person: nil, intake: store.intake)
        let loop = InterviewLoop(
            session: session, store: store,
            interview: Interview(procedure: AcknowledgementProcedure.procedure, context: context), bail: bail)
        let existing = try store.drafts(owner: session.login, procedureID: AcknowledgementProcedure.id)
            .first { $0.applicationID == chosen.id }
        let start = existing ?? Draft(
            owner: session.login, procedureID: AcknowledgementProcedure.id, state: InterviewState(), applicationID: chosen.id)
        switch try loop.run(start) {
        case .left: return 0
        case .bailed: return 1
        case .confirmed(let draft):
            let record = try store.acknowledge(Acknowledgement(
                applicationID: chosen.id, login: session.login, name: name ?? session.login,
                acknowledgedAt: Village.timestamp(session.clock.now)))
            if let id = draft.id { try store.deleteDraft(id: id) }
            session.show(.success, ReviewText.acknowledged(record)(language))
            return 0
        }
    }
}
