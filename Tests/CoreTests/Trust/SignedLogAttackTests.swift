import Foundation
import GRDB
import Testing

@testable import Core

/// Attacks by a member of the group who can write the store's file, each on a real store file:
/// every one is refused or named by `audit verify` run by somebody else.
@Suite struct SignedLogAttackTests {
    /// A store shared by four people, each with their own key folder, as each OS login has.
    struct Village {
        let folder: String
        var path: String { folder + "/yakkan.sqlite" }
        let clock = FixedClock(day: Day(year: 2026, month: 4, day: 1)!)

        init() throws {
            folder = NSTemporaryDirectory() + "yakkan-attack-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }

        /// The store as one person opens it: they can sign as themselves only.
        func store(as login: String) throws -> SQLiteStore {
            try SQLiteStore(
                path: path, workingDirectory: folder, clock: clock,
                keyRing: KeyRing(folder: folder + "/home-\(login)/keys", scope: .only(login)))
        }

        func verify(as login: String, remembered: LogHead? = nil) throws -> AuditReport {
            try store(as: login).verifyAudit(accounts: .all(as: geteuid()), remembered: remembered)
        }

        /// kato keeps the directory and reviews 総務課; yamada applies; suzuki keeps the service.
        func applicationSubmitted() throws -> ApplicationRecord {
            let kato = try store(as: "kato")
            _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:00:00Z")
            _ = try kato.addStaff(StaffMember(login: "yamada", name: "山田 太郎", department: "総務課"), by: "kato", at: "2026-04-01T00:01:00Z")
            _ = try kato.addStaff(StaffMember(login: "suzuki", name: "鈴木 花子", department: "総務課"), by: "kato", at: "2026-04-01T00:02:00Z")
            let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: [
                ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
            ]))
            return try store(as: "yamada").submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
        }

        func approve(_ record: ApplicationRecord) throws -> ApplicationRecord {
            try store(as: "kato").decide(Decision(
                applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
                answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: record.version))
        }

