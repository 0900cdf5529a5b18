/// Who may do what while a service is in use.
public enum DutyRules {
    /// Duties are kept by the サービス管理担当者; the 利用責任者 of the 課 may record them too.
    public static func mayRecord(login: String, member: StaffMember?, application: ApplicationRecord) -> Localized? {
        if CurrentEntry.actsAsManager(login: login, member: member, of: application) || member?.reviews(application.department) == true {
            return nil
        }
        if let refusal = CurrentEntry.unlistedManager(login: login, member: member, of: application) { return refusal }
        return Localized(
            "この記録はサービス管理担当者（\(application.serviceManager)）か、\(application.department)の利用責任者が行います。",
            "This is recorded by the service manager (\(application.serviceManager)) or the 利用責任者 of \(application.department).")
    }

    /// Stopping at once (6(2)) is for the service manager, the 利用責任者, or an administrator.
    public static func mayStop(login: String, member: StaffMember?, application: ApplicationRecord) -> Localized? {
        if member?.isAdministrator == true { return nil }
        return mayRecord(login: login, member: member, application: application)
    }

    /// The whole store's list is for 利用責任者 and administrators.
    public static func maySeeEverything(member: StaffMember?) -> Localized? {
        member?.isAdministrator == true || member?.reviewerOf.isEmpty == false ? nil : Localized(
            "保管庫全体の一覧は利用責任者と管理者だけが見られます。",
            "Only 利用責任者 and administrators can list the whole store.")
    }

    /// Incidents elsewhere are recorded by a 利用責任者 (6(7)).
    public static func mayRecordIncidentElsewhere(member: StaffMember?) -> Localized? {
        member?.reviewerOf.isEmpty == false ? nil : Localized(
            "他組織のインシデントは利用責任者が記録し、利用者に注意喚起します（手順書6(7)）。",
            "Incidents at other organisations are recorded by a 利用責任者, who alerts the users (section 6(7)).")
    }

    /// Continuing or stopping after a change is the 利用責任者's decision (6(1)): never the
    /// applicant's nor the 所属長's, even when they are also a 利用責任者 of the 課, since it
    /// is the check on what they asked for and on whom they answer to.
    public static func mayDecideContinuation(login: String, member: StaffMember?, application: ApplicationRecord) -> Localized? {
        if login == application.applicantLogin {
            return Localized(
                "継続の可否は利用責任者が判断します。申請者（\(login)）は判断できません（手順書6(1)）。",
                "Whether to continue is the 利用責任者's decision; the applicant (\(login)) cannot make it (section 6(1)).")
        }
        if login == application.departmentHead.login {
            return Localized(
                "継続の可否は利用責任者が判断します。所属長（\(application.departmentHead.name)）は判断できません（手順書6(1)）。",
                "Whether to continue is the 利用責任者's decision; the 所属長 (\(application.departmentHead.name)) cannot make it (section 6(1)).")
        }
        return member?.reviews(application.department) == true ? nil : Localized(
            "継続の可否は\(application.department)の利用責任者が判断します。",
            "Whether to continue is decided by the 利用責任者 of \(application.department).")
    }

    public static func notInUse(_ application: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(application.id) は利用中ではありません（状態：\(application.status.label.ja)）。",
            "Application \(application.id) is not in use (it is \(application.status.label.en)).")
    }

    /// The サービス管理担当者 named on the form is whoever's login the form keeps; a name, typed
    /// or remembered, is never enough (a plain name of an earlier store names nobody). Acting as
    /// them needs a current entry too (`CurrentEntry.actsAsManager`).
    public static func isManager(login: String, of application: ApplicationRecord) -> Bool {
        application.serviceManagerLogin == login
    }
}

/// The staff directory, for whom to alert about a service.
public struct Directory: Sendable {
    public let staff: [StaffMember]

    public init(staff: [StaffMember]) {
        self.staff = staff
    }

    public func name(forLogin login: String) -> String? {
        staff.first { $0.login == login }?.name
    }

    public func reviewers(of department: String) -> [StaffMember] {
        staff.filter { $0.reviews(department) }
    }
}
