import Foundation
import PrivateServer
import Testing

@testable import Core

/// The store's own transaction scripts on the server, where only a server can show them: each
/// person through their own login role and key folder, as on their own PC, and the tables'
/// owner or a member of staff at `psql`. (What both stores do alike runs on both: StoreTests,
/// SignedLogAttackTests and the others that take a `StoreKind`.)
@Suite(.enabled(if: PrivateServer.installedBinaries() != nil, "PostgreSQL is not installed: scripts/setup --test installs it"))
struct ServerStoreTests {
    @Test func whoActsIsTheLoginTheServerAuthenticated() throws {
        let village = try StoreVillage(.server)
        #expect(try village.serverStore(as: "yamada").login == "yamada")
        #expect(try village.serverStore(as: "suzuki").login == "suzuki")
    }

    /// One login, a second PC: its new key is not the one the server holds, so nothing is signed
    /// and the message says which folder to bring; with the folder copied, the same key signs.
    @Test func aSecondPCSignsOnceThePersonsKeyFolderIsCopiedToIt() throws {
        let village = try StoreVillage(.server)
        let submitted = try village.applicationSubmitted()
        func fromTheSecondPC() throws -> SQLStore { try village.store(as: "yamada", computer: "second-pc") }
        #expect {
            _ = try fromTheSecondPC().withdraw(submitted.id, by: "yamada", at: "2026-04-02T01:00:00Z")
        } throws: { error in
            guard case StoreError.trust(let trust) = error, case .keyMismatch(login: "yamada", path: _) = trust else { return false }
            return TrustText.describe(trust).ja.contains("~/.local/share/yakkan/keys")
        }
        #expect(try village.store(as: "kato").application(id: submitted.id)?.status == .submitted)

