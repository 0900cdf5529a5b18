/// Which database a statement goes to, for the few things their SQL says differently.
public enum SQLDialect: Sendable {
    case sqlite
    case postgresql

    /// The schema of a connection's own temporary tables.
    var temporary: String { self == .sqlite ? "temp" : "pg_temp" }

    /// LIKE that ignores the case of Latin letters, as SQLite's LIKE does.
    var like: String { self == .sqlite ? "LIKE" : "ILIKE" }
}

/// One connection inside one transaction, whichever database it is: the store's transaction
/// scripts are written once against this, and each database gives its own executor.
/// Statements use `?` for their parameters; a server session numbers them for its database.
public protocol SQLSession: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs one statement (several when it has no arguments); returns how many rows it changed.
    @discardableResult
    func execute(sql: String, arguments: SQLArguments) throws -> Int
    /// Runs a query and hands each row to `body` in turn, without holding them all.
    func each(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws
}

extension SQLSession {
    @discardableResult
    public func execute(sql: String) throws -> Int {
        try execute(sql: sql, arguments: [])
    }

    public func each(sql: String, _ body: (SQLRow) throws -> Void) throws {
        try each(sql: sql, arguments: [], body)
    }

    public func rows(sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try each(sql: sql, arguments: arguments) { rows.append($0) }
        return rows
    }

    public func row(sql: String, arguments: SQLArguments = []) throws -> SQLRow? {
        try rows(sql: sql, arguments: arguments).first
    }

    /// The first column of each row, skipping NULLs.
    public func values<Value: SQLReadable>(sql: String, arguments: SQLArguments = []) throws -> [Value] {
        var values: [Value] = []
        try each(sql: sql, arguments: arguments) { row in
            if let value = Value(sqlValue: row.values[0]) { values.append(value) }
        }
        return values
    }

    public func values<Value: SQLReadable>(_ type: Value.Type, sql: String, arguments: SQLArguments = []) throws -> [Value] {
        try values(sql: sql, arguments: arguments)
    }

    public func value<Value: SQLReadable>(_ type: Value.Type, sql: String, arguments: SQLArguments = []) throws -> Value? {
        try value(sql: sql, arguments: arguments)
    }

    /// Inserts one row and returns its new `id` (`RETURNING`, which both databases read alike).
    public func insert(sql: String, arguments: SQLArguments) throws -> Int64 {
        guard let id = try value(Int64.self, sql: sql + " RETURNING id", arguments: arguments) else {
            preconditionFailure("an insert returned no id")
        }
        return id
    }

    /// The first column of the first row, nil when there is none or it is NULL.
    public func value<Value: SQLReadable>(sql: String, arguments: SQLArguments = []) throws -> Value? {
        try row(sql: sql, arguments: arguments).flatMap { Value(sqlValue: $0.values[0]) }
    }
}

/// A database the store reads and writes in transactions.
public protocol SQLDatabase: Sendable {
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T
}
