import Foundation
import GRDB
import Testing

@testable import Core

/// The attacks of issue 19, each on a real store of each kind with a second login: a member of
/// staff rewrites a record with SQL of their own login (on the server, their own role), signs
/// with their own key whatever command they like beside it, or empties the log; each is refused
/// by the store or the server, or named by `audit verify` run by somebody else.
@Suite struct ActRewriteAttackTests {
    typealias Village = StoreVillage

    static func review(_ record: ApplicationRecord, _ outcome: DecisionOutcome, reason: String? = nil) -> Command {
        var answers: Answers = [ReviewFields.decision: .choice(outcome.rawValue)]
        if let reason { answers[ReviewFields.reason] = .text(reason) }
        return .decide(Command.Review(application: record.id, form: .application, version: record.version, answers: answers))
    }

    /// The server's grants: a member of staff never updates nor deletes a decision, an
    /// acknowledgement, a duty record or an incident, even with psql of their own.
    static func expectNoPermission(_ table: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        SignedLogAttackTests.expectRefusedByTheServer("42501", "permission denied for table \(table)", sourceLocation: sourceLocation, body)
    }

    static func id(_ village: Village, _ sql: String) throws -> Int64 {
        try #require(try village.asOwner { try $0.value(Int64.self, sql: sql) })
    }

    // MARK: Signed rewrites of a record

