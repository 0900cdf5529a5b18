/// The records as a database holds them, for `Decide`: the store's own inside the transaction
/// that appends a command, or verify's scratch database as it rebuilds the log.
struct SQLLedgerState: LedgerState {
    let db: any SQLSession
    /// Applications whose entries lost their details to a purge (a replay only).
    var erased: Set<Int64> = []

    func application(_ id: Int64) throws -> ApplicationRecord? {
        try SQLStore.loadApplication(db, id: id)
    }

    func staffMember(_ login: String) throws -> StaffMember? {
        try SQLStore.loadStaff(db, login: login)
    }

    func directory() throws -> [StaffMember] {
        try SQLStore.loadDirectory(db)
    }

    func alert(_ id: Int64) throws -> Alert? {
        try db.row(sql: "SELECT * FROM alert WHERE id = ?", arguments: [id]).map(SQLStore.alert)
    }

    func servicesInUse(provider: String, service: String) throws -> [ApplicationRecord] {
        var ids = try SQLStore.matchingIDs(db, LedgerFilter.inUse(provider: provider), today: Day(year: 2000, month: 1, day: 1)!)
        if !service.isEmpty {
            ids += try SQLStore.matchingIDs(db, LedgerFilter.inUse(service: service), today: Day(year: 2000, month: 1, day: 1)!)
        }
        return try SQLStore.loadRecords(db, ids: Array(Set(ids)).sorted(), parts: .whole)
    }

    func counters() throws -> IDCounters {
        IDCounters(application: try db.value(Int64.self, sql: "SELECT last FROM record_counter WHERE name = 'application'") ?? 0)
    }

    func wasErased(_ application: Int64) -> Bool {
        erased.contains(application)
    }
}
