import Foundation

/// The procedure's records in a SQL database, whichever it is: every transaction script is
/// written once, against `SQLSession`, and asks Core's rules inside its transaction; a database
/// gives only its executor and how it is opened (`SQLiteStore`).
public class SQLStore: Store, @unchecked Sendable {
    let vault: any AttachmentVault
    public var intake: any AttachmentIntake { vault }
    let database: any SQLDatabase
    let keyRing: KeyRing
    let keys: any KeyDirectory
    let clock: any Clock
    /// Records this store's reads left out, unreadable, for the shell to name.
    public let setAside = SetAside()

    init(database: any SQLDatabase, vault: any AttachmentVault, keys: any KeyDirectory, keyRing: KeyRing?, clock: any Clock) {
        self.database = database
        self.vault = vault
        self.keys = keys
        self.keyRing = keyRing ?? KeyRing(folder: "/nonexistent", scope: .only(""))
        self.clock = clock
    }

    public func storedPath(of attachment: Attachment) -> String {
        vault.storedPath(of: attachment)
    }

    /// What the database's own check finds wrong; nil for a database that has none to run.
    public func integrityCheck() throws -> [String]? { nil }

    /// The file's store takes the operating system's login; a server says who is there.
    public var authenticatedLogin: String? { nil }

    /// A change of the directory, inside its transaction: a database whose logins are its own
    /// roles follows it there (ServerStore); a file has none.
    func directoryChanged(_ login: String, to member: StaffMember?, _ db: any SQLSession) throws {}

    /// The SQL the database's own roles still need to agree with the directory for `login`;
    /// nil when they agree, or when the database has no roles of its own.
    public func loginRoleLeft(for login: String) throws -> String? { nil }

    // MARK: People

    public func person(login: String) throws -> Person? {
        try database.read { db in
            try db.row(sql: "SELECT * FROM person WHERE login = ?", arguments: [login])
                .flatMap { WorkingSeal.holds(WorkingSeal.person, $0, keys: keys, db) ? $0 : nil }
                .map { Person(login: $0["login"], name: $0["name"], department: $0["department"]) }
        }
    }

