import Foundation

/// Which database a statement goes to, for the few things their SQL says differently.
public enum SQLDialect: Sendable {
    case sqlite
    case postgresql

    /// The schema of a connection's own temporary tables.
    var temporary: String { self == .sqlite ? "temp" : "pg_temp" }

    /// LIKE that ignores the case of Latin letters, as SQLite's LIKE does.
    var like: String { self == .sqlite ? "LIKE" : "ILIKE" }

    /// The id to order by when a condition's index should find the rows and they are sorted
    /// after: SQLite's "+id" keeps its planner off the primary key; PostgreSQL reads "+id" as
    /// an expression and would read and sort every match to keep 50 (110 ms for the services in
    /// use, against 0.23 ms walking its primary key), and chooses well from plain "id".
    var idSortedAfterFinding: String { self == .sqlite ? "+id" : "id" }
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
    /// A write that extends the log: it reads the head, signs and appends after it, so two of
    /// them at once can never both succeed. They wait their turn instead of finding out.
    func appendToLog<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// A write of someone's own working state (a draft saved after an answer) that gives up
    /// after `SQLDatabase.briefly` rather than wait behind others' acts: the shell keeps the
    /// answer and saves it with the next one.
    func writeBriefly<T>(_ body: (any SQLSession) throws -> T) throws -> T
}

extension SQLDatabase {
    /// SQLite's writes are already one at a time (`BEGIN IMMEDIATE`, waiting on the busy timeout).
    public func appendToLog<T>(_ body: (any SQLSession) throws -> T) throws -> T { try write(body) }

    /// How long a draft's save may wait for the store.
    public static var briefly: TimeInterval { 1 }
}

extension SQLSession {
    /// Runs one query of a search with PostgreSQL told to use an index, in this transaction
    /// only. Its planner costs splitting a service's words, or ILIKE on its text, as cheap and
    /// reads every row (名簿 3.7 s, 避難行動要支援者 1.7 s at 100,000 services); the indexes made
    /// for them find the same rows in 165 and 345 ms. SQLite needs no telling.
    func steeredToIndexes<T>(_ query: () throws -> T) throws -> T {
        guard dialect == .postgresql else { return try query() }
        try execute(sql: "SET LOCAL enable_seqscan = off")
        try execute(sql: "SET LOCAL enable_indexscan = off")
        defer {
            _ = try? execute(sql: "SET LOCAL enable_seqscan TO DEFAULT")
            _ = try? execute(sql: "SET LOCAL enable_indexscan TO DEFAULT")
        }
        return try query()
    }
}
