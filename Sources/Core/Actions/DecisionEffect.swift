/// What a decision changes, decided by `ReviewActions.effect` and written by the store as it is.
public struct DecisionEffect: Sendable {
    /// The application's new status, when the decision was on the application or ended the service.
    public var applicationStatus: ApplicationStatus?
    /// The last day of use, once a termination is confirmed.
    public var endedOn: Day?
    /// The termination form's new status, when the decision was on it.
    public var terminationStatus: TerminationStatus?
    /// The review procedure whose draft the reviewer no longer needs.
    public var reviewProcedureID: String
}
