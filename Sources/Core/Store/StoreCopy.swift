import Crypto
import Foundation

/// What a copy of a store carried over, and what it could not.
public struct StoreCopyReport: Equatable, Sendable {
    /// Rows copied, by table.
    public var rows: [String: Int] = [:]
    /// Contents of attachments copied.
    public var attachments = 0
    /// Public keys copied.
    public var keys = 0
    /// Contents the source holds that it could not give as they are: unreadable, or no longer of
    /// the hash they are named by. Never copied as they are now; `audit verify` on the copy names
    /// each one a record needs.
    public var attachmentsLeft: [String] = []
    /// Logins whose published key could not be read in the source.
    public var keysLeft: [String] = []

    public var auditEntries: Int { rows["audit"] ?? 0 }
    public var records: Int { ProjectedTable.records.map { rows[$0.name] ?? 0 }.reduce(0, +) }
}

/// Copies a whole store into an empty one, whichever databases hold them (SQLite to a server,
/// a server to SQLite, or file to file): every row as it is, the log in the order it was
/// written with its signatures and head, every attachment's content and every published key.
/// Nothing is re-signed or rewritten, so `audit verify` on the copy says what it said of the
/// source, a row changed behind yakkan's back included.
public enum StoreCopy {
    /// The tables copied row for row, each after the tables it refers to: the records
    /// (`ProjectedTable.records`), what the ledger derives from them (as `SQLStore.refreshLedger` wrote
    /// it: copied rather than derived again, which takes a round trip per statement per service),
    /// working state, then the log and its head.
    static let tables = [
        "staff", "staff_reviewer", "staff_mail", "staff_deputy", "procedure_version", "application", "application_attachment",
        "application_editor", "decision",
        "acknowledgement", "duty_record", "alert", "incident", "termination", "termination_editor", "retention_hold",
        "duty_due", "ledger_text", "ledger_short_text", "record_counter", "person", "draft", "reminder_sent", "audit", "audit_head",
    ]
    /// Tables whose `rowid` is part of the row: the log's order of writing, which `audit verify`
    /// reads it in, and the service a search text belongs to. SQLite keeps it apart from the
    /// columns; the server as a column.
    static let keyedByRowid: Set = ["audit", "ledger_text", "ledger_short_text"]

    /// Copies `source` into `target` in one transaction of the target's, from one snapshot of
    /// the source's. The target must hold nothing yet: otherwise it is refused untouched. On a
    /// server, the copy is made by the tables' owner (who may write others' entries and keys).
    public static func copy(from source: SQLStore, to target: SQLStore) throws -> StoreCopyReport {
        try source.database.read { from in
            try target.database.write { to in
                let held = try contents(of: target, to)
                guard held.isEmpty else { throw StoreError.refused([StoreCopyText.targetNotEmpty(held)]) }
                if to.dialect == .postgresql { try ServerCopy.begin(to) }
                var report = StoreCopyReport()
                for table in tables {
                    report.rows[table] = try copyRows(table, from, to)
                }
                try copyKeys(source, from, target, to, &report)
                try copyAttachments(source, from, target, to, &report)
                if to.dialect == .postgresql { try ServerCopy.finish(to) }
                return report
            }
        }
    }

    /// What the target already holds, by table (and its keys and attachments): empty for a
    /// store just made.
    static func contents(of store: SQLStore, _ db: any SQLSession) throws -> [String] {
        var held: [String] = []
        for table in tables where table != "audit_head" {
            if try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") ?? false { held.append(table) }
        }
        // The server's head exists from the start, at sequence 0.
        if try AuditTrail.headSequence(db) != 0 { held.append("audit_head") }
        if try !store.keys.isEmpty(db) { held.append(store.keys.location(of: "*")) }
        if try !store.vault.heldContents(db).isEmpty { held.append("attachments") }
        return held
    }

