/// Where an application stands in its lifecycle.
public enum ApplicationStatus: String, Sendable, Codable, CaseIterable {
    case submitted

    public var label: Localized {
        switch self {
        case .submitted: return Localized("提出済み", "submitted")
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

    public init(id: Int64? = nil, owner: String, procedureID: String, state: InterviewState, version: Int = 0, updatedAt: String = "") {
        self.id = id
        self.owner = owner
        self.procedureID = procedureID
        self.state = state
        self.version = version
        self.updatedAt = updatedAt
    }
}
