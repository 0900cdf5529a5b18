/// The forms whose questions the procedure file writes besides the application's: where the
/// file writes them, the prefix their answers are kept under, and the questions yakkan's rules
/// read, which a file must therefore ask.
public enum FormName: String, Sendable, CaseIterable {
    case review
    case terminationReview = "termination_review"
    case termination
    case contentReview = "content_review"
    case backup
    case userConfirmation = "user_confirmation"
    case alternative
    case inventory
    case incidentElsewhere = "incident_elsewhere"
    case ownIncident = "own_incident"
    case stop
    case continuation

    /// The file's sections of a form each; the duties' and events' forms are entries of one.
    static let ownSections: [String: FormName] = [
        "review_questions": .review, "termination_review_questions": .terminationReview, "termination_questions": .termination,
    ]
    static let dutyForms: [FormName] = [.contentReview, .backup, .userConfirmation, .alternative, .inventory]
    static let eventForms: [FormName] = [.incidentElsewhere, .ownIncident, .stop, .continuation]

    /// The ids of its answers are the file's ids after this.
    public var prefix: String {
        switch self {
        case .review, .terminationReview: return "review."
        case .termination: return "termination."
        case .contentReview, .backup, .userConfirmation, .alternative, .inventory: return "duty."
        case .incidentElsewhere, .ownIncident, .stop, .continuation: return "event."
        }
    }

    /// What `procedure show` calls it.
    public var title: Localized {
        switch self {
        case .review: return Localized("利用申請書のダブルチェック", "double check of the application")
        case .terminationReview: return Localized("終了確認書のダブルチェック", "double check of the termination form")
        case .termination: return Localized("終了確認書", "termination form")
        case .contentReview, .backup, .userConfirmation, .alternative, .inventory:
            let title = DutyKind(rawValue: rawValue).flatMap { ProcedureScope.document.duty($0)?.title } ?? Localized(rawValue, rawValue)
            return Localized("義務「\(title.ja)」の記録", "record of \"\(title.en)\"")
        case .incidentElsewhere: return Localized("他組織のインシデント", "incident elsewhere")
        case .ownIncident: return Localized("インシデントの報告", "incident report")
        case .stop: return Localized("利用の停止", "stop")
        case .continuation: return Localized("継続の判断", "continuation decision")
        }
    }

    /// The file's id of an answer's id.
    public func fileID(_ id: String) -> String { id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : id }

    /// A setting for this form's questions, about `record` when there is one.
    func setting(_ record: ApplicationRecord? = nil) -> FormSetting { FormSetting(prefix: prefix, record: record) }

    /// The form's fields as the file of the version read now writes them.
    func fields(_ setting: FormSetting) -> [Field] { Field.fields(ProcedureScope.document.questions(self), in: setting) }

    /// The questions the rules, the printed forms and the schedule read.
    var required: [String] {
        let ids: [String]
        switch self {
        case .review:
            ids = [ReviewFields.businessNeed, ReviewFields.permitClassification, ReviewFields.permitReason, ReviewFields.decision, ReviewFields.reason]
        case .terminationReview: ids = [ReviewFields.decision, ReviewFields.reason]
        case .termination: ids = TerminationFields.all
        case .contentReview:
            ids = [DutyFields.doneOn, DutyFields.changed, DutyFields.termsChanged, DutyFields.securityChanged, DutyFields.overseas, DutyFields.changeDetails]
        case .backup: ids = [DutyFields.doneOn]
        case .userConfirmation: ids = [DutyFields.doneOn, DutyFields.eachUser, DutyFields.differences]
        case .alternative: ids = [DutyFields.alternative]
        case .inventory: ids = [DutyFields.inventory]
        case .incidentElsewhere: ids = [EventFields.provider, EventFields.service, EventFields.occurredOn, EventFields.what, EventFields.source]
        case .ownIncident: ids = [EventFields.occurredOn, EventFields.what, EventFields.action]
        case .stop: ids = [EventFields.reason]
        case .continuation: ids = [EventFields.decision, EventFields.reason]
        }
        return ids.map(fileID)
    }
}