    /// One table's rows, every column the target has, as the source holds them, many rows to a
    /// statement (a round trip to the server each).
    static func copyRows(_ table: String, _ from: any SQLSession, _ to: any SQLSession) throws -> Int {
        let keyedByRowid = keyedByRowid.contains(table)
        var columns = try columnNames(table, to).filter { $0 != "rowid" }
        if keyedByRowid { columns.append("rowid") }
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        // The log's rowid is the server's to number (GENERATED ALWAYS) but for a copy.
        let overriding = table == "audit" && to.dialect == .postgresql ? " OVERRIDING SYSTEM VALUE" : ""
        // A server's store has its head from the start.
        let upsert = table == "audit_head" ? " ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash" : ""
        var batch = RowBatch(
            prefix: "INSERT INTO \(table) (\(list))\(overriding) VALUES ", suffix: upsert, width: columns.count, into: to)
        try from.each(sql: "SELECT \(list) FROM \(table)" + (keyedByRowid ? " ORDER BY rowid" : "")) { row in
            try batch.add(row.values)
        }
        try batch.flush()
        return batch.written
    }

    /// A table's columns in their order, as the database's catalog lists them; not those the
    /// database generates itself (the server's `ledger_short_text.lexemes`), which no source has.
    static func columnNames(_ table: String, _ db: any SQLSession) throws -> [String] {
        switch db.dialect {
        case .sqlite:
            return try db.values(String.self, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
        case .postgresql:
            return try db.values(String.self, sql: """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER'
                ORDER BY ordinal_position
                """, arguments: [table])
        }
    }

    /// The key published under each login that signed something, an entry or a row of their own
    /// working state (WorkingSeal), as the source publishes it.
    static func copyKeys(_ source: SQLStore, _ from: any SQLSession, _ target: SQLStore, _ to: any SQLSession, _ report: inout StoreCopyReport) throws {
        let signers = try from.values(String.self, sql: """
            SELECT actor FROM audit UNION SELECT owner FROM draft UNION SELECT login FROM person
            UNION SELECT reviewing_by FROM application WHERE reviewing_by IS NOT NULL
            UNION SELECT sent_by FROM reminder_sent WHERE sent_by IS NOT NULL ORDER BY 1
            """)
        for login in signers {
            guard let key = try source.keys.read(login, from) else { continue }
            guard !key.isEmpty else {
                report.keysLeft.append(source.keys.location(of: login))
                continue
            }
            try target.keys.publish(login: login, publicKey: key, to)
            report.keys += 1
        }
    }

    /// Every content the source holds, each kept once in the target under the extension of a
    /// file name a record gives it. A content that no longer has its hash is left behind.
    static func copyAttachments(
        _ source: SQLStore, _ from: any SQLSession, _ target: SQLStore, _ to: any SQLSession, _ report: inout StoreCopyReport
    ) throws {
        var extensions: [String: String] = [:]
        try from.each(sql: "SELECT sha256, file_name FROM application_attachment ORDER BY application_id, field") { row in
            let sha: String = row["sha256"]
            if extensions[sha] == nil { extensions[sha] = FileVault.fileExtension(of: row["file_name"]) }
        }
        for sha in try source.vault.heldContents(from) {
            guard let content = try source.vault.content(of: sha, from), digest(content) == sha else {
                report.attachmentsLeft.append(sha)
                continue
            }
            do {
                try target.vault.keepCopy(content, sha256: sha, fileExtension: extensions[sha] ?? "", to)
            } catch is AttachmentProblem {
                throw StoreError.refused([StoreCopyText.cannotKeep(sha)])
            }
            report.attachments += 1
        }
    }

    static func digest(_ content: Data) -> String {
        SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
    }
}

/// Rows inserted many to a statement: up to a few hundred, or a few megabytes of text (a
/// baseline entry of the log carries thousands of rows), well within both databases' limits on
/// a statement's parameters.
struct RowBatch {
    let prefix: String
    let suffix: String
    let width: Int
    let into: any SQLSession
    private(set) var written = 0
    private var values: [SQLValue] = []
    private var bytes = 0