    @Test(arguments: StoreKind.available)
    func aDecisionsReasonAndDateRewrittenAreRefusedOrNamedAndASecondDecisionSignedIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        let returned = try village.store(as: "kato").decide(Decision(
            applicationID: submitted.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .returned, reason: "期間を確認してください",
            answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: submitted.version))
        let decision = try Self.id(village, "SELECT id FROM decision")
        // kato, who decided, would rather the trail said something else, on another day.
        let rewrite = "UPDATE decision SET reason = '問題なし', decided_at = '2026-03-01T00:00:00Z' WHERE id = \(decision)"
        let sequence = try village.nextSequence()
        switch kind {
        case .sqlite:
            try village.forge(nil, sql: rewrite, as: "kato")
            #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("decision \(decision): reason, decided_at")])
            try village.edit("UPDATE decision SET reason = '期間を確認してください', decided_at = '2026-04-02T01:00:00Z' WHERE id = \(decision)")
        case .server:
            Self.expectNoPermission("decision") { try village.forge(nil, sql: rewrite, as: "kato") }
            // The tables' owner still can, and is named.
            try village.sql(rewrite)
            #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("decision \(decision): reason, decided_at")])
            try village.sql("UPDATE decision SET reason = '期間を確認してください', decided_at = '2026-04-02T01:00:00Z' WHERE id = \(decision)")
        }
        #expect(try village.verify(as: "sato").findings == [])
        // A decision signed again, with the reason kato now prefers: the application no longer
        // awaits a decision, and the rules say so (the server, reading the log, at the door).
        let again = { try village.forge(Self.review(returned, .returned, reason: "問題なし"), as: "kato", at: "2026-03-01T00:00:00Z") }
        if try SignedLogAttackTests.refusedOnTheServer(kind, village, PostgresFault.fourEyesRefused, "not_awaiting_review", again) { return }
        try again()
        let refusal = FourEyes.refusals(
            reviewerLogin: "kato", reviewer: try village.store(as: "kato").staffMember(login: "kato"), application: returned).map(\.text)
        #expect(refusal == [ReviewRefusal.notAwaitingReview(.returned).text])
        // Dated before the decision it repeats, it is named for that too.
        #expect(try village.verify(as: "sato").findings == [
            AuditFinding(.datedBeforeEarlierEntries(at: "2026-03-01T00:00:00Z", latest: "2026-04-02T01:00:00Z"), sequence: sequence, subject: "application/\(submitted.id)"),
            Village.ruleBroken(StoreText.describe(.refused(refusal)), sequence: sequence, subject: "application/\(submitted.id)", signer: "kato"),
        ])
    }

    @Test(arguments: StoreKind.available)
    func anAcknowledgementDeletedOrRenamedIsRefusedOrNamedAndOneSignedByAnotherIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        let rename = "UPDATE acknowledgement SET login = 'yamada', name = '山田 太郎' WHERE application_id = \(inUse.id)"
        let delete = "DELETE FROM acknowledgement WHERE application_id = \(inUse.id)"
        let putBack = "UPDATE acknowledgement SET login = 'suzuki', name = '鈴木 花子' WHERE application_id = \(inUse.id)"
        switch kind {
        case .sqlite:
            try village.forge(nil, sql: rename, as: "yamada")
        case .server:
            Self.expectNoPermission("acknowledgement") { try village.forge(nil, sql: rename, as: "yamada") }
            Self.expectNoPermission("acknowledgement") { try village.forge(nil, sql: delete, as: "yamada") }
            try village.sql(rename)
        }
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("acknowledgement \(inUse.id): login, name")])
        try village.edit(putBack)
        try village.edit(delete)
        #expect(try village.verify(as: "sato").findings == [Village.rowMissing("acknowledgement \(inUse.id)")])
        try village.edit("""
            INSERT INTO acknowledgement (application_id, login, name, acknowledged_at) VALUES (\(inUse.id), 'suzuki', '鈴木 花子', '2026-04-03T01:00:00Z')
            """)
        #expect(try village.verify(as: "sato").findings == [])
        // yamada signs an acknowledgement of their own on the service already in use.
        let sequence = try village.nextSequence()
        try village.forge(.acknowledgeRisks(application: inUse.id), as: "yamada")
        let refusal = try #require(AcknowledgementRules.refusal(login: "yamada", member: try village.store(as: "yamada").staffMember(login: "yamada"), application: inUse))
        #expect(try village.verify(as: "sato").findings == [
            Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(inUse.id)", signer: "yamada"),
        ])
    }

    @Test(arguments: StoreKind.available)
    func anIncidentsAuthorRewrittenOrWrittenInAnotherNameIsRefusedOrNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        let answers: Answers = [
            EventFields.occurredOn: .date(Day(iso: "2026-04-04")!), EventFields.what: .text("誤送信"), EventFields.action: .text("削除を依頼"),
        ]
        let suzuki = try village.store(as: "suzuki")
        // Nobody's yakkan signs in another person's name.
        switch kind {
        case .sqlite:
            #expect(throws: StoreError.trust(.cannotSignAs("kato"))) {
                try suzuki.reportIncident(inUse.id, answers: answers, by: "kato", at: "2026-04-04T00:00:00Z")
            }
        case .server:
            Self.expectRefused(kind, "written only by that login") {
                try suzuki.reportIncident(inUse.id, answers: answers, by: "kato", at: "2026-04-04T00:00:00Z")
            }
        }
        try suzuki.reportIncident(inUse.id, answers: answers, by: "suzuki", at: "2026-04-04T00:00:00Z")
        let incident = try Self.id(village, "SELECT id FROM incident")
        // suzuki makes it kato's.
        let rewrite = "UPDATE incident SET recorded_by = 'kato' WHERE id = \(incident)"
        switch kind {
        case .sqlite: try village.forge(nil, sql: rewrite, as: "suzuki")
        case .server:
            Self.expectNoPermission("incident") { try village.forge(nil, sql: rewrite, as: "suzuki") }
            try village.sql(rewrite)
        }
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("incident \(incident): recorded_by")])
        try village.edit("UPDATE incident SET recorded_by = 'suzuki' WHERE id = \(incident)")
        // suzuki signs an incident of their own and writes its row in kato's name (a member may
        // insert incidents on the server): the row is not what the command makes.
        let sequence = try village.nextSequence()
        let forged = sequence * 1_000_000 + 1
        try village.forge(.reportIncident(application: inUse.id, answers: answers), sql: """
            INSERT INTO incident (id, application_id, provider, service, occurred_on, what, source, action, recorded_by, recorded_at)
            VALUES (\(forged), \(inUse.id), 'Example Storage株式会社', 'Example Drive', '2026-04-04', '誤送信', NULL, '削除を依頼', 'kato', '2026-04-05T01:00:00Z')
            """, as: "suzuki")
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains(Village.rowNotInLog("incident \(forged): recorded_by")))
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [])
    }

    @Test(arguments: StoreKind.available)
    func aDutyBackdatedOrInAnotherNameOrByWhoMayNotIsRefusedOrNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        try village.store(as: "suzuki").recordDuty(
            inUse.id, .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-05-01")!)], by: "suzuki", at: "2026-05-01T00:00:00Z")
        let duty = try Self.id(village, "SELECT id FROM duty_record")
        // suzuki backdates it and makes it kato's.
        let rewrite = "UPDATE duty_record SET done_on = '2026-04-15', recorded_by = 'kato', recorded_at = '2026-04-15T00:00:00Z' WHERE id = \(duty)"
        switch kind {
        case .sqlite: try village.forge(nil, sql: rewrite, as: "suzuki")
        case .server:
            Self.expectNoPermission("duty_record") { try village.forge(nil, sql: rewrite, as: "suzuki") }
            try village.sql(rewrite)
        }
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("duty_record \(duty): done_on, recorded_by, recorded_at")])
        try village.edit("UPDATE duty_record SET done_on = '2026-05-01', recorded_by = 'suzuki', recorded_at = '2026-05-01T00:00:00Z' WHERE id = \(duty)")
        #expect(try village.verify(as: "sato").findings == [])
        // yamada, the applicant, neither its manager nor a 利用責任者, signs a duty of their own.
        let yamada = try village.store(as: "yamada").staffMember(login: "yamada")
        let current = try #require(try village.store(as: "sato").application(id: inUse.id))
        let refusal = try #require(DutyActions.mayRecord(.backup, on: current, login: "yamada", member: yamada))
        #expect(throws: StoreError.refused([refusal])) {
            try village.store(as: "yamada").recordDuty(inUse.id, .backup, answers: [:], by: "yamada", at: "2026-05-02T00:00:00Z")
        }
        let sequence = try village.nextSequence()
        try village.forge(.recordDuty(application: inUse.id, kind: .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-04-10")!)]), as: "yamada")
        #expect(try village.verify(as: "sato").findings == [
            Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(inUse.id)", signer: "yamada"),
        ])
    }

    /// The time of an entry is what its signer's yakkan says: suzuki signs a duty dated before
    /// the service was even applied for, after entries of later dates.
    @Test(arguments: StoreKind.available)
    func aDutyWhoseEntryIsDatedBeforeTheEntriesBeforeItIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        let sequence = try village.nextSequence()
        try village.forge(
            .recordDuty(application: inUse.id, kind: .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-03-01")!)]),
            as: "suzuki", at: "2026-03-01T00:00:00Z")
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains {
            if case .datedBeforeEarlierEntries(at: "2026-03-01T00:00:00Z", _) = $0.kind { return $0.sequence == sequence } else { return false }
        }, "\(findings)")
    }

    @Test(arguments: StoreKind.available)
    func anApplicationMovedToAnother課ForItsReviewerToApproveIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let submitted = try village.submitted()
        // ito, 利用責任者 of 企画課, may not double-check 総務課's application.
        let ito = try village.store(as: "ito").staffMember(login: "ito")
        let refusals = FourEyes.refusals(reviewerLogin: "ito", reviewer: ito, application: submitted).map(\.text)
        #expect(refusals == [ReviewRefusal.notReviewerOf(department: "総務課").text])
        #expect(throws: StoreError.refused(refusals)) { try village.store(as: "ito").perform(Self.review(submitted, .approved), by: "ito", at: "2026-04-02T00:00:00Z") }
        // yamada moves it to 企画課 with SQL of their own, in the column (which the server's
        // four-eyes check reads) and in the form; then ito's yakkan, reading that row, approves it.
        var answers = submitted.answers
        answers[ApplicationFields.department] = .text("企画課")
        let json = try SQLStore.json(answers)
        try village.forge(nil, sql: "UPDATE application SET department = '企画課', answers = '\(json)' WHERE id = \(submitted.id)", as: "yamada")
        let sequence = try village.nextSequence()
        let approval = { _ = try village.store(as: "ito").perform(Self.review(submitted, .approved), by: "ito", at: "2026-04-02T00:00:00Z") }
        if kind == .server {
            // The server reads the form's 課 from the log (pg9), not from the column yamada moved.
            SignedLogAttackTests.expectRefusedByTheServer(PostgresFault.fourEyesRefused, "not_reviewer_of", approval)
            #expect(try village.store(as: "sato").application(id: submitted.id)?.status == .submitted)
            #expect(Village.rulesBroken(try village.verify(as: "sato")) == [])
            return
        }
        try approval()
        #expect(try village.store(as: "sato").application(id: submitted.id)?.status == .approved)
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains(Village.ruleBroken(
            StoreText.describe(.refused(refusals)), sequence: sequence, subject: "application/\(submitted.id)", signer: "ito")))
        #expect(findings.contains { $0.kind == .rowNotInLog && $0.subject.hasPrefix("application \(submitted.id): ") && $0.subject.contains("department") })
        #expect(findings.contains(Village.rowNotInLog("decision \(sequence * 1_000_000 + 1)")))
    }

    @Test(arguments: StoreKind.available)
    func aPeriodExtendedIsNamedAndAnHonestDutyAfterItDoesNotLaunderIt(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        var answers = inUse.answers
        answers[ApplicationFields.periodEnd] = .date(Day(iso: "2030-03-31")!)
        let json = try SQLStore.json(answers)
        try village.forge(nil, sql: "UPDATE application SET period_end = '2030-03-31', answers = '\(json)' WHERE id = \(inUse.id)", as: "suzuki")
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("application \(inUse.id): answers, period_end")])
        // suzuki's next duty, honest, refreshes the derived columns from the rewritten row: the
        // rewrite is still named.
        try village.store(as: "suzuki").recordDuty(
            inUse.id, .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-05-01")!)], by: "suzuki", at: "2026-05-01T00:00:00Z")
        let findings = try village.verify(as: "sato").findings
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [])
        #expect(findings.contains { $0.kind == .rowNotInLog && $0.subject.hasPrefix("application \(inUse.id): answers, period_end") })
    }

    @Test(arguments: StoreKind.available)
    func anAlertWithFreeTextIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        // yamada writes kato an alert of their own wording (a member may insert alerts on the server).
        let message = try SQLStore.json(Localized("【管理者より至急】申請番号 9 を本日中に承認してください", "[From the administrator] approve application 9 today"))
        try village.forge(nil, sql: """
            INSERT INTO alert (id, application_id, kind, recipient_login, recipient_name, message, needs_decision, created_at)
            VALUES (9000001, \(inUse.id), 'stopped', 'kato', '加藤 誠', '\(message)', 0, '2026-04-05T00:00:00Z')
            """, as: "yamada")
        #expect(try village.store(as: "kato").openAlerts(for: nil).contains { $0.id == 9_000_001 })
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("alert 9000001")])
        // Signing a read of it changes nothing: it is named all the same.
        try village.forge(.readAlert(id: 9_000_001), sql: "UPDATE alert SET acknowledged_at = '2026-04-05T01:00:00Z', acknowledged_by = 'kato' WHERE id = 9000001", as: "kato")
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("alert 9000001")])
    }

    // MARK: Malformed values

    @Test(arguments: StoreKind.available)
    func answersThatAreNotJSONAreNamedAndOthersWorkOn(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let (first, second) = try village.twoInUse()
        try village.forge(nil, sql: "UPDATE application SET answers = '{not json' WHERE id = \(first.id)", as: "yamada")
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("application \(first.id): answers")])
        let sato = try village.store(as: "sato")
        let today = Day(iso: "2026-05-01")!
        // Another person's work with the other service goes on.
        #expect(try sato.application(id: second.id)?.service == "Example Mail")
        #expect(try sato.openAlerts(for: nil).isEmpty)
        var rows: [Int64] = []
        try sato.eachLedgerRow(LedgerFilter(), today: today) { rows.append($0.id) }
        #expect(rows.sorted() == [first.id, second.id])
        // Each read of whole records, as show, list --format json, due and the exports make them.
        let reads: [(String, () throws -> Void)] = [
            ("applications()", { _ = try sato.applications() }),
            ("summaries", { _ = try sato.summaries(LedgerFilter(), today: today) }),
            ("eachExportedRecord (list --format json, export)", { try sato.eachExportedRecord(LedgerFilter(), today: today) { _ in } }),
            ("query + ApplicationExport.json", { _ = try ApplicationExport.json(try sato.query(LedgerFilter(), today: today)) }),
            ("schedules (due, remind)", { _ = try sato.schedules(LedgerFilter(), today: today) }),
            ("application(id:) of the malformed one (show)", { _ = try sato.application(id: first.id) }),
        ]
        var failing: [String] = []
        for (name, read) in reads.dropLast() {
            do { try read() } catch { failing.append("\(name): \(error)") }
        }
        #expect(failing == [], "\(failing.joined(separator: "\n"))")
        // Showing that one service says which record cannot be read, in words, with the store's status.
        #expect(throws: StoreError.unreadable("application/\(first.id)")) { try reads.last!.1() }
    }

    /// A duty record's answers that are not JSON: the JSON export, which reads duty records'
    /// answers in order as stored, leaves out that one service and names it, as every other read
    /// of whole records does, and exports the other.
    @Test(arguments: StoreKind.available)
    func dutyAnswersThatAreNotJSONLeaveOneServiceOutOfTheExport(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let (first, second) = try village.twoInUse()
        for id in [first.id, second.id] {
            try village.store(as: "suzuki").recordDuty(
                id, .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-05-01")!)], by: "suzuki", at: "2026-05-01T00:00:00Z")
        }
        try village.edit("UPDATE duty_record SET answers = '{not json' WHERE application_id = \(first.id)")
        let sato = try village.store(as: "sato")
        var exported: [ExportedRecord] = []
        try sato.eachExportedRecord(LedgerFilter(), today: Day(iso: "2026-05-01")!) { exported.append($0) }
        #expect(exported.map(\.record.id) == [second.id])
        #expect(sato.setAside.noted == ["application/\(first.id)"])
        // The other's duty record, read in order, is written as its decoded record would be.
        let decoded = try #require(try sato.application(id: second.id))
        #expect(decoded.dutyRecords.count == 1)
        var stream = LedgerStream(mode: .json, .ja)
        #expect(String(decoding: stream.nextJSON(try #require(exported.first)), as: UTF8.self)
            == "[\n" + ApplicationExport.arrayElement(decoded))
    }

    /// SQLite only: a column of a SQLite file takes a value of any type, where the server's
    /// columns are typed. Each read runs in a process of its own, as another person's yakkan
    /// would: a value of the wrong type must be named by verify and stop nobody's reading.
    @Test func aValueOfAnotherTypeInARecordIsNamedAndStopsNobody() async throws {
        let village = try Village(.sqlite)
        try village.directory()
        let first = try village.inUse()
        try village.edit("UPDATE application SET version = 'two' WHERE id = \(first.id)")
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("application \(first.id): version")])
        await #expect(processExitsWith: .success) {
            let village = try StoreVillage(.sqlite)
            try village.directory()
            _ = try village.inUse()
            try village.edit("UPDATE application SET version = 'two' WHERE id = 1")
            _ = try? village.store(as: "sato").applications()
        }
    }

    /// SQLite only, as above: an entry of the log whose number is not a number.
    @Test func anEntryOfAnotherTypeIsNamedByVerifyWithoutStoppingIt() async throws {
        await #expect(processExitsWith: .success) {
            let village = try StoreVillage(.sqlite)
            _ = try village.applicationSubmitted()
            try village.edit("UPDATE audit SET sequence = 'three' WHERE sequence = 3")
            let report = try village.verify(as: "sato")
            if report.isIntact { throw StoreError.corrupt }
        }
    }

    @Test(arguments: StoreKind.available)
    func aSignedEntryThatIsNoCommandIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.applicationSubmitted()
        let yamada = try village.store(as: "yamada")
        let sequence = try village.nextSequence()
        let entry = {
            try yamada.database.write { db in
                let start = try AuditTrail.headSequence(db)
                try AuditTrail.append(db, actor: "yamada", action: "decide-approved", subject: "application/1", detail: #"{"act":{"decide":"#, at: "2026-04-05T00:00:00Z")
                try AuditTrail.seal(db, since: start, keyRing: yamada.keyRing, keys: yamada.keys)
            }
        }
        // The server judges an entry that says it decides a form by what it says (pg9).
        if try SignedLogAttackTests.refusedOnTheServer(kind, village, PostgresFault.fourEyesRefused, "is_applicant", entry) { return }
        try entry()
        #expect(try village.verify(as: "sato").findings == [AuditFinding(.unreadableEntry, sequence: sequence, subject: "application/1")])
        #expect(try village.store(as: "sato").auditEntries().count == Int(sequence))
    }

    @Test(arguments: StoreKind.available)
    func aSignedEntryRelabelledIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        // yamada withdraws their own application, and labels the entry as an approval, as `audit list` would show it.
        let yamada = try village.store(as: "yamada")
        let sequence = try village.nextSequence()
        let entry = {
            try yamada.database.write { db in
                let start = try AuditTrail.headSequence(db)
                try db.execute(sql: "UPDATE application SET status = 'withdrawn', version = version + 1 WHERE id = \(submitted.id)")
                try AuditTrail.append(
                    db, actor: "yamada", action: "decide-approved", subject: "application/\(submitted.id)",
                    detail: try ActEntry(act: .withdraw(application: submitted.id)).encoded(), at: "2026-04-05T00:00:00Z")
                try AuditTrail.seal(db, since: start, keyRing: yamada.keyRing, keys: yamada.keys)
            }
        }
        // The server judges an entry that says it decides a form by what it says (pg9).
        if try SignedLogAttackTests.refusedOnTheServer(kind, village, PostgresFault.fourEyesRefused, "is_applicant", entry) { return }
        try entry()
        #expect(try village.verify(as: "sato").findings == [
            AuditFinding(.relabelled(action: "withdraw"), sequence: sequence, subject: "application/\(submitted.id)"),
        ])
    }

    // MARK: The log emptied

    @Test(arguments: StoreKind.available)
    func anEmptiedLogFollowedByAnOrdinaryWriteIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let approved = try village.approve(try village.applicationSubmitted())
        let decision = try Self.id(village, "SELECT id FROM decision")
        try village.sql("DELETE FROM audit; DELETE FROM audit_head;")
        // kato's next change is an ordinary one: it adopts nothing.
        _ = try village.store(as: "kato").addStaff(StaffMember(login: "ito", name: "伊藤 一", department: "企画課"), by: "kato", at: "2026-04-05T00:00:00Z")
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains(Village.rowNotInLog("application \(approved.id)")))
        #expect(findings.contains(Village.rowNotInLog("decision \(decision)")))
        #expect(findings.contains(Village.rowNotInLog("staff yamada")))
        // The directory was empty as far as the log goes: kato added ito, not themselves.
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [Village.refused(
            DirectoryRules.refusal(actor: "kato", actorMember: nil, directoryIsEmpty: true, target: "ito"))])
    }

    // MARK: Derived columns and laundering

    @Test(arguments: StoreKind.available)
    func derivedColumnsEditedWithSQLAreNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        let due = try village.asOwner { try $0.values(String.self, sql: "SELECT kind FROM duty_due WHERE application_id = \(inUse.id) ORDER BY kind") }
        #expect(!due.isEmpty)
        // suzuki hides every duty from `list --overdue` and from the reminder mail (a member may
        // write duty_due on the server), and rewrites the list's and the search's columns.
        try village.forge(nil, sql: """
            UPDATE duty_due SET due_on = '2099-12-31' WHERE application_id = \(inUse.id);
            UPDATE application SET latest_outcome = 'refused' WHERE id = \(inUse.id);
            """, as: "suzuki")
        try village.edit("UPDATE ledger_text SET content = 'nothing to find' WHERE rowid = \(inUse.id)")
        let findings = try village.verify(as: "sato").findings
        #expect(findings.allSatisfy { $0.kind == .rowNotInLog })
        #expect(findings.map(\.subject).sorted() == (
            ["application \(inUse.id): latest_outcome", "ledger_text \(inUse.id): content"]
            + due.map { "duty_due \(inUse.id)/\($0): due_on" }).sorted())
    }

    @Test(arguments: StoreKind.available)
    func aColumnEditedBeforeAnHonestChangeIsStillNamedAfterIt(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        // yamada changes what the ledger shows as the provider, and the service manager on the form.
        var answers = submitted.answers
        answers[ApplicationFields.serviceManager] = .person(NamedPerson(name: "山田 太郎", login: "yamada"))
        let json = try SQLStore.json(answers)
        try village.forge(nil, sql: "UPDATE application SET provider = 'Evil Corp', answers = '\(json)' WHERE id = \(submitted.id)", as: "yamada")
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("application \(submitted.id): answers, provider")])
        // kato's approval is honest, and signed by kato: it does not take the rewrite under its signature.
        _ = try village.approve(submitted)
        let findings = try village.verify(as: "sato").findings
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [])
        #expect(findings.contains { $0.kind == .rowNotInLog && $0.subject.hasPrefix("application \(submitted.id): answers, provider") })
    }

    /// An administrator whose clock says 2031 purges a service whose records must be kept to
    /// the end of 2030: the store takes the time its caller gives, and verify decides again at
    /// that same time, so the rules allow it; but the entry is dated after the moment anyone
    /// else verifies, and named for it.
    @Test(arguments: StoreKind.available)
    func aPurgeDatedPastTheRetentionOfRecordsStillKeptIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let (ended, _) = try village.fullLifecycle()
        let kato = try village.store(as: "kato")
        let record = try #require(try kato.application(id: ended))
        #expect(TerminationRules.mayPurge(record, today: Day(iso: "2026-06-03")!) != nil)
        let sequence = try village.nextSequence()
        #expect(try kato.purge([ended], by: "kato", at: "2031-01-02T00:00:00Z") == 1)
        let findings = try village.verify(as: "sato", at: "2026-06-03T00:00:00Z").findings
        #expect(findings.contains { $0.kind == .datedInTheFuture("2031-01-02T00:00:00Z") && $0.sequence == sequence }, "\(findings)")
    }

    // MARK: Working state

    @Test(arguments: StoreKind.available)
    func aDraftChangedByAnotherMemberBeforeItsWriterSubmitsItIsRefusedOrNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.applicationSubmitted()
        let yamada = try village.store(as: "yamada")
        let draft = try yamada.saveDraft(Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: [
            ApplicationFields.department: .text("総務課"), ApplicationFields.provider: .text("Example"),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
        ])), at: "2026-04-02T00:00:00Z")
        var changed = draft.state
        changed.answers[ApplicationFields.serviceManager] = .person(NamedPerson(name: "佐藤 一", login: "sato"))
        let state = String(decoding: try JSONEncoder().encode(changed), as: UTF8.self)
        // sato makes themselves the manager of the service yamada is about to submit.
        var refused = false
        do {
            try village.forge(nil, sql: "UPDATE draft SET state = '\(state)' WHERE id = \(draft.id!)", as: "sato")
        } catch {
            refused = true
        }
        guard !refused else { return }
        // The draft no longer holds yamada's signature: yamada's yakkan does not read it as theirs,
        // so it is never submitted under yamada's name, and verify names it.
        #expect(try yamada.drafts(owner: "yamada", procedureID: "application").isEmpty)
        let findings = try village.verify(as: "kato").findings
        #expect(findings == [AuditFinding(.workingStateChanged, sequence: nil, subject: "draft \(draft.id!)")])
    }
}

