import Crypto
import Foundation
import GRDB

/// The store as the log makes it: every signed command, from the first, decided again by
/// `Decide` against the records rebuilt so far and projected by `Projection` into a scratch
/// database; then every table of the store compared with it, row by row and column by column.
/// A command the rules refuse is named with who signed it; a row that differs, with its column.
final class Rebuild {
    /// Where the rebuild is made.
    enum Place {
        /// A scratch database, removed when verify ends.
        case scratch
        /// From the first entry, in the person's state folder: kept if verify finds nothing.
        case keptAfresh(KeptRebuild)
        /// Going on from a kept rebuild: what this verify adds is kept if it finds nothing.
        case keptGoingOn(KeptRebuild)
    }

    private let place: Place
    private let scratch: DatabaseQueue
    private let temporaryFolder: String?
    private(set) var erased: Set<Int64>
    /// Only the replay writes the scratch database, so what it read stays true until it writes.
    private let memo = ActMemo()
    private(set) var findings: [AuditFinding] = []
    /// The services whose rows the entries replayed wrote, when going on from a kept rebuild:
    /// only their rows, and rows newer than the kept ones, are compared.
    private var touched: Set<Int64> = []
    /// The last number of each table numbered by its own id, in the kept rebuild.
    private var keptLast: [String: Int64] = [:]

    /// Going on from a kept rebuild, still compare every row.
    private let comparesEveryRecord: Bool

    init(_ place: Place = .scratch, erased: Set<Int64> = [], comparesEveryRecord: Bool = false) throws {
        self.place = place
        self.erased = erased
        self.comparesEveryRecord = comparesEveryRecord
        var configuration = Configuration()
        let path: String
        switch place {
        case .scratch:
            // On disk, not in memory: the records of a whole village would not fit in what verify
            // may use. Nobody else reads it; it is removed when verify ends.
            let folder = NSTemporaryDirectory() + "yakkan-verify-\(getpid())-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            temporaryFolder = folder
            path = folder + "/rebuild.sqlite"
        case .keptAfresh(let kept):
            try kept.makeFolder()
            unlink(kept.incoming)
            temporaryFolder = nil
            path = kept.incoming
        case .keptGoingOn(let kept):
            temporaryFolder = nil
            path = kept.database
        }
        if case .keptGoingOn = place {
            // What a verify that finds something replayed is undone, so the journal must hold.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        } else {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF") }
        }
        scratch = try DatabaseQueue(path: path, configuration: configuration)
        // The person's own records of everyone's services, in their own folder: theirs alone.
        chmod(path, 0o600)
        try Schema.migrator.migrate(scratch)
        try Self.keepSearchTextInPlainTables(scratch)
        if case .keptGoingOn = place {
            keptLast = try scratch.read { db in
                var last: [String: Int64] = [:]
                for table in ProjectedTable.all where table.numberedBy == "id" && table.serviceColumn == "application_id" {
                    last[table.name] = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(table.name)") ?? 0
                }
                return last
            }
        }
    }

    /// The scratch database while `replaying` runs.
    private var open: Database?

    /// Runs the replay and the checks in `body` in one transaction, a savepoint an entry: a commit
    /// per entry was most of a replay's time. A kept rebuild keeps what `body` made, with the
    /// point it returns, only when its report finds nothing.
    func replaying(_ body: () throws -> (AuditReport, VerifiedPoint)) throws -> AuditReport {
        let (report, keeping) = try scratch.inDatabase { db -> (AuditReport, Bool) in
            try db.execute(sql: "BEGIN")
            open = db
            defer { open = nil }
            let report: AuditReport, point: VerifiedPoint
            do {
                (report, point) = try body()
            } catch {
                // A store that cannot be read to the end (a damaged page) ends the replay: what
                // it made goes, and a kept rebuild stays where it was.
                try? db.execute(sql: "ROLLBACK")
                throw error
            }
            let keeping = report.isIntact && !point.builtBy.isEmpty
            if keeping, !isScratch { try VerifiedPoint.write(point, db) }
            if case .keptGoingOn = place, !keeping {
                try db.execute(sql: "ROLLBACK")
            } else {
                try db.execute(sql: "COMMIT")
            }
            return (report, keeping)
        }
        if case .keptAfresh(let kept) = place {
            try scratch.close()
            if keeping {
                guard rename(kept.incoming, kept.database) == 0 else { throw StoreError.ioFailure(code: errno) }
            } else {
                unlink(kept.incoming)
            }
        }
        return report
    }

