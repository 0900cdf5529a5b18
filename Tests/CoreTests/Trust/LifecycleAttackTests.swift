import Foundation
import GRDB
import Testing

@testable import Core

/// Attacks on withdrawal, import, the decision, the risk acknowledgement, alerts and stops by
/// a member of the group who signs, with their own key and yakkan's own code, a command the
/// shell and the store would refuse them (past `Decide`), with any rows they like beside it;
/// each on a real store of each kind, each refused by the store or named by `audit verify` run
/// by somebody else, in the words of the rule that refuses it.
@Suite struct LifecycleAttackTests {
    typealias Village = StoreVillage

    static func review(_ record: ApplicationRecord, _ outcome: DecisionOutcome, form: Decision.Form = .application, version: Int? = nil) -> Command {
        .decide(Command.Review(
            application: record.id, form: form, version: version ?? record.version,
            answers: [ReviewFields.decision: .choice(outcome.rawValue)]))
    }

    @Test(arguments: StoreKind.available)
    func theManagerAcknowledgingAnApplicationNobodyApprovedIsRefusedAndOneSignedIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        let refusal = try #require(AcknowledgementRules.refusal(login: "suzuki", member: try village.store(as: "suzuki").staffMember(login: "suzuki"), application: submitted))
        // suzuki, the service manager, skips the double check: the store refuses it.
        #expect(throws: StoreError.refused([refusal])) {
            try village.store(as: "suzuki").acknowledge(Acknowledgement(
                applicationID: submitted.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-02T00:00:00Z"))
        }
        // suzuki signs, as suzuki, the acknowledgement, and writes the service in use, with no approval.
        let sequence = try village.nextSequence()
        try village.forge(.acknowledgeRisks(application: submitted.id), sql: """
            INSERT INTO acknowledgement (application_id, login, name, acknowledged_at) VALUES (\(submitted.id), 'suzuki', '鈴木 花子', '2026-04-02T00:00:00Z');
            UPDATE application SET status = 'in_use', version = version + 1 WHERE id = \(submitted.id);
            """, as: "suzuki")
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains(Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(submitted.id)", signer: "suzuki")))
        #expect(findings.contains(Village.rowNotInLog("acknowledgement \(submitted.id)")))
        #expect(Village.rulesBroken(try village.verify(as: "kato")) == [Village.refused(refusal)])
    }

    @Test(arguments: StoreKind.available)
    func aServiceSignedIntoUseByItsOwnApplicantWithoutImportIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.applicationSubmitted()
        // yamada makes a service in use naming themselves as its manager, acknowledges it, and
        // signs it as an import: no administrator's import, no decision.
        let answers: Answers = [
            ApplicationFields.department: .text("総務課"), ApplicationFields.provider: .text("Example"), ApplicationFields.service: .text("Drive"),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "山田 太郎", login: "yamada")),
        ]
        let json = try SQLStore.json(answers)
        try village.forge(.importService(row: 2, answers: answers), sql: """
            INSERT INTO application (id, answers, department, provider, service, applicant, status, procedure_version, submitted_at, version)
            VALUES (2, '\(json)', '総務課', 'Example', 'Drive', 'yamada', 'in_use', '1.0', '2026-04-02T00:00:00Z', 1);
            INSERT INTO acknowledgement (application_id, login, name, acknowledged_at) VALUES (2, 'yamada', '山田 太郎', '2026-04-02T00:00:00Z');
            """, as: "yamada")
        let yamada = try village.store(as: "yamada").staffMember(login: "yamada")
        let findings = try village.verify(as: "sato").findings
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [Village.refused(ImportActions.mayImport(member: yamada))])
        #expect(findings.contains(Village.rowNotInLog("application 2")))
        #expect(findings.contains(Village.rowNotInLog("acknowledgement 2")))
    }

    @Test(arguments: StoreKind.available)
    func anotherPersonsApplicationMadeTheirOwnThenWithdrawnIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        let refusal = try #require(DraftActions.mayWithdraw(submitted, login: "suzuki"))
        #expect(throws: StoreError.refused([refusal])) {
            try village.store(as: "suzuki").withdraw(submitted.id, by: "suzuki", at: "2026-04-02T00:00:00Z")
        }
        // suzuki writes themselves in as the applicant and withdraws it, in one signed entry.
        try village.forge(
            .withdraw(application: submitted.id),
            sql: "UPDATE application SET applicant = 'suzuki', status = 'withdrawn', version = version + 1 WHERE id = \(submitted.id)",
            as: "suzuki")
        let findings = try village.verify(as: "sato").findings
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [Village.refused(refusal)])
        #expect(findings.contains(Village.rowNotInLog("application \(submitted.id): applicant, status, version")))
        // The same in two steps: the applicant changed by SQL first, then the store's own
        // withdrawal, which reads that row and takes it: the log's replay does not.
        let other = try Village(kind)
        let again = try other.applicationSubmitted()
        try other.forge(nil, sql: "UPDATE application SET applicant = 'suzuki' WHERE id = \(again.id)", as: "suzuki")
        let sequence = try other.nextSequence()
        _ = try other.store(as: "suzuki").withdraw(again.id, by: "suzuki", at: "2026-04-02T00:00:00Z")
        let laundered = try other.verify(as: "sato").findings
        #expect(laundered.contains(Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(again.id)", signer: "suzuki")))
        #expect(laundered.contains(Village.rowNotInLog("application \(again.id): applicant, status, version")))
    }

    @Test(arguments: StoreKind.available)
    func anApprovedFormRewrittenToNameAnotherManagerIsNamedAndSoIsTheAcknowledgementItAllowed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let approved = try village.approve(try village.applicationSubmitted())
        // yamada, the applicant, makes themselves the service manager of the approved form.
        var answers = approved.answers
        answers[ApplicationFields.serviceManager] = .person(NamedPerson(name: "山田 太郎", login: "yamada"))
        let json = try SQLStore.json(answers)
        try village.forge(nil, sql: "UPDATE application SET answers = '\(json)' WHERE id = \(approved.id)", as: "yamada")
        #expect(try village.verify(as: "sato").findings == [Village.rowNotInLog("application \(approved.id): answers")])
        // The store, reading the rewritten row, lets yamada acknowledge as its manager; verify,
        // deciding the same command on the form as approved, does not.
        let sequence = try village.nextSequence()
        _ = try village.store(as: "yamada").acknowledge(Acknowledgement(
            applicationID: approved.id, login: "yamada", name: "山田 太郎", acknowledgedAt: "2026-04-03T00:00:00Z"))
        let refusal = try #require(AcknowledgementRules.refusal(login: "yamada", member: try village.store(as: "yamada").staffMember(login: "yamada"), application: approved))
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains(Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(approved.id)", signer: "yamada")))
        #expect(findings.contains(Village.rowNotInLog("acknowledgement \(approved.id)")))
    }

    @Test(arguments: StoreKind.available)
    func aRefusalUndoneByPuttingTheApplicationBackInTheQueueIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let refused = try village.store(as: "kato").decide(Decision(
            applicationID: try village.applicationSubmitted().id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .refused,
            reason: "海外のデータセンター", answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: 1))
        // yamada, refused, puts the application back to awaiting review, hoping for another
        // reviewer, and signs it as a corrected application sent again.
        let sequence = try village.nextSequence()
        try village.forge(
            .submitApplication(Command.Submission(answers: refused.answers, correcting: refused.id, procedureVersion: "1.0")),
            sql: "UPDATE application SET status = 'submitted', version = version + 1 WHERE id = \(refused.id)", as: "yamada")
        let findings = try village.verify(as: "sato").findings
        // Only a returned application is sent again by its applicant: Decide says so, in the words of its rule.
        #expect(findings.contains(Village.ruleBroken(
            StoreText.describe(.refused([ReplayText.resubmittedAfterDecision("refused")])), sequence: sequence,
            subject: "application/\(refused.id)", signer: "yamada")))
        #expect(findings.contains(Village.rowNotInLog("application \(refused.id): status, version")))
    }

    @Test(arguments: StoreKind.available)
    func aWithdrawalAnImportOrATellOtherwiseAlertForgedBySQLIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let approved = try village.approve(try village.applicationSubmitted())
        try village.sql("""
            UPDATE application SET status = 'withdrawn' WHERE id = \(approved.id);
            INSERT INTO application (id, answers, department, provider, service, applicant, status, procedure_version, submitted_at, version)
            VALUES (2, '{}', '総務課', 'Example', 'Mail', '', 'in_use', '1.0', '2026-04-01T00:00:00Z', 1);
            INSERT INTO alert (id, application_id, kind, recipient_login, recipient_name, message, needs_decision, created_at)
            VALUES (1, \(approved.id), 'tell_otherwise', 'kato', '加藤 誠', '{"ja":"すぐに停止してください","en":"Stop it now"}', 0, '2026-04-03T00:00:00Z');
            """)
        let findings = try village.verify(as: "sato").findings
        #expect(findings == [
            Village.rowNotInLog("application \(approved.id): status"), Village.rowNotInLog("application 2"), Village.rowNotInLog("alert 1"),
        ])
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
        let sequence = try village.nextSequence()
        try village.forge(
            .submitApplication(Command.Submission(answers: answers, correcting: nil, procedureVersion: "1.0")), subject: "application/2",
            sql: """
                INSERT INTO application (id, answers, department, provider, service, applicant, status, procedure_version, submitted_at, version)
                VALUES (2, '\(json)', '総務課', 'Example', 'Drive', 'yamada', 'submitted', '1.0', '2026-04-02T00:00:00Z', 1);
                """, as: "yamada")
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains(Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/2", signer: "yamada")))
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [Village.refused(refusal)])
        #expect(findings.contains(Village.rowNotInLog("application 2")))
    }

    /// yamada's application, approved by kato and acknowledged by suzuki, its manager.
    static func serviceInUse(in village: Village) throws -> ApplicationRecord {
        let approved = try village.approve(try village.applicationSubmitted())
        return try village.store(as: "suzuki").acknowledge(Acknowledgement(
            applicationID: approved.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-03T01:00:00Z"))
    }

    /// suzuki stops the service; kato, 利用責任者, is asked to tell a user not in the directory.
    static func tellOtherwiseAlert(in village: Village) throws -> Alert {
        try village.directory()
        _ = try village.inUse()
        let suzuki = try village.store(as: "suzuki")
        let stopped = try suzuki.stopService(1, reason: "海外経由", by: "suzuki", at: "2026-04-04T00:00:00Z")
        #expect(stopped.stopped)
        return try #require(try suzuki.openAlerts(for: nil).first { $0.kind == .tellOtherwise && $0.recipientLogin == "kato" })
    }

    @Test(arguments: StoreKind.available)
    func anAlertForThe利用責任者IsMarkedReadOnlyByThemAndOneSilencedByAnotherIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let alert = try Self.tellOtherwiseAlert(in: village)
        let id = try #require(alert.id)
        let refusal = try #require(DutyActions.mayAcknowledge(alertFor: "kato", needsDecision: false, login: "suzuki"))
        // suzuki, who stopped it, would rather kato never saw it: the store refuses.
        #expect(throws: StoreError.refused([refusal])) {
            try village.store(as: "suzuki").acknowledgeAlert(id: id, by: "suzuki", at: "2026-04-04T01:00:00Z")
        }
        #expect(try village.store(as: "kato").openAlerts(for: nil).contains { $0.id == id })
        // suzuki signs, as suzuki, the alert marked read.
        let sequence = try village.nextSequence()
        try village.forge(
            .readAlert(id: id), sql: "UPDATE alert SET acknowledged_at = '2026-04-04T01:00:00Z', acknowledged_by = 'suzuki' WHERE id = \(id)",
            as: "suzuki")
        let findings = try village.verify(as: "sato").findings
        #expect(findings == [
            Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "alert/\(id)", signer: "suzuki"),
            Village.rowNotInLog("alert \(id): acknowledged_at, acknowledged_by"),
        ])
        // kato reading it is what verify expects.
        let honest = try Village(kind)
        let own = try Self.tellOtherwiseAlert(in: honest)
        try honest.store(as: "kato").acknowledgeAlert(id: try #require(own.id), by: "kato", at: "2026-04-04T01:00:00Z")
        #expect(try !honest.store(as: "kato").openAlerts(for: nil).contains { $0.id == own.id })
        #expect(try honest.verify(as: "sato").findings == [])
    }

    @Test(arguments: StoreKind.available)
    func aServiceStoppedBySomeoneWhoMayNotStopItIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let inUse = try Self.serviceInUse(in: village)
        let refusal = try #require(DutyActions.mayStop(inUse, login: "yamada", member: try village.store(as: "yamada").staffMember(login: "yamada")))
        #expect(throws: StoreError.refused([refusal])) {
            try village.store(as: "yamada").stopService(inUse.id, reason: "気に入らない", by: "yamada", at: "2026-04-04T00:00:00Z")
        }
        // yamada, the applicant but neither its manager nor a 利用責任者, signs the stop as yamada.
        let sequence = try village.nextSequence()
        try village.forge(
            .stopService(application: inUse.id, reason: "気に入らない"),
            sql: """
                UPDATE application SET status = 'stopped', stopped_reason = '気に入らない', stopped_by = 'yamada',
                stopped_at = '2026-04-04T00:00:00Z', version = version + 1 WHERE id = \(inUse.id)
                """,
            as: "yamada")
        let findings = try village.verify(as: "sato").findings
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [Village.refused(refusal)])
        #expect(findings.contains(Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(inUse.id)", signer: "yamada")))
        #expect(findings.contains { $0.kind == .rowNotInLog && $0.subject.hasPrefix("application \(inUse.id): status,") })
    }

    @Test(arguments: StoreKind.available)
    func aServiceEndedWithoutTheConfirmationOfItsTerminationIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let inUse = try Self.serviceInUse(in: village)
        // suzuki, its manager, ends it with a signed confirmation of a termination form nobody
        // submitted, and the service's status changed beside it.
        let sequence = try village.nextSequence()
        let forgery = {
            try village.forge(
                Self.review(inUse, .confirmed, form: .termination, version: 1),
                sql: "UPDATE application SET status = 'ended', ended_on = '2026-04-05', version = version + 1 WHERE id = \(inUse.id)",
                as: "suzuki")
        }
        // The server reads the form from the log (pg9): no termination awaits review.
        if try SignedLogAttackTests.refusedOnTheServer(kind, village, PostgresFault.fourEyesRefused, "not_awaiting_review", forgery) { return }
        try forgery()
        let findings = try village.verify(as: "sato").findings
        #expect(findings.contains(Village.ruleBroken(
            Village.refused(TerminationRules.noTermination(inUse)), sequence: sequence, subject: "application/\(inUse.id)", signer: "suzuki")))
        #expect(findings.contains { $0.kind == .rowNotInLog && $0.subject.hasPrefix("application \(inUse.id): status,") })
    }

    @Test(arguments: StoreKind.available)
    func aStatusThatIsNotWhatItsDecisionSaysIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        // kato, who may decide, signs a refusal for the trail and writes the application approved.
        let sequence = try village.nextSequence()
        try village.forge(
            Self.review(submitted, .refused),
            sql: """
                INSERT INTO decision (id, application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
                VALUES (\(sequence * 1_000_000 + 1), \(submitted.id), 'kato', '加藤 誠', 'approved', NULL, '{}', 1, '2026-04-05T01:00:00Z', 'application');
                UPDATE application SET status = 'approved', version = 2 WHERE id = \(submitted.id);
                """,
            as: "kato")
        let findings = try village.verify(as: "sato").findings
        #expect(Village.rulesBroken(try village.verify(as: "sato")) == [])
        #expect(findings.contains(Village.rowNotInLog("decision \(sequence * 1_000_000 + 1): outcome, answers")))
        #expect(findings.contains { $0.kind == .rowNotInLog && $0.subject.hasPrefix("application \(submitted.id): status") })
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

    @Test(arguments: StoreKind.available)
    func aWholeLifeOfEveryKindOfRecordVerifies(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.fullLifecycle()
        #expect(try village.verify(as: "sato").findings == [])
    }
}
