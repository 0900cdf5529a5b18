/// Brings a server's database to the newest schema: the migrations it has not had, in order,
/// in one transaction, under a lock so that two `store init` at once apply each only once.
/// A database written by a newer yakkan is refused untouched.
public enum ServerMigrator {
    /// The names of the migrations applied now (none when the database was already current).
    @discardableResult
    public static func migrate(_ link: PostgresLink) throws -> [String] {
        try link.transaction { link in
            try link.execute("SELECT pg_advisory_xact_lock(hashtext('yakkan_migration'))")
            let applied = try appliedNames(link)
            try refuseNewer(applied)
            if applied.isEmpty { try link.execute(ServerSchema.bookkeeping) }
            let pending = ServerSchema.migrations.filter { !applied.contains($0.name) }
            for migration in pending {
                try link.execute(ServerSchema.statements(of: migration))
            }
            return pending.map(\.name)
        }
    }

    /// Refuses, before anything is written, a database that has had migrations this yakkan
    /// does not know.
    public static func refuseNewer(_ applied: Set<String>) throws {
        let known = Set(ServerSchema.migrations.map(\.name))
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty { throw StoreError.newerStore(unknownMigrations: unknown.sorted()) }
    }

    /// The migrations a database has had; none when it has no yakkan schema yet.
    public static func appliedNames(_ link: PostgresLink) throws -> Set<String> {
        let exists = try link.execute("SELECT to_regclass('public.yakkan_migration') IS NOT NULL AS present").value("present")
        guard exists == "t" else { return [] }
        return Set(try link.execute("SELECT name FROM yakkan_migration").rows.compactMap { $0.first ?? nil })
    }
}