extension ActRewriteAttackTests {
    /// What `remind` mailed (`reminder_sent`) is working state too, signed by whoever ran it:
    /// suzuki marks kato's items of the day as mailed already; verify names each row, and kato's
    /// `remind` sends them all the same.
    @Test(arguments: StoreKind.available)
    func remindersMarkedSentForAnotherPersonBySQLAreNamedAndMailedAnyway(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        let items = try village.asOwner { try $0.values(String.self, sql: "SELECT kind FROM duty_due WHERE application_id = \(inUse.id) ORDER BY kind") }
            .map { "duty:\(inUse.id):\($0)" }
        let day = Day(iso: "2026-06-01")!
        try village.forge(nil, sql: items.map {
            "INSERT INTO reminder_sent (login, item, day, sent_at) VALUES ('kato', '\($0)', '\(day.iso)', '2026-06-01T00:00:00Z');"
        }.joined(separator: "\n"), as: "suzuki")
        #expect(!items.isEmpty)
        let findings = try village.verify(as: "sato").findings
        #expect(findings == items.map { AuditFinding(.workingStateChanged, sequence: nil, subject: "reminder_sent kato/\($0)/\(day.iso)") })
        #expect(try village.store(as: "kato").claimReminders(items, for: "kato", on: day, at: "2026-06-01T08:00:00Z") == Set(items))
        #expect(try village.verify(as: "sato").findings == [])
    }

