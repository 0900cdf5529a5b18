/// Why someone may not act in a role of the procedure now. Roles go with the staff directory as
/// it is at the moment of the act, never with a form alone: a サービス管理担当者 removed from the
/// directory (moved away, left the village) is still named on the forms they kept, but may no
/// longer record, stop, acknowledge or terminate anything by that name.
public enum CurrentEntryRefusal: Equatable, Sendable {
    /// Someone the directory does not list, now, doing what only listed staff do.
    case notListed(login: String, administrators: Localized)
    /// The サービス管理担当者 named on the form, whom the directory no longer lists.
    case managerNotListed(login: String, application: Int64)

    public var text: Localized {
        switch self {
        case .notListed(let login, let administrators):
            return Localized(
                "あなた（\(login)）は現在の職員名簿に登録されていないため、この操作はできません。名簿にない人ができるのは、利用申請とその取り下げ、自分あてのお知らせの既読、自分が申請したサービスのインシデントの報告だけです。登録は\(administrators.ja)に依頼してください。",
                "You (\(login)) are not in the staff directory now, so you cannot do this. Someone the directory does not list may only apply, withdraw their own application, mark their own alerts read and report incidents of a service they applied for. Ask \(administrators.en) to add you.")
        case .managerNotListed(let login, let application):
            return Localized(
                "あなた（\(login)）は申請番号 \(application) のサービス管理担当者として様式に記載されていますが、現在の職員名簿に登録されていないため、サービス管理担当者として行動できません。役割は様式の記載ではなく、現在の名簿への登録によります。",
                "You (\(login)) are named on application \(application) as its service manager, but the staff directory does not list you now, so you cannot act as its service manager: roles go with the directory as it is, not with a form.")
        }
    }
}

/// The rule that every act needs its actor's current entry in the directory, asked by `Decide`
/// for every command after the act's own rule (so that a person refused for a reason of the act
/// hears that reason first). `audit verify` replays the log on the directory as it stood at each
/// entry, so removing someone leaves what they signed before valid.
public enum CurrentEntry {
    /// What the act asks of its actor's entry: nothing for what a newcomer does about their own
    /// application (the product lets someone the directory does not list yet apply, follow and
    /// withdraw it, read what concerns it and report its incidents), else a listed person.
    public static func refusal(_ command: Command, actor: String, in state: any LedgerState) throws -> CurrentEntryRefusal? {
        switch command {
        case .submitApplication, .withdraw, .discardDraft, .readAlert:
            // Who may submit, withdraw, discard or read is the act's own rule (applicant, owner, recipient).
            return nil
        case .addStaff:
            // The first person of an empty directory adds themselves and becomes its administrator.
            return try state.directory().isEmpty ? nil : try listed(actor, in: state)
        case .reportIncident(let id, _):
            guard let application = try state.application(id) else { return nil }
            return mayReport(incidentOf: application, login: actor, member: try state.staffMember(actor), staff: try state.directory())
        case .importService, .updateStaff, .removeStaff, .vouchKey, .decide, .acknowledgeRisks, .recordDuty, .stopService,
             .decideContinuation, .checkTerms, .reportIncidentElsewhere, .submitTermination, .holdRetention, .purge, .adoptProcedure:
            return try listed(actor, in: state)
        }
    }

    private static func listed(_ actor: String, in state: any LedgerState) throws -> CurrentEntryRefusal? {
        try state.staffMember(actor) != nil ? nil : .notListed(login: actor, administrators: Administrators.named(try state.directory()))
    }

    /// An incident of a service (6(8)) is reported by listed staff, or by its applicant, whom the
    /// directory may not list yet.
    public static func mayReport(incidentOf application: ApplicationRecord, login: String, member: StaffMember?, staff: [StaffMember]) -> CurrentEntryRefusal? {
        member != nil || application.applicantLogin == login ? nil : .notListed(login: login, administrators: Administrators.named(staff))
    }

    /// Whether `login` acts as the サービス管理担当者 of the service: named on its form by login,
    /// and listed now (`member` is their current entry, nil when the directory does not list them).
    public static func actsAsManager(login: String, member: StaffMember?, of application: ApplicationRecord) -> Bool {
        DutyRules.isManager(login: login, of: application) && member?.login == login
    }

    /// The refusal for the manager named on the form whom the directory no longer lists; nil
    /// when `login` is not the one named, or is listed.
    public static func unlistedManager(login: String, member: StaffMember?, of application: ApplicationRecord) -> Localized? {
        guard DutyRules.isManager(login: login, of: application), member?.login != login else { return nil }
        return CurrentEntryRefusal.managerNotListed(login: login, application: application.id).text
    }
}
