import Foundation
import Testing

@testable import Core

/// The audit log must reveal tampering done with plain SQL, behind yakkan's back.
@Suite struct AuditTrailTests {
    // Each test runs on the SQLite file and on a server database alike.
    /// A store with seven entries: three directory additions, a submission, a decision, and the
    /// key entries of kato (after entry 1) and yamada (after the submission); each written by
    /// its own person, as the server asks.
    static func honestStore(_ kind: StoreKind) throws -> StoreVillage {
        let village = try StoreVillage(kind)
        let kato = try village.store(as: "kato")
        _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:00:00Z")
        _ = try kato.addStaff(StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"), by: "kato", at: "2026-04-01T00:01:00Z")
        _ = try kato.addStaff(StaffMember(login: "ito", name: "伊藤 真", department: "総務課"), by: "kato", at: "2026-04-01T00:02:00Z")
        let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: [
            ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .text("鈴木 一郎"),
        ]))
        let record = try village.store(as: "yamada").submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
        _ = try kato.decide(Decision(
            applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .returned, reason: "直してください",
            answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: record.version))
        return village
    }

    static func report(_ village: StoreVillage, remembered: LogHead? = nil) throws -> AuditReport {
        try village.verify(as: "sato", remembered: remembered)
    }

    static func first(_ village: StoreVillage) throws -> AuditFinding? { try report(village).findings.first }

    @Test(arguments: StoreKind.available)
    func anHonestStoreVerifies(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        let report = try Self.report(village)
        #expect(report.findings == [])
        #expect(report.entries == 7)
        #expect(try village.store(as: "sato").auditEntries().map(\.action) == ["staff-add", "key", "staff-add", "staff-add", "submit", "key", "decide-returned"])
        #expect(try village.store(as: "sato").auditEntries().allSatisfy { $0.signature != nil })
    }

    @Test(arguments: StoreKind.available)
    func theLogRefusesUpdatesAndDeletesThroughSQL(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        // Even the tables' owner meets the log's own checks, while they are in place.
        for sql in ["UPDATE audit SET actor = 'x'", "DELETE FROM audit", "UPDATE audit SET signature = 'x' WHERE sequence = 1"] {
            #expect(throws: (any Error).self, "\(sql)") { try village.asOwner { try $0.execute(sql: sql) } }
        }
        #expect(try Self.report(village).findings == [])
    }

    @Test(arguments: StoreKind.available)
    func aChangedEntryIsNamed(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        try village.sql("UPDATE audit SET actor = 'suzuki' WHERE sequence = 5")
        #expect(try Self.first(village) == AuditFinding(.contentChanged, sequence: 5, subject: "application/1"))
    }

    @Test(arguments: StoreKind.available)
    func aChangedEntryWithARecomputedHashStillBreaksTheChain(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        let entry = try #require(village.store(as: "sato").auditEntries().first { $0.sequence == 3 })
        let forged = AuditTrail.digest(
            sequence: 3, at: entry.at, actor: "mallory", action: entry.action, subject: entry.subject,
            detailDigest: entry.detailDigest, previous: entry.previousHash)
        try village.sql("UPDATE audit SET actor = 'mallory', hash = '\(forged)' WHERE sequence = 3")
        #expect(try Self.first(village) == AuditFinding(.chainBroken, sequence: 4, subject: "staff/ito"))
    }

    @Test(arguments: StoreKind.available)
    func aChangedDetailIsNamed(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        try village.sql("UPDATE audit SET detail = 'version 1' WHERE sequence = 5")
        #expect(try Self.first(village) == AuditFinding(.contentChanged, sequence: 5, subject: "application/1"))
    }

    @Test(arguments: StoreKind.available)
    func anErasedDetailKeepsTheChainButNotTheRecords(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        // Erasing a detail is the one change the log allows, even with its triggers in place;
        // the rows it carried are then vouched for by nothing, so they are named.
        _ = try village.asOwner { try $0.execute(sql: "UPDATE audit SET detail = NULL WHERE sequence = 4") }
        let findings = try Self.report(village).findings
        #expect(findings.map(\.kind) == [.rowNotInLog])
        #expect(findings.first?.subject == "staff ito")
    }

    @Test(arguments: StoreKind.available)
    func aDeletedEntryIsFound(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        try village.sql("DELETE FROM audit WHERE sequence = 3")
        #expect(try Self.first(village) == AuditFinding(.chainBroken, sequence: 4, subject: "staff/ito"))
    }

    @Test(arguments: StoreKind.available)
    func theLastEntryDeletedIsFound(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        try village.sql("DELETE FROM audit WHERE sequence = 7")
        #expect(try Self.first(village) == AuditFinding(.truncated, sequence: 7, subject: "audit_head"))
    }

    @Test(arguments: StoreKind.available)
    func reorderedEntriesAreFound(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        // Swap the places of entries 3 and 4 in the order of writing, keeping each entry's content
        // whole (the server's order of writing is a column that takes its next number).
        let columns = "sequence, at, actor, action, subject, detail, detail_digest, previous_hash, hash, signature"
        try village.sql("""
            CREATE TEMP TABLE moved AS SELECT * FROM audit WHERE sequence >= 3 ORDER BY sequence;
            DELETE FROM audit WHERE sequence >= 3;
            INSERT INTO audit (\(columns)) SELECT \(columns) FROM moved WHERE sequence = 4;
            INSERT INTO audit (\(columns)) SELECT \(columns) FROM moved WHERE sequence = 3;
            INSERT INTO audit (\(columns)) SELECT \(columns) FROM moved WHERE sequence > 4 ORDER BY sequence;
            """)
        #expect(try Self.first(village) == AuditFinding(.chainBroken, sequence: 4, subject: "staff/ito"))
    }

    @Test(arguments: StoreKind.available)
    func renumberedEntriesAreFound(_ kind: StoreKind) throws {
        let village = try Self.honestStore(kind)
        try village.sql("""
            UPDATE audit SET sequence = -sequence WHERE sequence IN (3, 4);
            UPDATE audit SET sequence = CASE sequence WHEN -3 THEN 4 ELSE 3 END WHERE sequence < 0;
            """)
        #expect(try Self.first(village) == AuditFinding(.contentChanged, sequence: 4, subject: "staff/sato"))
    }
}
