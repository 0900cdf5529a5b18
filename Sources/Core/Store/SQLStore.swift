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

    /// A transaction that changes records: every record row it writes must be carried by a log
    /// entry, and every entry is signed by its actor before it commits.
    func recordedWrite<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        do {
            return try signedWrite(body)
        } catch let error as TrustError {
            throw StoreError.trust(error)
        }
    }

    private func signedWrite<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try database.write { db in
            try ChangeCapture.install(db)
            try ChangeCapture.clear(db)
            let start = try AuditTrail.headSequence(db)
            if let owner = keyRing.owner, try AuditTrail.needsBaseline(db) {
                try AuditTrail.appendBaseline(db, actor: owner, at: Village.timestamp(clock.now))
            }
            let result = try body(db)
            // A change to a record that no entry carries would be found by verify as tampering.
            guard try ChangeCapture.pendingCount(db) == 0 else { throw StoreError.unrecordedChange }
            try AuditTrail.seal(db, since: start, keyRing: keyRing, keys: keys)
            return result
        }
    }

    // MARK: People

    public func person(login: String) throws -> Person? {
        try database.read { db in
            try db.row(sql: "SELECT login, name, department FROM person WHERE login = ?", arguments: [login])
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
        }
    }

    // MARK: Drafts

    public func drafts(owner: String, procedureID: String) throws -> [Draft] {
        try database.read { db in
            try db.rows(sql: "SELECT * FROM draft WHERE owner = ? AND procedure = ? ORDER BY updated_at DESC, id DESC",
                arguments: [owner, procedureID]
            ).map(Self.draft)
        }
    }

    public func drafts(procedureID: String) throws -> [Draft] {
        try database.read { db in
            try db.rows(sql: "SELECT * FROM draft WHERE procedure = ? ORDER BY updated_at, id", arguments: [procedureID]
            ).map(Self.draft)
        }
    }

    static func draft(_ row: SQLRow) throws -> Draft {
        let json: String = row["state"]
        return Draft(
            id: row["id"], owner: row["owner"], procedureID: row["procedure"],
            state: try JSONDecoder().decode(InterviewState.self, from: Data(json.utf8)),
            version: row["version"], updatedAt: row["updated_at"], applicationID: row["application_id"],
            applicationVersion: row["application_version"])
    }

    public func saveDraft(_ draft: Draft, at timestamp: String) throws -> Draft {
        let json = try Self.json(draft.state)
        return try database.write { db in
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

    public func submitApplication(from draft: Draft, procedureVersion: String, at timestamp: String) throws -> ApplicationRecord {
        let answers = draft.state.answers
        let json = try Self.json(answers)
        return try recordedWrite { db in
            if let id = draft.id {
                let deleted = try db.execute(sql: "DELETE FROM draft WHERE id = ? AND version = ?", arguments: [id, draft.version])
                guard deleted == 1 else { throw StoreError.draftChangedElsewhere }
            }
            let staff = try db.values(String.self, sql: "SELECT login FROM staff").compactMap { try Self.loadStaff(db, login: $0) }
            if let refusal = SubmissionActions.maySubmit(answers, applicantLogin: draft.owner, staff: staff) {
                throw StoreError.refused([refusal])
            }
            let columns: SQLArguments = [
                json, answers[ApplicationFields.department]?.text ?? "",
                answers[ApplicationFields.provider]?.text ?? "", answers[ApplicationFields.service]?.text ?? "",
                answers[ApplicationFields.periodStart]?.date?.iso, answers[ApplicationFields.periodEnd]?.date?.iso,
            ]
            let id: Int64
            if let corrected = draft.applicationID {
                // A returned application comes back as the same record, one version on.
                guard try db.execute(
                    sql: """
                        UPDATE application SET answers = ?, department = ?, provider = ?, service = ?, period_start = ?,
                        period_end = ?, status = 'submitted', version = version + 1, reviewing_by = NULL, reviewing_since = NULL
                        WHERE id = ? AND status = 'returned'
                        """,
                    arguments: (columns + [corrected])) == 1 else { throw StoreError.draftChangedElsewhere }
                id = corrected
                try db.execute(sql: "DELETE FROM application_attachment WHERE application_id = ?", arguments: [id])
            } else {
                id = try Self.insertApplication(
                    db, answers: answers, json: json, applicant: draft.owner, status: .submitted, procedureVersion: procedureVersion,
                    at: timestamp)
            }
            try db.execute(
                sql: "INSERT INTO application_editor (application_id, login) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [id, draft.owner])
            let record = try Self.loadApplication(db, id: id)!
            for (field, attachment) in record.attachments {
                try db.execute(
                    sql: """
                        INSERT INTO application_attachment (application_id, field, sha256, file_name, size, added_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [record.id, field, attachment.sha256, attachment.fileName, attachment.size, attachment.addedAt])
            }
            try Self.refreshLedger(db, id: id)
            try AuditTrail.append(
                db, actor: draft.owner, action: draft.applicationID == nil ? "submit" : "resubmit",
                subject: "application/\(id)", detail: "version \(record.version)\n" + json, at: timestamp)
            return record
        }
    }

    /// A new application's row, with the answers kept in columns for the ledger.
    static func insertApplication(
        _ db: any SQLSession, answers: Answers, json: String, applicant: String, status: ApplicationStatus, procedureVersion: String,
        at timestamp: String
    ) throws -> Int64 {
        try db.insert(
            sql: """
                INSERT INTO application (answers, department, provider, service, period_start, period_end,
                applicant, status, procedure_version, submitted_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
            arguments: [
                json, answers[ApplicationFields.department]?.text ?? "", answers[ApplicationFields.provider]?.text ?? "",
                answers[ApplicationFields.service]?.text ?? "", answers[ApplicationFields.periodStart]?.date?.iso,
                answers[ApplicationFields.periodEnd]?.date?.iso, applicant, status.rawValue, procedureVersion, timestamp,
            ])
    }

    public func applications() throws -> [ApplicationRecord] {
        try database.read { db in
            try db.values(Int64.self, sql: "SELECT id FROM application ORDER BY id").compactMap { try Self.loadApplication(db, id: $0) }
        }
    }

    public func remindersSent(on day: Day) throws -> [String: Set<String>] {
        try database.read { db in
            var sent: [String: Set<String>] = [:]
            for row in try db.rows(sql: "SELECT login, item FROM reminder_sent WHERE day = ?", arguments: [day.iso]) {
                sent[row["login"], default: []].insert(row["item"])
            }
            return sent
        }
    }

    public func claimReminders(_ keys: [String], for login: String, on day: Day, at timestamp: String) throws -> Set<String> {
        try database.write { db in
            var claimed: Set<String> = []
            for key in keys {
                if try db.execute(
                    sql: "INSERT INTO reminder_sent (login, item, day, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    arguments: [login, key, day.iso, timestamp]) == 1 { claimed.insert(key) }
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
                """), parts: .columns)
        }
    }

    public func application(id: Int64) throws -> ApplicationRecord? {
        try database.read { db in try Self.loadApplication(db, id: id) }
    }

    /// The application's own row, without what other tables hold.
    static func applicationRow(_ row: SQLRow) throws -> ApplicationRecord {
        let json: String? = row["answers"]
        var record = ApplicationRecord(
            id: row["id"], applicantLogin: row["applicant"],
            status: ApplicationStatus(rawValue: row["status"]) ?? .submitted,
            procedureVersion: row["procedure_version"],
            answers: try json.map { try JSONDecoder().decode(Answers.self, from: Data($0.utf8)) } ?? (try listedAnswers(row)),
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
            answers: try JSONDecoder().decode(Answers.self, from: Data(answers.utf8)),
            decidedAt: decision["decided_at"], applicationVersion: decision["application_version"])
        loaded.form = Decision.Form(rawValue: decision["form"]) ?? .application
        return loaded
    }

    static func loadApplication(_ db: any SQLSession, id: Int64) throws -> ApplicationRecord? {
        try loadRecords(db, ids: [id], parts: .whole).first
    }
}
