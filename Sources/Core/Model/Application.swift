/// Where an application stands in its lifecycle.
public enum ApplicationStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for the 利用責任者's double check.
    case submitted
    /// Sent back for correction; the applicant edits and submits again.
    case returned
    case refused
    /// Approved; the service manager has still to acknowledge the risks.
    case approved
    /// 利用中: approved and the risks acknowledged.
    case inUse = "in_use"
    /// 停止: stopped at once (routing abroad found, or the 利用責任者 decided to stop);
    /// it must still be terminated.
    case stopped
    /// 終了: the termination was confirmed; kept until three years after its end.
    case ended
    /// 取り下げ: its applicant withdrew it before the 利用責任者 decided.
    case withdrawn

    public var label: Localized {
        switch self {
        case .submitted: return Localized("確認待ち", "awaiting review")
        case .returned: return Localized("差し戻し", "returned")
        case .refused: return Localized("却下", "refused")
        case .approved: return Localized("承認・リスク確認待ち", "approved, risks to acknowledge")
        case .inUse: return Localized("利用中", "in use")
        case .stopped: return Localized("停止", "stopped")
        case .ended: return Localized("終了", "ended")
        case .withdrawn: return Localized("取り下げ", "withdrawn")
        }
    }

    /// The status as people read it on `today`: a service whose risks were acknowledged is in
    /// use only from the first day of its approved period (nothing of section 6 is due before).
    public func label(periodStart: Day?, today: Day) -> Localized {
        guard self == .inUse, let start = periodStart, start > today else { return label }
        return Localized(
            "利用開始前（\(JapaneseDate.warekiShort(start))から）", "starts \(start.iso)")
    }
}

/// A submitted 利用申請書 as the store keeps it.
public struct ApplicationRecord: Sendable, Codable, Equatable {
    public let id: Int64
    /// The login of the person who submitted it.
    public let applicantLogin: String
    public var status: ApplicationStatus
    public let procedureVersion: String
    public let answers: Answers
    public let submittedAt: String
    public var version: Int
    /// Everyone who wrote the application's answers: they may never double-check it.
    public var editors: [String] = []
    public var decisions: [Decision] = []
    public var acknowledgement: Acknowledgement?
    public var dutyRecords: [DutyRecord] = []
    public var incidents: [Incident] = []
    public var stop: ServiceStop?
    /// The 利用責任者's decisions after a change (6(1)), oldest first.
    public var continuations: [ContinuationDecision] = []
    public var termination: TerminationRecord?
    /// Retention extended (a hold): never earlier than three years after the end.
    public var holds: [Day] = []
    /// Who has the double check open, and since when.
    public var reviewingBy: String?
    /// The newest entry of the log about this service, as `show` and the printed form give it:
    /// a filed paper form then witnesses the log as it stood (read for one service, not lists).
    public var lastEntry: LogHead?
    public var reviewingSince: String?
    /// The due date of the earliest open period of each recurring duty as the store keeps it
    /// (`duty_due`), when a schedule was read from it instead of the duty records: `due`,
    /// `calendar` and `remind` then read a row per duty, not every record (DutySchedule).
    public var openDues: [DutyKind: Day]?

    public init(
        id: Int64, applicantLogin: String, status: ApplicationStatus, procedureVersion: String,
        answers: Answers, submittedAt: String, version: Int
    ) {
        self.id = id
        self.applicantLogin = applicantLogin
        self.status = status
        self.procedureVersion = procedureVersion
        self.answers = answers
        self.submittedAt = submittedAt
        self.version = version
    }