    /// The rebuild keeps each service's search text to compare it, and never searches it: the
    /// full-text tables become plain tables of the same columns. Replayed in one transaction, a
    /// savepoint an entry, a full-text table writes out what it holds at every savepoint once it
    /// is in the transaction: that was 21 % of a whole verify's CPU (perf, 1,000 services'
    /// lifetime), and indexing the text into trigrams and words more. Done again on a kept
    /// rebuild, it finds plain tables and leaves them.
    static func keepSearchTextInPlainTables(_ scratch: DatabaseQueue) throws {
        try scratch.write { db in
            for (table, column) in [("ledger_text", "content"), ("ledger_short_text", "words")] {
                let made = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]) ?? ""
                guard made.uppercased().contains("VIRTUAL") else { continue }
                try db.execute(sql: "DROP TABLE \(table)")
                try db.execute(sql: "CREATE TABLE \(table) (\(column) TEXT)")
            }
        }
    }

    private var isScratch: Bool {
        if case .scratch = place { return true }
        return false
    }

    private var goesOn: Bool {
        if case .keptGoingOn = place { return true }
        return false
    }

    private func inScratch<T>(_ body: (Database) throws -> T) throws -> T {
        if let open { return try body(open) }
        return try scratch.inDatabase(body)
    }

    deinit {
        if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) }
        if case .keptAfresh(let kept) = place, FileManager.default.fileExists(atPath: kept.incoming) { unlink(kept.incoming) }
    }

    /// Decides and projects one signed entry of the log.
    func replay(_ entry: AuditEntry) throws {
        guard let detail = entry.detail else {
            // Its details went with a purge: what it made went with it, but not its number.
            if let id = Self.application(entry.subject) {
                erased.insert(id)
                if goesOn { touched.insert(id) }
                try inScratch { db in
                    try db.execute(
                        sql: "INSERT INTO record_counter (name, last) VALUES ('application', ?) ON CONFLICT(name) DO UPDATE SET last = max(last, excluded.last)",
                        arguments: [id])
                }
            }
            return
        }
        guard let command = ActEntry.decode(detail) else {
            findings.append(AuditFinding(.unreadableEntry, sequence: entry.sequence, subject: entry.subject))
            return
        }
        try ActMemo.$current.withValue(memo) { try inScratch { db in
            let session = GRDBSession(db)
            let state = SQLLedgerState(db: session, erased: erased)
            try db.execute(sql: "SAVEPOINT entry")
            do {
                let context = ActContext(actor: entry.actor, at: entry.at, sequence: entry.sequence)
                let events = try Decide.decide(command, context, in: state)
                if entry.action != command.action || entry.subject != ActEntry.subject(of: command, events) {
                    findings.append(AuditFinding(.relabelled(action: command.action), sequence: entry.sequence, subject: entry.subject))
                }
                if goesOn { try noteTouched(events, db) }
                try Projection.apply(events, session)
                try db.execute(sql: "RELEASE entry")
                memo.actDone(events)
            } catch {
                // What a refused or broken command made so far is undone: the rebuild goes on without it.
                memo.actUndone()
                try db.execute(sql: "ROLLBACK TO entry; RELEASE entry")
                let reason = (error as? StoreError).map(StoreText.describe)
                    ?? Localized((error as? DatabaseError)?.message ?? "\(error)", (error as? DatabaseError)?.message ?? "\(error)")
                findings.append(AuditFinding(.ruleBroken(reason), sequence: entry.sequence, subject: "\(entry.subject) (\(entry.actor))"))
            }
        } }
    }

    /// The services an entry's events write rows of; a read alert is its service's.
    private func noteTouched(_ events: [Event], _ db: Database) throws {
        for event in events {
            if let id = event.application { touched.insert(id) }
            if case .alertRead(let id, _, _) = event,
               let service = try Int64.fetchOne(db, sql: "SELECT application_id FROM alert WHERE id = ?", arguments: [id]) {
                touched.insert(service)
            }
        }
    }

    /// The services the replay touched (going on from a kept rebuild).
    var touchedServices: [Int64] { touched.sorted() }

    /// What is compared: everything, or going on from a kept rebuild, the rows of the services
    /// the replay touched and the rows numbered after the kept ones (the small tables of the
    /// directory and of versions whole).
    private var restriction: ProjectedTable.Restriction? {
        goesOn && !comparesEveryRecord ? ProjectedTable.Restriction(services: touchedServices, newerThan: keptLast) : nil
    }

    /// Every table of records and everything derived from them, the store's against the rebuilt.
    func compare(with db: any SQLSession) throws {
        for table in ProjectedTable.all {
            if table.numberedBy != nil {
                try compareInOrder(table, with: db)
                continue
            }
            let rebuilt = try inScratch { scratchDB in try table.digests(GRDBSession(scratchDB)) }
            var unseen = rebuilt
            try table.eachRow(db) { key, cells in
                guard let wanted = unseen.removeValue(forKey: key) else {
                    findings.append(AuditFinding(.rowNotInLog, sequence: nil, subject: "\(table.name) \(key)"))
                    return
                }
                guard wanted != ProjectedTable.digest(cells) else { return }
                let columns = try inScratch { scratchDB in try table.row(GRDBSession(scratchDB), key: key) }
                    .map { rebuiltCells in zip(table.columns, zip(rebuiltCells, cells)).filter { $1.0 != $1.1 }.map { $0.0 } } ?? table.columns
                findings.append(AuditFinding(.rowNotInLog, sequence: nil, subject: "\(table.name) \(key): \(columns.joined(separator: ", "))"))
            }
            for key in unseen.keys.sorted() {
                findings.append(AuditFinding(.rowMissing, sequence: nil, subject: "\(table.name) \(key)"))
            }
        }
    }

    /// A table whose key begins with a number, both sides read in the order of that number and
    /// matched a number at a time: memory holds the rows of one number (a service's duty dues,
    /// one decision), not the table. Holding every rebuilt row's digest was most of verify's
    /// memory as the village grew (85 MB at 10,000 services against 40 MB at 1,000).
    private func compareInOrder(_ table: ProjectedTable, with db: any SQLSession) throws {
        let condition = restriction.map(table.condition) ?? ""
        try inScratch { scratchDB in
            let rebuilt = try OrderedRows(table, scratchDB, condition: condition)
            var missing: [String] = []
            var group: [String: [SQLValue]] = [:]
            var groupNumber: Int64?
            try table.eachRow(db, inOrder: true, condition: condition) { key, cells in
                guard let number = table.number(cells) else {
                    // No rebuilt row has anything but a number there.
                    findings.append(AuditFinding(.rowNotInLog, sequence: nil, subject: "\(table.name) \(key)"))
                    return
                }
                if groupNumber != number {
                    missing += group.keys
                    group = [:]
                    groupNumber = number
                    while let next = try rebuilt.peek(), next.number <= number {
                        try rebuilt.advance()
                        if next.number < number { missing.append(next.key) } else { group[next.key] = next.cells }
                    }
                }
                guard let wanted = group.removeValue(forKey: key) else {
                    findings.append(AuditFinding(.rowNotInLog, sequence: nil, subject: "\(table.name) \(key)"))
                    return
                }
                guard wanted != cells else { return }
                let columns = zip(table.columns, zip(wanted, cells)).filter { $1.0 != $1.1 }.map { $0.0 }
                findings.append(AuditFinding(.rowNotInLog, sequence: nil, subject: "\(table.name) \(key): \(columns.joined(separator: ", "))"))
            }
            missing += group.keys
            while let next = try rebuilt.peek() {
                try rebuilt.advance()
                missing.append(next.key)
            }
            for key in missing.sorted() {
                findings.append(AuditFinding(.rowMissing, sequence: nil, subject: "\(table.name) \(key)"))
            }
        }
    }

    static func application(_ subject: String) -> Int64? {
        subject.hasPrefix("application/") ? Int64(subject.dropFirst("application/".count)) : nil
    }
}

