import Foundation
import GRDB
import Testing

@testable import Core

/// The audit log must reveal tampering done with plain SQL, behind yakkan's back.
@Suite struct AuditTrailTests {
    /// A store with five audit entries: three directory additions, a submission, a decision.
    static func honestStore() throws -> (SQLiteStore, String) {
        let folder = NSTemporaryDirectory() + "yakkan-audit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder + "/s.sqlite", workingDirectory: folder, clock: FixedClock(day: Day(year: 2026, month: 4, day: 1)!))
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

    @Test func anHonestStoreVerifies() throws {
        let (store, _) = try Self.honestStore()
        #expect(try store.verifyAudit() == .intact(entries: 5))
        #expect(try store.auditEntries().map(\.action) == ["staff-add", "staff-add", "staff-add", "submit", "decide-returned"])
    }

    @Test func theLogRefusesUpdatesAndDeletesThroughSQL() throws {
        let (_, path) = try Self.honestStore()
        let queue = try DatabaseQueue(path: path)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE audit SET actor = 'x'") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM audit") } }
    }

    @Test func aChangedEntryIsNamed() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "UPDATE audit SET actor = 'suzuki' WHERE sequence = 4")
        #expect(try store.verifyAudit() == .broken(sequence: 4, reason: .contentChanged))
    }

    @Test func aChangedEntryWithARecomputedHashStillBreaksTheChain() throws {
        let (store, path) = try Self.honestStore()
        let entry = try #require(store.auditEntries().first { $0.sequence == 2 })
        let forged = AuditTrail.digest(
            sequence: 2, at: entry.at, actor: "mallory", action: entry.action, subject: entry.subject,
            detailDigest: entry.detailDigest, previous: entry.previousHash)
        try Self.tamper(path, "UPDATE audit SET actor = 'mallory', hash = '\(forged)' WHERE sequence = 2")
        #expect(try store.verifyAudit() == .broken(sequence: 3, reason: .chainBroken))
    }

    @Test func aChangedDetailIsNamed() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "UPDATE audit SET detail = 'version 1' WHERE sequence = 4")
        #expect(try store.verifyAudit() == .broken(sequence: 4, reason: .contentChanged))
    }

    @Test func anErasedDetailKeepsTheChain() throws {
        let (store, path) = try Self.honestStore()
        let queue = try DatabaseQueue(path: path)
        // Erasing a detail is the one change the log allows, even with its triggers in place.
        try queue.write { try $0.execute(sql: "UPDATE audit SET detail = NULL WHERE sequence = 4") }
        #expect(try store.verifyAudit() == .intact(entries: 5))
    }

    @Test func aDeletedEntryIsFound() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "DELETE FROM audit WHERE sequence = 2")
        #expect(try store.verifyAudit() == .broken(sequence: 3, reason: .chainBroken))
    }

    @Test func theLastEntryDeletedIsFound() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "DELETE FROM audit WHERE sequence = 5")
        #expect(try store.verifyAudit() == .broken(sequence: 5, reason: .truncated))
    }

    @Test func reorderedEntriesAreFound() throws {
        let (store, path) = try Self.honestStore()
        // Swap the physical places of entries 2 and 3, keeping each entry's content whole.
        try Self.tamper(path, """
            CREATE TEMP TABLE moved AS SELECT * FROM audit WHERE sequence IN (2, 3, 4, 5) ORDER BY sequence;
            DELETE FROM audit WHERE sequence IN (2, 3, 4, 5);
            INSERT INTO audit SELECT * FROM moved WHERE sequence = 3;
            INSERT INTO audit SELECT * FROM moved WHERE sequence = 2;
            INSERT INTO audit SELECT * FROM moved WHERE sequence IN (4, 5) ORDER BY sequence;
            """)
        #expect(try store.verifyAudit() == .broken(sequence: 3, reason: .chainBroken))
    }

    @Test func renumberedEntriesAreFound() throws {
        let (store, path) = try Self.honestStore()
        try Self.tamper(path, "UPDATE audit SET sequence = CASE sequence WHEN 2 THEN 3 WHEN 3 THEN 2 ELSE sequence END")
        #expect(try store.verifyAudit() == .broken(sequence: 3, reason: .contentChanged))
    }
}
