/// What a command made happen, as `Decide` found it from the state: the only input of
/// `Projection`, which writes every row from these. Events are not kept: the log keeps the
/// signed commands, and verify decides them again to rebuild the same events.
public enum Event: Sendable {
    /// A new application (submitted, or imported already in use), with its number.
    case applicationFiled(id: Int64, applicant: String, answers: Answers, procedureVersion: String, status: ApplicationStatus, at: String)
    /// A returned application corrected by its applicant and sent again, one version on.
    case applicationResubmitted(id: Int64, answers: Answers)
    case editorAdded(application: Int64, form: Decision.Form, login: String)
    case applicationWithdrawn(id: Int64)
    /// A draft thrown away by its writer: working state, which the log only witnesses.
    case draftDiscarded(id: Int64, owner: String)
    case staffAdded(StaffMember, at: String)
    case staffUpdated(StaffMember)
    case staffRemoved(login: String)
    case decided(id: Int64, Decision, DecisionEffect)
    case risksAcknowledged(Acknowledgement)
    case dutyRecorded(id: Int64, DutyRecord)
    case serviceStopped(application: Int64, ServiceStop)
    /// The alerts that asked the 利用責任者 to decide after a change are closed by the decision.
    case decisionAlertsClosed(application: Int64, by: String, at: String)
    case incidentRecorded(id: Int64, Incident)
    case alertRaised(id: Int64, Alert)
    case alertRead(id: Int64, by: String, at: String)
    case terminationSubmitted(application: Int64, applicant: String, answers: Answers, at: String)
    case retentionHeld(id: Int64, application: Int64, until: Day, reason: String, by: String, at: String)
    case purged(application: Int64)
    case countersAdvanced(IDCounters)
    /// A key vouched for: verify reads it from the log; it makes no row.
    case keyVouched(login: String, publicKey: String)
    /// A version of the procedure adopted, at its place in the log (`entry`), which orders the versions.
    case procedureAdopted(ProcedureAdoption, entry: Int64, by: String, at: String)

    /// The application whose derived columns this event changes.
    var application: Int64? {
        switch self {
        case .applicationFiled(let id, _, _, _, _, _), .applicationResubmitted(let id, _), .applicationWithdrawn(let id),
             .editorAdded(let id, _, _), .serviceStopped(let id, _), .decisionAlertsClosed(let id, _, _),
             .terminationSubmitted(let id, _, _, _), .retentionHeld(_, let id, _, _, _, _), .purged(let id):
            return id
        case .decided(_, let decision, _): return decision.applicationID
        case .risksAcknowledged(let acknowledgement): return acknowledgement.applicationID
        case .dutyRecorded(_, let record): return record.applicationID
        case .incidentRecorded(_, let incident): return incident.applicationID
        case .alertRaised(_, let alert): return alert.applicationID
        default: return nil
        }
    }
}
