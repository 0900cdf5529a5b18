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
        // A service's duties are those of the version its form was made under.
        return try ProcedureScope.forForm(application) {
            if kind == .contentReview { showTerms(application, evidence: false) }
            return try form.run(DutyProcedures.procedure(kind, for: application, today: today), about: id) { draft in
                let performed = try store.recordDuty(id, kind, answers: draft.state.answers, by: actor.login, at: now)
                application = performed.record!
                session.show(.success, DutyText.recorded(kind, application)(language))
                if performed.stopped { session.show(.warning, DutyText.stopped(application)(language)) }
                if !performed.alerts.isEmpty { session.show(.info, DutyText.alerted(performed.alerts)(language)) }
            }
        }
    }

    private func chooseDuty(_ application: ApplicationRecord) throws -> DutyKind? {
        let kinds = DutyKind.recordable
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
            let performed = try store.stopService(id, reason: why, by: actor.login, at: now)
            session.show(.warning, DutyText.stopped(performed.record!)(language))
            session.show(.info, DutyText.alerted(performed.alerts)(language))
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
        showTerms(application, evidence: true)
        return try form.run(EventProcedures.continuation(), about: id) { draft in
            let performed = try store.decideContinuation(id, answers: draft.state.answers, by: actor.login, at: now)
            session.show(.success, DutyText.continued(performed.stopped)(language))
        }
    }

    /// The quarterly review starts from the last terms check (and offers a saved copy where
    /// there is no network); the 利用責任者's decision from the change itself, as evidence.
    private func showTerms(_ application: ApplicationRecord, evidence: Bool) {
        let last = TermsCheckText.lastChecks(application)
        for line in last { session.show(.info, line(language)) }
        let change = TermsCheckText.latestChange(application)
        if evidence || !change.isEmpty {
            for (index, line) in change.enumerated() { session.show(index == 0 ? .notice : .info, line(language)) }
        }
        if !evidence, !last.isEmpty { session.show(.hint, TermsCheckText.offerCopy(language)) }
    }

    func incident(_ id: Int64?) throws -> Int32 {
        let actor = try session.actor(store)
        if let id {
            let application = try application(id)
            if refuse(DutyActions.mayReportIncident(application, login: actor.login, member: actor.member, staff: try store.staff())) { return 1 }
            return try form.run(EventProcedures.ownIncident(today: today), about: id) { draft in
                try store.reportIncident(id, answers: draft.state.answers, by: actor.login, at: now)
                session.show(.success, DutyText.incidentRecorded(language))
            }
        }
        if refuse(DutyActions.mayReportIncidentElsewhere(member: actor.member)) { return 1 }
        let inUse = try store.query(.inUse(), today: today).sorted { $0.id < $1.id }
        return try form.run(EventProcedures.incidentElsewhere(today: today, inUse: inUse), about: nil) { draft in
            let performed = try store.reportIncidentElsewhere(answers: draft.state.answers, by: actor.login, at: now)
            let concerned = try performed.concerned.compactMap { try store.application(id: $0) }
            session.show(.success, DutyText.incidentElsewhereRecorded(concerned, alerts: performed.alerts)(language))
        }
    }

    /// The person's unread alerts, acknowledged by number.
    func alerts() throws -> Int32 {
        let actor = try session.actor(store)
        while true {
            let open = try store.openAlerts(for: actor.login).filter { $0.isUnread(by: actor.login) }
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