    public func savePerson(_ person: Person, at timestamp: String) throws {
        _ = try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO person (login, name, department, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(login) DO UPDATE SET name = excluded.name, department = excluded.department,
                    updated_at = excluded.updated_at
                    """,
                arguments: [person.login, person.name, person.department, timestamp])
            try WorkingSeal.seal(WorkingSeal.person, where: [person.login], keyRing: keyRing, keys: keys, db)
        }
    }

    // MARK: Drafts

    public func drafts(owner: String, procedureID: String) throws -> [Draft] {
        try database.read { db in
            let kept = try db.rows(sql: "SELECT * FROM draft WHERE owner = ? AND procedure = ? ORDER BY updated_at DESC, id DESC",
                arguments: [owner, procedureID]
            ).filter { WorkingSeal.holds(WorkingSeal.draft, $0, keys: keys, db) }.map(Self.draft)
            return kept + (try Self.returnedForms(db, owner: owner, procedureID: procedureID, besides: kept))
        }
    }

    public func drafts(procedureID: String) throws -> [Draft] {
        try database.read { db in
            try db.rows(sql: "SELECT * FROM draft WHERE procedure = ? ORDER BY updated_at, id", arguments: [procedureID]
            ).filter { WorkingSeal.holds(WorkingSeal.draft, $0, keys: keys, db) }.map(Self.draft)
        }
    }

    /// A form returned to `owner` that they have not begun to correct: offered as a draft with
    /// every answer kept, which becomes theirs (and signed by them) when they first save it.
    static func returnedForms(_ db: any SQLSession, owner: String, procedureID: String, besides kept: [Draft]) throws -> [Draft] {
        let begun = Set(kept.compactMap(\.applicationID))
        let sql: String
        switch procedureID {
        case ApplicationProcedure.procedure.id: sql = "SELECT id FROM application WHERE status = 'returned' AND applicant = ? ORDER BY id"
        case TerminationProcedure.id: sql = "SELECT application_id FROM termination WHERE status = 'returned' AND applicant = ? ORDER BY application_id"
        default: return []
        }
        return try db.values(Int64.self, sql: sql, arguments: [owner]).filter { !begun.contains($0) }.compactMap { id in
            try loadApplication(db, id: id).flatMap { ReviewActions.returnedDraft(of: $0, procedureID: procedureID) }
        }
    }

    static func draft(_ row: SQLRow) throws -> Draft {
        let json: String = row["state"]
        return Draft(
            id: row["id"], owner: row["owner"], procedureID: row["procedure"],
            state: try decoded(InterviewState.self, json, of: "draft/\(row["id"] as Int64)"),
            version: row["version"], updatedAt: row["updated_at"], applicationID: row["application_id"],
            applicationVersion: row["application_version"])
    }

    public func saveDraft(_ draft: Draft, at timestamp: String) throws -> Draft {
        let json = try Self.json(draft.state)
        return try database.writeBriefly { db in
            var saved = draft
            saved.version = draft.version + 1
            saved.updatedAt = timestamp
            if let id = draft.id {
                guard try db.execute(
                    sql: "UPDATE draft SET state = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
                    arguments: [json, saved.version, timestamp, id, draft.version]) == 1 else { throw StoreError.draftChangedElsewhere }
            } else {
                saved.id = try db.insert(
                    sql: """
                        INSERT INTO draft (owner, procedure, state, version, created_at, updated_at, application_id,
                        application_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [draft.owner, draft.procedureID, json, saved.version, timestamp, timestamp,
                                draft.applicationID, draft.applicationVersion])
            }
            try WorkingSeal.seal(WorkingSeal.draft, where: [saved.id], keyRing: keyRing, keys: keys, db)
            return saved
        }
    }

    public func deleteDraft(id: Int64) throws {
        _ = try database.write { db in try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [id]) }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: Applications

    public func applications() throws -> [ApplicationRecord] {
        try database.read { db in
            // Read in batches; a service that cannot be read is left out (loadRecords), never stopping the list.
            try Self.loadRecords(db, ids: try db.values(Int64.self, sql: "SELECT id FROM application ORDER BY id"), parts: .whole, setAside: setAside)
        }
    }

    public func remindersSent(on day: Day) throws -> [String: Set<String>] {
        try database.read { db in
            var sent: [String: Set<String>] = [:]
            for row in try db.rows(sql: "SELECT * FROM reminder_sent WHERE day = ?", arguments: [day.iso])
            where WorkingSeal.holds(WorkingSeal.reminder, row, keys: keys, db) {
                sent[row["login"], default: []].insert(row["item"])
            }
            return sent
        }
    }

    public func findingsMailed(to login: String) throws -> Set<String> {
        try database.read { db in
            var mailed = Set<String>()
            // On any day: a finding is mailed once, not once a day.
            for row in try db.rows(
                sql: "SELECT * FROM reminder_sent WHERE login = ? AND item LIKE ?", arguments: [login, FindingMail.prefix + "%"])
            where WorkingSeal.holds(WorkingSeal.reminder, row, keys: keys, db) {
                mailed.insert(row["item"])
            }
            return mailed
        }
    }

    public func claimReminders(_ keys: [String], for login: String, on day: Day, at timestamp: String) throws -> Set<String> {
        try database.write { db in
            var claimed: Set<String> = []
            // Whoever runs `remind` (its own login, or the recipient's when one key ring plays everyone).
            let sender = authenticatedLogin ?? keyRing.owner ?? login
            for key in keys {
                // An item someone else marked as mailed, without a signature that holds, is not.
                if let row = try db.row(sql: "SELECT * FROM reminder_sent WHERE login = ? AND item = ? AND day = ?", arguments: [login, key, day.iso]),
                   !WorkingSeal.holds(WorkingSeal.reminder, row, keys: self.keys, db) {
                    try db.execute(sql: "DELETE FROM reminder_sent WHERE login = ? AND item = ? AND day = ?", arguments: [login, key, day.iso])
                }
                if try db.execute(
                    sql: "INSERT INTO reminder_sent (login, item, day, sent_at, sent_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    arguments: [login, key, day.iso, timestamp, sender]) == 1 {
                    claimed.insert(key)
                    try WorkingSeal.seal(WorkingSeal.reminder, where: [login, key, day.iso], keyRing: keyRing, keys: self.keys, db)
                }
            }
            return claimed
        }
    }

    public func forgetReminders(_ keys: [String], for login: String, on day: Day) throws {
        try database.write { db in
            for key in keys {
                try db.execute(
                    sql: "DELETE FROM reminder_sent WHERE login = ? AND item = ? AND day = ?", arguments: [login, key, day.iso])
            }
        }
    }

    public func servicesWithUnlistedManager() throws -> [ApplicationRecord] {
        try database.read { db in
            try Self.loadRecords(db, ids: try db.values(Int64.self, sql: """
                SELECT id FROM application WHERE status IN ('approved', 'in_use', 'stopped')
                AND (manager_key IS NULL OR manager_key NOT IN (SELECT login FROM staff)) ORDER BY id
                """), parts: .columns, setAside: setAside)
        }
    }

    public func application(id: Int64) throws -> ApplicationRecord? {
        try database.read { db in
            guard var record = try Self.loadApplication(db, id: id) else { return nil }
            // The index audit_by_subject finds it without reading the log.
            record.lastEntry = try db.row(
                sql: "SELECT sequence, hash FROM audit WHERE subject = ? ORDER BY sequence DESC LIMIT 1", arguments: ["application/\(id)"]
            ).map { LogHead(sequence: $0["sequence"], hash: $0["hash"]) }
            return record
        }
    }

    /// The application's own row, without what other tables hold.
    static func applicationRow(_ row: SQLRow) throws -> ApplicationRecord {
        let json: String? = row["answers"]
        var record = ApplicationRecord(
            id: row["id"], applicantLogin: row["applicant"],
            status: ApplicationStatus(rawValue: row["status"]) ?? .submitted,
            procedureVersion: row["procedure_version"],
            answers: try json.map { try decoded(Answers.self, $0, of: "application/\(row["id"] as Int64)") } ?? (try listedAnswers(row)),
            submittedAt: row["submitted_at"], version: row["version"])
        record.reviewingBy = row["reviewing_by"]
        record.reviewingSince = row["reviewing_since"]
        if let reason: String = row["stopped_reason"] {
            record.stop = ServiceStop(reason: reason, stoppedBy: row["stopped_by"], stoppedAt: row["stopped_at"])
        }
        return record
    }

    static func decisionRow(_ decision: SQLRow) throws -> Decision {
        let answers: String = decision["answers"]
        var loaded = Decision(
            applicationID: decision["application_id"], reviewerLogin: decision["reviewer"], reviewerName: decision["reviewer_name"],
            outcome: DecisionOutcome(rawValue: decision["outcome"]) ?? .returned, reason: decision["reason"],
            answers: try decoded(Answers.self, answers, of: "application/\(decision["application_id"] as Int64)"),
            decidedAt: decision["decided_at"], applicationVersion: decision["application_version"])
        loaded.form = Decision.Form(rawValue: decision["form"]) ?? .application
        return loaded
    }

}
