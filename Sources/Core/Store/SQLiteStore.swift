import Foundation
import GRDB

/// The store in one SQLite file (WAL), shared by everyone who can open it.
public final class SQLiteStore: Store, @unchecked Sendable {
    public let path: String
    public let vault: FileVault
    public var intake: any AttachmentIntake { vault }
    let database: DatabasePool

    /// Opens (creating when needed) the store at `path` and brings its schema up to date.
    /// Files are private to their owner unless the folder is shared through a setgid group.
    public init(path: String, workingDirectory: String, clock: any Clock, attachmentLimit: Int64 = FileVault.defaultSizeLimit) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        let shared = Self.prepareFolder(folder.isEmpty ? "." : folder)
        let fileMode: mode_t = shared ? 0o660 : 0o600
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            database = try Self.withLock(path + ".lock", mode: fileMode) {
                // Refuse a newer store before anything opens it for writing: opening a pool
                // may touch the file even when nothing is migrated.
                try Self.refuseNewerStore(at: path)
                try Self.createFile(path, mode: fileMode)
                let pool = try DatabasePool(path: path, configuration: configuration)
                // The pool sets NORMAL for WAL on its writer; a power cut must never take back
                // what someone submitted, so the one writing connection is set to FULL here.
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                try Schema.migrator.migrate(pool)
                for suffix in ["", "-wal", "-shm"] { chmod(path + suffix, fileMode) }
                return pool
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        vault = FileVault(
            folder: Self.attachmentFolder(for: path), workingDirectory: workingDirectory, clock: clock,
            fileMode: fileMode, folderMode: shared ? 0o2770 : 0o700, sizeLimit: attachmentLimit)
    }

    /// Reads the applied migrations of an existing store without writing a byte to it.
    static func refuseNewerStore(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let migrator = Schema.migrator
        try queue.read { db in
            guard try db.tableExists("grdb_migrations") else { return }
            let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
            if !unknown.isEmpty { throw StoreError.newerStore(unknownMigrations: unknown.sorted()) }
        }
    }

    /// Creates the file with exactly this mode, whatever the process umask, so that in a
    /// group-shared folder the group can write it (SQLite gives -wal and -shm the same mode).
    static func createFile(_ path: String, mode: mode_t) throws {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        fchmod(descriptor, mode)
        close(descriptor)
    }

    public func storedPath(of attachment: Attachment) -> String {
        vault.storedPath(of: attachment)
    }

    public static func attachmentFolder(for path: String) -> String {
        path + ".files"
    }

    /// Creates the folder if missing and tells whether it is shared with a group (setgid).
    static func prepareFolder(_ folder: String) -> Bool {
        if !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var info = stat()
        return stat(folder, &info) == 0 && (info.st_mode & S_ISGID) != 0
    }

    /// Two processes creating the same new store at once otherwise fail now and then:
    /// setting the journal mode ignores the busy handler, and the migrator could run twice.
    static func withLock<T>(_ lockPath: String, mode: mode_t, _ body: () throws -> T) throws -> T {
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw StoreError.cannotOpen(path: lockPath, reason: String(cString: strerror(errno))) }
        fchmod(descriptor, mode)
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError.cannotOpen(path: lockPath, reason: String(cString: strerror(errno))) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    // MARK: People

