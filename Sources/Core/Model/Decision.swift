/// What the 利用責任者 decided about a form.
public enum DecisionOutcome: String, Sendable, Codable, CaseIterable {
    case approved
    case returned
    case refused
    /// A termination form confirmed.
    case confirmed

    public var label: Localized {
        switch self {
        case .approved: return Localized("承認", "approved")
        case .returned: return Localized("差し戻し", "returned for correction")
        case .refused: return Localized("却下", "refused")
        case .confirmed: return Localized("確認", "confirmed")
        }
    }
}

/// A dated decision naming its reviewer, with the reviewer's column of marks.
public struct Decision: Sendable, Codable, Equatable {
    /// Which form was decided: the application or its termination.
    public enum Form: String, Sendable, Codable { case application, termination }

    public var form: Form = .application
    public let applicationID: Int64
    public let reviewerLogin: String
    public let reviewerName: String
    public let outcome: DecisionOutcome
    public let reason: String?
    /// The review interview's answers: the 責任者 column, notes, permission of Ⅰ/Ⅱ.
    public let answers: Answers
    public let decidedAt: String
    /// The version of the application the decision was made on.
    public let applicationVersion: Int

    public init(
        applicationID: Int64, reviewerLogin: String, reviewerName: String, outcome: DecisionOutcome,
        reason: String?, answers: Answers, decidedAt: String, applicationVersion: Int
    ) {
        self.applicationID = applicationID
        self.reviewerLogin = reviewerLogin
        self.reviewerName = reviewerName
        self.outcome = outcome
        self.reason = reason
        self.answers = answers
        self.decidedAt = decidedAt
        self.applicationVersion = applicationVersion
    }
}

/// The サービス管理担当者's acknowledgement of the risks (section 5(3)).
public struct Acknowledgement: Sendable, Codable, Equatable {
    public let applicationID: Int64
    public let login: String
    public let name: String
    public let acknowledgedAt: String

    public init(applicationID: Int64, login: String, name: String, acknowledgedAt: String) {
        self.applicationID = applicationID
        self.login = login
        self.name = name
        self.acknowledgedAt = acknowledgedAt
    }
}
