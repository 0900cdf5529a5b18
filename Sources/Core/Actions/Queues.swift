/// Which services wait for whom: the queries behind each person's work, named once so that the
/// shell asks for a queue rather than deciding which statuses make one.
extension LedgerFilter {
    /// Applications a 利用責任者 of these 課 may double-check; of every 課 when nil.
    public static func applicationsToReview(departments: [String]?) -> LedgerFilter {
        var filter = LedgerFilter()
        filter.involving = departments.map { Involvement(login: nil, departments: $0) }
        filter.statuses = [.submitted]
        return filter
    }

    /// Termination forms a 利用責任者 of these 課 may double-check; of every 課 when nil.
    public static func terminationsToReview(departments: [String]?) -> LedgerFilter {
        var filter = LedgerFilter()
        filter.involving = departments.map { Involvement(login: nil, departments: $0) }
        filter.terminationStatus = .submitted
        return filter
    }

    /// Approved applications whose risks this service manager has still to acknowledge (5(3)).
    public static func awaitingAcknowledgement(by login: String) -> LedgerFilter {
        var filter = LedgerFilter()
        filter.statuses = [.approved]
        filter.involving = Involvement(login: login, departments: [])
        return filter
    }

    /// The same service already approved or in use elsewhere, whose application may be reused.
    public static func reusable(provider: String, service: String) -> LedgerFilter {
        var filter = LedgerFilter()
        filter.statuses = [.approved, .inUse]
        filter.provider = provider
        filter.service = service
        return filter
    }

    /// Services in use from this provider, or of this service (6(7): an incident elsewhere).
    public static func inUse(provider: String? = nil, service: String? = nil) -> LedgerFilter {
        var filter = LedgerFilter()
        filter.statuses = [.inUse]
        filter.provider = provider
        filter.service = service
        return filter
    }

    /// Ended services, whose records wait for the end of their retention (5(4)).
    public static var ended: LedgerFilter {
        var filter = LedgerFilter()
        filter.statuses = [.ended]
        return filter
    }
}
