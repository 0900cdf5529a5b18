import Core

/// Recording the duties of section 6, and the events of a service in use.
struct DutyFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    var form: FormFlow { FormFlow(session: session, store: store, language: language, bail: bail) }
    var now: String { Village.timestamp(session.clock.now) }
    var today: Day { Village.today(session.clock) }

    func application(_ id: Int64) throws -> ApplicationRecord {
        guard let record = try store.application(id: id) else { throw StoreError.notFound(id: id) }
        return record
    }

    func directory() throws -> Directory { Directory(staff: try store.staff()) }

    func refuse(_ reason: Localized?) -> Bool {
        guard let reason else { return false }
        session.show(.error, reason(language))
        return true
    }

    func record(_ id: Int64, _ chosen: DutyKind?) throws -> Int32 {
        let actor = try session.actor(store)
        var application = try application(id)
        if refuse(DutyActions.mayRecord(chosen, on: application, login: actor.login, member: actor.member)) { return 1 }
        guard let kind = try chosen ?? chooseDuty(application) else { return 0 }
        if refuse(DutyActions.mayRecord(kind, on: application, login: actor.login, member: actor.member)) { return 1 }
        let procedure = DutyProcedures.procedure(kind, for: application, today: today)
        return try form.run(procedure, about: id) { draft in
            let change = DutyActions.record(
                kind, answers: draft.state.answers, on: application, by: actor.login, at: now, today: today, directory: try directory())
            application = try store.recordDuty(change.duty!, stop: change.stop, alerts: change.alerts)
            session.show(.success, DutyText.recorded(kind, application)(language))
            if change.stop != nil { session.show(.warning, DutyText.stopped(application)(language)) }
            if !change.alerts.isEmpty { session.show(.info, DutyText.alerted(change.alerts)(language)) }
        }
    }

    private func chooseDuty(_ application: ApplicationRecord) throws -> DutyKind? {
        let kinds = DutyKind.allCases
        let question = [Message(.question, DutyText.chooseDuty(language))]
            + kinds.enumerated().map { Message(.info, "  \($0.offset + 1). " + DutyText.choice($0.element)(language)) }
        return try session.ask(question, completions: kinds.indices.map { "\($0 + 1)" }, bail: bail, language: language) {
            DutyText.pickDuty($0)
        }
    }

    func stop(_ id: Int64, reason: String?) throws -> Int32 {
        let actor = try session.actor(store)
        let application = try application(id)
        if refuse(DutyActions.mayStop(application, login: actor.login, member: actor.member)) { return 1 }
        let apply = { (why: String) throws in
            let change = DutyActions.stop(application, reason: why, by: actor.login, at: now, directory: try directory())
            let stopped = try store.stopService(id, change.stop!, alerts: change.alerts)
            session.show(.warning, DutyText.stopped(stopped)(language))
            session.show(.info, DutyText.alerted(change.alerts)(language))
        }
        if let reason {
            try apply(reason)
            return 0
        }
        return try form.run(EventProcedures.stop(), about: id) { draft in
            try apply(draft.state.answers[EventFields.reason]?.text ?? EventProcedures.overseasReason(language))
        }
    }

    func continuation(_ id: Int64) throws -> Int32 {
        let actor = try session.actor(store)
        let application = try application(id)
        if refuse(DutyActions.mayDecideContinuation(application, login: actor.login, member: actor.member)) { return 1 }
        return try form.run(EventProcedures.continuation(), about: id) { draft in
            let decided = DutyActions.continuation(
                application, answers: draft.state.answers, by: actor.login, name: actor.name, at: now, directory: try directory())
            _ = try store.decideContinuation(
                id, stop: decided.change.stop, by: actor.login, reason: decided.reason, at: now, alerts: decided.change.alerts)
            session.show(.success, DutyText.continued(decided.stops)(language))
        }
    }

    func incident(_ id: Int64?) throws -> Int32 {
        let actor = try session.actor(store)
        if let id {
            let application = try application(id)
            if refuse(DutyActions.mayReportIncident(application)) { return 1 }
            return try form.run(EventProcedures.ownIncident(today: today), about: id) { draft in
                let change = DutyActions.ownIncident(
                    application, answers: draft.state.answers, by: actor.login, at: now, today: today, directory: try directory())
                try store.recordIncident(change.incident!, alerts: change.alerts)
                session.show(.success, DutyText.incidentRecorded(language))
            }
        }
        if refuse(DutyActions.mayReportIncidentElsewhere(member: actor.member)) { return 1 }
        let inUse = try candidates(provider: "", service: "")
        return try form.run(EventProcedures.incidentElsewhere(today: today, inUse: inUse), about: nil) { draft in
            let answers = draft.state.answers
            let candidates = try candidates(
                provider: answers[EventFields.provider]?.text ?? "", service: answers[EventFields.service]?.text ?? "")
            let change = DutyActions.incidentElsewhere(
                answers: answers, candidates: candidates, by: actor.login, at: now, today: today, directory: try directory())
            try store.recordIncident(change.incident!, alerts: change.alerts)
            session.show(.success, DutyText.incidentElsewhereRecorded(change.affected, alerts: change.alerts)(language))
        }
    }

    /// Every service in use: which of them the incident concerns is Core's to say
    /// (ProviderNames), as people type names, which no SQL pattern can.
    private func candidates(provider: String, service: String) throws -> [ApplicationRecord] {
        try store.query(.inUse(), today: today).sorted { $0.id < $1.id }
    }

    /// The person's unread alerts, acknowledged by number.
    func alerts() throws -> Int32 {
        let actor = try session.actor(store)
        while true {
            let open = try store.openAlerts().filter { $0.isUnread(by: actor.login) }
            guard !open.isEmpty else {
                session.show(.info, DutyText.noAlerts(language))
                return 0
            }
            for (index, alert) in open.enumerated() {
                session.show(.notice, "  \(index + 1). " + alert.message(language))
            }
            session.show(.question, DutyText.acknowledgePrompt(language))
            switch session.reader.read(prompt: "> ", completions: ["all"]) {
            case .interrupted: continue
            case .endOfInput: return 0
            case .line(let bytes):
                let text = InputLine.halfwidthASCII(String(decoding: bytes, as: UTF8.self)).trimmingCharacters(in: .whitespaces).lowercased()
                if text.isEmpty { return 0 }
                guard let numbers = DutyText.chosenAlerts(text, count: open.count) else {
                    session.show(.error, DutyText.noSuchAlert(language))
                    if bail { return 1 }
                    continue
                }
                let chosen = numbers.map { open[$0] }
                for alert in chosen { try store.acknowledgeAlert(id: alert.id!, by: actor.login, at: now) }
                session.show(.success, DutyText.acknowledgedAlerts(chosen.count)(language))
            }
        }
    }
}
