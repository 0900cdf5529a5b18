/// What a person did, as they said it: the answers, marks, notes and reasons they typed, and
/// which record they meant. Never rows: what a command changes is decided by `Decide` from the
/// state it meets, by the login that signed it, at the time it carries. The log keeps commands,
/// each signed by its actor, and every row of the store is what they make (`Projection`).
public enum Command: Codable, Equatable, Sendable {
    case submitApplication(Submission)
    case withdraw(application: Int64)
    case discardDraft(draft: Int64, procedure: String, service: String)
    case importService(row: Int, answers: Answers)
    case addStaff(StaffEntry)
    case updateStaff(StaffEntry)
    case removeStaff(login: String)
    /// An administrator vouches that this public key is `login`'s (KeyVouching.swift).
    case vouchKey(login: String, publicKey: String)
    case decide(Review)
    case acknowledgeRisks(application: Int64)
    case recordDuty(application: Int64, kind: DutyKind, answers: Answers)
    case stopService(application: Int64, reason: String)
    case decideContinuation(application: Int64, answers: Answers)
    /// The published terms of a service as fetched or saved by hand (`yakkan terms check`).
    case checkTerms(application: Int64, observations: [TermsObservation])
    case reportIncident(application: Int64, answers: Answers)
    case reportIncidentElsewhere(answers: Answers)
    case readAlert(id: Int64)
    case submitTermination(application: Int64, answers: Answers)
    case holdRetention(application: Int64, until: Day, reason: String)
    case purge(applications: [Int64], counters: IDCounters)
    /// An administrator adopts a version of the procedure from a day: the file's text and its
    /// digest are the act, so that verify reads the very rules that were adopted.
    case adoptProcedure(ProcedureAdoption)

    /// An application sent to the 利用責任者: new, or a returned one corrected (`correcting`).
    public struct Submission: Codable, Equatable, Sendable {
        public var answers: Answers
        public var correcting: Int64?
        public var procedureVersion: String

        public init(answers: Answers, correcting: Int64?, procedureVersion: String) {
            self.answers = answers
            self.correcting = correcting
            self.procedureVersion = procedureVersion
        }
    }

    /// A 利用責任者's double check of a form, on the version they were shown.
    public struct Review: Codable, Equatable, Sendable {
        public var application: Int64
        public var form: Decision.Form
        public var version: Int
        public var answers: Answers

        public init(application: Int64, form: Decision.Form, version: Int, answers: Answers) {
            self.application = application
            self.form = form
            self.version = version
            self.answers = answers
        }
    }

    /// The name of the act in the log, as `audit list` shows it.
    /// A change to the staff directory itself.
    var changesDirectory: Bool {
        switch self {
        case .addStaff, .updateStaff, .removeStaff: return true
        default: return false
        }
    }

    public var action: String {
        switch self {
        case .submitApplication(let submission): return submission.correcting == nil ? "submit" : "resubmit"
        case .withdraw: return "withdraw"
        case .discardDraft: return "discard-draft"
        case .importService: return "import"
        case .addStaff: return "staff-add"
        case .updateStaff: return "staff-update"
        case .removeStaff: return "staff-remove"
        case .decide(let review):
            let outcome = review.answers[ReviewFields.decision]?.choice ?? ""
            return review.form == .termination ? "decide-termination-\(outcome)" : "decide-\(outcome)"
        case .acknowledgeRisks: return "acknowledge-risks"
        case .recordDuty(_, let kind, _): return "duty-\(kind.rawValue)"
        case .stopService: return "stop"
        case .decideContinuation(_, let answers):
            return answers[EventFields.decision]?.choice == "stop" ? ContinuationDecision.actions.stops : ContinuationDecision.actions.continues
        case .checkTerms: return "terms-check"
        case .reportIncident: return "incident"
        case .reportIncidentElsewhere: return "incident-elsewhere"
        case .readAlert: return "alert-acknowledged"
        case .submitTermination: return "submit-termination"
        case .holdRetention: return "retention-hold"
        case .purge: return "purge"
        case .vouchKey: return "key-vouch"
        case .adoptProcedure: return "procedure-adopt"
        }
    }

    /// The application the act is about, when it is about one: its entries lose their details
    /// when the application is purged.
    public var application: Int64? {
        switch self {
        case .submitApplication(let submission): return submission.correcting
        case .withdraw(let id), .acknowledgeRisks(let id), .stopService(let id, _), .holdRetention(let id, _, _),
             .recordDuty(let id, _, _), .decideContinuation(let id, _), .checkTerms(let id, _), .reportIncident(let id, _), .submitTermination(let id, _):
            return id
        case .decide(let review): return review.application
        default: return nil
        }
    }
}

/// The numbers given so far to the records that people refer to by number. A purge names them,
/// so that a replay of a log whose purged entries lost their details gives later records the
/// same numbers as the store did.
public struct IDCounters: Codable, Equatable, Sendable {
    public var application: Int64 = 0

    public init(application: Int64 = 0) {
        self.application = application
    }
}
