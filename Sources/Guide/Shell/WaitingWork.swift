import Core

/// Reads from the store what Core's lists of waiting work need: the services and alerts for
/// `due`, the menu and `remind`, and for administrators what waits on nobody.
enum WaitingWork {
    /// The services and open alerts a list of today's work is made from; `filter` chooses the
    /// services (a person's own, or all of them).
    static func sources(_ filter: LedgerFilter, store: any Store, today: Day) throws -> (records: [ApplicationRecord], alerts: [Alert]) {
        var filter = filter
        filter.statuses = TodayList.statuses.filter { $0 != .submitted }
        var records = try store.schedules(filter, today: today)
        // Applications to double-check are few and read whole: the four-eyes rule needs their
        // department head and editors.
        filter.statuses = [.submitted]
        records += try store.query(filter, today: today)
        let alerts = try store.openAlerts()
        return (records + (try servicesOf(alerts, besides: records, store: store)), alerts)
    }

    /// An alert may name a service in another status (an ended one), which still names the
    /// service in the list: read those few by themselves.
    static func servicesOf(_ alerts: [Alert], besides records: [ApplicationRecord], store: any Store) throws -> [ApplicationRecord] {
        let listed = Set(records.map(\.id))
        return try Set(alerts.compactMap(\.applicationID)).subtracting(listed).sorted().compactMap { try store.application(id: $0) }
    }

    /// What waits on nobody, for an administrator.
    static func stranded(store: any Store, today: Day) throws -> [TodayItem] {
        var pending = LedgerFilter()
        pending.statuses = [.submitted]
        var records = try store.summaries(pending, today: today)
        pending.statuses = []
        pending.terminationStatus = .submitted
        records += try store.summaries(pending, today: today)
        let found = Set(records.map(\.id))
        records += try store.servicesWithUnlistedManager().filter { !found.contains($0.id) }
        let drafts = try store.drafts(procedureID: ApplicationProcedure.procedure.id) + store.drafts(procedureID: TerminationProcedure.id)
        return StrandedWork.items(records: records, drafts: drafts, staff: try store.staff(), today: today)
    }
}
