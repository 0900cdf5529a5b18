/// Section 7: who may submit the termination form of a service, and when; asked by the shell
/// before the form and by the store again inside the transaction that records it.
public enum TerminationActions {
    public static func maySubmit(_ application: ApplicationRecord, login: String, member: StaffMember?) -> Localized? {
        TerminationRules.mayApply(login: login, member: member, application: application) ?? TerminationRules.maySubmit(application)
    }

    /// Who may purge records or hold them longer; asked again by the store for each.
    public static func mayKeepRecords(member: StaffMember?) -> Localized? {
        TerminationRules.mayKeepRecords(member: member)
    }

    /// The ended services whose records may go today.
    public static func purgeable(_ ended: [ApplicationRecord], today: Day) -> [ApplicationRecord] {
        ended.filter { TerminationRules.mayPurge($0, today: today) == nil }
    }
}