    typealias F = ApplicationFields
    public var department: String { answers[F.department]?.text ?? "" }
    public var provider: String { answers[F.provider]?.text ?? "" }
    public var service: String { answers[F.service]?.text ?? "" }
    public var periodStart: Day? { answers[F.periodStart]?.date }
    public var periodEnd: Day? { answers[F.periodEnd]?.date }
    public var submittedDay: Day? { Village.day(ofTimestamp: submittedAt) }
    /// 申請日 as the forms give it: the day it was submitted here, or the spreadsheet's day of a
    /// service imported already in use.
    public var applicationDay: Day? { answers[F.importedSubmittedOn]?.date ?? submittedDay }
    public var serviceManager: String { answers[F.serviceManager]?.text ?? "" }
    /// The login of the サービス管理担当者: the only thing their role is matched by.
    public var serviceManagerLogin: String? { answers[F.serviceManager]?.person?.login }
    public var departmentHead: NamedPerson { answers[F.departmentHead]?.person ?? NamedPerson(name: "", login: nil) }
    public var classification: Classification? { answers[F.classification]?.classification }
    public var latestDecision: Decision? { decisions.last }
    /// The approval of the application: its 利用責任者 is the one who explains the risks (5(3)).
    public var approval: Decision? { decisions.last { $0.form == .application && $0.outcome == .approved } }
    public var users: [String] { answers[F.users]?.list ?? [] }
    /// （合計人数）: the users named, or the count a spreadsheet of an imported service gave.
    public var userCount: Int { answers[F.users]?.list?.count ?? Int(answers[F.importedUserCount]?.text ?? "") ?? 0 }
    /// The users with their logins where the directory knew them.
    public var userPeople: [NamedPerson] { answers[F.users]?.people ?? [] }
    /// The day the service came into use: the service manager's acknowledgement of the risks,
    /// but never before the first day of the approved period (利用期間). A service registered
    /// by import has no acknowledgement: the store knows it from the day it was imported (what
    /// was done before was kept on paper).
    public var inUseFrom: Day? {
        // In use without an acknowledgement is only ever a service imported already in use.
        let known = acknowledgement.flatMap { Village.day(ofTimestamp: $0.acknowledgedAt) }
            ?? (status == .inUse || status == .stopped ? submittedDay : nil)
        guard let known else { return nil }
        return periodStart.map { max($0, known) } ?? known
    }
    /// The first day nothing of section 6 is due any more: the end date of a termination, or the
    /// day after the approved period ends, whichever comes first.
    public var activeUntil: Day? {
        [termination?.endDate, periodEnd?.adding(days: 1)].compactMap { $0 }.min()
    }
    /// Registered from a spreadsheet of services already in use (yakkan import), not applied for here.
    public var isImported: Bool { answers[ApplicationFields.imported]?.flag == true }
    /// The alternative service as last recorded (6(3)).
    public var currentAlternative: String {
        dutyRecords.last { $0.kind == .alternative }?.answers[DutyFields.alternative]?.text
            ?? answers[F.alternative]?.text ?? ""
    }
    /// The kinds of information held as last recorded (6(4)).
    public var currentInventory: [String] {
        dutyRecords.last { $0.kind == .inventory }?.answers[DutyFields.inventory]?.list
            ?? answers[F.informationKinds]?.list ?? []
    }

    /// Every attachment of the application with the field it belongs to.
    public var attachments: [(field: String, attachment: Attachment)] { answers.attachments }
}

/// A service stopped at once (6(2)), or on the 利用責任者's decision after a change (6(1)).
public struct ServiceStop: Sendable, Codable, Equatable {
    public let reason: String
    public let stoppedBy: String
    public let stoppedAt: String

    public init(reason: String, stoppedBy: String, stoppedAt: String) {
        self.reason = reason
        self.stoppedBy = stoppedBy
        self.stoppedAt = stoppedAt
    }
}

/// The 利用責任者's decision, after the service changed, to go on with it or to stop it (6(1)).
/// The signed log's entry is its record: the store keeps no other row of it.
public struct ContinuationDecision: Sendable, Codable, Equatable {
    public let continues: Bool
    public let reason: String
    public let decidedBy: String
    public let decidedAt: String

    public init(continues: Bool, reason: String, decidedBy: String, decidedAt: String) {
        self.continues = continues
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// The log's actions that record it.
    public static let actions = (continues: "continue", stops: "discontinue")
}

/// An unfinished form of one person, saved after every accepted answer.
public struct Draft: Sendable, Equatable {
    public var id: Int64?
    public let owner: String
    public let procedureID: String
    public var state: InterviewState
    /// Bumped on every save; a save based on an older version is refused.
    public var version: Int
    public var updatedAt: String
    /// The application this draft corrects or reviews; nil for a new application.
    public var applicationID: Int64?
    /// The version of that application the draft was begun on, so a review of an older
    /// version is noticed.
    public var applicationVersion: Int?

    public init(
        id: Int64? = nil, owner: String, procedureID: String, state: InterviewState, version: Int = 0,
        updatedAt: String = "", applicationID: Int64? = nil, applicationVersion: Int? = nil
    ) {
        self.applicationVersion = applicationVersion
        self.id = id
        self.applicationID = applicationID
        self.owner = owner
        self.procedureID = procedureID
        self.state = state
        self.version = version
        self.updatedAt = updatedAt
    }

    /// A form not begun yet, about `applicationID` when it corrects, reviews or follows one.
    public static func fresh(owner: String, procedureID: String, about applicationID: Int64? = nil, version: Int? = nil) -> Draft {
        Draft(owner: owner, procedureID: procedureID, state: InterviewState(), applicationID: applicationID, applicationVersion: version)
    }
}
