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
        let actor = try Actor(session, store)
        var application = try application(id)
        if refuse(DutyRules.mayRecord(login: actor.login, member: actor.member, application: application)) { return 1 }
        guard application.status == .inUse || (application.status == .stopped && chosen?.schedule == nil && chosen != nil) else {
            session.show(.error, DutyRules.notInUse(application)(language))
            return 1
        }
        guard let kind = try chosen ?? chooseDuty(application) else { return 0 }
        let procedure = DutyProcedures.procedure(kind, for: application, today: today)
        return try form.run(procedure, about: id) { draft in
            let answers = draft.state.answers
            let record = DutyRecord(
                applicationID: id, kind: kind, doneOn: answers[DutyFields.doneOn]?.date ?? today, answers: answers,
                recordedBy: actor.login, recordedAt: now)
            let (stop, alerts) = DutyConsequences.of(record, application, try directory())
            application = try store.recordDuty(record, stop: stop, alerts: alerts)
            session.show(.success, DutyText.recorded(kind, application)(language))
            if stop != nil { session.show(.warning, DutyText.stopped(application)(language)) }
            if !alerts.isEmpty { session.show(.info, DutyText.alerted(alerts.count)(language)) }
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
        let actor = try Actor(session, store)
        let application = try application(id)
        if refuse(DutyRules.mayStop(login: actor.login, member: actor.member, application: application)) { return 1 }
        guard application.status == .inUse else {
            session.show(.error, DutyRules.notInUse(application)(language))
            return 1
        }
        let apply = { (why: String) throws in
            let stop = ServiceStop(reason: why, stoppedBy: actor.login, stoppedAt: now)
            let alerts = Notifications.stopped(application, stop, try directory())
            let stopped = try store.stopService(id, stop, alerts: alerts)
            session.show(.warning, DutyText.stopped(stopped)(language))
            session.show(.info, DutyText.alerted(alerts.count)(language))
        }
        if let reason {
            try apply(reason)
            return 0
        }
        return try form.run(EventProcedures.stop(), about: id) { draft in
            let answers = draft.state.answers
            try apply(answers[EventFields.reason]?.text ?? EventProcedures.overseasReason(language))
        }
    }

    func continuation(_ id: Int64) throws -> Int32 {
        let actor = try Actor(session, store)
        let application = try application(id)
        if refuse(DutyRules.mayDecideContinuation(member: actor.member, application: application)) { return 1 }
        guard application.status == .inUse else {
            session.show(.error, DutyRules.notInUse(application)(language))
            return 1
        }
        return try form.run(EventProcedures.continuation(), about: id) { draft in
            let answers = draft.state.answers
            let stops = answers[EventFields.decision]?.choice == "stop"
            let reason = answers[EventFields.reason]?.text ?? ""
            let stop = stops ? ServiceStop(reason: reason, stoppedBy: actor.login, stoppedAt: now) : nil
            var alerts = Notifications.continuationDecided(
                application, continues: !stops, reason: reason, by: actor.name ?? actor.login, try directory(), at: now)
            if let stop { alerts += Notifications.stopped(application, stop, try directory()) }
            _ = try store.decideContinuation(id, stop: stop, by: actor.login, reason: reason, at: now, alerts: alerts)
            session.show(.success, DutyText.continued(stops)(language))
        }
    }

    func incident(_ id: Int64?) throws -> Int32 {
        let actor = try Actor(session, store)
        if let id {
            let application = try application(id)
            guard application.status == .inUse || application.status == .stopped else {
                session.show(.error, DutyRules.notInUse(application)(language))
                return 1
            }
            return try form.run(EventProcedures.ownIncident(today: today), about: id) { draft in
            let answers = draft.state.answers
                let incident = Incident(
                    applicationID: id, provider: application.provider, service: application.service,
                    occurredOn: answers[EventFields.occurredOn]?.date ?? today, what: answers[EventFields.what]?.text ?? "",
                    source: nil, action: answers[EventFields.action]?.text, recordedBy: actor.login, recordedAt: now)
                try store.recordIncident(incident, alerts: Notifications.ownIncident(incident, application, try directory()))
                session.show(.success, DutyText.incidentRecorded(language))
            }
        }
        if refuse(DutyRules.mayRecordIncidentElsewhere(member: actor.member)) { return 1 }
        return try form.run(EventProcedures.incidentElsewhere(today: today), about: nil) { draft in
            let answers = draft.state.answers
            let incident = Incident(
                applicationID: nil, provider: answers[EventFields.provider]?.text ?? "", service: answers[EventFields.service]?.text ?? "",
                occurredOn: answers[EventFields.occurredOn]?.date ?? today, what: answers[EventFields.what]?.text ?? "",
                source: answers[EventFields.source]?.text, action: nil, recordedBy: actor.login, recordedAt: now)
            let affected = Notifications.affected(by: incident, in: try candidates(for: incident))
            let alerts = Notifications.incidentElsewhere(incident, affected: affected, try directory())
            try store.recordIncident(incident, alerts: alerts)
            session.show(.success, DutyText.incidentElsewhereRecorded(affected, alerts: alerts.count)(language))
        }
    }

    /// Services in use whose provider or service name contains the incident's.
    private func candidates(for incident: Incident) throws -> [ApplicationRecord] {
        var byProvider = LedgerFilter()
        byProvider.statuses = [.inUse]
        byProvider.provider = incident.provider
        var found = try store.query(byProvider, today: today)
        if !incident.service.isEmpty {
            var byService = LedgerFilter()
            byService.statuses = [.inUse]
            byService.service = incident.service
            found += try store.query(byService, today: today).filter { record in !found.contains { $0.id == record.id } }
        }
        return found.sorted { $0.id < $1.id }
    }

    /// The person's unread alerts, acknowledged by number.
    func alerts() throws -> Int32 {
        let actor = try Actor(session, store)
        while true {
            let open = try store.openAlerts().filter { $0.acknowledgedAt == nil && !$0.needsDecision && $0.isFor(login: actor.login) }
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