/// A table the projection writes, with the columns verify compares: all of them but the
/// double check a reviewer claims, which its reviewer signs (WorkingSeal).
struct ProjectedTable: Sendable {
    let name: String
    let key: [String]
    let columns: [String]
    /// Derived from the records (dues, search text, numbers given), rather than a record itself.
    var derived = false

    /// The tables of records: what people did, as a store copy counts them.
    static var records: [ProjectedTable] { all.filter { !$0.derived } }

    static let all: [ProjectedTable] = [
        ProjectedTable(name: "application", key: ["id"], columns: [
            "id", "applicant", "status", "procedure_version", "answers", "department", "provider", "service",
            "period_start", "period_end", "submitted_at", "version", "stopped_reason", "stopped_by", "stopped_at", "ended_on",
            "classification", "personal_information", "approved_on", "keep_until", "manager_key", "applicant_name", "submitted_on",
            "user_count", "service_manager", "department_head", "latest_outcome", "decided_on",
        ]),
        ProjectedTable(name: "application_attachment", key: ["application_id", "field", "sha256"], columns: [
            "application_id", "field", "sha256", "file_name", "size", "added_at",
        ]),
        ProjectedTable(name: "application_editor", key: ["application_id", "login"], columns: ["application_id", "login"]),
        ProjectedTable(name: "decision", key: ["id"], columns: [
            "id", "application_id", "reviewer", "reviewer_name", "outcome", "reason", "answers", "application_version",
            "decided_at", "form",
        ]),
        ProjectedTable(name: "acknowledgement", key: ["application_id"], columns: ["application_id", "login", "name", "acknowledged_at"]),
        ProjectedTable(name: "duty_record", key: ["id"], columns: [
            "id", "application_id", "kind", "done_on", "answers", "recorded_by", "recorded_at",
        ]),
        ProjectedTable(name: "duty_due", key: ["application_id", "kind"], columns: ["application_id", "kind", "due_on"], derived: true),
        ProjectedTable(name: "alert", key: ["id"], columns: [
            "id", "application_id", "kind", "recipient_login", "recipient_name", "message", "needs_decision", "created_at",
            "acknowledged_at", "acknowledged_by",
        ]),
        ProjectedTable(name: "incident", key: ["id"], columns: [
            "id", "application_id", "provider", "service", "occurred_on", "what", "source", "action", "recorded_by", "recorded_at",
        ]),
        ProjectedTable(name: "termination", key: ["application_id"], columns: [
            "application_id", "applicant", "status", "answers", "submitted_at", "version",
        ]),
        ProjectedTable(name: "termination_editor", key: ["application_id", "login"], columns: ["application_id", "login"]),
        ProjectedTable(name: "retention_hold", key: ["id"], columns: ["id", "application_id", "until", "reason", "held_by", "held_at"]),
        ProjectedTable(name: "staff", key: ["login"], columns: ["login", "name", "department", "is_administrator", "added_at"]),
        ProjectedTable(name: "staff_reviewer", key: ["login", "department"], columns: ["login", "department"]),
        ProjectedTable(name: "staff_mail", key: ["login"], columns: ["login", "mail", "language"]),
        ProjectedTable(name: "procedure_version", key: ["version"], columns: [
            "version", "in_force_from", "text", "sha256", "entry", "adopted_by", "adopted_at",
        ]),
        ProjectedTable(name: "staff_deputy", key: ["login", "department"], columns: ["login", "department", "until"]),
        ProjectedTable(name: "record_counter", key: ["name"], columns: ["name", "last"], derived: true),
        ProjectedTable(name: "ledger_text", key: ["rowid"], columns: ["rowid", "content"], derived: true),
        ProjectedTable(name: "ledger_short_text", key: ["rowid"], columns: ["rowid", "words"], derived: true),
    ]

