/// The recurring and standing duties of section 6 while a service is in use.
public enum DutyKind: String, Sendable, Codable, CaseIterable {
    /// 6(1): review what the service offers (its interval is the procedure file's).
    case contentReview = "content_review"
    /// 6(5): back the information up.
    case backup
    /// 6(6): confirm with the users that purpose and information are unchanged.
    case userConfirmation = "user_confirmation"
    /// 6(3): the alternative service, kept secured in advance.
    case alternative
    /// 6(4): what information the service holds, kept current.
    case inventory
    /// 6(1), 6(4): the published terms compared with those kept at approval (`yakkan terms
    /// check`); recorded only through that command, never typed in.
    case termsCheck = "terms_check"

    /// The duties a person records by hand (`yakkan record`).
    public static let recordable: [DutyKind] = allCases.filter { $0 != .termsCheck }

    /// The procedure file's entry for this duty: its interval, title and section.
    private var definition: DutyDefinition {
        guard let duty = ProcedureScope.document.duty(self) else { preconditionFailure("the procedure file names every duty") }
        return duty
    }

    public var schedule: DutySchedule.Cadence? { definition.cadence }

    public var title: Localized { definition.title }

    public var section: String { definition.section }

    /// Words that pick the duty on the command line.
    public static func named(_ text: String) -> DutyKind? {
        let folded = text.lowercased()
        let names: [String: DutyKind] = [
            "review": .contentReview, "content": .contentReview, "content_review": .contentReview, "内容確認": .contentReview,
            "backup": .backup, "バックアップ": .backup,
            "confirm": .userConfirmation, "confirmation": .userConfirmation, "user_confirmation": .userConfirmation, "利用者確認": .userConfirmation,
            "alternative": .alternative, "代替": .alternative, "代替サービス": .alternative,
            "inventory": .inventory, "情報": .inventory, "情報の把握": .inventory,
        ]
        return names[folded]
    }
}

/// One recorded performance of a duty.
public struct DutyRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public let applicationID: Int64
    public let kind: DutyKind
    /// The day the duty was done (a late record names the day it was really done).
    public let doneOn: Day
    public let answers: Answers
    public let recordedBy: String
    public let recordedAt: String

    public init(id: Int64? = nil, applicationID: Int64, kind: DutyKind, doneOn: Day, answers: Answers, recordedBy: String, recordedAt: String) {
        self.id = id
        self.applicationID = applicationID
        self.kind = kind
        self.doneOn = doneOn
        self.answers = answers
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
