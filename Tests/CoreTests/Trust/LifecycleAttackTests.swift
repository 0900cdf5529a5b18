import Foundation
import GRDB
import Testing

@testable import Core

/// Attacks on withdrawal, import and the risk acknowledgement by a member of the group who
/// signs, with their own key and yakkan's own code, a change the shell and the store would
/// refuse them; each on a real store file, each named by `audit verify` run by somebody else.
@Suite struct LifecycleAttackTests {
    typealias Village = StoreVillage

    static func rulesBroken(_ village: Village) throws -> [Localized] {
        WithdrawAndImportTests.rulesBroken(try village.verify(as: "sato"))
    }

    /// `sql` written by `login`'s yakkan, carried and signed in an entry of `action`.
    static func sign(_ sql: String, as login: String, action: String, id: Int64, in village: Village) throws {
        _ = try village.store(as: login).recordedWrite { db in
            try db.execute(sql: sql)
            try AuditTrail.append(db, actor: login, action: action, subject: "application/\(id)", detail: "", at: "2026-04-03T00:00:00Z")
        }
    }

    @Test(arguments: StoreKind.available)
    func theManagerAcknowledgingAnApplicationNobodyApprovedIsRefusedAndOneSignedIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        // suzuki, the service manager, skips the double check: the store refuses it.
        #expect(throws: StoreError.self) {
            try village.store(as: "suzuki").acknowledge(Acknowledgement(
                applicationID: submitted.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-02T00:00:00Z"))
        }
        // suzuki signs, as suzuki, the acknowledgement and the service in use, with no approval.
        try Self.sign("""
            INSERT INTO acknowledgement (application_id, login, name, acknowledged_at) VALUES (\(submitted.id), 'suzuki', '鈴木 花子', '2026-04-02T00:00:00Z');
            UPDATE application SET status = 'in_use', version = version + 1 WHERE id = \(submitted.id);
            """, as: "suzuki", action: "acknowledge", id: submitted.id, in: village)
        #expect(try Self.rulesBroken(village) == [ReplayText.acknowledgedWithoutApproval])
    }

