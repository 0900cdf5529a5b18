import Foundation
import PrivateServer
import XCTest

@testable import Core

/// The store's own transaction scripts on a private server, each person through their own
/// login role and key folder, as on their own PC.
final class ServerStoreTests: ServerTestCase {
    struct Village {
        let server: PrivateServer
        let database: String
        let folder: String
        let clock = FixedClock(day: Day(year: 2026, month: 4, day: 1)!)

        init(on server: PrivateServer) throws {
            self.server = server
            database = try server.newDatabase()
            folder = NSTemporaryDirectory() + "yakkan-server-store-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let owner = try PostgresLink(uri: server.uri(database: database))
            try ServerMigrator.migrate(owner)
            for (login, administrator) in [("kato", true), ("yamada", false), ("suzuki", false), ("sato", false)] {
                try owner.execute(ServerRoles.createLogin(login, administrator: administrator))
            }
        }

        /// The store as one person opens it, authenticated by the server as `login`.
        func store(as login: String) throws -> ServerStore {
            try ServerStore(
                uri: server.uri(user: login, database: database), workingDirectory: folder, clock: clock,
                cacheFolder: folder + "/cache-\(login)", keyRing: KeyRing(folder: folder + "/home-\(login)/keys", scope: .only(login)))
        }

        func psql(as user: String?, _ sql: String) throws -> PrivateServer.Ran {
            try server.psql(as: user, database: database, sql)
        }

