/// What waits for a person, read from the store: the services and alerts for `due`, the menu
/// and `remind`, and for administrators what waits on nobody.
public enum WaitingWork {
    /// One person's list: their own services (or, with `everything`, all of them), their alerts,
    /// and for an administrator what waits on nobody (`stranded`, when read once for many people
    /// as `remind` does, else read here). Made a batch of services at a time, as the whole
    /// village's is: a 利用責任者's services grow with their 課, and `remind` makes a list for
    /// every person. (Its 57 MB at 10,000 services were statements kept for every length of
    /// batch, since padded: SQLStore.padded.)
    public static func items(
        for actor: Actor, matching filter: LedgerFilter, everything: Bool = false, store: any Store, today: Day,
        stranded: (() throws -> [TodayItem])? = nil
    ) throws -> [TodayItem] {
        var filter = filter
        filter.statuses = TodayList.statuses
        let alerts = try store.openAlerts(for: everything ? nil : actor.login)
        let named = Set(alerts.compactMap(\.applicationID))
        // Only the ids of the services read, and the name and state of those an alert names.
        var read = Set<Int64>()
        var services = AlertedServices()
        var items: [TodayItem] = []
        func take(_ records: [ApplicationRecord]) {
            read.formUnion(records.map(\.id))
            services.add(records.filter { named.contains($0.id) })
            items += TodayList.serviceItems(for: actor, records: records, today: today, everything: everything)
        }
        try store.eachSchedule(filter, today: today) { take($0) }
        // An alert may name a service in another status (an ended one), read as a schedule.
        take(try store.schedules(ids: named.subtracting(read).sorted(), today: today))
        take(try decidedApplications(besides: read, applicant: actor.login, store: store, today: today))
        items += TodayList.alertItems(for: actor, alerts: alerts, services: services, everything: everything)
        guard actor.member?.isAdministrator == true else { return TodayList.sorted(items) }
        return TodayList.sorted(items + (try stranded?() ?? Self.stranded(store: store, today: today)))
    }

    /// The whole village's list (`due --all`), sorted.
    public static func everything(
        for actor: Actor, matching filter: LedgerFilter, store: any Store, today: Day,
        eachBatch: ([ApplicationRecord], [TodayItem]) -> Void = { _, _ in }
    ) throws -> [TodayItem] {
        var items: [TodayItem] = []
        try everything(for: actor, matching: filter, store: store, today: today, eachBatch: { batch, made in
            items += made
            eachBatch(batch, made)
        }, besides: { items += $0 })
        return TodayList.sorted(items)
    }

    /// The same list made a batch of services at a time, unsorted: neither the services nor
    /// their items are held here (677 MB at 100,000 services when every schedule was held).
    /// `eachBatch` sees each batch's services with the items made of them, before they are let
    /// go; `besides` the items of the alerts, a batch at a time, and for an administrator what
    /// waits on nobody.
    public static func everything(
        for actor: Actor, matching filter: LedgerFilter, store: any Store, today: Day,
        eachBatch: ([ApplicationRecord], [TodayItem]) throws -> Void, besides: ([TodayItem]) throws -> Void
    ) throws {
        var filter = filter
        filter.statuses = TodayList.statuses
        // The alerts are read twice rather than held: once for the services they name, once for
        // their lines. Held, the village's 26,216 open alerts were 45 MB of `due --all`'s 111 MB
        // at 100,000 services (perf, page faults).
        var named = Set<Int64>()
        try store.eachOpenAlert(for: nil) { if let id = $0.applicationID { named.insert(id) } }
        // Only the name and state of the services an alert names are kept, for its line; the
        // whole list has no news of decided applications (TodayList.applicantNews is a person's own).
        var services = AlertedServices()
        try store.eachSchedule(filter, today: today) { batch in
            services.add(batch.filter { named.contains($0.id) })
            try eachBatch(batch, TodayList.serviceItems(for: actor, records: batch, today: today, everything: true))
        }
        var alerts: [Alert] = []
        func list() throws {
            // Services in other statuses (an ended one), and any an alert made since names.
            let unread = Set(alerts.compactMap(\.applicationID).filter { services.name(of: $0) == nil })
            if !unread.isEmpty { services.add(try store.schedules(ids: unread.sorted(), today: today)) }
            try besides(TodayList.alertItems(for: actor, alerts: alerts, services: services, everything: true))
            alerts.removeAll(keepingCapacity: true)
        }
        try store.eachOpenAlert(for: nil) { alert in
            alerts.append(alert)
            if alerts.count == alertBatch { try list() }
        }
        try list()
        if actor.member?.isAdministrator == true { try stranded(store: store, today: today, each: besides) }
    }

    /// Alerts are listed this many at a time, with the services of other statuses they name.
    static let alertBatch = 1_000

    /// Applications decided and not yet in use: their applicants are told what became of them
    /// (TodayList.applicantNews), listed in the directory or not. A person's list reads only
    /// their own (`applicant`): nothing else of a decided application is on anyone's list, and
    /// reading every one made the menu's start grow with the village (37 % of its CPU time at
    /// 1,000 services, perf).
    public static func decidedApplications(
        besides known: Set<Int64>, applicant: String?, store: any Store, today: Day
    ) throws -> [ApplicationRecord] {
        var filter = LedgerFilter()
        filter.statuses = [.approved, .refused]
        filter.applicant = applicant
        return try store.query(filter, today: today).filter { !known.contains($0.id) }
    }

    /// An alert may name a service in another status (an ended one), which still names the
    /// service in the list: those few are read together, as schedules (what a list of today's
    /// work reads of any service), not one whole record at a time (29 % of the menu's CPU time
    /// at 1,000 services with 277 open alerts, perf).
    public static func servicesOf(_ alerts: [Alert], besides records: [ApplicationRecord], store: any Store, today: Day) throws -> [ApplicationRecord] {
        let listed = Set(records.map(\.id))
        // A service that cannot be read is left out here as in every list, and named (setAside).
        return try store.schedules(ids: Set(alerts.compactMap(\.applicationID)).subtracting(listed).sorted(), today: today)
    }

    /// What waits on nobody, for an administrator.
    public static func stranded(store: any Store, today: Day) throws -> [TodayItem] {
        var items: [TodayItem] = []
        try stranded(store: store, today: today) { items += $0 }
        return items
    }

    /// The same a batch of forms at a time: the 8,006 applications waiting for their double
    /// check at 100,000 services, read at once, were a fifth of the pages `due --all` touched
    /// (perf, page faults).
    public static func stranded(store: any Store, today: Day, each: ([TodayItem]) throws -> Void) throws {
        let staff = try store.staff().acting(on: today)
        var found = Set<Int64>()
        func list(_ records: [ApplicationRecord]) throws {
            found.formUnion(records.lazy.map(\.id))
            try each(StrandedWork.items(records: records, drafts: [], staff: staff, today: today))
        }
        try store.eachSchedule(.applicationsToReview(departments: nil), today: today, list)
        try store.eachSchedule(.terminationsToReview(departments: nil), today: today, list)
        try list(try store.servicesWithUnlistedManager().filter { !found.contains($0.id) })
        let drafts = try store.drafts(procedureID: ApplicationProcedure.procedure.id) + store.drafts(procedureID: TerminationProcedure.id)
        try each(StrandedWork.items(records: [], drafts: drafts, staff: staff, today: today))
    }
}
