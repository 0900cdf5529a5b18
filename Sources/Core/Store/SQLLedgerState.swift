/// The records as a database holds them, for `Decide`: the store's own inside the transaction
/// that appends a command, or verify's scratch database as it rebuilds the log.
struct SQLLedgerState: LedgerState {
    let db: any SQLSession
    /// Applications whose entries lost their details to a purge (a replay only).
    var erased: Set<Int64> = []

    func application(_ id: Int64) throws -> ApplicationRecord? {
        try SQLStore.loadApplication(db, id: id)
    }

    /// From the directory the act reads anyway, when it is kept: reading the one person again
    /// was three queries an act. Logins compared byte for byte, as the query compares them.
    func staffMember(_ login: String) throws -> StaffMember? {
        guard ActMemo.current != nil else { return try SQLStore.loadStaff(db, login: login) }
        return try directory().first { $0.login.utf8.elementsEqual(login.utf8) }
    }

    func directory() throws -> [StaffMember] {
        guard let memo = ActMemo.current else { return try SQLStore.loadDirectory(db) }
        return try memo.directory { try SQLStore.loadDirectory(db) }
    }

    func alert(_ id: Int64) throws -> Alert? {
        try db.row(sql: "SELECT * FROM alert WHERE id = ?", arguments: [id]).map(SQLStore.alert)
    }

    func servicesInUse(where concerns: (_ provider: String, _ service: String) -> Bool) throws -> [ApplicationRecord] {
        // The names from their columns first: only the services concerned are read whole.
        var ids: [Int64] = []
        try db.each(sql: "SELECT id, provider, service FROM application WHERE status = 'in_use' ORDER BY id") { row in
            if concerns(row["provider"], row["service"]) { ids.append(row["id"]) }
        }
        return try SQLStore.loadRecords(db, ids: ids, parts: .whole)
    }

    func counters() throws -> IDCounters {
        IDCounters(application: try db.value(Int64.self, sql: "SELECT last FROM record_counter WHERE name = 'application'") ?? 0)
    }

    func procedures() throws -> ProcedureBook {
        try SQLStore.procedureBook(db)
    }

    func procedureVersion(of application: Int64) throws -> String? {
        try db.value(String.self, sql: "SELECT procedure_version FROM application WHERE id = ?", arguments: [application])
    }

    func wasErased(_ application: Int64) -> Bool {
        erased.contains(application)
    }
}
