import GRDB

/// The SQLite store's executor: GRDB's connection, inside the transaction GRDB opened.
final class GRDBSession: SQLSession {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    init(_ db: Database) { self.db = db }

    func execute(sql: String, arguments: SQLArguments) throws -> Int {
        // One statement is kept prepared by its text, as `each` keeps its queries: the
        // projection writes the same few statements for every act, and preparing each anew was
        // SQLite's parser on every row written. Several statements in one text are run as they come.
        if sql.contains(";") {
            try db.execute(sql: sql, arguments: Self.arguments(arguments))
        } else {
            try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        }
        return db.changesCount
    }

    func each(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let columns = statement.columnNames
        let rows = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        // Each value read from the statement the cursor has just stepped: the row's own values
        // come with their column's name, a String made anew for every value (8 % of a JSON export
        // of 10,000 services, perf).
        let indexes = 0..<CInt(columns.count)
        while try rows.next() != nil {
            let stepped = statement.sqliteStatement
            try body(SQLRow(columns: columns, values: indexes.map { Self.value(DatabaseValue(sqliteStatement: stepped, index: $0)) }))
        }
    }

    /// Through GRDB's initializer for optional existentials: its generic one maps the values with
    /// a key path the runtime instantiated again on every call, 3.5 % of a whole verify's CPU (perf).
    static func arguments(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.map { argument -> (any DatabaseValueConvertible)? in
            switch argument?.sqlValue ?? .null {
            case .null: return DatabaseValue.null
            case .integer(let number): return number.databaseValue
            case .real(let number): return number.databaseValue
            case .text(let text): return text.databaseValue
            case .blob(let data): return data.databaseValue
            }
        })
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .blob(data)
        }
    }
}

/// The SQLite file's pool as a database of the store.
struct GRDBDatabase: SQLDatabase {
    let pool: DatabasePool

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.read { db in try body(GRDBSession(db)) }
    }

    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.write { db in try body(GRDBSession(db)) }
    }

    /// The same immediate transaction, with the connection's busy timeout shortened for it.
    func writeBriefly<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.briefly * 1000))")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(SQLiteStore.busyTimeout * 1000))") }
            var value: T?
            try db.inTransaction(.immediate) {
                value = try body(GRDBSession(db))
                return .commit
            }
            return value!
        }
    }
}