        /// kato keeps the directory and reviews 総務課; yamada applies; suzuki keeps the service.
        func applicationSubmitted(attachment: Attachment? = nil) throws -> ApplicationRecord {
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
                answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: record.version))
        }
    }

    func testWhoActsIsTheLoginTheServerAuthenticated() throws {
        let village = try Village(on: try server())
        XCTAssertEqual(try village.store(as: "yamada").login, "yamada")
        XCTAssertEqual(try village.store(as: "suzuki").login, "suzuki")
    }

    func testTwoPeopleApplyReviewAndAcknowledgeAndEverySignatureVerifies() throws {
        let village = try Village(on: try server())
        let submitted = try village.applicationSubmitted()
        let approved = try village.approve(submitted)
        _ = try village.store(as: "suzuki").acknowledge(Acknowledgement(
            applicationID: approved.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-03T01:00:00Z"))

        let report = try village.store(as: "sato").verifyAudit(accounts: .system, remembered: nil)
        XCTAssertEqual(report.findings, [])
        XCTAssertGreaterThan(report.entries, 6)
        let entries = try village.store(as: "sato").auditEntries()
        XCTAssertEqual(Set(entries.map(\.actor)), ["kato", "yamada", "suzuki"])
        XCTAssertEqual(try village.store(as: "sato").application(id: approved.id)?.status, .inUse)
        // Each key on the server is the one in its own person's folder.
        let keys = try PostgresLink(uri: village.server.uri(database: village.database))
            .execute("SELECT login, public_key FROM signing_key ORDER BY login")
        XCTAssertEqual(keys.rows.map { $0[0] }, ["kato", "suzuki", "yamada"])
        for row in keys.rows {
            let login = try XCTUnwrap(row[0])
            let own = try KeyRing(folder: village.folder + "/home-\(login)/keys", scope: .only(login)).signer(for: login).publicKey
            XCTAssertEqual(row[1], own)
        }
    }

    func testTheApplicantApprovingTheirOwnApplicationIsRefusedByCoreBeforeTheServer() throws {
        let village = try Village(on: try server())
        let submitted = try village.applicationSubmitted()
        XCTAssertThrowsError(try village.store(as: "yamada").decide(Decision(
            applicationID: submitted.id, reviewerLogin: "yamada", reviewerName: "山田 太郎", outcome: .approved, reason: nil,
            answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: submitted.version))
        ) { error in
            guard case StoreError.refused = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try village.store(as: "sato").application(id: submitted.id)?.status, .submitted)
    }

    func testAnApprovalTheTablesOwnerInsertsWithPsqlIsNamedByVerify() throws {
        let village = try Village(on: try server())
        let submitted = try village.applicationSubmitted()
        // Even the owner meets the server's four-eyes check; one who switches it off is named by verify.
        let refused = try village.psql(as: nil, """
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
            VALUES (\(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application')
            """)
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains("four-eyes rule"), refused.output)
        let forged = try village.psql(as: nil, """
            ALTER TABLE decision DISABLE TRIGGER USER;
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
            VALUES (\(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application');
            UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
            """)
        XCTAssertEqual(forged.status, 0, forged.output)
        let findings = try village.store(as: "sato").verifyAudit(accounts: .system, remembered: nil).findings
        // The refused insert took a number of the server's sequence: the forged row is the second.
        XCTAssertTrue(findings.contains(AuditFinding(.rowNotInLog, sequence: nil, subject: "decision[2]")), "\(findings)")
        XCTAssertTrue(findings.contains { $0.kind == .rowNotInLog && $0.subject == "application[\(submitted.id)]" }, "\(findings)")
    }

    func testStaffCannotWriteAnEntryOrPublishAKeyInAnotherPersonsName() throws {
        let village = try Village(on: try server())
        _ = try village.applicationSubmitted()
        let entry = try village.psql(as: "yamada", """
            INSERT INTO audit (sequence, at, actor, action, subject, detail, detail_digest, previous_hash, hash)
            VALUES (99, '2026-04-02T09:00:00Z', 'kato', 'decide-approved', 'application/1', '{}', 'd', 'p', 'h')
            """)
        XCTAssertEqual(entry.status, 1, entry.output)
        XCTAssertTrue(entry.output.contains("written only by that login"), entry.output)
        let key = try village.psql(as: "yamada", "INSERT INTO signing_key (login, public_key) VALUES ('suzuki', 'forged')")
        XCTAssertEqual(key.status, 1, key.output)
        XCTAssertTrue(key.output.contains("published only by its own login"), key.output)
        let replace = try village.psql(as: "yamada", "UPDATE signing_key SET public_key = 'forged' WHERE login = 'yamada'")
        XCTAssertEqual(replace.status, 1, replace.output)
        XCTAssertTrue(replace.output.contains("permission denied"), replace.output)
    }

    func testAnAttachmentSentFromOnePCOpensOnAnotherAndAChangedContentIsNamed() throws {
        let village = try Village(on: try server())
        let original = village.folder + "/規約.pdf"
        let bytes = Data("約款の写し\n".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: original, contents: bytes))
        guard case .success(let attachment) = try village.store(as: "yamada").intake.ingest(path: original) else {
            return XCTFail("the attachment was not taken")
        }
        let submitted = try village.applicationSubmitted(attachment: attachment)
        XCTAssertEqual(submitted.attachments.map(\.attachment.sha256), [attachment.sha256])
        // kato's PC has never seen the file: it is fetched from the server into kato's cache.
        let opened = try village.store(as: "kato").storedPath(of: attachment)
        XCTAssertTrue(opened.hasPrefix(village.folder + "/cache-kato/"), opened)
        XCTAssertEqual(FileManager.default.contents(atPath: opened), bytes)
        XCTAssertEqual(try village.store(as: "sato").verifyAudit(accounts: .system, remembered: nil).findings, [])

        let changed = try village.psql(as: nil, """
            ALTER TABLE attachment_content DROP CONSTRAINT content_has_its_hash;
            UPDATE attachment_content SET content = 'forged'::bytea;
            """)
        XCTAssertEqual(changed.status, 0, changed.output)
        let findings = try village.store(as: "sato").verifyAudit(accounts: .system, remembered: nil).findings
        XCTAssertEqual(findings, [AuditFinding(.attachmentChanged, sequence: nil, subject: "attachment_content/" + attachment.sha256)])
    }

    func testTheLedgerIsSearchedOnTheServerByWordsOfOneTwoAndMoreCharacters() throws {
        let village = try Village(on: try server())
        let submitted = try village.applicationSubmitted()
        let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: [
            ApplicationFields.department: .text("総務課"), ApplicationFields.provider: .text("Example Storage"),
            ApplicationFields.service: .text("住民名簿の共有"),
            ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
        ]))
        let named = try village.store(as: "yamada").submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T02:00:00Z")
        let sato = try village.store(as: "sato")
        func found(_ text: String) throws -> [Int64] {
            var filter = LedgerFilter()
            filter.text = text
            return try sato.queryIDs(filter, today: Core.Village.today(village.clock))
        }
        XCTAssertEqual(try found("名簿"), [named.id])
        XCTAssertEqual(try found("簿"), [named.id])
        XCTAssertEqual(try found("住民名簿"), [named.id])
        XCTAssertEqual(try found("example"), [named.id])
        XCTAssertEqual(try found("ex"), [named.id])
        XCTAssertEqual(try found("住所"), [])
        var provider = LedgerFilter()
        provider.provider = "example"
        XCTAssertEqual(try sato.queryIDs(provider, today: Core.Village.today(village.clock)), [named.id])
        XCTAssertNotEqual(submitted.id, named.id)
    }
}