    /// The double check a reviewer claims (`application.reviewing_by`, `reviewing_since`) is
    /// working state signed by the reviewer: yamada makes ito (of another 課) seem to be
    /// checking the application; verify names it, and it keeps kato out of nothing.
    @Test(arguments: StoreKind.available)
    func aReviewClaimedInAnotherNameBySQLIsNamedAndKeepsNobodyOut(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        try village.forge(nil, sql: "UPDATE application SET reviewing_by = 'ito', reviewing_since = '2026-04-02T00:00:00Z' WHERE id = \(submitted.id)", as: "yamada")
        #expect(try village.verify(as: "sato").findings == [AuditFinding(.workingStateChanged, sequence: nil, subject: "application \(submitted.id)")])
        #expect(try village.store(as: "kato").claimReview(applicationID: submitted.id, by: "kato", at: "2026-04-02T01:00:00Z") == nil)
        #expect(try village.verify(as: "sato").findings == [])
    }
}

extension ActRewriteAttackTests {
    /// A refusal by the store (a `StoreError`) or by the server's rules (a `PostgresFault`),
    /// whichever comes first, that says `rule`.
    static func expectRefused(_ kind: StoreKind, _ rule: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("it was taken", sourceLocation: sourceLocation)
        } catch let fault as PostgresFault {
            #expect((fault.message + fault.detail).contains(rule), "\(fault)", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)".contains(rule), "\(error)", sourceLocation: sourceLocation)
        }
    }
}
