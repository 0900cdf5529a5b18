/// What `Decide` may read of the store: the records as the log so far made them. The store
/// gives its own rows inside the transaction that appends the command; verify gives the rows it
/// is rebuilding from the log, so both decide from the same state by the same function.
public protocol LedgerState {
    func application(_ id: Int64) throws -> ApplicationRecord?
    func staffMember(_ login: String) throws -> StaffMember?
    func directory() throws -> [StaffMember]
    func alert(_ id: Int64) throws -> Alert?
    /// Services in use whose provider and service names `concerns` accepts.
    func servicesInUse(where concerns: (_ provider: String, _ service: String) -> Bool) throws -> [ApplicationRecord]
    func counters() throws -> IDCounters
    /// The versions of the procedure the log so far adopted.
    func procedures() throws -> ProcedureBook
    /// The version of the procedure an application was made under.
    func procedureVersion(of application: Int64) throws -> String?
    /// Whether the entries about this application lost their details to a purge, so that it
    /// cannot be rebuilt (only a replay meets such an application).
    func wasErased(_ application: Int64) -> Bool
}

/// Who signed a command, when, and where it stands in the log: records a command makes are
/// numbered from its place in the log, so a replay numbers them alike.
public struct ActContext: Sendable {
    public let actor: String
    public let at: String
    public let sequence: Int64

    public init(actor: String, at: String, sequence: Int64) {
        self.actor = actor
        self.at = at
        self.sequence = sequence
    }

    /// The day in the village when the act was done.
    public var today: Day {
        Village.day(ofTimestamp: at) ?? Day(year: 1970, month: 1, day: 1)!
    }
}
