import Core
import Foundation

/// One private server for the whole test process, for suites that run each test on both stores:
/// started by the first test that asks, stopped when the process exits. Tests run in parallel,
/// so it is started once under a lock, and whatever belongs to the whole cluster (roles) is made
/// under `administration`; each test works in a database of its own.
extension PrivateServer {
    private static let startLock = NSLock()
    nonisolated(unsafe) private static var started: [String: Result<PrivateServer, any Error>] = [:]

    /// The process's server, or why none can start (`NotInstalled` when PostgreSQL is missing).
    public static func shared() throws -> PrivateServer { try shared(named: "stores") }

    /// A second server of the process's, for demo villages: the demo, written by the tables'
    /// owner (a superuser here), keeps its people's login roles in step with its directory, and
    /// roles belong to a whole cluster, so on the shared server it would take `yakkan_admin`
    /// from a login that other tests' villages make an administrator.
    public static func forDemos() throws -> PrivateServer { try shared(named: "demos") }

    private static func shared(named name: String) throws -> PrivateServer {
        startLock.lock()
        defer { startLock.unlock() }
        if let result = started[name] { return try result.get() }
        let result = startedOnKeeperThread()
        if started.isEmpty { atexit { PrivateServer.stopShared() } }
        started[name] = result
        return try result.get()
    }

    /// The server dies with the thread that spawned it (`--pdeathsig` follows the parent
    /// thread, not the process), and the threads tests run on come and go: so it is spawned
    /// from a thread that lives as long as the process.
    private static func startedOnKeeperThread() -> Result<PrivateServer, any Error> {
        final class Outcome: @unchecked Sendable { var result: Result<PrivateServer, any Error>? }
        let outcome = Outcome()
        let ready = DispatchSemaphore(value: 0)
        let keeper = Thread {
            outcome.result = Result { try PrivateServer.start() }
            ready.signal()
            while true { sleep(UInt32.max) }
        }
        keeper.name = "private PostgreSQL server"
        keeper.start()
        ready.wait()
        return outcome.result!
    }

    private static func stopShared() {
        for case .success(let server) in started.values { server.stop() }
    }

    /// A new database with yakkan's schema, migrated by its owner (the superuser), and a login
    /// role for each of `logins`, administrators granted `yakkan_admin`. Roles belong to the
    /// whole cluster: a login is either an administrator in every test's database or in none.
    public func newStoreDatabase(logins: [String], administrators: Set<String>) throws -> String {
        let database = try newDatabase()
        let owner = try PostgresLink(uri: uri(database: database))
        // The first migration makes the group roles, which belong to the whole cluster, so it
        // runs alone; the others find them made and touch only their own database.
        let migrated = try administration.withLock {
            guard !groupRolesMade else { return false }
            try ServerMigrator.migrate(owner)
            groupRolesMade = true
            return true
        }
        if !migrated { try ServerMigrator.migrate(owner) }
        // Every test's database shares the server's login roles: one test's directory must not
        // give or take another's groups, so administrators here keep the directory without
        // pg7's function (ServerRolesFollowTests try it on a server of their own).
        try owner.execute("REVOKE EXECUTE ON FUNCTION yakkan_follow_directory(text) FROM yakkan_admin")
        try administration.withLock {
            for login in logins {
                try createLogin(login, administrator: administrators.contains(login), on: owner)
            }
        }
        return database
    }

    /// A login role, made once for the whole server, under `administration`.
    private func createLogin(_ login: String, administrator: Bool, on link: PostgresLink) throws {
        if let made = madeLogins[login] {
            precondition(made == administrator, "\(login) is an administrator in some tests and not in others")
            return
        }
        try link.execute(ServerRoles.createLogin(login, administrator: administrator))
        madeLogins[login] = administrator
    }
}
