import Foundation
import GRDB
import Testing

@testable import Core

/// The audit log must reveal tampering done with plain SQL, behind yakkan's back.
@Suite struct AuditTrailTests {
    /// A store with seven entries: three directory additions, a submission, a decision, and the
    /// key entries of kato (after entry 1) and yamada (after the submission).
    static func honestStore() throws -> (SQLiteStore, String) {
        let folder = NSTemporaryDirectory() + "yakkan-audit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(
            path: folder + "/s.sqlite", workingDirectory: folder, clock: FixedClock(day: Day(year: 2026, month: 4, day: 1)!),
            keyRing: KeyRing(folder: folder + "/keys", scope: .everyone))
        _ = try store.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:00:00Z")
        _ = try store.addStaff(StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"), by: "kato", at: "2026-04-01T00:01:00Z")
        _ = try store.addStaff(StaffMember(login: "ito", name: "伊藤 真", department: "総務課"), by: "kato", at: "2026-04-01T00:02:00Z")
        let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: [
            ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .text("鈴木 一郎"),
        ]))
        let record = try store.submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
        _ = try store.decide(Decision(
            applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .returned, reason: "直してください",
            answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: record.version))
        return (store, folder + "/s.sqlite")
    }

    /// Plain SQL on the same file, with the append-only triggers dropped as a tamperer would.
    static func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;")
            try db.execute(sql: sql)
        }
    }

    static func report(_ store: SQLiteStore, remembered: LogHead? = nil) throws -> AuditReport {
        try store.verifyAudit(accounts: .all(as: geteuid()), remembered: remembered)
    }

    static func first(_ store: SQLiteStore) throws -> AuditFinding? { try report(store).findings.first }

    @Test func anHonestStoreVerifies() throws {
        let (store, _) = try Self.honestStore()
        let report = try Self.report(store)
        #expect(report.findings == [])
        #expect(report.entries == 7)
        #expect(try store.auditEntries().map(\.action) == ["staff-add", "key", "staff-add", "staff-add", "submit", "key", "decide-returned"])
        #expect(try store.auditEntries().allSatisfy { $0.signature != nil })
    }

    @Test func theLogRefusesUpdatesAndDeletesThroughSQL() throws {
        let (_, path) = try Self.honestStore()
        let queue = try DatabaseQueue(path: path)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE audit SET actor = 'x'") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM audit") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE audit SET signature = 'x' WHERE sequence = 1") } }
    }

    @Test func aChangedEntryIsNamed() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "UPDATE audit SET actor = 'suzuki' WHERE sequence = 5")
        #expect(try Self.first(store) == AuditFinding(.contentChanged, sequence: 5, subject: "application/1"))
    }

    @Test func aChangedEntryWithARecomputedHashStillBreaksTheChain() throws {
        let (store, path) = try Self.honestStore()
        let entry = try #require(store.auditEntries().first { $0.sequence == 3 })
        let forged = AuditTrail.digest(
            sequence: 3, at: entry.at, actor: "mallory", action: entry.action, subject: entry.subject,
            detailDigest: entry.detailDigest, previous: entry.previousHash)
        try Self.tamper(path, "UPDATE audit SET actor = 'mallory', hash = '\(forged)' WHERE sequence = 3")
        #expect(try Self.first(store) == AuditFinding(.chainBroken, sequence: 4, subject: "staff/ito"))
    }

    @Test func aChangedDetailIsNamed() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "UPDATE audit SET detail = 'version 1' WHERE sequence = 5")
        #expect(try Self.first(store) == AuditFinding(.contentChanged, sequence: 5, subject: "application/1"))
    }

    @Test func anErasedDetailKeepsTheChainButNotTheRecords() throws {
        let (store, path) = try Self.honestStore()
        let queue = try DatabaseQueue(path: path)
        // Erasing a detail is the one change the log allows, even with its triggers in place;
        // the rows it carried are then vouched for by nothing, so they are named.
        try queue.write { try $0.execute(sql: "UPDATE audit SET detail = NULL WHERE sequence = 4") }
        let findings = try Self.report(store).findings
        #expect(findings.map(\.kind) == [.rowNotInLog])
        #expect(findings.first?.subject == #"staff["ito"]"#)
    }

    @Test func aDeletedEntryIsFound() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "DELETE FROM audit WHERE sequence = 3")
        #expect(try Self.first(store) == AuditFinding(.chainBroken, sequence: 4, subject: "staff/ito"))
    }

    @Test func theLastEntryDeletedIsFound() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "DELETE FROM audit WHERE sequence = 7")
        #expect(try Self.first(store) == AuditFinding(.truncated, sequence: 7, subject: "audit_head"))
    }

    @Test func reorderedEntriesAreFound() throws {
        let (store, path) = try Self.honestStore()
        // Swap the physical places of entries 3 and 4, keeping each entry's content whole.
        try Self.tamper(path, """
            CREATE TEMP TABLE moved AS SELECT * FROM audit WHERE sequence >= 3 ORDER BY sequence;
            DELETE FROM audit WHERE sequence >= 3;
            INSERT INTO audit SELECT * FROM moved WHERE sequence = 4;
            INSERT INTO audit SELECT * FROM moved WHERE sequence = 3;
            INSERT INTO audit SELECT * FROM moved WHERE sequence > 4 ORDER BY sequence;
            """)
        #expect(try Self.first(store) == AuditFinding(.chainBroken, sequence: 4, subject: "staff/ito"))
    }

    @Test func renumberedEntriesAreFound() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "UPDATE audit SET sequence = CASE sequence WHEN 3 THEN 4 WHEN 4 THEN 3 ELSE sequence END")
        #expect(try Self.first(store) == AuditFinding(.contentChanged, sequence: 4, subject: "staff/sato"))
    }
}