    @Test(arguments: StoreKind.available)
    func aServiceSignedIntoUseByItsOwnApplicantWithoutImportIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.applicationSubmitted()
        // yamada creates a service in use naming themselves as its manager, acknowledges it and signs:
        // no administrator's import, no decision.
        let answers = String(decoding: try JSONEncoder().encode([
            ApplicationFields.department: AnswerValue.text("総務課"),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "山田 太郎", login: "yamada")),
        ] as Answers), as: UTF8.self)
        try Self.sign("""
            INSERT INTO application (id, answers, department, provider, service, applicant, status, procedure_version, submitted_at, version)
            VALUES (2, '\(answers)', '総務課', 'Example', 'Drive', 'yamada', 'in_use', '1.0', '2026-04-02T00:00:00Z', 1);
            INSERT INTO acknowledgement (application_id, login, name, acknowledged_at) VALUES (2, 'yamada', '山田 太郎', '2026-04-02T00:00:00Z');
            """, as: "yamada", action: "submit", id: 2, in: village)
        #expect(try Self.rulesBroken(village).contains(ReplayText.acknowledgedWithoutApproval))
    }

    @Test(arguments: StoreKind.available)
    func anotherPersonsApplicationMadeTheirOwnThenWithdrawnIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        #expect(throws: StoreError.refused([DraftActions.mayWithdraw(submitted, login: "suzuki")!])) {
            try village.store(as: "suzuki").withdraw(submitted.id, by: "suzuki", at: "2026-04-02T00:00:00Z")
        }
        // suzuki writes themselves in as the applicant and withdraws it, in one signed entry.
        try Self.sign(
            "UPDATE application SET applicant = 'suzuki', status = 'withdrawn', version = version + 1 WHERE id = \(submitted.id)",
            as: "suzuki", action: "withdraw", id: submitted.id, in: village)
        #expect(try Self.rulesBroken(village) == [ReplayText.formRewritten, ReplayText.withdrawnByAnother])
        // The same in two entries: the applicant changed first, then a withdrawal in their name.
        let other = try Village(kind)
        let again = try other.applicationSubmitted()
        try Self.sign("UPDATE application SET applicant = 'suzuki' WHERE id = \(again.id)", as: "suzuki", action: "edit", id: again.id, in: other)
        try Self.sign(
            "UPDATE application SET status = 'withdrawn', version = version + 1 WHERE id = \(again.id)",
            as: "suzuki", action: "withdraw", id: again.id, in: other)
        #expect(try Self.rulesBroken(other) == [ReplayText.formRewritten])
    }

    @Test(arguments: StoreKind.available)
    func anApprovedFormRewrittenToNameAnotherManagerIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let approved = try village.approve(try village.applicationSubmitted())
        // yamada, the applicant, makes themselves the service manager of the approved form.
        var answers = approved.answers
        answers[ApplicationFields.serviceManager] = .person(NamedPerson(name: "山田 太郎", login: "yamada"))
        let json = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
        try Self.sign(
            "UPDATE application SET answers = '\(json)' WHERE id = \(approved.id)", as: "yamada", action: "edit", id: approved.id, in: village)
        #expect(try Self.rulesBroken(village) == [ReplayText.formRewritten])
    }

    @Test(arguments: StoreKind.available)
    func anApprovalUndoneByPuttingTheApplicationBackInTheQueueIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let refused = try village.store(as: "kato").decide(Decision(
            applicationID: try village.applicationSubmitted().id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .refused,
            reason: "海外のデータセンター", answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: 1))
        // yamada, refused, puts the application back to awaiting review, hoping for another reviewer.
        try Self.sign(
            "UPDATE application SET status = 'submitted', version = version + 1 WHERE id = \(refused.id)",
            as: "yamada", action: "submit", id: refused.id, in: village)
        #expect(try Self.rulesBroken(village) == [ReplayText.resubmittedAfterDecision("refused")])
    }

    @Test(arguments: StoreKind.available)
    func aWithdrawalAnImportOrATellOtherwiseAlertForgedBySQLIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let approved = try village.approve(try village.applicationSubmitted())
        try village.sql("""
            UPDATE application SET status = 'withdrawn' WHERE id = \(approved.id);
            INSERT INTO application (answers, department, provider, service, applicant, status, procedure_version, submitted_at, version)
            VALUES ('{}', '総務課', 'Example', 'Mail', '', 'in_use', '1.0', '2026-04-01T00:00:00Z', 1);
            INSERT INTO alert (application_id, kind, recipient_login, recipient_name, message, needs_decision, created_at)
            VALUES (\(approved.id), 'tell_otherwise', 'kato', '加藤 誠', '{"ja":"すぐに停止してください","en":"Stop it now"}', 0, '2026-04-03T00:00:00Z');
            """)
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains { $0.kind == .rowNotInLog && $0.subject == "application[\(approved.id)]" })
        #expect(findings.contains(AuditFinding(.rowNotInLog, sequence: nil, subject: "application[2]")))
        #expect(findings.contains(AuditFinding(.rowNotInLog, sequence: nil, subject: "alert[1]")))
    }

    @Test(arguments: StoreKind.available)
    func aDraftEditedToClaimADecisionOnPaperIsRefusedAndOneSignedIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.applicationSubmitted()
        // yamada edits their own draft (working state) to carry what only an import writes.
        let answers: Answers = [
            ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "山田 太郎", login: "yamada")),
            ApplicationFields.imported: .flag(true), ApplicationFields.importedOutcome: .choice(DecisionOutcome.approved.rawValue),
        ]
        let refusal = try #require(SubmissionActions.importOnlyRefusal(answers))
        #expect(throws: StoreError.refused([refusal])) {
            try village.store(as: "yamada").submitApplication(
                from: Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: answers)), procedureVersion: "1.0",
                at: "2026-04-02T00:00:00Z")
        }
        // The same form, submitted and signed by yamada with yakkan's own code.
        let json = try SQLStore.json(answers)
        try Self.sign("""
            INSERT INTO application (id, answers, department, provider, service, applicant, status, procedure_version, submitted_at, version)
            VALUES (2, '\(json)', '総務課', 'Example', 'Drive', 'yamada', 'submitted', '1.0', '2026-04-02T00:00:00Z', 1);
            """, as: "yamada", action: "submit", id: 2, in: village)
        #expect(try Self.rulesBroken(village) == [refusal])
    }

    /// yamada's application, approved by kato and acknowledged by suzuki, its manager.
    static func serviceInUse(in village: Village) throws -> ApplicationRecord {
        let approved = try village.approve(try village.applicationSubmitted())
        return try village.store(as: "suzuki").acknowledge(Acknowledgement(
            applicationID: approved.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-03T01:00:00Z"))
    }

    /// suzuki stops the service; kato, 利用責任者, is asked to tell a user not in the directory.
    static func tellOtherwiseAlert(in village: Village) throws -> Alert {
        let approved = try serviceInUse(in: village)
        let suzuki = try village.store(as: "suzuki")
        let alert = Alert(
            applicationID: approved.id, kind: .tellOtherwise, recipientLogin: "kato", recipientName: "加藤 誠",
            message: Localized("ジョン・スミスさんに停止を伝えてください。", "Tell John Smith it was stopped."), createdAt: "2026-04-04T00:00:00Z")
        _ = try suzuki.stopService(approved.id, ServiceStop(reason: "海外経由", stoppedBy: "suzuki", stoppedAt: "2026-04-04T00:00:00Z"), alerts: [alert])
        return try #require(try suzuki.openAlerts().first { $0.kind == .tellOtherwise })
    }

    @Test(arguments: StoreKind.available)
    func anAlertForThe利用責任者IsMarkedReadOnlyByThemAndOneSilencedByAnotherIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let alert = try Self.tellOtherwiseAlert(in: village)
        let id = try #require(alert.id)
        // suzuki, who stopped it, would rather kato never saw it: the store refuses.
        #expect(throws: StoreError.refused([DutyActions.mayAcknowledge(alertFor: "kato", needsDecision: false, login: "suzuki")!])) {
            try village.store(as: "suzuki").acknowledgeAlert(id: id, by: "suzuki", at: "2026-04-04T01:00:00Z")
        }
        #expect(try village.store(as: "kato").openAlerts().contains { $0.id == id })
        // suzuki signs, as suzuki, the alert marked read.
        try Self.sign(
            "UPDATE alert SET acknowledged_at = '2026-04-04T01:00:00Z', acknowledged_by = 'suzuki' WHERE id = \(id)",
            as: "suzuki", action: "alert-acknowledged", id: id, in: village)
        #expect(try Self.rulesBroken(village) == [DutyActions.mayAcknowledge(alertFor: "kato", needsDecision: false, login: "suzuki")!])
        // kato reading it is what verify expects.
        let honest = try Village(kind)
        let own = try Self.tellOtherwiseAlert(in: honest)
        try honest.store(as: "kato").acknowledgeAlert(id: try #require(own.id), by: "kato", at: "2026-04-04T01:00:00Z")
        #expect(try honest.store(as: "kato").openAlerts().isEmpty)
        #expect(try honest.verify(as: "sato").findings == [])
    }

    @Test(arguments: StoreKind.available)
    func aServiceStoppedBySomeoneWhoMayNotStopItIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let inUse = try Self.serviceInUse(in: village)
        let stop = ServiceStop(reason: "気に入らない", stoppedBy: "yamada", stoppedAt: "2026-04-04T00:00:00Z")
        let refusal = try #require(DutyActions.mayStop(inUse, login: "yamada", member: try village.store(as: "yamada").staffMember(login: "yamada")))
        #expect(throws: StoreError.refused([refusal])) { try village.store(as: "yamada").stopService(inUse.id, stop, alerts: []) }
        // yamada, the applicant but neither its manager nor a 利用責任者, signs the stop as yamada.
        try Self.sign(
            "UPDATE application SET status = 'stopped', stopped_reason = '気に入らない', stopped_by = 'yamada', stopped_at = '2026-04-04T00:00:00Z', version = version + 1 WHERE id = \(inUse.id)",
            as: "yamada", action: "stop", id: inUse.id, in: village)
        #expect(try Self.rulesBroken(village) == [refusal])
    }

    @Test(arguments: StoreKind.available)
    func aServiceEndedWithoutTheConfirmationOfItsTerminationIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let inUse = try Self.serviceInUse(in: village)
        // suzuki, its manager, ends it by a signed change of status: no termination form, no double check.
        try Self.sign(
            "UPDATE application SET status = 'ended', ended_on = '2026-04-05', version = version + 1 WHERE id = \(inUse.id)",
            as: "suzuki", action: "terminate", id: inUse.id, in: village)
        #expect(try Self.rulesBroken(village) == [ReplayText.statusWithoutRecord("ended")])
    }

    @Test(arguments: StoreKind.available)
    func aStatusThatIsNotWhatItsDecisionSaysIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        // kato, who may decide, records a refusal for the trail and sets the application approved.
        try Self.sign("""
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
            VALUES (\(submitted.id), 'kato', '加藤 誠', 'refused', '不可', '{}', 1, '2026-04-02T01:00:00Z', 'application');
            UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
            """, as: "kato", action: "decide-refused", id: submitted.id, in: village)
        #expect(try Self.rulesBroken(village) == [ReplayText.statusNotTheDecisions("approved")])
    }

    @Test(arguments: StoreKind.available)
    func theLegitimateLifeOfAServiceStillVerifies(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        let returned = try village.store(as: "kato").decide(Decision(
            applicationID: submitted.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .returned, reason: "期間を",
            answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: submitted.version))
        #expect(returned.status == .returned)
        let draft = try #require(try village.store(as: "yamada").drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id).first)
        var corrected = draft
        corrected.state.answers[ApplicationFields.provider] = .text("Example Inc.")
        let resubmitted = try village.store(as: "yamada").submitApplication(from: corrected, procedureVersion: "1.0", at: "2026-04-02T02:00:00Z")
        let approved = try village.approve(resubmitted)
        _ = try village.store(as: "suzuki").acknowledge(Acknowledgement(
            applicationID: approved.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-03T01:00:00Z"))
        #expect(try village.verify(as: "sato").findings == [])
    }
}
