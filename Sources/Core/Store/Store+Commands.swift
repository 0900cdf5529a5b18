/// The procedure's acts as the shell and the tests say them, each one command appended by
/// `perform`: these only build the command and read back what it made.
extension Store {
    /// Each login's key as its first key entry published it in the log.
    public func publishedKeys() throws -> [(login: String, key: String)] {
        var seen = Set<String>()
        return try auditEntries().filter { $0.action == AuditTrail.keyAction }.compactMap { entry in
            guard let key = entry.detail.flatMap(KeyDetail.decode)?.publicKey, seen.insert(entry.actor).inserted else { return nil }
            return (entry.actor, key)
        }
    }

    @discardableResult
    public func perform(_ command: Command, by actor: String, at timestamp: String, consuming draft: Draft? = nil) throws -> [Event] {
        try perform([command], by: actor, at: timestamp, consuming: draft).first ?? []
    }

    func record(_ id: Int64) throws -> ApplicationRecord {
        guard let record = try application(id: id) else { throw StoreError.notFound(id: id) }
        return record
    }

    /// Records the application (new, or a returned one corrected) and removes its draft.
    public func submitApplication(from draft: Draft, procedureVersion: String, at timestamp: String) throws -> ApplicationRecord {
        let submission = Command.Submission(answers: draft.state.answers, correcting: draft.applicationID, procedureVersion: procedureVersion)
        let events = try perform(.submitApplication(submission), by: draft.owner, at: timestamp, consuming: draft)
        return try record(events.lazy.compactMap(\.application).first ?? draft.applicationID ?? 0)
    }

    /// The applicant takes back an application nobody has decided yet.
    public func withdraw(_ id: Int64, by login: String, at timestamp: String) throws -> ApplicationRecord {
        try perform(.withdraw(application: id), by: login, at: timestamp)
        return try record(id)
    }

    /// Throws a draft away at its writer's wish: a signed entry, so a draft nobody finds is explained.
    public func discardDraft(_ draft: Draft, by login: String, at timestamp: String) throws {
        guard let id = draft.id else { return }
        try perform(.discardDraft(draft: id, procedure: draft.procedureID, service: draft.serviceName), by: login, at: timestamp)
    }

    /// Registers services already in use, all or none, each its own entry.
    public func importServices(_ services: [ImportedService], by login: String, at timestamp: String) throws -> [ApplicationRecord] {
        let made = try perform(services.map { .importService(row: $0.row, answers: $0.answers) }, by: login, at: timestamp, consuming: nil)
        return try made.compactMap { $0.lazy.compactMap(\.application).first }.map(record)
    }

    @discardableResult
    public func addStaff(_ entry: StaffEntry, by actor: String, at timestamp: String) throws -> StaffMember {
        try perform(.addStaff(entry), by: actor, at: timestamp)
        return try staffMember(login: entry.login)!
    }

    @discardableResult
    public func addStaff(_ member: StaffMember, by actor: String, at timestamp: String) throws -> StaffMember {
        try addStaff(StaffEntry(member), by: actor, at: timestamp)
    }

    @discardableResult
    public func updateStaff(_ entry: StaffEntry, by actor: String, at timestamp: String) throws -> StaffMember {
        try perform(.updateStaff(entry), by: actor, at: timestamp)
        return try staffMember(login: entry.login)!
    }

    public func removeStaff(login: String, by actor: String, at timestamp: String) throws {
        try perform(.removeStaff(login: login), by: actor, at: timestamp)
    }

    /// The reviewer's decision, made on `decision.applicationVersion`: the outcome and reason it
    /// names are what its answers say (the review form asks them).
    public func decide(_ decision: Decision) throws -> ApplicationRecord {
        var answers = decision.answers
        if answers[ReviewFields.decision] == nil { answers[ReviewFields.decision] = .choice(decision.outcome.rawValue) }
        if answers[ReviewFields.reason] == nil, let reason = decision.reason { answers[ReviewFields.reason] = .text(reason) }
        let review = Command.Review(application: decision.applicationID, form: decision.form, version: decision.applicationVersion, answers: answers)
        try perform(.decide(review), by: decision.reviewerLogin, at: decision.decidedAt)
        return try record(decision.applicationID)
    }

