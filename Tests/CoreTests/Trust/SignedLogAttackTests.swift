import Foundation
import GRDB
import Testing

@testable import Core

/// Attacks by a member of the group who can write the store (its file, or its database on the
/// server), each on a real store of each kind: every one is refused, by the store or the
/// server, or named by `audit verify` run by somebody else.
@Suite struct SignedLogAttackTests {
    typealias Village = StoreVillage

    @Test(arguments: StoreKind.available)
    func twoPeopleApplyReviewAndAcknowledgeAndEverySignatureVerifies(_ kind: StoreKind) throws {
        let village = try Village(kind)
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
            let sato = try village.store(as: "sato")
            let published = try #require(try sato.database.read { try sato.keys.read(login, $0) })
            let own = try KeyRing(folder: village.keyFolder(of: login), scope: .only(login)).signer(for: login).publicKey
            #expect(published == own)
        }
        #expect(try village.store(as: "kato").application(id: approved.id)?.status == .inUse)
    }

    @Test(arguments: StoreKind.available)
    func nobodySignsInAnotherPersonsName(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        let inKatosName = {
            _ = try village.store(as: "yamada").decide(Decision(
                applicationID: submitted.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
                answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: submitted.version))
        }
        switch kind {
        case .sqlite:
            // yamada's yakkan holds only yamada's key: a decision in kato's name cannot be signed.
            #expect(throws: StoreError.trust(.cannotSignAs("kato"))) { try inKatosName() }
        case .server:
            // The server refuses it sooner: the entry in kato's name is not written by kato's login.
            Self.expectRefusedByTheServer("42501", "an entry is written only by that login (kato), not by yamada", inKatosName)
        }
        #expect(try village.store(as: "kato").application(id: submitted.id)?.status == .submitted)
    }

    @Test(arguments: StoreKind.available)
    func aForgedApprovalInsertedBySQLIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        try village.sql("""
            INSERT INTO decision (id, application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
            VALUES (9000001, \(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application');
            UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
            """)
        let findings = try village.verify(as: "sato").findings
        #expect(findings == [
            Village.rowNotInLog("application \(submitted.id): status, version"), Village.rowNotInLog("decision 9000001"),
        ])
    }

    @Test(arguments: StoreKind.available)
    func anAppendedWellFormedEntryInAnotherPersonsNameIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        // yamada, a member with a key of their own, writes a well-formed entry with yakkan's own
        // code: kato's approval, as a command in kato's name, signed by yamada.
        let yamada = try village.store(as: "yamada")
        let approval = Command.decide(Command.Review(
            application: submitted.id, form: .application, version: submitted.version,
            answers: [ReviewFields.decision: .choice(DecisionOutcome.approved.rawValue)]))
        let forged = { try yamada.database.write { db in
            let start = try AuditTrail.headSequence(db)
            try AuditTrail.append(
                db, actor: "kato", action: approval.action, subject: "application/\(submitted.id)",
                detail: try ActEntry(act: approval).encoded(), at: "2026-04-02T01:00:00Z")
            let hash = try db.value(String.self, sql: "SELECT hash FROM audit WHERE sequence = ?", arguments: [start + 1])!
            let signature = try KeyRing(folder: village.keyFolder(of: "yamada"), scope: .everyone).signer(for: "yamada").sign(hash)
            try db.execute(sql: "UPDATE audit SET signature = ? WHERE sequence = ?", arguments: [signature, start + 1])
        } }
        switch kind {
        case .sqlite:
            let sequence = try village.nextSequence()
            try forged()
            // The command itself is one kato may give: the signature gives it away.
            let findings = try village.verify(as: "sato").findings
            #expect(findings == [
                AuditFinding(.badSignature, sequence: sequence, subject: "application/\(submitted.id)"),
                // Replayed, it is an approval the store never made.
                Village.rowNotInLog("application \(submitted.id): status, version, approved_on, latest_outcome, decided_on"),
                Village.rowMissing("decision \(sequence * 1_000_000 + 1)"),
            ])
        case .server:
            // The server refuses the entry in kato's name written by yamada; and a decision row in
            // kato's name inserted by yamada is refused by its four-eyes check.
            Self.expectRefusedByTheServer("42501", "written only by that login", forged)
            Self.expectRefusedByTheServer(PostgresFault.fourEyesRefused, "not_the_login") {
                try village.forge(nil, sql: """
                    INSERT INTO decision (id, application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
                    VALUES (9000001, \(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application')
                    """, as: "yamada")
            }
            #expect(try village.verify(as: "sato").findings == [])
            #expect(try village.store(as: "sato").application(id: submitted.id)?.status == .submitted)
        }
    }

    /// On a server, an act its own checks refuse where it is appended, leaving nothing for
    /// verify to name; true on a server (the test's point ends there), false on SQLite.
    static func refusedOnTheServer(
        _ kind: StoreKind, _ village: StoreVillage, _ sqlState: String, _ rule: String,
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) throws -> Bool {
        guard kind == .server else { return false }
        expectRefusedByTheServer(sqlState, rule, sourceLocation: sourceLocation, body)
        #expect(try village.verify(as: "sato").findings == [], sourceLocation: sourceLocation)
        return true
    }

    /// What the server refuses by its own rules, whatever Core would have said: the SQLSTATE
    /// and, in the fault's message or detail, which rule.
    static func expectRefusedByTheServer(
        _ sqlState: String, _ rule: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        do {
            try body()
            Issue.record("the server took it", sourceLocation: sourceLocation)
        } catch let fault as PostgresFault {
            #expect(fault.sqlState == sqlState, "\(fault)", sourceLocation: sourceLocation)
            #expect((fault.message + fault.detail).contains(rule), "\(fault)", sourceLocation: sourceLocation)
        } catch {
            Issue.record(error, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: StoreKind.available)
    func anEntrySignedByTheApplicantApprovingTheirOwnApplicationBreaksTheRules(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        let approval = Command.decide(Command.Review(
            application: submitted.id, form: .application, version: submitted.version,
            answers: [ReviewFields.decision: .choice(DecisionOutcome.approved.rawValue)]))
        // The store refuses yamada's approval of their own application, by the four-eyes rule.
        let refusal = Village.refused(ReviewRefusal.notReviewerOf(department: "総務課").text, ReviewRefusal.isApplicant.text)
        #expect(throws: StoreError.refused([ReviewRefusal.notReviewerOf(department: "総務課").text, ReviewRefusal.isApplicant.text])) {
            try village.store(as: "yamada").perform(approval, by: "yamada", at: "2026-04-02T01:00:00Z")
        }
        if kind == .server {
            // The decision row written with it, in yamada's own name, meets the server's
            // four-eyes check in the same transaction, for both reasons.
            let withRows = {
                try village.forge(approval, sql: """
                    INSERT INTO decision (id, application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
                    VALUES (4000001, \(submitted.id), 'yamada', '山田 太郎', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application');
                    UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
                    """, as: "yamada")
            }
            Self.expectRefusedByTheServer(PostgresFault.fourEyesRefused, "is_applicant", withRows)
            Self.expectRefusedByTheServer(PostgresFault.fourEyesRefused, "not_reviewer_of", withRows)
            // The entry alone, with no row, meets the same check where it is appended (pg9).
            Self.expectRefusedByTheServer(PostgresFault.fourEyesRefused, "is_applicant") {
                try village.forge(approval, as: "yamada", at: "2026-04-02T01:00:00Z")
            }
            #expect(try village.verify(as: "sato").findings == [])
            return
        }
        // yamada signs, as yamada, the approval of their own application with yakkan's own code.
        let sequence = try village.nextSequence()
        try village.forge(approval, as: "yamada", at: "2026-04-02T01:00:00Z")
        let findings = try village.verify(as: "sato").findings
        #expect(findings == [Village.ruleBroken(refusal, sequence: sequence, subject: "application/\(submitted.id)", signer: "yamada")])
    }

    @Test(arguments: StoreKind.available)
    func aRewrittenChainWithRecomputedHashesIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.approve(try village.applicationSubmitted())
        // Triggers out of the way, the submission's actor changed, every hash after it recomputed.
        try village.tamper { db in
            try db.execute(sql: "UPDATE audit SET actor = 'sato' WHERE action = 'submit'")
            var previous = AuditTrail.genesis
            for row in try db.rows(sql: "SELECT * FROM audit ORDER BY sequence") {
                let sequence: Int64 = row["sequence"]
                let hash = AuditTrail.digest(
                    sequence: sequence, at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"],
                    detailDigest: row["detail_digest"], previous: previous)
                try db.execute(sql: "UPDATE audit SET previous_hash = ?, hash = ? WHERE sequence = ?", arguments: [previous, hash, sequence])
                previous = hash
            }
            try db.execute(sql: "UPDATE audit_head SET hash = ?", arguments: [previous])
        }
        let findings = try village.verify(as: "kato").findings
        #expect(findings.contains { $0.kind == .badSignature })
        #expect(findings.contains { $0.kind == .unknownSigner && $0.subject == "sato" })
    }

    @Test(arguments: StoreKind.available)
    func theLastEntriesDeletedWithTheHeadMovedBackAreNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        let seenBeforeApproval = try #require(try village.store(as: "yamada").head())
        let rowsBeforeApproval = try Self.projectedRows(village)
        _ = try village.approve(submitted)
        let katoSaw = try #require(try village.store(as: "kato").head())
        // Someone takes the approval back: its entry deleted, the head moved back, the rows restored.
        try village.sql("""
            DELETE FROM audit WHERE sequence > \(seenBeforeApproval.sequence);
            UPDATE audit_head SET sequence = \(seenBeforeApproval.sequence), hash = '\(seenBeforeApproval.hash)';
            """)
        try Self.restore(rowsBeforeApproval, village)
        // The log is whole again as far as it goes; kato remembers what they saw and verify says so.
        #expect(try village.verify(as: "sato").findings.isEmpty)
        let findings = try village.verify(as: "kato", remembered: katoSaw).findings
        #expect(findings == [AuditFinding(.headNotExtended(sequence: katoSaw.sequence, hash: katoSaw.hash), sequence: katoSaw.sequence, subject: "head")])
        // Without restoring the rows, anyone sees it.
        let other = try Village(kind)
        _ = try other.approve(try other.applicationSubmitted())
        let head = try #require(try other.store(as: "kato").head())
        try other.sql("DELETE FROM audit WHERE sequence = \(head.sequence); UPDATE audit_head SET sequence = \(head.sequence - 1), hash = (SELECT hash FROM audit WHERE sequence = \(head.sequence - 1));")
        #expect(try other.verify(as: "sato").findings == [
            Village.rowNotInLog("application 1: status, version, approved_on, latest_outcome, decided_on"),
            Village.rowNotInLog("decision \(head.sequence * 1_000_000 + 1)"),
        ])
    }

    /// Every row of every projected table, as a tamperer would save them to put back later.
    static func projectedRows(_ village: Village) throws -> [(ProjectedTable, [[SQLValue]])] {
        try village.asOwner { db in
            try ProjectedTable.all.map { table in
                var rows: [[SQLValue]] = []
                try table.eachRow(db) { _, cells in rows.append(cells) }
                return (table, rows)
            }
        }
    }

    static func restore(_ saved: [(ProjectedTable, [[SQLValue]])], _ village: Village) throws {
        for (table, _) in saved.reversed() { try village.edit("DELETE FROM \(table.name)") }
        for (table, rows) in saved {
            let columns = table.columns.map { $0 == "until" ? "\"until\"" : $0 }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
            for row in rows {
                try village.edit("INSERT INTO \(table.name) (\(columns)) VALUES (\(marks))", row)
            }
        }
    }

    /// SQLite only: the copies of attachments in the folder beside the SQLite file; the server keeps them in a table (ServerStoreTests).
    @Test func aReplacedAttachmentIsNamed() throws {
        let village = try Village(.sqlite)
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

    /// SQLite only: the SQLite file and the key folder beside it deleted.
    @Test func aStoreDeletedAndMadeAnewIsNamedByWhoeverUsedIt() throws {
        let village = try Village(.sqlite)
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

    /// SQLite only: key files beside the SQLite file; the server keeps keys in a table.
    @Test func aKeyFileOwnedBySomeoneElseIsNamed() throws {
        let village = try Village(.sqlite)
        _ = try village.applicationSubmitted()
        // The files belong to the account running the test; say yamada's account is another.
        let yamadaIsAnother = Accounts { $0 == "yamada" ? geteuid() + 4242 : geteuid() }
        let report = try village.store(as: "sato").verifyAudit(accounts: yamadaIsAnother, remembered: nil)
        #expect(report.findings.contains { $0.kind == .keyFile(.ownedByAnother(uid: geteuid())) })
    }
}
