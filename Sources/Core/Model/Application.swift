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

    public var label: Localized {
        switch self {
        case .submitted: return Localized("確認待ち", "awaiting review")
        case .returned: return Localized("差し戻し", "returned")
        case .refused: return Localized("却下", "refused")
        case .approved: return Localized("承認・リスク確認待ち", "approved, risks to acknowledge")
        case .inUse: return Localized("利用中", "in use")
        }
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
    /// Who has the double check open, and since when.
    public var reviewingBy: String?
    public var reviewingSince: String?

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
    public var serviceManager: String { answers[F.serviceManager]?.text ?? "" }
    public var departmentHead: String { answers[F.departmentHead]?.text ?? "" }
    public var classification: Classification? { answers[F.classification]?.classification }
    public var latestDecision: Decision? { decisions.last }

    /// Every attachment of the application with the field it belongs to.
    public var attachments: [(field: String, attachment: Attachment)] {
        answers.keys.sorted().flatMap { key in (answers[key]?.files ?? []).map { (key, $0) } }
    }
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
}
