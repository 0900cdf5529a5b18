import Core

/// `yakkan` alone: what waits for this person, and a menu of what they can do, until they leave.
struct MenuFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run() throws -> Int32 {
        while true {
            let situation = try gather()
            let entries = MainMenu.entries(situation)
            session.show(MainMenu.greeting(session.login, situation, language))
            session.show(MainMenu.prompt(entries, language))
            switch session.reader.read(prompt: "> ", completions: entries.map(\.key)) {
            case .interrupted: continue
            case .endOfInput: return 0
            case .line(let bytes):
                switch MainMenu.interpret(String(decoding: bytes, as: UTF8.self), entries) {
                case .failure(let reason):
                    session.show(.error, reason(language))
                    if bail { return 1 }
                case .success(.quit):
                    return 0
                case .success(let item):
                    let status = try run(item)
                    if status != 0 && bail { return status }
                }
            }
        }
    }

    private func run(_ item: MainMenu.Item) throws -> Int32 {
        switch item {
        case .apply: return try ApplyFlow(session: session, store: store, language: language, bail: bail).run()
        case .review: return try ReviewFlow(session: session, store: store, language: language, bail: bail).run(applicationID: nil)
        case .acknowledge: return try AcknowledgeFlow(session: session, store: store, language: language, bail: bail).run(applicationID: nil)
        case .list:
            let records = try store.applications()
            if records.isEmpty {
                session.show(.info, SessionText.noApplications(language))
            } else {
                session.output.write(Ledger.table(records, language) + "\n")
            }
            return 0
        case .quit: return 0
        }
    }

    private func gather() throws -> MainMenu.Situation {
        let member = try store.staffMember(login: session.login)
        let name = try member?.name ?? store.person(login: session.login)?.name
        let records = try store.applications()
        let drafts = try store.drafts(owner: session.login, procedureID: ApplicationProcedure.procedure.id)
        let returned = drafts.compactMap { draft -> (id: Int64, decision: Decision)? in
            guard let id = draft.applicationID,
                  let decision = records.first(where: { $0.id == id })?.latestDecision else { return nil }
            return (id, decision)
        }
        return MainMenu.Situation(
            name: name, reviewer: member, drafts: drafts, returned: returned,
            waitingForReview: member.map { ReviewText.waiting(for: $0, in: records).count } ?? 0,
            toAcknowledge: ReviewText.toAcknowledge(login: session.login, name: name, in: records))
    }
}
