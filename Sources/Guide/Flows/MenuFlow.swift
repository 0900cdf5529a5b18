import Core

/// `yakkan` alone: what waits for this person, and a menu of what they can do, until they leave.
struct MenuFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run() throws -> Int32 {
        // What was read to decide on a direct start is also the first menu's: read once, not twice.
        var gathered: MainMenu.Situation? = try gather()
        if let item = gathered.flatMap(MainMenu.directStart) { return try run(item) }
        while true {
            let situation = try gathered ?? gather()
            gathered = nil
            let entries = MainMenu.entries(situation)
            session.show(MainMenu.greeting(session.login, situation, language))
            if !situation.today.isEmpty {
                session.show(TodayList.text(situation.today, today: Village.today(session.clock), language))
            }
            let chosen = MainMenu.defaultItem(situation)
            session.show(MainMenu.prompt(entries, default: chosen, language))
            switch session.reader.read(prompt: "> ", completions: entries.map(\.key)) {
            case .interrupted: continue
            case .endOfInput: return 0
            case .line(let bytes):
                switch MainMenu.interpret(String(decoding: bytes, as: UTF8.self), entries, default: chosen) {
                case .failure(let reason):
                    session.show(.error, reason(language))
                    if bail { return 1 }
                case .success(.quit):
                    return 0
                case .success(.help):
                    session.show(MainMenu.explanation(entries, language))
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
        case .record:
            let services = try gather().services.filter { $0.status == .inUse }
            guard let id = try chooseService(services) else { return 0 }
            return try DutyFlow(session: session, store: store, language: language, bail: bail).record(id, nil)
        case .alerts: return try DutyFlow(session: session, store: store, language: language, bail: bail).alerts()
        case .incident:
            guard let id = try chooseService(try gather().services) else { return 0 }
            return try DutyFlow(session: session, store: store, language: language, bail: bail).incident(id)
        case .incidentElsewhere: return try DutyFlow(session: session, store: store, language: language, bail: bail).incident(nil)
        case .stop:
            guard let id = try chooseService(try gather().services.filter { $0.status == .inUse }) else { return 0 }
            return try DutyFlow(session: session, store: store, language: language, bail: bail).stop(id, reason: nil)
        case .terminate:
            let login = session.login
            guard let id = try chooseService(try gather().services.filter {
                ($0.status == .inUse || $0.status == .stopped) && $0.serviceManagerLogin == login
            }) else { return 0 }
            return try TerminateFlow(session: session, store: store, language: language, bail: bail).run(id)
        case .due, .calendar:
            // The menu already shows today's list; this adds what comes within 30 days, or all
            // coming duties, with how to write them to a calendar file.
            let actor = try session.actor(store)
            let today = Village.today(session.clock)
            var filter = actor.involvedServices
            filter.statuses = [.inUse]
            let events = DutyCalendar.events(for: actor, records: try store.schedules(filter, today: today), today: today)
            if item == .due {
                let items = try WaitingWork.items(for: actor, matching: actor.involvedServices, store: store, today: today)
                session.show(TodayList.text(items, today: today, language))
                session.show(DutyCalendar.lines(DutyCalendar.upcoming(events, besides: items, today: today), heading: DutyCalendar.comingHeading, language))
            } else {
                session.show(DutyCalendar.lines(events, heading: DutyCalendar.calendarHeading, language))
                session.show(.hint, DutyCalendar.calendarToFile(language))
            }
            return 0
        case .query: return try QueryFlow(session: session, store: store, language: language, bail: bail).run()
        case .list:
            try session.writeLedger(LedgerFilter(), mode: .table, store: store, emptyNotice: SessionText.noApplications, language)
            return 0
        case .quit, .help: return 0
        }
    }

    private func chooseService(_ services: [ApplicationRecord]) throws -> Int64? {
        if services.count == 1 { return services[0].id }
        session.output.write(Ledger.table(services, today: Village.today(session.clock), language) + "\n")
        let question = [Message(.question, MainMenu.chooseService(language))]
        return try session.ask(question, completions: services.map { "\($0.id)" }, bail: bail, language: language) {
            ReviewText.pick($0, among: services).map(\.id)
        }
    }

    private func gather() throws -> MainMenu.Situation {
        let actor = try session.actor(store)
        let member = actor.member
        let name = actor.name
        let records = try store.query(actor.involvedServices, today: Village.today(session.clock))
        let drafts = try store.drafts(owner: session.login, procedureID: ApplicationProcedure.procedure.id)
        let returned = try drafts.compactMap { draft -> (id: Int64, decision: Decision)? in
            guard let id = draft.applicationID, let decision = try store.application(id: id)?.latestDecision else { return nil }
            return (id, decision)
        }
        var situation = MainMenu.Situation(
            name: name, reviewer: member, drafts: drafts, returned: returned,
            waitingForReview: member.map { ReviewText.queue(for: $0, in: records).count } ?? 0,
            toAcknowledge: ReviewText.toAcknowledge(login: session.login, member: member, in: records))
        let alerts = try store.openAlerts(for: session.login)
        situation.services = actor.keptServices(records)
        let today = Village.today(session.clock)
        let read = records + (try WaitingWork.servicesOf(alerts, besides: records, store: store, today: today))
        situation.today = TodayList.items(
            for: actor, records: read + (try WaitingWork.decidedApplications(besides: Set(read.map(\.id)), applicant: actor.login, store: store, today: today)),
            alerts: alerts, today: today)
        situation.unreadAlerts = alerts.filter { $0.isUnread(by: session.login) }.count
        return situation
    }
}
