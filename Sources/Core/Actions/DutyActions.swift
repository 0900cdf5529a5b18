/// The actions of a service in use (section 6), each decided here once: who may take it on
/// which service, and what it records and who is told. The shell asks the precondition before
/// it opens the form; the store asks it again inside the transaction that records the change.
public enum DutyActions {
    /// What one action changes: the records it writes and the alerts that follow.
    public struct Change: Sendable {
        public var duty: DutyRecord?
        public var stop: ServiceStop?
        public var incident: Incident?
        public var alerts: [Alert] = []
        /// The services an incident elsewhere concerns.
        public var affected: [ApplicationRecord] = []
    }

    // MARK: Preconditions

    /// A duty is recorded by the service manager or the 利用責任者 of the 課, on a service in use;
    /// a stopped service still takes the records that are not on a schedule.
    public static func mayRecord(_ kind: DutyKind?, on application: ApplicationRecord, login: String, member: StaffMember?) -> Localized? {
        if let refusal = DutyRules.mayRecord(login: login, member: member, application: application) { return refusal }
        let stoppedButUnscheduled = application.status == .stopped && kind != nil && kind?.schedule == nil
        return application.status == .inUse || stoppedButUnscheduled ? nil : DutyRules.notInUse(application)
    }

    public static func mayStop(_ application: ApplicationRecord, login: String, member: StaffMember?) -> Localized? {
        DutyRules.mayStop(login: login, member: member, application: application) ?? inUse(application)
    }

    public static func mayDecideContinuation(_ application: ApplicationRecord, login: String, member: StaffMember?) -> Localized? {
        DutyRules.mayDecideContinuation(login: login, member: member, application: application) ?? inUse(application)
    }

    /// Anyone who uses a service reports its incidents (6(8)), while it is in use or stopped:
    /// listed staff, or its applicant whom the directory may not list yet.
    public static func mayReportIncident(_ application: ApplicationRecord, login: String, member: StaffMember?, staff: [StaffMember]) -> Localized? {
        if let refusal = CurrentEntry.mayReport(incidentOf: application, login: login, member: member, staff: staff) { return refusal.text }
        return application.status == .inUse || application.status == .stopped ? nil : DutyRules.notInUse(application)
    }

    /// An alert is marked read by the person it was written for, and only by them: otherwise
    /// anyone could silence what the 利用責任者 must act on (a tell_otherwise list). One asking
    /// for a decision is closed by the decision, not by reading it.
    public static func mayAcknowledge(alertFor recipient: String?, needsDecision: Bool, login: String) -> Localized? {
        if needsDecision {
            return Localized(
                "このお知らせは読むだけでは閉じません。利用責任者が続けるか停止するかを決めると閉じます。",
                "This alert is not closed by reading it: it closes when the 利用責任者 decides to continue or stop.")
        }
        return recipient == login ? nil : Localized(
            "このお知らせは\(recipient ?? "名簿にない人")さんあてです。既読にできるのは本人だけです。",
            "This alert is for \(recipient ?? "someone not in the directory"); only they can mark it read.")
    }

    public static func mayReportIncidentElsewhere(member: StaffMember?) -> Localized? {
        DutyRules.mayRecordIncidentElsewhere(member: member)
    }

    static func inUse(_ application: ApplicationRecord) -> Localized? {
        application.status == .inUse ? nil : DutyRules.notInUse(application)
    }

    // MARK: What each records

    public static func record(
        _ kind: DutyKind, answers: Answers, on application: ApplicationRecord, by login: String, at timestamp: String, today: Day,
        directory: Directory
    ) -> Change {
        let duty = DutyRecord(
            applicationID: application.id, kind: kind, doneOn: answers[DutyFields.doneOn]?.date ?? today, answers: answers,
            recordedBy: login, recordedAt: timestamp)
        let (stop, alerts) = DutyConsequences.of(duty, application, directory)
        return Change(duty: duty, stop: stop, alerts: alerts)
    }

    public static func stop(_ application: ApplicationRecord, reason: String, by login: String, at timestamp: String, directory: Directory) -> Change {
        let stop = ServiceStop(reason: reason, stoppedBy: login, stoppedAt: timestamp)
        return Change(stop: stop, alerts: Notifications.stopped(application, stop, directory))
    }

    /// The 利用責任者's decision after a change: the service goes on, or stops at once.
    public static func continuation(
        _ application: ApplicationRecord, answers: Answers, by login: String, name: String?, at timestamp: String, directory: Directory
    ) -> (change: Change, stops: Bool, reason: String) {
        let stops = answers[EventFields.decision]?.choice == "stop"
        let reason = answers[EventFields.reason]?.text ?? ""
        let stop = stops ? ServiceStop(reason: reason, stoppedBy: login, stoppedAt: timestamp) : nil
        var alerts = Notifications.continuationDecided(
            application, continues: !stops, reason: reason, by: name ?? login, directory, at: timestamp)
        if let stop { alerts += Notifications.stopped(application, stop, directory) }
        return (Change(stop: stop, alerts: alerts), stops, reason)
    }

    public static func ownIncident(
        _ application: ApplicationRecord, answers: Answers, by login: String, at timestamp: String, today: Day, directory: Directory
    ) -> Change {
        let incident = Incident(
            applicationID: application.id, provider: application.provider, service: application.service,
            occurredOn: answers[EventFields.occurredOn]?.date ?? today, what: answers[EventFields.what]?.text ?? "",
            source: nil, action: answers[EventFields.action]?.text, recordedBy: login, recordedAt: timestamp)
        return Change(incident: incident, alerts: Notifications.ownIncident(incident, application, directory))
    }

    /// An incident at another organisation (6(7)): every user and manager of the services of
    /// that provider among `candidates` is alerted.
    public static func incidentElsewhere(
        answers: Answers, candidates: [ApplicationRecord], by login: String, at timestamp: String, today: Day, directory: Directory
    ) -> Change {
        let incident = Incident(
            applicationID: nil, provider: answers[EventFields.provider]?.text ?? "", service: answers[EventFields.service]?.text ?? "",
            occurredOn: answers[EventFields.occurredOn]?.date ?? today, what: answers[EventFields.what]?.text ?? "",
            source: answers[EventFields.source]?.text, action: nil, recordedBy: login, recordedAt: timestamp)
        let affected = Notifications.affected(by: incident, in: candidates)
        return Change(incident: incident, alerts: Notifications.incidentElsewhere(incident, affected: affected, directory), affected: affected)
    }
}
