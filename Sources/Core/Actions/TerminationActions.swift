/// Section 7: who may submit the termination form of a service, and when; asked by the shell
/// before the form and by the store again inside the transaction that records it.
public enum TerminationActions {
    public static func maySubmit(_ application: ApplicationRecord, login: String, member: StaffMember?) -> Localized? {
        TerminationRules.mayApply(login: login, member: member, application: application) ?? TerminationRules.maySubmit(application)
    }
}
