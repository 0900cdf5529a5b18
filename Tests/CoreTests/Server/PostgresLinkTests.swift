@testable import Core
import Foundation
import PrivateServer
import XCTest

/// The connection itself, the migrations, and two logins writing the log at once, on a
/// private server.
final class PostgresLinkTests: ServerTestCase {
    func testTheServerSaysWhoIsConnectedAndParametersAreNeverSQL() throws {
        let village = try ServerVillage(on: try server())
        let link = try village.link(as: village.reviewer.login)
        XCTAssertEqual(try link.sessionUser(), "suzuki")
        let hostile = "'); DELETE FROM audit; --　全角"
        let rows = try link.execute("SELECT $1::text AS echoed, $2::bigint + 1 AS next, $3::boolean AS yes, $4::text IS NULL AS empty",
                                    [hostile, Int64(41), true, nil])
        XCTAssertEqual(rows.value("echoed"), hostile)
        XCTAssertEqual(rows.value("next"), "42")
        XCTAssertEqual(rows.value("yes"), "t")
        XCTAssertEqual(rows.value("empty"), "t")
    }

    func testAServerThatIsNotThereIsAStoreFaultWithoutThePassword() throws {
        let folder = try server().folder
        XCTAssertThrowsError(try PostgresLink(uri: "postgresql://someone:secret@/nowhere?host=\(folder)/missing")) { error in
            guard case .cannotOpen(let address, let reason)? = StoreError(classifying: error) else { return XCTFail("\(error)") }
            XCTAssertEqual(address, "postgresql://someone:***@/nowhere?host=\(folder)/missing")
            XCTAssertFalse(reason.isEmpty)
            XCTAssertFalse(StoreText.describe(.cannotOpen(path: address, reason: reason)).en.contains("secret"))
        }
    }

    func testMigrationsApplyOnceAndANewerSchemaIsRefusedUntouched() throws {
        let village = try ServerVillage(on: try server())
        let owner = try village.link()
        XCTAssertEqual(try ServerMigrator.migrate(owner), [], "already current")
        XCTAssertEqual(try ServerMigrator.appliedNames(owner), Set(ServerSchema.migrations.map(\.name)))

        try owner.execute("INSERT INTO yakkan_migration (name) VALUES ('pg9-from-a-newer-yakkan')")
        let tablesBefore = try owner.execute("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").value("n")
        XCTAssertThrowsError(try ServerMigrator.migrate(owner)) { error in
            XCTAssertEqual(error as? StoreError, .newerStore(unknownMigrations: ["pg9-from-a-newer-yakkan"]))
        }
        XCTAssertEqual(try owner.execute("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").value("n"), tablesBefore)
    }

    /// Two people on two connections append to the hash-chained log at the same moment, through
    /// the server's function, as the store does: each waits its turn (`LogQueue`), and no entry
    /// is lost, doubled or chained to the wrong predecessor.
    func testTwoLoginsAppendingToTheLogAtOnceLoseNothing() throws {
        let village = try ServerVillage(on: try server())
        let perPerson = 40
        let logins = [village.applicant.login, village.reviewer.login]
        let links = try logins.map { try village.link(as: $0) }
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let errors = Faults()
        for (login, link) in zip(logins, links) {
            group.enter()
            Thread {
                defer { group.leave() }
                start.wait()
                do {
                    for index in 0..<perPerson { try Self.append(on: link, actor: login, note: "\(login) \(index)") }
                } catch {
                    errors.add("\(login): \(error)")
                }
            }.start()
        }
        start.signal()
        start.signal()
        group.wait()
        XCTAssertEqual(errors.all, [])

        let entries = try village.link().execute("SELECT sequence, actor, detail, previous_hash, hash FROM audit ORDER BY sequence").rows
        // After the application the village filed, entry 1.
        XCTAssertEqual(entries.count, perPerson * logins.count + 1)
        XCTAssertEqual(entries.map { $0[0] }, (1...(perPerson * logins.count + 1)).map { String($0) })
        var previous = AuditTrail.genesis
        for entry in entries {
            XCTAssertEqual(entry[3], previous, "entry \(entry[0] ?? "") names the wrong predecessor")
            previous = entry[4] ?? ""
        }
        for login in logins {
            XCTAssertEqual(Set(entries.dropFirst().filter { $0[1] == login }.compactMap { $0[2] }), Set((0..<perPerson).map { "\(login) \($0)" }))
        }
        XCTAssertEqual(try village.link().execute("SELECT hash FROM audit_head").value("hash"), previous)
    }

    /// A collision made to happen for certain: between one transaction's read of a row and
    /// its write, another connection changes it. The server refuses the first (40001); the link
    /// runs its body again on a fresh snapshot, and its change goes after the other.
    func testATransactionThatLostARaceRunsAgainOnTheNewHead() throws {
        let village = try ServerVillage(on: try server())
        // A row both logins may update (the log's head is the server's own to move since pg8).
        try village.link().execute("INSERT INTO record_counter (name, last) VALUES ('race', 0)")
        let first = try village.link(as: village.applicant.login)
        let second = try village.link(as: village.reviewer.login)
        var attempts = 0
        try first.transaction { link in
            attempts += 1
            let head = try link.execute("SELECT last FROM record_counter WHERE name = 'race'").value("last")
            if attempts == 1 {
                XCTAssertEqual(head, "0")
                _ = try second.transaction { link in try link.execute("UPDATE record_counter SET last = last + 1 WHERE name = 'race'") }
            }
            try link.execute("UPDATE record_counter SET last = last + 1 WHERE name = 'race'")
        }
        XCTAssertEqual(attempts, 2)
        XCTAssertEqual(try village.link().execute("SELECT last FROM record_counter WHERE name = 'race'").value("last"), "2")

        // A fault that another try cannot mend goes to the caller at once, and nothing stays.
        attempts = 0
        XCTAssertThrowsError(try first.transaction { link in
            attempts += 1
            try link.execute("UPDATE record_counter SET last = 99 WHERE name = 'race'")
            try link.execute("SELECT no_such_column FROM audit")
        }) { error in
            XCTAssertEqual((error as? PostgresFault)?.sqlState, "42703")
        }
        XCTAssertEqual(attempts, 1)
        XCTAssertEqual(try village.link().execute("SELECT last FROM record_counter WHERE name = 'race'").value("last"), "2")
    }

    /// One entry after the head, in one transaction, as the store writes it: queued, and
    /// through the server's function.
    static func append(on link: PostgresLink, actor: String, note: String) throws {
        try link.transaction(queued: true) { link in
            let head = try link.execute("SELECT sequence, hash FROM audit_head WHERE id = 1")
            let sequence = (head.value("sequence").flatMap { Int64($0) } ?? 0) + 1
            let previous = head.value("hash") ?? AuditTrail.genesis
            let at = "2026-04-02T09:00:00Z"
            let detailDigest = AuditTrail.sha256(note)
            let hash = AuditTrail.digest(
                sequence: sequence, at: at, actor: actor, action: "note", subject: "test", detailDigest: detailDigest, previous: previous)
            try link.execute(
                "SELECT yakkan_append_entry($1, $2, $3, 'note', 'test', $4, $5, $6, $7)",
                [sequence, at, actor, note, detailDigest, previous, hash])
        }
    }
}

/// What the writers' threads failed with, gathered under a lock.
final class Faults: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func add(_ fault: String) { lock.withLock { collected.append(fault) } }
    var all: [String] { lock.withLock { collected } }
}