    public func person(login: String) throws -> Person? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT login, name, department FROM person WHERE login = ?", arguments: [login])
                .map { Person(login: $0["login"], name: $0["name"], department: $0["department"]) }
        }
    }

    public func savePerson(_ person: Person, at timestamp: String) throws {
        try database.write { db in
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
            try Row.fetchAll(
                db, sql: "SELECT * FROM draft WHERE owner = ? AND procedure = ? ORDER BY updated_at DESC, id DESC",
                arguments: [owner, procedureID]
            ).map(Self.draft)
        }
    }

    static func draft(_ row: Row) throws -> Draft {
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
                try db.execute(
                    sql: "UPDATE draft SET state = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
                    arguments: [json, saved.version, timestamp, id, draft.version])
                guard db.changesCount == 1 else { throw StoreError.draftChangedElsewhere }
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO draft (owner, procedure, state, version, created_at, updated_at, application_id,
                        application_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [draft.owner, draft.procedureID, json, saved.version, timestamp, timestamp,
                                draft.applicationID, draft.applicationVersion])
                saved.id = db.lastInsertedRowID
            }
            return saved
        }
    }

    public func deleteDraft(id: Int64) throws {
        try database.write { db in try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [id]) }
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
        return try database.write { db in
            if let id = draft.id {
                try db.execute(sql: "DELETE FROM draft WHERE id = ? AND version = ?", arguments: [id, draft.version])
                guard db.changesCount == 1 else { throw StoreError.draftChangedElsewhere }
            }
            let columns: [DatabaseValueConvertible?] = [
                json, answers[ApplicationFields.department]?.text ?? "",
                answers[ApplicationFields.provider]?.text ?? "", answers[ApplicationFields.service]?.text ?? "",
                answers[ApplicationFields.periodStart]?.date?.iso, answers[ApplicationFields.periodEnd]?.date?.iso,
            ]
            let id: Int64
            if let corrected = draft.applicationID {
                // A returned application comes back as the same record, one version on.
                try db.execute(
                    sql: """
                        UPDATE application SET answers = ?, department = ?, provider = ?, service = ?, period_start = ?,
                        period_end = ?, status = 'submitted', version = version + 1, reviewing_by = NULL, reviewing_since = NULL
                        WHERE id = ? AND status = 'returned'
                        """,
                    arguments: StatementArguments(columns + [corrected]))
                guard db.changesCount == 1 else { throw StoreError.draftChangedElsewhere }
                id = corrected
                try db.execute(sql: "DELETE FROM application_attachment WHERE application_id = ?", arguments: [id])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO application (answers, department, provider, service, period_start, period_end,
                        applicant, status, procedure_version, submitted_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, 1)
                        """,
                    arguments: StatementArguments(columns + [draft.owner, procedureVersion, timestamp]))
                id = db.lastInsertedRowID
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO application_editor (application_id, login) VALUES (?, ?)",
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

    public func applications() throws -> [ApplicationRecord] {
        try database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM application ORDER BY id").compactMap { try Self.loadApplication(db, id: $0) }
        }
    }

    public func application(id: Int64) throws -> ApplicationRecord? {
        try database.read { db in try Self.loadApplication(db, id: id) }
    }

    /// The application's own row, without what other tables hold.
    static func applicationRow(_ row: Row) throws -> ApplicationRecord {
        let json: String? = row["answers"]
        var record = ApplicationRecord(
            id: row["id"], applicantLogin: row["applicant"],
            status: ApplicationStatus(rawValue: row["status"]) ?? .submitted,
            procedureVersion: row["procedure_version"],
            answers: try json.map { try JSONDecoder().decode(Answers.self, from: Data($0.utf8)) } ?? listedAnswers(row),
            submittedAt: row["submitted_at"], version: row["version"])
        record.reviewingBy = row["reviewing_by"]
        record.reviewingSince = row["reviewing_since"]
        if let reason: String = row["stopped_reason"] {
            record.stop = ServiceStop(reason: reason, stoppedBy: row["stopped_by"], stoppedAt: row["stopped_at"])
        }
        return record
    }

    static func decisionRow(_ decision: Row) throws -> Decision {
        let answers: String = decision["answers"]
        var loaded = Decision(
            applicationID: decision["application_id"], reviewerLogin: decision["reviewer"], reviewerName: decision["reviewer_name"],
            outcome: DecisionOutcome(rawValue: decision["outcome"]) ?? .returned, reason: decision["reason"],
            answers: try JSONDecoder().decode(Answers.self, from: Data(answers.utf8)),
            decidedAt: decision["decided_at"], applicationVersion: decision["application_version"])
        loaded.form = Decision.Form(rawValue: decision["form"]) ?? .application
        return loaded
    }

    static func loadApplication(_ db: Database, id: Int64) throws -> ApplicationRecord? {
        try loadRecords(db, ids: [id], parts: .whole).first
    }
}