    /// The rows an incremental verify compares: those of the services its entries touched, and
    /// of a table numbered by its own id, those numbered after the kept rebuild's last.
    struct Restriction {
        let services: [Int64]
        let newerThan: [String: Int64]
    }

    /// The column that names a row's service, if the table has one.
    var serviceColumn: String? {
        switch name {
        case "application": return "id"
        case "ledger_text", "ledger_short_text": return "rowid"
        default: return columns.contains("application_id") ? "application_id" : nil
        }
    }

    /// The SQL that keeps to a restriction's rows (numbers only, never text from a row).
    func condition(_ restriction: Restriction) -> String {
        guard let column = serviceColumn else { return "" }
        let services = restriction.services.isEmpty ? "NULL" : restriction.services.map(String.init).joined(separator: ",")
        let newer = restriction.newerThan[name].map { " OR id > \($0)" } ?? ""
        return " WHERE (\(column) IN (\(services))\(newer))"
    }

    func selectInOrder(_ condition: String) -> String { select + condition + (numberedBy.map { " ORDER BY \($0)" } ?? "") }

    private var select: String {
        "SELECT \(columns.map(Self.quoted).joined(separator: ", ")) FROM \(name)"
    }

    /// `until` is a word of PostgreSQL's grammar.
    private static func quoted(_ column: String) -> String {
        column == "until" ? "\"until\"" : column
    }

