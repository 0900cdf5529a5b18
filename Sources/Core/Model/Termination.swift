/// Where a termination form stands.
public enum TerminationStatus: String, Sendable, Codable {
    case submitted
    case returned
    case confirmed

    public var label: Localized {
        switch self {
        case .submitted: return Localized("終了確認書：確認待ち", "termination awaiting review")
        case .returned: return Localized("終了確認書：差し戻し", "termination returned")
        case .confirmed: return Localized("終了確認済み", "termination confirmed")
        }
    }
}

/// A submitted 終了確認書 as the store keeps it, one per service.
public struct TerminationRecord: Sendable, Codable, Equatable {
    public let applicationID: Int64
    public let applicantLogin: String
    public var status: TerminationStatus
    public let answers: Answers
    public let submittedAt: String
    public var version: Int
    public var editors: [String] = []
    public var decisions: [Decision] = []

    public init(applicationID: Int64, applicantLogin: String, status: TerminationStatus, answers: Answers, submittedAt: String, version: Int) {
        self.applicationID = applicationID
        self.applicantLogin = applicantLogin
        self.status = status
        self.answers = answers
        self.submittedAt = submittedAt
        self.version = version
    }

    public var endDate: Day? { answers[TerminationFields.endDate]?.date }
    public var departmentHead: NamedPerson { answers[TerminationFields.departmentHead]?.person ?? NamedPerson(name: "", login: nil) }
    public var latestDecision: Decision? { decisions.last }
}

extension TerminationStatus {
    /// Why a termination form in this state takes no double check.
    public var notAwaitingReview: Localized {
        Localized(
            "この終了確認書は確認待ちではありません（\(label.ja)）。",
            "This termination form is not awaiting review (\(label.en)).")
    }
}

/// What the four-eyes rule needs to know of any form under review.
public struct ReviewableForm: Sendable {
    public let department: String
    public let applicantLogin: String
    public let departmentHead: NamedPerson
    public let editors: [String]
    /// Nil when the form waits for review; else why it does not.
    public let notAwaiting: Localized?

    public init(department: String, applicantLogin: String, departmentHead: NamedPerson, editors: [String], notAwaiting: Localized?) {
        self.department = department
        self.applicantLogin = applicantLogin
        self.departmentHead = departmentHead
        self.editors = editors
        self.notAwaiting = notAwaiting
    }
}

extension ApplicationRecord {
    public var reviewable: ReviewableForm {
        ReviewableForm(
            department: department, applicantLogin: applicantLogin, departmentHead: departmentHead, editors: editors,
            notAwaiting: status == .submitted ? nil : ReviewRefusal.notAwaitingReview(status).text)
    }

    /// The termination form of this service under review.
    public var reviewableTermination: ReviewableForm? {
        termination.map { termination in
            ReviewableForm(
                department: department, applicantLogin: termination.applicantLogin, departmentHead: termination.departmentHead,
                editors: termination.editors,
                notAwaiting: termination.status == .submitted ? nil : termination.status.notAwaitingReview)
        }
    }

    /// Which of the service's forms waits for a double check, if any: the application while it
    /// is submitted, otherwise a submitted termination.
    public var formUnderReview: Decision.Form? {
        if status == .submitted { return .application }
        return termination?.status == .submitted ? .termination : nil
    }

    /// The day the use ended, once its termination was confirmed.
    public var endDay: Day? { termination?.status == .confirmed ? termination?.endDate : nil }

    /// The last day every record of this service must still be kept; nil while it has not ended.
    public var keepUntil: Day? { endDay.map { Retention.keepUntil(end: $0, holds: holds) } }
}
