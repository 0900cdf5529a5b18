import CLibPQ
import Foundation

/// One synchronous connection to a PostgreSQL server, through libpq. yakkan is a short-lived
/// command whose store calls are synchronous: a blocking call per statement is all it needs,
/// without an event loop (the measured reasons are in the README).
public final class PostgresLink {
    let pq: LibPQ
    let connection: OpaquePointer
    /// The query whose rows are still coming, one at a time (`stream`): the connection is busy
    /// with it until it has been read to its end.
    var openStream: ServerRowStream?
    /// The store's statements with their `?` numbered, by their text (`Placeholders`).
    var numberedStatements: [String: String] = [:]
    /// The server's address as given, without a password: what messages show.
    public let address: String
    /// Settings this session asked for (`setForSession`), asked again after a reconnection.
    private var sessionSettings: [String] = []

    /// Opens a connection by a libpq URI (`postgresql://…`, `host=/path` for a Unix socket) or
    /// a `key=value` connection string. Who the server says we are is `sessionUser`.
    public init(uri: String) throws {
        address = ServerAddress.redacted(uri)
        let pq = try LibPQ.loaded()
        self.pq = pq
        guard let connection = pq.connectdb(uri) else {
            throw PostgresFault.cannotConnect(address: address, reason: "libpq could not allocate a connection")
        }
        guard pq.status(connection) == CONNECTION_OK else {
            let reason = Self.trimmed(pq.errorMessage(connection))
            pq.finish(connection)
            throw PostgresFault.cannotConnect(address: address, reason: reason)
        }
        self.connection = connection
        _ = pq.setClientEncoding(connection, "UTF8")
        // The server's notices (a role already granted, say) are for a DBA's psql, not for staff.
        _ = pq.setNoticeProcessor(connection, { _, _ in }, nil)
        // No wait for a lock is endless: a writer queued behind the log, or a reader behind a
        // table someone locked with psql, is told the store is busy (55P03) instead. A timeout
        // IT staff set for the database or the role, or PGOPTIONS, is kept.
        try setForSession("SELECT set_config('lock_timeout', '\(Int(Self.writePatience))s', false) WHERE current_setting('lock_timeout') = '0'")
    }

    deinit { pq.finish(connection) }

    /// A setting for the whole session (`SET …`), kept across a reconnection.
    public func setForSession(_ statement: String) throws {
        try execute(statement)
        sessionSettings.append(statement)
    }

    /// Starts a transaction, on a new connection when the server has dropped this one (a
    /// restart, a network cut, an administrator ending the session): a shell left open over
    /// lunch goes on where a dropped connection would fail every command until it is left.
    /// Only here, before anything of the transaction is sent, is a new connection safe.
    func begin(_ statement: String) throws {
        if pq.status(connection) == CONNECTION_BAD { try reconnect() }
        do {
            try execute(statement)
        } catch where pq.status(connection) == CONNECTION_BAD {
            try reconnect()
            try execute(statement)
        }
    }

    private func reconnect() throws {
        openStream = nil
        pq.reset(connection)
        guard pq.status(connection) == CONNECTION_OK else {
            // Lost after it was opened, not refused at the start: said as a server not reached.
            throw PostgresFault(sqlState: PostgresFault.connectionLost, message: Self.trimmed(pq.errorMessage(connection)), detail: address)
        }
        _ = pq.setClientEncoding(connection, "UTF8")
        for statement in sessionSettings { try execute(statement) }
    }

    /// Whether a server answers at that address (libpq's PQping): false too without libpq.
    public static func isAccepting(uri: String) -> Bool {
        LibPQ.shared?.ping(uri) == PQPING_OK
    }

    /// The login the server authenticated: who yakkan acts for, never a flag or a variable.
    public func sessionUser() throws -> String {
        try execute("SELECT session_user").rows.first?.first.flatMap { $0 } ?? ""
    }