    /// The column of a number the key begins with, by which both sides can be read in order.
    var numberedBy: String? {
        ["application", "decision", "duty_record", "alert", "incident", "retention_hold", "application_attachment",
         "application_editor", "acknowledgement", "duty_due", "termination", "termination_editor", "ledger_text",
         "ledger_short_text"].contains(name) ? key[0] : nil
    }

    /// The number a row's key begins with, when it is one.
    func number(_ cells: [SQLValue]) -> Int64? {
        guard let column = numberedBy, case .integer(let number) = cells[columns.firstIndex(of: column)!] else { return nil }
        return number
    }

    /// Each row's key, as text, and its cells; `inOrder`, by the number the key begins with.
    func eachRow(_ db: any SQLSession, inOrder: Bool = false, condition: String = "", _ body: (String, [SQLValue]) throws -> Void) throws {
        let keyIndexes = key.map { columns.firstIndex(of: $0)! }
        let order = inOrder ? numberedBy.map { " ORDER BY \($0)" } ?? "" : ""
        try db.each(sql: select + condition + order) { row in
            let cells = row.values.map(Self.comparable)
            try body(keyIndexes.map { Self.text(cells[$0]) }.joined(separator: "/"), cells)
        }
    }

    func digests(_ db: any SQLSession) throws -> [String: Data] {
        var digests: [String: Data] = [:]
        try eachRow(db) { key, cells in digests[key] = Self.digest(cells) }
        return digests
    }

    func row(_ db: any SQLSession, key value: String) throws -> [SQLValue]? {
        var found: [SQLValue]?
        try eachRow(db) { key, cells in if key == value { found = cells } }
        return found
    }

    /// Values as both databases give them: SQLite's booleans are integers, as the server's are.
    static func comparable(_ value: SQLValue) -> SQLValue {
        if case .real(let number) = value, let whole = Int64(exactly: number) { return .integer(whole) }
        return value
    }

    static func text(_ value: SQLValue) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .text(let text): return text
        case .blob(let data): return data.base64EncodedString()
        }
    }

    static func digest(_ cells: [SQLValue]) -> Data {
        var hasher = SHA256()
        for cell in cells {
            let part: String
            switch cell {
            case .null: part = "n"
            case .integer(let number): part = "i\(number)"
            case .real(let number): part = "r\(number)"
            case .text(let text): part = "t\(text.utf8.count):\(text)"
            case .blob(let data): part = "b\(data.count):\(data.base64EncodedString())"
            }
            hasher.update(data: Data(part.utf8))
        }
        return Data(hasher.finalize())
    }
}

/// The rebuilt rows of a table in the order of the number their key begins with, one at a time.
private final class OrderedRows {
    struct Rebuilt {
        let number: Int64
        let key: String
        let cells: [SQLValue]
    }

    private let table: ProjectedTable
    private let rows: RowCursor
    private let keyIndexes: [Int]
    private var waiting: Rebuilt?
    private var started = false

    init(_ table: ProjectedTable, _ db: Database, condition: String) throws {
        self.table = table
        keyIndexes = table.key.map { table.columns.firstIndex(of: $0)! }
        rows = try Row.fetchCursor(db, sql: table.selectInOrder(condition))
    }

    func peek() throws -> Rebuilt? {
        if !started { try advance() }
        return waiting
    }

    func advance() throws {
        started = true
        waiting = nil
        while let row = try rows.next() {
            let cells: [SQLValue] = Array(row.databaseValues).map { ProjectedTable.comparable(GRDBSession.value($0)) }
            // The rebuild writes numbers there; anything else would be a fault of the projection.
            guard let number = table.number(cells) else { continue }
            waiting = Rebuilt(number: number, key: keyIndexes.map { ProjectedTable.text(cells[$0]) }.joined(separator: "/"), cells: cells)
            return
        }
    }
}
