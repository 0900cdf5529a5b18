import Foundation
import GRDB
import PrivateServer
import Testing

@testable import Core

/// Which store a test runs on: the SQLite file beside the village, or a database of its own on
/// the test process's private PostgreSQL server. The same test, the same transaction scripts.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case server

    var description: String { rawValue }

    /// Every kind this machine can run: the server needs PostgreSQL from the distribution
    /// (`scripts/setup --test`), as the server's own suites do, which say so when it is missing.
    static var available: [StoreKind] {
        PrivateServer.installedBinaries() == nil ? [.sqlite] : allCases
    }
}

/// A store shared by several people, each with their own key folder as each OS login has, and
/// on the server each with their own login role: the store as `login` opens it signs as `login`
/// only, and on the server acts as that login.
struct StoreVillage {
    let kind: StoreKind
    let folder: String
    let clock = FixedClock(day: Day(year: 2026, month: 4, day: 1)!)
    /// The server and the village's own database on it (nil for SQLite).
    let server: (server: PrivateServer, database: String)?

    /// Everyone a test may open the store as; kato is the administrator.
    static let logins = ["kato", "yamada", "suzuki", "sato", "ito", "mallory"]
    static let administrators: Set<String> = ["kato"]

    /// The SQLite file (its attachments and published keys sit beside it).
    var path: String { folder + "/yakkan.sqlite" }