    public func acknowledge(_ acknowledgement: Acknowledgement) throws -> ApplicationRecord {
        try perform(.acknowledgeRisks(application: acknowledgement.applicationID), by: acknowledgement.login, at: acknowledgement.acknowledgedAt)
        return try record(acknowledgement.applicationID)
    }

    /// Records a duty; a stop and the alerts that follow from it come with it.
    @discardableResult
    public func recordDuty(_ id: Int64, _ kind: DutyKind, answers: Answers, by login: String, at timestamp: String) throws -> Performed {
        try performed(.recordDuty(application: id, kind: kind, answers: answers), about: id, by: login, at: timestamp)
    }

    @discardableResult
    public func stopService(_ id: Int64, reason: String, by login: String, at timestamp: String) throws -> Performed {
        try performed(.stopService(application: id, reason: reason), about: id, by: login, at: timestamp)
    }

    /// The 利用責任者's decision after a change (6(1)).
    @discardableResult
    public func decideContinuation(_ id: Int64, answers: Answers, by login: String, at timestamp: String) throws -> Performed {
        try performed(.decideContinuation(application: id, answers: answers), about: id, by: login, at: timestamp)
    }

    /// A check of the service's published terms; a change opens the 6(1) decision.
    @discardableResult
    public func checkTerms(_ id: Int64, _ observations: [TermsObservation], by login: String, at timestamp: String) throws -> Performed {
        try performed(.checkTerms(application: id, observations: observations), about: id, by: login, at: timestamp)
    }

    @discardableResult
    public func reportIncident(_ id: Int64, answers: Answers, by login: String, at timestamp: String) throws -> Performed {
        try performed(.reportIncident(application: id, answers: answers), about: id, by: login, at: timestamp)
    }

    /// An incident at another organisation (6(7)): the services it concerns are those whose users were alerted.
    @discardableResult
    public func reportIncidentElsewhere(answers: Answers, by login: String, at timestamp: String) throws -> Performed {
        try performed(.reportIncidentElsewhere(answers: answers), about: nil, by: login, at: timestamp)
    }

    public func acknowledgeAlert(id: Int64, by login: String, at timestamp: String) throws {
        try perform(.readAlert(id: id), by: login, at: timestamp)
    }

    /// Records (or, after a return, records again) the termination form, and removes its draft.
    public func submitTermination(from draft: Draft, at timestamp: String) throws -> ApplicationRecord {
        guard let id = draft.applicationID else { throw StoreError.notFound(id: 0) }
        _ = try perform([.submitTermination(application: id, answers: draft.state.answers)], by: draft.owner, at: timestamp, consuming: draft)
        return try record(id)
    }

    public func holdRetention(_ id: Int64, until: Day, reason: String, by login: String, at timestamp: String) throws -> ApplicationRecord {
        try perform(.holdRetention(application: id, until: until, reason: reason), by: login, at: timestamp)
        return try record(id)
    }

    /// Adopts a version of the procedure from a day (its file's text, read without mistakes).
    public func adoptProcedure(_ text: String, version: String, from: Day, by login: String, at timestamp: String) throws {
        let adoption = ProcedureAdoption(version: version, from: from, text: text, sha256: ProcedureAdoption.digest(of: text))
        try perform(.adoptProcedure(adoption), by: login, at: timestamp)
    }

    /// Removes services past their retention; returns how many.
    public func purge(_ ids: [Int64], by login: String, at timestamp: String) throws -> Int {
        try perform(.purge(applications: ids, counters: IDCounters()), by: login, at: timestamp)
        return ids.count
    }

    @discardableResult
    private func performed(_ command: Command, about id: Int64?, by login: String, at timestamp: String) throws -> Performed {
        let events = try perform(command, by: login, at: timestamp)
        return Performed(record: try id.map(record), events: events)
    }
}

/// What an act of section 6 made happen, for the shell to tell.
public struct Performed: Sendable {
    /// The service as it is now.
    public let record: ApplicationRecord?
    public let events: [Event]

    public var alerts: [Alert] {
        events.compactMap { if case .alertRaised(_, let alert) = $0 { return alert } else { return nil } }
    }

    public var stopped: Bool {
        events.contains { if case .serviceStopped = $0 { return true } else { return false } }
    }

    /// The services an incident elsewhere concerns: those whose people it alerted.
    public var concerned: [Int64] {
        var ids: [Int64] = []
        for alert in alerts where alert.kind == .incidentElsewhere {
            if let id = alert.applicationID, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