    /// Runs one statement with its parameters sent apart from the SQL (`$1`, `$2`…), so no
    /// value is ever read as SQL. Without parameters, the text may hold several statements
    /// (a migration).
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any ServerParameter)?] = []) throws -> ServerRows {
        try settleOpenStream()
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = pq.exec(connection, sql)
        } else {
            let texts: [UnsafeMutablePointer<CChar>?] = parameters.map { parameter in parameter.flatMap { strdup($0.serverText) } }
            defer { texts.forEach { free($0) } }
            result = texts.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { values in
                pq.execParams(connection, sql, Int32(values.count), nil, values.baseAddress, nil, nil, 0)
            }
        }
        defer { pq.clear(result) }
        switch pq.resultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return ServerRows(columns: [], rows: [])
        case PGRES_TUPLES_OK:
            return rows(of: result)
        default:
            throw fault(of: result)
        }
    }

    /// Runs `body` in one serializable transaction and commits it. When the server gives up
    /// on it because another transaction touched the same rows at once (SQLSTATE 40001, or a
    /// deadlock, 40P01), the whole body runs again on a fresh snapshot, as PostgreSQL's manual
    /// asks, after a random pause that grows with each try; once `patience` has passed, the
    /// fault goes to the caller (a busy store). Bounded by time, not by a count of tries: with
    /// 40 people applying at once, 8 tries ran out for 26 of the 40 (LoadBenchmark, RESULTS.md).
    ///
    /// `queued` writes wait their turn for the log first (`LogQueue`), so they never conflict
    /// with one another.
    ///
    /// `isolation` is serializable but for a write of someone's own working state (a draft),
    /// which needs no more than repeatable read: its version check is a row the server locks.
    /// Serializable, draft saves conflicted with each other's reads of the draft table's pages
    /// (1,350 of 2,640 serialization failures at 40 writers, measured).
    public func transaction<Value>(queued: Bool = false, patience: TimeInterval = PostgresLink.writePatience,
                                   isolation: String = "SERIALIZABLE",
                                   _ body: (PostgresLink) throws -> Value) throws -> Value {
        let deadline = Date().addingTimeInterval(patience)
        var attempt = 1
        var pause: UInt32 = 0
        while true {
            // Paused before queueing again, never while holding the log's turn.
            if pause > 0 { usleep(pause) }
            let queue = queued ? try LogQueue(self) : nil
            defer { queue?.leave() }
            try begin("BEGIN ISOLATION LEVEL " + isolation)
            do {
                let value = try body(self)
                try execute("COMMIT")
                return value
            } catch let fault as PostgresFault where fault.isRetryable && Date() < deadline {
                _ = try? execute("ROLLBACK")
                // A random pause, so two writers do not collide again in step.
                pause = UInt32.random(in: 0...UInt32(2_000 << min(attempt, 7)))
                attempt += 1
            } catch {
                _ = try? execute("ROLLBACK")
                throw error
            }
        }
    }

    /// How long a write may go on being refused for others' changes before it is reported busy.
    public static let writePatience: TimeInterval = 30

    /// Runs `body` in one read-only transaction on one snapshot (repeatable read): each query
    /// sees the store as it was when the first began. A read-only transaction at that level is
    /// never refused for another's writes, so it runs once.
    public func readOnlyTransaction<Value>(_ body: (PostgresLink) throws -> Value) throws -> Value {
        try begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    private func rows(of result: OpaquePointer?) -> ServerRows {
        let columnCount = pq.nfields(result)
        let columns = (0..<columnCount).map { column in pq.fname(result, column).map { String(cString: $0) } ?? "" }
        let rows = (0..<pq.ntuples(result)).map { row in
            (0..<columnCount).map { column -> String? in
                pq.getisnull(result, row, column) == 1 ? nil : pq.getvalue(result, row, column).map { String(cString: $0) }
            }
        }
        return ServerRows(columns: columns, rows: rows)
    }

    func fault(of result: OpaquePointer?) -> PostgresFault {
        Self.fault(pq, connection, result)
    }

    /// What a failed result says: its SQLSTATE, message, detail and hint.
    static func fault(_ pq: LibPQ, _ connection: OpaquePointer, _ result: OpaquePointer?) -> PostgresFault {
        guard let result else {
            return PostgresFault(sqlState: PostgresFault.connectionLost, message: trimmed(pq.errorMessage(connection)))
        }
        func field(_ code: Character) -> String {
            pq.resultErrorField(result, Int32(code.asciiValue ?? 0)).map { String(cString: $0) } ?? ""
        }
        // A connection that broke mid-statement has no SQLSTATE of its own.
        let state = field("C").isEmpty ? PostgresFault.connectionLost : field("C")
        let message = field("M").isEmpty ? trimmed(pq.errorMessage(connection)) : field("M")
        return PostgresFault(sqlState: state, message: message, detail: field("D"), hint: field("H"))
    }

    static func trimmed(_ text: UnsafeMutablePointer<CChar>?) -> String {
        text.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }
}

/// The rows a statement returned, every value as the server's text (nil for NULL).
public struct ServerRows: Sendable, Equatable {
    public let columns: [String]
    public let rows: [[String?]]

    /// The value of `column` in the row at `index`.
    public func value(_ column: String, at index: Int = 0) -> String? {
        guard let position = columns.firstIndex(of: column), rows.indices.contains(index) else { return nil }
        return rows[index][position]
    }
}

/// A value sent as a statement's parameter, in the text form PostgreSQL reads.
public protocol ServerParameter {
    var serverText: String { get }
}

extension String: ServerParameter { public var serverText: String { self } }
extension Int: ServerParameter { public var serverText: String { String(self) } }
extension Int64: ServerParameter { public var serverText: String { String(self) } }
extension Bool: ServerParameter { public var serverText: String { self ? "true" : "false" } }

/// What tells a server's address from a SQLite path, and how it is shown.
public enum ServerAddress {
    /// A libpq URI selects the server; anything else is a SQLite path.
    public static func isServer(_ store: String) -> Bool {
        store.hasPrefix("postgresql://") || store.hasPrefix("postgres://")
    }

    /// The store as messages name it: a path as given, a server's address without its password.
    public static func shown(_ store: String) -> String {
        isServer(store) ? redacted(store) : store
    }

    /// The address with any password replaced by `***`, in the URI's user part or its
    /// `password=` parameter, so that no message or log shows it.
    public static func redacted(_ uri: String) -> String {
        var text = uri
        if let scheme = text.range(of: "://"),
           let at = text[scheme.upperBound...].firstIndex(of: "@"),
           let colon = text[scheme.upperBound..<at].firstIndex(of: ":") {
            text.replaceSubrange(text.index(after: colon)..<at, with: "***")
        }
        return text.replacingOccurrences(of: #"password=[^&\s]*"#, with: "password=***", options: .regularExpression)
    }
}
