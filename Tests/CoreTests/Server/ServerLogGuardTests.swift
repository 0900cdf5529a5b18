import Foundation
import PrivateServer
import Testing
@testable import Core

/// What a member of staff cannot do to the log with psql and only their own grants (issue 20,
/// migration pg8): move the head, write an entry anywhere but after the head, write one in
/// another login's name, or stall others by locking the log. A lock they can take (on a table
/// they may update) makes others' commands say the store is busy once the lock timeout passes.
@Suite(.serialized) struct ServerLogGuardTests {
    /// A village on the server with an application submitted: the log has entries.
    func village() throws -> StoreVillage {
        try #require(StoreKind.available.contains(.server), "PostgreSQL is installed (scripts/setup --test)")
        let village = try StoreVillage(.server)
        _ = try village.applicationSubmitted()
        return village
    }

    func head(_ village: StoreVillage) throws -> (sequence: Int64, hash: String) {
        let row = try village.asOwner { db in try db.row(sql: "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1") }
        return (try #require(row)["sequence"], try #require(row)["hash"])
    }

    /// The function call for an entry at `sequence` after `previous`, its digests computed by the server.
    func append(sequence: Int64, previous: String, actor: String) -> String {
        """
        SELECT yakkan_append_entry(\(sequence), '2026-04-05T00:00:00Z', '\(actor)', 'stop', 'application/1', '{}',
            encode(sha256(convert_to('{}', 'UTF8')), 'hex'), '\(previous)',
            yakkan_entry_digest(\(sequence), '2026-04-05T00:00:00Z', '\(actor)', 'stop', 'application/1',
                encode(sha256(convert_to('{}', 'UTF8')), 'hex'), '\(previous)'))
        """
    }

    @Test func staffCannotMoveTheHead() throws {
        let village = try village()
        let before = try head(village)
        for sql in [
            "UPDATE audit_head SET sequence = 1, hash = repeat('0', 64)",
            "UPDATE audit_head SET sequence = sequence + 100",
            "DELETE FROM audit_head",
            "INSERT INTO audit_head (id, sequence, hash) VALUES (2, 0, 'x')",
        ] {
            let ran = try village.psql(as: "mallory", sql)
            #expect(ran.output.contains("permission denied for table audit_head"), "\(sql)\n\(ran.output)")
        }
        #expect(try head(village) == before)
        // The others go on appending after the head as it was; the log verifies.
        _ = try village.approve(try #require(try village.store(as: "kato").application(id: 1)))
        #expect(try village.verify(as: "kato").findings.isEmpty)
    }

    @Test func anEntryAtAnotherPositionIsRefused() throws {
        let village = try village()
        let (sequence, hash) = try head(village)
        let direct = try village.psql(
            as: "mallory",
            "INSERT INTO audit (sequence, at, actor, action, subject, detail_digest, previous_hash, hash) VALUES (\(sequence + 5), 'x', 'mallory', 'stop', 's', 'd', 'p', 'h')")
        #expect(direct.output.contains("permission denied for table audit"), "\(direct.output)")
        for (position, previous) in [(sequence + 5, hash), (sequence, hash), (sequence + 1, String(repeating: "0", count: 64))] {
            let ran = try village.psql(as: "mallory", append(sequence: position, previous: previous, actor: "mallory"))
            #expect(ran.output.contains("an entry must extend the log's head"), "entry \(position)\n\(ran.output)")
        }
        // The same call extending the head is taken: the refusals above are for their position.
        let extending = try village.psql(as: "mallory", append(sequence: sequence + 1, previous: hash, actor: "mallory"))
        #expect(!extending.output.contains("ERROR"), "\(extending.output)")
        #expect(try head(village).sequence == sequence + 1)
    }

    @Test func anEntryInAnotherLoginsNameIsRefused() throws {
        let village = try village()
        let (sequence, hash) = try head(village)
        let ran = try village.psql(as: "mallory", append(sequence: sequence + 1, previous: hash, actor: "kato"))
        #expect(ran.output.contains("an entry is written only by that login (kato), not by mallory"), "\(ran.output)")
        // Digests that are not the entry's own are refused too.
        let forged = try village.psql(
            as: "mallory",
            "SELECT yakkan_append_entry(\(sequence + 1), 'x', 'mallory', 'stop', 's', '{}', 'not-the-digest', '\(hash)', 'h')")
        #expect(forged.output.contains("digests are not those of its fields"), "\(forged.output)")
        #expect(try head(village).sequence == sequence)
    }

    @Test func aLockHeldByAnotherSessionGivesTheBusyMessage() throws {
        let village = try village()
        // The log itself cannot be locked against writers by staff.
        for table in ["audit_head", "audit"] {
            let ran = try village.psql(as: "mallory", "BEGIN; LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE; COMMIT;")
            #expect(ran.output.contains("permission denied for table \(table)"), "\(table)\n\(ran.output)")
        }
        // A table staff may update they can lock, and hold: others are told the store is busy.
        let (server, database) = try #require(village.server)
        let holder = try PostgresLink(uri: server.uri(user: "mallory", database: database))
        try holder.execute("BEGIN")
        try holder.execute("LOCK TABLE application IN ACCESS EXCLUSIVE MODE")
        defer { _ = try? holder.execute("ROLLBACK") }
        let executable = try #require(yakkanExecutable(), "the yakkan executable is built beside the tests")
        for arguments in [["list"], ["withdraw", "1"]] {
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = village.folder + "/home-yamada-cli"
            environment["NO_COLOR"] = "1"
            // The timeout IT staff may set for the database; short here, so the test does not wait 30 s.
            environment["PGOPTIONS"] = "-c lock_timeout=1s"
            let ran = try PrivateServer.run(
                executable, arguments + ["--store", server.uri(user: "yamada", database: database), "--lang", "en"],
                environment: environment)
            let output = ran.output
            #expect(ran.status == 3, "\(arguments)\n\(output)")
            #expect(output.contains("stayed busy too long"), "\(arguments)\n\(output)")
        }
    }
}
