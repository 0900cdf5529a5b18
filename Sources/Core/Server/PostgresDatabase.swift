import Foundation

/// A store's database on a server: one connection, used by one transaction at a time. A write
/// is one serializable transaction, run again when the server refuses it for another's
/// concurrent change (SQLSTATE 40001 or 40P01), so its body must change nothing outside the
/// database; a read is one read-only snapshot.
public final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    private let link: PostgresLink
    private let lock = NSRecursiveLock()
    private var inTransaction = false

    public init(_ link: PostgresLink) { self.link = link }

    public convenience init(uri: String) throws { self.init(try PostgresLink(uri: uri)) }

    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try alone { try link.transaction { link in try body(PostgresSession(link)) } }
    }

    /// A write that extends the log waits its turn behind the others (`LogQueue`).
    public func appendToLog<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try alone { try link.transaction(queued: true) { link in try body(PostgresSession(link)) } }
    }

    /// Not queued behind the log; refused for others' changes, it is tried again for a second only.
    public func writeBriefly<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try alone {
            try link.transaction(patience: Self.briefly, isolation: "REPEATABLE READ") { link in
                // Nor does it wait long for a lock someone holds (55P03: busy).
                try link.execute("SET LOCAL lock_timeout = '\(Int(Self.briefly * 1000))ms'")
                return try body(PostgresSession(link))
            }
        }
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try alone { try link.readOnlyTransaction { link in try body(PostgresSession(link)) } }
    }

    /// One transaction at a time on the connection. A transaction opened inside another's
    /// body would not be one of its own on the server, so that is a fault of the caller.
    private func alone<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        precondition(!inTransaction, "a store transaction was opened inside another on the same connection")
        inTransaction = true
        defer { inTransaction = false }
        return try body()
    }
}