        func sql(_ text: String) throws {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;")
                try db.execute(sql: text)
            }
        }
    }

    @Test func twoPeopleApplyReviewAndAcknowledgeAndEverySignatureVerifies() throws {
        let village = try Village()
        let submitted = try village.applicationSubmitted()
        let approved = try village.approve(submitted)
        _ = try village.store(as: "suzuki").acknowledge(Acknowledgement(
            applicationID: approved.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-03T01:00:00Z"))
        let report = try village.verify(as: "sato")
        #expect(report.findings == [])
        let entries = try village.store(as: "sato").auditEntries()
        #expect(Set(entries.map(\.actor)) == ["kato", "yamada", "suzuki"])
        // Each signature is checked against the key its own person published, from their own folder.
        for login in ["kato", "yamada", "suzuki"] {
            let published = try #require(try KeyFolder(storePath: village.path, shared: false).read(login))
            let own = try KeyRing(folder: village.folder + "/home-\(login)/keys", scope: .only(login)).signer(for: login).publicKey
            #expect(published == own)
        }
        #expect(try village.store(as: "kato").application(id: approved.id)?.status == .inUse)
    }

    @Test func nobodySignsInAnotherPersonsName() throws {
        let village = try Village()
        let submitted = try village.applicationSubmitted()
        // yamada's yakkan holds only yamada's key: a decision in kato's name cannot be signed.
        #expect(throws: StoreError.trust(.cannotSignAs("kato"))) {
            try village.store(as: "yamada").decide(Decision(
                applicationID: submitted.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
                answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: submitted.version))
        }
        #expect(try village.store(as: "kato").application(id: submitted.id)?.status == .submitted)
    }

    @Test func aForgedApprovalInsertedBySQLIsNamed() throws {
        let village = try Village()
        let submitted = try village.applicationSubmitted()
        try village.sql("""
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
            VALUES (\(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application');
            UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
            """)
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains(AuditFinding(.rowNotInLog, sequence: nil, subject: "decision[1]")))
        #expect(findings.contains { $0.kind == .rowNotInLog && $0.subject == "application[\(submitted.id)]" })
    }

    @Test func anAppendedWellFormedEntryIsNamed() throws {
        let village = try Village()
        let submitted = try village.applicationSubmitted()
        // yamada, a member with a key of their own, writes a well-formed entry with yakkan's own
        // code: a decision in kato's name, signed by yamada.
        let yamada = try village.store(as: "yamada")
        try yamada.database.write { db in
            try ChangeCapture.install(db)
            try db.execute(sql: """
                INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
                VALUES (\(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application');
                UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
                """)
            let start = try AuditTrail.headSequence(db)
            try AuditTrail.append(db, actor: "kato", action: "decide-approved", subject: "application/\(submitted.id)", detail: "", at: "2026-04-02T01:00:00Z")
            let hash = try db.value(String.self, sql: "SELECT hash FROM audit WHERE sequence = ?", arguments: [start + 1])!
            let signature = try KeyRing(folder: village.folder + "/home-yamada/keys", scope: .everyone).signer(for: "yamada").sign(hash)
            try db.execute(sql: "UPDATE audit SET signature = ? WHERE sequence = ?", arguments: [signature, start + 1])
        }
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains { $0.kind == .badSignature })
    }

    @Test func anEntrySignedByTheApplicantApprovingTheirOwnApplicationBreaksTheRules() throws {
        let village = try Village()
        let submitted = try village.applicationSubmitted()
        // yamada signs, as yamada, an approval of their own application.
        let yamada = try village.store(as: "yamada")
        _ = try yamada.recordedWrite { db in
            try db.execute(sql: """
                INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
                VALUES (\(submitted.id), 'yamada', '山田 太郎', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application');
                UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
                """)
            try AuditTrail.append(db, actor: "yamada", action: "decide-approved", subject: "application/\(submitted.id)", detail: "", at: "2026-04-02T01:00:00Z")
        }
        let findings = try village.verify(as: "sato").findings
        let rules = findings.compactMap { finding -> Localized? in
            if case .ruleBroken(let reason) = finding.kind { return reason }
            return nil
        }
        #expect(rules.contains(ReviewRefusal.notReviewerOf(department: "総務課").text))
        #expect(rules.contains(ReviewRefusal.isApplicant.text))
    }

    @Test func aRewrittenChainWithRecomputedHashesIsNamed() throws {
        let village = try Village()
        _ = try village.approve(try village.applicationSubmitted())
        // Triggers dropped, the submission's actor changed, every hash after it recomputed.
        let queue = try DatabaseQueue(path: village.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET actor = 'sato' WHERE action = 'submit'")
            var previous = AuditTrail.genesis
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY sequence") {
                let hash = AuditTrail.digest(
                    sequence: row["sequence"], at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"],
                    detailDigest: row["detail_digest"], previous: previous)
                try db.execute(sql: "UPDATE audit SET previous_hash = ?, hash = ? WHERE sequence = ?", arguments: [previous, hash, row["sequence"] as Int64])
                previous = hash
            }
            try db.execute(sql: "UPDATE audit_head SET hash = ?", arguments: [previous])
        }
        let findings = try village.verify(as: "kato").findings
        #expect(findings.contains { $0.kind == .badSignature })
        #expect(findings.contains { $0.kind == .unknownSigner && $0.subject == "sato" })
    }

    @Test func theLastEntriesDeletedWithTheHeadMovedBackAreNamed() throws {
        let village = try Village()
        let submitted = try village.applicationSubmitted()
        let seenBeforeApproval = try #require(try village.store(as: "yamada").head())
        _ = try village.approve(submitted)
        let katoSaw = try #require(try village.store(as: "kato").head())
        // Someone takes the approval back: its entry deleted, the head moved back, the rows restored.
        try village.sql("""
            DELETE FROM audit WHERE sequence > \(seenBeforeApproval.sequence);
            UPDATE audit_head SET sequence = \(seenBeforeApproval.sequence), hash = '\(seenBeforeApproval.hash)';
            DELETE FROM decision;
            UPDATE application SET status = 'submitted', version = 1;
            """)
        // The log is whole again as far as it goes; kato remembers what they saw and verify says so.
        #expect(try village.verify(as: "sato").findings.isEmpty)
        let findings = try village.verify(as: "kato", remembered: katoSaw).findings
        #expect(findings == [AuditFinding(.headNotExtended(sequence: katoSaw.sequence, hash: katoSaw.hash), sequence: katoSaw.sequence, subject: "head")])
        // Without restoring the rows, anyone sees it.
        let other = try Village()
        _ = try other.approve(try other.applicationSubmitted())
        let head = try #require(try other.store(as: "kato").head())
        try other.sql("DELETE FROM audit WHERE sequence = \(head.sequence); UPDATE audit_head SET sequence = \(head.sequence - 1), hash = (SELECT hash FROM audit WHERE sequence = \(head.sequence - 1));")
        #expect(try other.verify(as: "sato").findings.contains { $0.kind == .rowNotInLog })
    }

    @Test func aReplacedAttachmentIsNamed() throws {
        let village = try Village()
        let file = village.folder + "/terms.pdf"
        #expect(FileManager.default.createFile(atPath: file, contents: Data("the terms of service".utf8)))
        let store = try village.store(as: "yamada")
        let attachment = try store.intake.ingest(path: file).get()
        _ = try village.applicationSubmitted()
        let stored = store.storedPath(of: attachment)
        chmod(stored, 0o600)
        try Data("other terms".utf8).write(to: URL(fileURLWithPath: stored))
        let findings = try village.verify(as: "sato").findings
        #expect(findings == [AuditFinding(.attachmentChanged, sequence: nil, subject: stored)])
    }

    @Test func aStoreDeletedAndMadeAnewIsNamedByWhoeverUsedIt() throws {
        let village = try Village()
        _ = try village.approve(try village.applicationSubmitted())
        let katoSaw = try #require(try village.store(as: "kato").head())
        for suffix in ["", "-wal", "-shm", ".lock"] { unlink(village.path + suffix) }
        try? FileManager.default.removeItem(atPath: village.path + ".keys")
        // mallory makes a fresh store and becomes its first administrator.
        let mallory = try village.store(as: "mallory")
        _ = try mallory.addStaff(StaffMember(login: "mallory", name: "真理 男", department: "総務課", reviewerOf: ["総務課"]), by: "mallory", at: "2026-04-05T00:00:00Z")
        #expect(try village.verify(as: "mallory").findings.isEmpty)
        let findings = try village.verify(as: "kato", remembered: katoSaw).findings
        #expect(findings.contains { if case .headNotExtended = $0.kind { return true } else { return false } })
    }

    @Test func aKeyFileOwnedBySomeoneElseIsNamed() throws {
        let village = try Village()
        _ = try village.applicationSubmitted()
        // The files belong to the account running the test; say yamada's account is another.
        let yamadaIsAnother = Accounts { $0 == "yamada" ? geteuid() + 4242 : geteuid() }
        let report = try village.store(as: "sato").verifyAudit(accounts: yamadaIsAnother, remembered: nil)
        #expect(report.findings.contains { $0.kind == .keyFile(.ownedByAnother(uid: geteuid())) })
    }
}