    init(prefix: String, suffix: String, width: Int, into: any SQLSession) {
        self.prefix = prefix
        self.suffix = suffix
        self.width = width
        self.into = into
    }

    static let maximumRows = 500
    static let maximumBytes = 4 << 20

    mutating func add(_ row: [SQLValue]) throws {
        values += row
        bytes += row.reduce(0) { total, value in
            switch value {
            case .text(let text): return total + text.utf8.count
            case .blob(let data): return total + data.count
            default: return total + 8
            }
        }
        if values.count >= Self.maximumRows * width || bytes >= Self.maximumBytes { try flush() }
    }

    mutating func flush() throws {
        guard !values.isEmpty else { return }
        let rows = values.count / width
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        let sql = prefix + Array(repeating: tuple, count: rows).joined(separator: ", ") + suffix
        try into.execute(sql: sql, arguments: values.map { $0 as (any SQLBindable)? })
        written += rows
        values.removeAll(keepingCapacity: true)
        bytes = 0
    }
}

/// What a copy into a server does beyond the rows: the server's own rules for what staff do,
/// set aside only where a copy must, and its identities numbered on after the copied ids.
enum ServerCopy {
    /// The copy is the tables' owner's; the four-eyes triggers (on a decision row, and on an
    /// entry that decides) judge a new decision by the directory as it is now, and the copied
    /// ones were judged when they were made (and are judged again by `audit verify` on the copy,
    /// which replays the rules on every signed change), so they are off for this transaction
    /// only, and on again before it commits.
    static func begin(_ db: any SQLSession) throws {
        guard let row = try db.row(sql: """
            SELECT session_user AS login, (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit') AS owner
            """) else { return }
        let login: String = row["login"]
        let owner: String = row["owner"]
        guard login == owner else { throw StoreError.refused([StoreCopyText.notTheOwner(login: login, owner: owner)]) }
        // The owner publishes others' keys and writes others' entries only when its session
        // says so (ServerSchema+Owner); for this transaction alone.
        try db.execute(sql: "SET LOCAL yakkan.owner_writes_for_others = on")
        try db.execute(sql: "ALTER TABLE decision DISABLE TRIGGER decision_four_eyes")
        try db.execute(sql: "ALTER TABLE audit DISABLE TRIGGER audit_four_eyes")
    }

    static func finish(_ db: any SQLSession) throws {
        try db.execute(sql: "ALTER TABLE decision ENABLE TRIGGER decision_four_eyes")
        try db.execute(sql: "ALTER TABLE audit ENABLE TRIGGER audit_four_eyes")
        let identities = try db.rows(sql: """
            SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'
            ORDER BY table_name
            """)
        for identity in identities {
            let table: String = identity["table_name"]
            let column: String = identity["column_name"]
            try db.execute(
                sql: "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX(\"\(column)\") FROM \"\(table)\"), 0) + 1, false)",
                arguments: [table, column])
        }
    }
}

extension StoreCopy {
    public enum End: Sendable {
        case source, target
    }

    /// Opens one end of a copy by its address: a server's URI, or the path of a SQLite file. A
    /// source must be there and is only read; a target file is made, with its folder, when
    /// missing (a server's database is made by `yakkan store init`). Nobody signs anything.
    public static func open(
        _ address: String, as end: End, workingDirectory: String, environment: [String: String], clock: any Clock
    ) throws -> SQLStore {
        if ServerAddress.isServer(address) {
            // A copy opens no attachment, so nothing is ever written to this cache.
            return try ServerStore(
                uri: address, workingDirectory: workingDirectory, clock: clock,
                cacheFolder: PersonalFolder.data(environment) + "/server-cache", keyRing: nil)
        }
        let path = address.hasPrefix("/") ? address : workingDirectory + "/" + address
        switch end {
        case .source: return try SQLiteStore(path: path, workingDirectory: workingDirectory, clock: clock, access: .readOnly)
        case .target: return try SQLiteStore(path: path, workingDirectory: workingDirectory, clock: clock, createFolder: true)
        }
    }
}