        let secondPC = village.keyFolder(of: "yamada", computer: "second-pc")
        try FileManager.default.removeItem(atPath: secondPC)
        try FileManager.default.copyItem(atPath: village.keyFolder(of: "yamada"), toPath: secondPC)
        #expect(try fromTheSecondPC().withdraw(submitted.id, by: "yamada", at: "2026-04-02T01:00:00Z").status == .withdrawn)
        #expect(try village.verify(as: "kato").findings == [])
    }

    /// The server ends a person's session (an administrator, a restart): the next transaction of
    /// the same open store runs on a new connection, as the same login, and signs as before.
    @Test func aDroppedConnectionIsMadeAgainAtTheNextTransaction() throws {
        let village = try StoreVillage(.server)
        let submitted = try village.applicationSubmitted()
        let yamada = try village.serverStore(as: "yamada")
        #expect(try yamada.application(id: submitted.id)?.status == .submitted)
        let ended = try village.psql(as: nil, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = 'yamada' AND datname = current_database()")
        #expect(ended.status == 0, "\(ended.output)")
        #expect(try yamada.application(id: submitted.id)?.status == .submitted)
        _ = try village.psql(as: nil, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = 'yamada' AND datname = current_database()")
        #expect(try yamada.withdraw(submitted.id, by: "yamada", at: "2026-04-02T01:00:00Z").status == .withdrawn)
        #expect(yamada.login == "yamada")
        #expect(try village.verify(as: "kato").findings == [])
    }

    @Test func theApplicantApprovingTheirOwnApplicationIsRefusedByCoreBeforeTheServer() throws {
        let village = try StoreVillage(.server)
        let submitted = try village.applicationSubmitted()
        do {
            _ = try village.store(as: "yamada").decide(Decision(
                applicationID: submitted.id, reviewerLogin: "yamada", reviewerName: "山田 太郎", outcome: .approved, reason: nil,
                answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: submitted.version))
            Issue.record("the applicant's own approval was recorded")
        } catch StoreError.refused {
        }
        #expect(try village.store(as: "sato").application(id: submitted.id)?.status == .submitted)
    }

    /// The attack of issue 20 through yakkan itself: a 利用責任者 who applied deletes her editor
    /// row and names another applicant with psql (her yakkan, reading those rows, then lets her
    /// decide), and a 利用責任者 of another 課 moves a form to it: the server, which reads the
    /// form from the log, refuses both, worded as Core words the rule.
    @Test func theServersFourEyesCheckHoldsAfterEditorAndApplicantRowsAreChanged() throws {
        let village = try StoreVillage(.server)
        let submitted = try village.applicationSubmitted()
        let kato = try village.store(as: "kato")
        _ = try kato.addStaff(StaffMember(login: "ito", name: "伊藤 真", department: "企画課", reviewerOf: ["企画課"]), by: "kato", at: "2026-04-01T00:03:00Z")
        _ = try kato.addStaff(StaffMember(login: "sato", name: "佐藤 花子", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:04:00Z")
        let answers: Answers = [
            ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
        ]
        let own = try kato.submitApplication(
            from: Draft(owner: "kato", procedureID: "application", state: InterviewState(answers: answers)),
            procedureVersion: "1.0", at: "2026-04-01T02:00:00Z")
        let changed = try village.psql(as: "kato", """
            DELETE FROM application_editor WHERE application_id = \(own.id);
            UPDATE application SET applicant = 'yamada' WHERE id = \(own.id);
            """)
        #expect(changed.status == 0, "\(changed.output)")
        func approve(_ record: ApplicationRecord, as login: String, name: String) throws -> ApplicationRecord {
            try village.store(as: login).decide(Decision(
                applicationID: record.id, reviewerLogin: login, reviewerName: name, outcome: .approved, reason: nil,
                answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: record.version))
        }
        func refusal(_ attempt: () throws -> ApplicationRecord) -> StoreError? {
            do { _ = try attempt(); return nil } catch { return StoreError(classifying: error) }
        }
        #expect(refusal { try approve(own, as: "kato", name: "加藤 誠") } == .refused([ReviewRefusal.isApplicant.text]))

        let moved = try village.psql(as: "ito", "UPDATE application SET department = '企画課' WHERE id = \(submitted.id)")
        #expect(moved.status == 0, "\(moved.output)")
        #expect(refusal { try approve(submitted, as: "ito", name: "伊藤 真") } == .refused([ReviewRefusal.notReviewerOf(department: "総務課").text]))
        for id in [own.id, submitted.id] {
            #expect(try kato.application(id: id)?.status == .submitted)
        }
        #expect(try village.psql(as: nil, "SELECT count(*) FROM decision").output.contains("0"))
    }

    @Test func anApprovalTheTablesOwnerInsertsWithPsqlIsNamedByVerify() throws {
        let village = try StoreVillage(.server)
        let submitted = try village.applicationSubmitted()
        // Even the owner meets the server's four-eyes check; one who switches it off is named by verify.
        let refused = try village.psql(as: nil, """
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
            VALUES (\(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application')
            """)
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("four-eyes rule"), "\(refused.output)")
        let forged = try village.psql(as: nil, """
            ALTER TABLE decision DISABLE TRIGGER USER;
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
            VALUES (\(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application');
            UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
            """)
        #expect(forged.status == 0, "\(forged.output)")
        let findings = try village.verify(as: "sato", accounts: .system).findings
        // The refused insert took a number of the server's sequence: the forged row is the second.
        // Verify names it as a row no command made, and the columns of the application it changed.
        #expect(findings.contains(AuditFinding(.rowNotInLog, sequence: nil, subject: "decision 2")), "\(findings)")
        #expect(findings.contains(AuditFinding(.rowNotInLog, sequence: nil, subject: "application \(submitted.id): status, version")), "\(findings)")
    }

    @Test func staffCannotWriteAnEntryOrPublishAKeyInAnotherPersonsName() throws {
        let village = try StoreVillage(.server)
        _ = try village.applicationSubmitted()
        let entry = try village.psql(as: "yamada", """
            INSERT INTO audit (sequence, at, actor, action, subject, detail, detail_digest, previous_hash, hash)
            VALUES (99, '2026-04-02T09:00:00Z', 'kato', 'decide-approved', 'application/1', '{}', 'd', 'p', 'h')
            """)
        #expect(entry.status == 1, "\(entry.output)")
        // Since pg8 staff append only through the server's function (ServerLogGuardTests: it
        // refuses an entry in another's name too).
        #expect(entry.output.contains("permission denied for table audit"), "\(entry.output)")
        let key = try village.psql(as: "yamada", "INSERT INTO signing_key (login, public_key) VALUES ('suzuki', 'forged')")
        #expect(key.status == 1, "\(key.output)")
        #expect(key.output.contains("published only by its own login"), "\(key.output)")
        let replace = try village.psql(as: "yamada", "UPDATE signing_key SET public_key = 'forged' WHERE login = 'yamada'")
        #expect(replace.status == 1, "\(replace.output)")
        #expect(replace.output.contains("permission denied"), "\(replace.output)")
    }

    @Test func anAttachmentSentFromOnePCOpensOnAnotherAndAChangedContentIsNamed() throws {
        let village = try StoreVillage(.server)
        let original = village.folder + "/規約.pdf"
        let bytes = Data("約款の写し\n".utf8)
        #expect(FileManager.default.createFile(atPath: original, contents: bytes))
        guard case .success(let attachment) = try village.store(as: "yamada").intake.ingest(path: original) else {
            Issue.record("the attachment was not taken"); return
        }
        let submitted = try village.applicationSubmitted(attachment: attachment)
        #expect(submitted.attachments.map(\.attachment.sha256) == [attachment.sha256])
        // kato's PC has never seen the file: it is fetched from the server into kato's cache.
        let opened = try village.store(as: "kato").storedPath(of: attachment)
        #expect(opened.hasPrefix(village.folder + "/cache-kato/"), "\(opened)")
        #expect(FileManager.default.contents(atPath: opened) == bytes)
        #expect(try village.verify(as: "sato", accounts: .system).findings == [])

        let changed = try village.psql(as: nil, """
            ALTER TABLE attachment_content DROP CONSTRAINT content_has_its_hash;
            UPDATE attachment_content SET content = 'forged'::bytea;
            """)
        #expect(changed.status == 0, "\(changed.output)")
        let findings = try village.verify(as: "sato", accounts: .system).findings
        #expect(findings == [AuditFinding(.attachmentChanged, sequence: nil, subject: "attachment_content/" + attachment.sha256)])
    }

    @Test func theLedgerIsSearchedOnTheServerByWordsOfOneTwoAndMoreCharacters() throws {
        let village = try StoreVillage(.server)
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
        #expect(try found("名簿") == [named.id])
        #expect(try found("簿") == [named.id])
        #expect(try found("住民名簿") == [named.id])
        #expect(try found("example") == [named.id])
        #expect(try found("ex") == [named.id])
        #expect(try found("住所") == [])
        var provider = LedgerFilter()
        provider.provider = "example"
        #expect(try sato.queryIDs(provider, today: Core.Village.today(village.clock)) == [named.id])
        #expect(submitted.id != named.id)
    }
}
