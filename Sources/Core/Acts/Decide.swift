/// The one place where the procedure's rules meet a command: from the state, the command and
/// who signed it, either the events it makes or a worded refusal (thrown as `StoreError`). The
/// shell asks it early, the store inside the transaction that appends the command, and verify
/// for every signed command of the log. Nothing else decides.
public enum Decide {
    public static func decide(_ command: Command, _ context: ActContext, in state: any LedgerState) throws -> [Event] {
        // Who may act is read as of the day of the act: a 代理 counts until their last day.
        let state: any LedgerState = command.changesDirectory ? state : ActingDirectory(state: state, day: context.today)
        // Under the version in force on the day of the act, or the version of the form it is about.
        let book = try state.procedures()
        let form = try command.application.flatMap { try state.procedureVersion(of: $0) }
        let events = try ProcedureScope.deciding(under: book, on: context.today, form: form) {
            try decideAct(command, context, in: state)
        }
        // Whatever the act's own rule allowed, a role needs a current entry in the directory.
        if let refusal = try CurrentEntry.refusal(command, actor: context.actor, in: state) { throw StoreError.refused([refusal.text]) }
        return events
    }

    private static func decideAct(_ command: Command, _ context: ActContext, in state: any LedgerState) throws -> [Event] {
        var numbers = RecordNumbers(sequence: context.sequence)
        let actor = context.actor
        switch command {
        case .submitApplication(let submission):
            let answers = submission.answers
            // A form is made under the version in force on its day: one begun under another
            // version must be answered again where the versions differ.
            let inForce = ProcedureScope.document.version
            if submission.correcting == nil && submission.procedureVersion != inForce.version {
                throw StoreError.refused([ProcedureAdoptionRules.madeUnderAnother(submission.procedureVersion, inForce: inForce)])
            }
            if let refusal = SubmissionActions.maySubmit(answers, applicantLogin: actor, staff: try state.directory())
                ?? ApprovalRules.endedPeriod(answers, today: context.today) {
                throw StoreError.refused([refusal])
            }
            guard let id = submission.correcting else {
                let id = try state.counters().application + 1
                return [
                    .applicationFiled(id: id, applicant: actor, answers: answers, procedureVersion: submission.procedureVersion,
                                      status: .submitted, at: context.at),
                    .editorAdded(application: id, form: .application, login: actor),
                    .countersAdvanced(IDCounters(application: id)),
                ]
            }
            let application = try existing(id, state)
            // Only its applicant corrects a returned application, and only while it is returned.
            guard application.applicantLogin == actor else { throw StoreError.refused([ReplayText.submittedByAnother]) }
            guard application.status == .returned else {
                throw StoreError.refused([ReplayText.resubmittedAfterDecision(application.status.rawValue)])
            }
            return [.applicationResubmitted(id: id, answers: answers), .editorAdded(application: id, form: .application, login: actor)]

        case .withdraw(let id):
            let application = try existing(id, state)
            try refuse(DraftActions.mayWithdraw(application, login: actor))
            return [.applicationWithdrawn(id: id)]

        case .discardDraft(let draft, _, _):
            // Whose draft it is, the store checks where drafts are kept: they are nobody's record.
            return [.draftDiscarded(id: draft, owner: actor)]

        case .importService(_, let answers):
            try refuse(ImportActions.mayImport(member: try state.staffMember(actor)))
            let id = try state.counters().application + 1
            // Nobody applied for it here: no login holds the applicant's part (the log names who
            // imported it). Registered now: duties are due from the import, not before.
            return [
                .applicationFiled(id: id, applicant: "", answers: answers, procedureVersion: ProcedureScope.document.version.version,
                                  status: .inUse, at: context.at),
                .countersAdvanced(IDCounters(application: id)),
            ]

        case .addStaff(let entry):
            try refuse(Deputies.refusal(entry, today: context.today))
            return [.staffAdded(try DirectoryActions.adding(entry, by: actor, directory: try state.directory()), at: context.at)]
        case .updateStaff(let entry):
            try refuse(Deputies.refusal(entry, today: context.today))
            return [.staffUpdated(try DirectoryActions.updating(entry, by: actor, directory: try state.directory()))]
        case .vouchKey(let login, let publicKey):
            try refuse(KeyVouching.refusal(
                actor: try state.staffMember(actor), login: login, publicKey: publicKey, directory: try state.directory()))
            return [.keyVouched(login: login, publicKey: publicKey)]
        case .removeStaff(let login):
            return [.staffRemoved(login: try DirectoryActions.removing(login, by: actor, directory: try state.directory()).login)]

        case .decide(let review):
            let application = try existing(review.application, state)
            let reviewer = try state.staffMember(actor)
            let decision = ReviewActions.decision(
                on: application, form: review.form, answers: review.answers, by: actor, reviewerName: reviewer?.name,
                at: context.at, reviewedVersion: review.version)
            let effect = try ReviewActions.effect(of: decision, on: application, reviewer: reviewer)
            return [.decided(id: numbers.next(), decision, effect)]

        case .acknowledgeRisks(let id):
            let application = try existing(id, state)
            try refuse(AcknowledgementRules.refusal(login: actor, member: try state.staffMember(actor), application: application))
            return [.risksAcknowledged(ReviewActions.acknowledgement(of: application, by: actor, at: context.at))]

        case .recordDuty(let id, let kind, let answers):
            let application = try existing(id, state)
            // A terms check is what `Decide` finds from the text, never what someone types.
            if kind == .termsCheck { throw StoreError.refused([TermsDecision.typedCheck]) }
            try refuse(DutyActions.mayRecord(kind, on: application, login: actor, member: try state.staffMember(actor)))
            let change = DutyActions.record(
                kind, answers: answers, on: application, by: actor, at: context.at, today: context.today,
                directory: Directory(staff: try state.directory()))
            return [.dutyRecorded(id: numbers.next(), change.duty!)] + consequences(change, of: id, &numbers)

        case .stopService(let id, let reason):
            let application = try existing(id, state)
            try refuse(DutyActions.mayStop(application, login: actor, member: try state.staffMember(actor)))
            let change = DutyActions.stop(application, reason: reason, by: actor, at: context.at, directory: Directory(staff: try state.directory()))
            return consequences(change, of: id, &numbers)

        case .decideContinuation(let id, let answers):
            let application = try existing(id, state)
            let member = try state.staffMember(actor)
            try refuse(DutyActions.mayDecideContinuation(application, login: actor, member: member))
            let decided = DutyActions.continuation(
                application, answers: answers, by: actor, name: member?.name, at: context.at, directory: Directory(staff: try state.directory()))
            return [.decisionAlertsClosed(application: id, by: actor, at: context.at)] + consequences(decided.change, of: id, &numbers)

        case .checkTerms(let id, let observations):
            let application = try existing(id, state)
            try refuse(TermsDecision.mayCheck(application, login: actor, member: try state.staffMember(actor)))
            let results = try TermsDecision.results(observations, on: application, day: context.today)
            let record = TermsDecision.record(results, on: application, by: actor, at: context.at, day: context.today)
            let alerts = TermsDecision.alerts(results, on: application, Directory(staff: try state.directory()), at: context.at)
            return [.dutyRecorded(id: numbers.next(), record)] + alerts.map { .alertRaised(id: numbers.next(), $0) }

        case .reportIncident(let id, let answers):
            let application = try existing(id, state)
            try refuse(DutyActions.mayReportIncident(
                application, login: actor, member: try state.staffMember(actor), staff: try state.directory()))
            let change = DutyActions.ownIncident(
                application, answers: answers, by: actor, at: context.at, today: context.today, directory: Directory(staff: try state.directory()))
            return [.incidentRecorded(id: numbers.next(), change.incident!)] + consequences(change, of: id, &numbers)

        case .reportIncidentElsewhere(let answers):
            try refuse(DutyActions.mayReportIncidentElsewhere(member: try state.staffMember(actor)))
            let named = Incident(
                applicationID: nil, provider: answers[EventFields.provider]?.text ?? "", service: answers[EventFields.service]?.text ?? "",
                occurredOn: context.today, what: "", source: nil, action: nil, recordedBy: actor, recordedAt: context.at)
            let candidates = try state.servicesInUse { named.concerns(provider: $0, service: $1) }
            let change = DutyActions.incidentElsewhere(
                answers: answers, candidates: candidates, by: actor, at: context.at, today: context.today,
                directory: Directory(staff: try state.directory()))
            return [.incidentRecorded(id: numbers.next(), change.incident!)] + consequences(change, of: nil, &numbers)

        case .readAlert(let id):
            // An alert already read, or gone with its purged service, asks nothing more.
            guard let alert = try state.alert(id), alert.acknowledgedAt == nil else { return [] }
            try refuse(DutyActions.mayAcknowledge(alertFor: alert.recipientLogin, needsDecision: alert.needsDecision, login: actor))
            return [.alertRead(id: id, by: actor, at: context.at)]

        case .submitTermination(let id, let answers):
            let application = try existing(id, state)
            try refuse(TerminationActions.maySubmit(application, login: actor, member: try state.staffMember(actor)))
            return [
                .terminationSubmitted(application: id, applicant: actor, answers: answers, at: context.at),
                .editorAdded(application: id, form: .termination, login: actor),
            ]

        case .holdRetention(let id, let until, let reason):
            let application = try existing(id, state)
            try refuse(TerminationActions.mayKeepRecords(member: try state.staffMember(actor)) ?? TerminationRules.mayHold(application, until: until))
            return [.retentionHeld(id: numbers.next(), application: id, until: until, reason: reason, by: actor, at: context.at)]

        case .purge(let ids, let counters):
            try refuse(TerminationActions.mayKeepRecords(member: try state.staffMember(actor)))
            var events: [Event] = []
            for id in ids {
                if let application = try state.application(id) {
                    try refuse(TerminationRules.mayPurge(application, today: context.today))
                } else if !state.wasErased(id) {
                    throw StoreError.notFound(id: id)
                }
                events.append(.purged(application: id))
            }
            // The numbers given so far, as the store had them: a replay that could not rebuild
            // the purged services' own entries learns them here.
            guard counters.application >= (try state.counters().application) else {
                throw StoreError.refused([ReplayText.countersBehind])
            }
            return events + [.countersAdvanced(counters)]

        case .adoptProcedure(let adoption):
            try refuse(ProcedureAdoptionRules.refusal(
                adoption, member: try state.staffMember(actor), book: ProcedureScope.book, today: context.today))
            return [.procedureAdopted(adoption, entry: context.sequence, by: actor, at: context.at)]
        }
    }

    /// A stop and the alerts that follow from an action.
    private static func consequences(_ change: DutyActions.Change, of id: Int64?, _ numbers: inout RecordNumbers) -> [Event] {
        var events: [Event] = []
        if let id, let stop = change.stop { events.append(.serviceStopped(application: id, stop)) }
        events += change.alerts.map { .alertRaised(id: numbers.next(), $0) }
        return events
    }

    private static func existing(_ id: Int64, _ state: any LedgerState) throws -> ApplicationRecord {
        guard let application = try state.application(id) else { throw StoreError.notFound(id: id) }
        return application
    }

    private static func refuse(_ refusal: Localized?) throws {
        if let refusal { throw StoreError.refused([refusal]) }
    }
}

/// Numbers for the records one command makes (decisions, duty records, incidents, alerts,
/// holds), taken from its place in the log: the same on a replay, whatever was purged before.
struct RecordNumbers {
    let sequence: Int64
    private var made: Int64 = 0

    init(sequence: Int64) {
        self.sequence = sequence
    }

    /// Room for a million records a command (an incident elsewhere alerts every user and
    /// manager of the services it concerns), and for logs of billions of entries in 63 bits.
    mutating func next() -> Int64 {
        made += 1
        return sequence * 1_000_000 + made
    }
}
