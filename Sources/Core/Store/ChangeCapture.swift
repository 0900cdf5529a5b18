import Crypto
import Foundation

/// One value of a row, as the log keeps it.
enum Cell: Codable, Hashable, Sendable {
    case null
    case integer(Int64)
    case text(String)

    init(_ value: SQLValue) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .real(let number): self = .text(String(number))
        case .text(let text): self = .text(text)
        case .blob(let data): self = .text(data.base64EncodedString())
        }
    }

    var sqlValue: (any SQLBindable)? {
        switch self {
        case .null: return nil
        case .integer(let number): return number
        case .text(let text): return text
        }
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null } else if let number = try? container.decode(Int64.self) { self = .integer(number) } else { self = .text(try container.decode(String.self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        }
    }
}

/// A record row after a change: its values in the table's column order, or nil once deleted.
struct RowImage: Codable, Equatable, Sendable {
    let table: String
    let key: [Cell]
    let row: [Cell]?

    /// A value of the row by its column's name; null once the row is deleted.
    subscript(column: String) -> Cell {
        guard let row, let index = RecordTable.named(table)?.columns.firstIndex(of: column), index < row.count else { return .null }
        return row[index]
    }

    var address: String { table + String(decoding: (try? JSONEncoder().encode(key)) ?? Data(), as: UTF8.self) }

    static func digest(_ cells: [Cell]) -> Data {
        Data(SHA256.hash(data: (try? JSONEncoder().encode(cells)) ?? Data()))
    }
}

/// Captures, inside the writer's transaction, which record rows a change touched, so the log
/// entry that follows can carry them. Temporary triggers belong to the writing connection only:
/// rows changed by anyone else's SQL are not captured, which is exactly what verify then finds.
enum ChangeCapture {
    static func install(_ db: any SQLSession) throws {
        // No unique key: a trigger's conflict handling gives way to that of the statement that fired
        // it (an upsert would fail on a repeated row), so repeats are dropped when read.
        guard db.dialect == .sqlite else {
            // The server's triggers are the schema's own (ServerSchema): they write here only
            // in a session that made this table, which is yakkan's writing session.
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS changed_row (seq bigserial PRIMARY KEY, tbl text NOT NULL, key text NOT NULL)")
            return
        }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS changed_row (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key TEXT NOT NULL)")
        for table in RecordTable.all {
            let newKey = table.keyExpression("NEW")
            let oldKey = table.keyExpression("OLD")
            let columns = table.columns.joined(separator: ", ")
            try db.execute(sql: """
                CREATE TEMP TRIGGER IF NOT EXISTS capture_\(table.name)_insert AFTER INSERT ON main.\(table.name)
                BEGIN INSERT INTO changed_row (tbl, key) VALUES ('\(table.name)', \(newKey)); END;
                CREATE TEMP TRIGGER IF NOT EXISTS capture_\(table.name)_update AFTER UPDATE OF \(columns) ON main.\(table.name)
                BEGIN INSERT INTO changed_row (tbl, key) VALUES ('\(table.name)', \(oldKey));
                      INSERT INTO changed_row (tbl, key) VALUES ('\(table.name)', \(newKey)); END;
                CREATE TEMP TRIGGER IF NOT EXISTS capture_\(table.name)_delete AFTER DELETE ON main.\(table.name)
                BEGIN INSERT INTO changed_row (tbl, key) VALUES ('\(table.name)', \(oldKey)); END;
                """)
        }
    }

    /// Starts a transaction's capture afresh.
    static func clear(_ db: any SQLSession) throws {
        try db.execute(sql: "DELETE FROM \(db.dialect.temporary).changed_row")
    }

    /// The rows changed since the last entry, as they are now; the capture starts afresh.
    static func take(_ db: any SQLSession) throws -> [RowImage] {
        let changed = try db.rows(sql: "SELECT tbl, key FROM \(db.dialect.temporary).changed_row GROUP BY tbl, key ORDER BY MIN(seq)")
        try clear(db)
        return try changed.compactMap { row in
            guard let table = RecordTable.named(row["tbl"]) else { return nil }
            let keyText: String = row["key"]
            let key = try JSONDecoder().decode([Cell].self, from: Data(keyText.utf8))
            return RowImage(table: table.name, key: key, row: try current(db, table, key: key))
        }
    }

    static func pendingCount(_ db: any SQLSession) throws -> Int {
        try db.value(Int.self, sql: "SELECT COUNT(*) FROM \(db.dialect.temporary).changed_row") ?? 0
    }

    static func current(_ db: any SQLSession, _ table: RecordTable, key: [Cell]) throws -> [Cell]? {
        // Keys are never NULL, so `=` says the same in both databases.
        let condition = table.key.map { "\($0) = ?" }.joined(separator: " AND ")
        let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) WHERE \(condition)"
        guard let row = try db.row(sql: sql, arguments: key.map(\.sqlValue)) else { return nil }
        return row.values.map(Cell.init)
    }

    /// Every record row of the store, for the baseline of a store that was kept before entries were signed.
    static func everything(_ db: any SQLSession) throws -> [RowImage] {
        try RecordTable.all.flatMap { table in
            try db.rows(sql: "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name)").map { row in
                let cells = row.values.map(Cell.init)
                let key = table.key.map { column in cells[table.columns.firstIndex(of: column)!] }
                return RowImage(table: table.name, key: key, row: cells)
            }
        }
    }
}