    init(_ kind: StoreKind) throws {
        self.kind = kind
        folder = NSTemporaryDirectory() + "yakkan-village-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        switch kind {
        case .sqlite:
            server = nil
        case .server:
            let shared = try PrivateServer.shared()
            server = (shared, try shared.newStoreDatabase(logins: Self.logins, administrators: Self.administrators))
        }
    }

    /// The store as one person opens it: they can sign as themselves only. `computer` names
    /// another PC of theirs, with key and cache folders of its own.
    func store(as login: String, workingDirectory: String? = nil, computer: String? = nil, clock: (any Clock)? = nil) throws -> SQLStore {
        let workingDirectory = workingDirectory ?? folder
        let clock = clock ?? self.clock
        let keyRing = KeyRing(folder: keyFolder(of: login, computer: computer), scope: .only(login))
        switch server {
        case nil:
            return try SQLiteStore(path: path, workingDirectory: workingDirectory, clock: clock, keyRing: keyRing)
        case let (server, database)?:
            return try ServerStore(
                uri: server.uri(user: login, database: database), workingDirectory: workingDirectory, clock: clock,
                cacheFolder: folder + (computer.map { "/\($0)-\(login)/cache" } ?? "/cache-\(login)"), keyRing: keyRing)
        }
    }

    /// Where `login` keeps their private key, on their own PC or on `computer`.
    func keyFolder(of login: String, computer: String? = nil) -> String {
        folder + "/\(computer ?? "home")-\(login)/keys"
    }

    /// The store as `login` opens it on the server, to ask the server who it says they are.
    func serverStore(as login: String) throws -> ServerStore {
        try #require(try store(as: login) as? ServerStore, "a village on the server")
    }

    /// The real psql, as `user` (the tables' owner when nil), on the village's database.
    func psql(as user: String?, _ sql: String) throws -> PrivateServer.Ran {
        let (server, database) = try #require(server, "a village on the server")
        return try server.psql(as: user, database: database, sql)
    }

    /// `login`'s verify at `moment`: by default just after the last entry of the log (or at the
    /// village's clock, if later), as a person verifies after the acts they check.
    func verify(
        as login: String, remembered: LogHead? = nil, at moment: String? = nil, accounts: Accounts = .all(as: geteuid())
    ) throws -> AuditReport {
        let now = try #require(Moment(iso: try moment ?? notBefore(Moment(clock.now).iso)))
        return try store(as: login, clock: FixedClock(now.date)).verifyAudit(accounts: accounts, remembered: remembered)
    }

    /// Plain SQL run by whoever owns the tables, behind yakkan's back, with the database's own
    /// checks out of the way as a tamperer would put them: SQLite's append-only triggers
    /// dropped from the file; on the server, the superuser's session replicating, which fires
    /// no trigger (neither the log's, nor the four-eyes check, nor change capture).
    func tamper<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try asOwner(checksOff: true, body)
    }

    /// SQL run by whoever owns the tables (the file's owner; the server's superuser), with the
    /// database's own checks in place unless `checksOff`.
    func asOwner<T>(checksOff: Bool = false, _ body: (any SQLSession) throws -> T) throws -> T {
        switch server {
        case nil:
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.write { db in
                if checksOff { try db.execute(sql: "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;") }
                return try body(GRDBSession(db))
            }
        case let (server, database)?:
            return try PostgresDatabase(uri: server.uri(database: database)).write { db in
                if checksOff { try db.execute(sql: "SET LOCAL session_replication_role = replica") }
                return try body(db)
            }
        }
    }

    /// The SHA-256 of each attachment the store holds for everyone: the files in the folder
    /// beside the SQLite file (named by it), the contents in the server's table.
    func keptAttachments() throws -> [String] {
        switch server {
        case nil:
            let folder = SQLiteStore.attachmentFolder(for: path)
            let paths = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
            return paths.filter { StoreFiles.kind(folder + "/" + $0) == S_IFREG }
                .map { String(($0 as NSString).lastPathComponent.prefix { $0 != "." }) }.sorted()
        case .some:
            return try asOwner { try $0.values(String.self, sql: "SELECT sha256 FROM attachment_content ORDER BY sha256") }
        }
    }

    func sql(_ text: String) throws {
        _ = try tamper { try $0.execute(sql: text) }
    }

    /// kato keeps the directory and reviews 総務課; yamada applies; suzuki keeps the service.
    func applicationSubmitted(attachment: Core.Attachment? = nil) throws -> ApplicationRecord {
        let kato = try store(as: "kato")
        _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:00:00Z")
        _ = try kato.addStaff(StaffMember(login: "yamada", name: "山田 太郎", department: "総務課"), by: "kato", at: "2026-04-01T00:01:00Z")
        _ = try kato.addStaff(StaffMember(login: "suzuki", name: "鈴木 花子", department: "総務課"), by: "kato", at: "2026-04-01T00:02:00Z")
        var answers: Answers = [
            ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
        ]
        if let attachment { answers[ApplicationFields.terms] = .files([attachment]) }
        let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: answers))
        return try store(as: "yamada").submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
    }

    func approve(_ record: ApplicationRecord) throws -> ApplicationRecord {
        try store(as: "kato").decide(Decision(
            applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
            answers: [:], decidedAt: try notBefore("2026-04-02T01:00:00Z"), applicationVersion: record.version))
    }

    /// `at`, or the time of the log's last entry if that is later: the fixtures' acts are
    /// dated as their steps usually come, and never before what the test did already (verify
    /// names an entry dated well before the entries ahead of it).
    func notBefore(_ at: String) throws -> String {
        max(at, try asOwner { db in try db.value(String.self, sql: "SELECT max(at) FROM audit") } ?? "")
    }
}

extension StoreVillage {
    /// What a member of staff can do with yakkan's own code and their own key, past the shell
    /// and `Decide`: write any rows (`sql`, on the server as their own login role) and sign any
    /// command, in one transaction; dated `at`, or by default as a clock that is right would
    /// date it (5 April 2026, or the time of the log's last entry if that is later).
    func forge(_ command: Command?, subject: String? = nil, sql: String = "", as login: String, at: String? = nil) throws {
        let store = try store(as: login)
        try store.database.write { db in
            let start = try AuditTrail.headSequence(db)
            let at = try at ?? max("2026-04-05T01:00:00Z", db.value(String.self, sql: "SELECT max(at) FROM audit") ?? "")
            if !sql.isEmpty { try db.execute(sql: sql) }
            if let command {
                try AuditTrail.append(
                    db, actor: login, action: command.action, subject: subject ?? ActEntry.subject(of: command, []),
                    detail: try ActEntry(act: command).encoded(), at: at)
            }
            try AuditTrail.seal(db, since: start, keyRing: store.keyRing, keys: store.keys)
        }
    }
}
