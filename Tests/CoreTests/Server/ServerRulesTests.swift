import Core
import Foundation
import PrivateServer
import XCTest

/// What the server refuses whoever asks, yakkan or a member of staff with psql: the second lock
/// behind Core's rules. The psql cases run the real psql as the person's own login role.
final class ServerRulesTests: ServerTestCase {
    func psql(_ village: ServerVillage, as user: String?, _ sql: String) throws -> PrivateServer.Ran {
        try village.server.psql(as: user, database: village.database, sql)
    }

    func testStaffWithPsqlCannotChangeADecisionNorDeleteTheLog() throws {
        let village = try ServerVillage(on: try server())
        try village.decide(as: village.reviewer)
        // An entry for the tables to hold, written by their owner (staff append through the
        // server's function only, since pg8).
        try village.link().execute(
            """
            SET yakkan.owner_writes_for_others = on;
            INSERT INTO audit (sequence, at, actor, action, subject, detail, detail_digest, previous_hash, hash)
            VALUES ((SELECT max(sequence) + 1 FROM audit), '2026-04-02T09:00:00Z', 'suzuki', 'decide', 'application/1', '{}', 'd', 'p', 'h')
            """)

        let update = try psql(village, as: village.reviewer.login, "UPDATE decision SET outcome = 'refused'")
        XCTAssertEqual(update.status, 1, update.output)
        XCTAssertTrue(update.output.contains("permission denied for table decision"), update.output)
        let delete = try psql(village, as: village.applicant.login, "DELETE FROM audit")
        XCTAssertEqual(delete.status, 1, delete.output)
        XCTAssertTrue(delete.output.contains("permission denied for table audit"), delete.output)
        let rewrite = try psql(village, as: village.reviewer.login, "UPDATE audit SET actor = 'tanaka'")
        XCTAssertEqual(rewrite.status, 1, rewrite.output)
        XCTAssertTrue(rewrite.output.contains("permission denied for table audit"), rewrite.output)

        // Even the tables' owner, who has every privilege, meets the trigger.
        for sql in ["DELETE FROM audit", "UPDATE audit SET actor = 'tanaka'", "TRUNCATE audit"] {
            let owner = try psql(village, as: nil, sql)
            XCTAssertEqual(owner.status, 1, sql + "\n" + owner.output)
            XCTAssertTrue(owner.output.contains("audit is append-only"), sql + "\n" + owner.output)
        }
        let rows = try village.link().execute("SELECT outcome, (SELECT count(*) FROM audit) AS entries FROM decision")
        XCTAssertEqual(rows.value("outcome"), "approved")
        XCTAssertEqual(rows.value("entries"), "2", "the application as filed, and the owner's entry")

        // The one change an entry ever takes: its signature, once.
        XCTAssertEqual(try psql(village, as: village.reviewer.login, "UPDATE audit SET signature = 'signed'").status, 0)
        let again = try psql(village, as: village.reviewer.login, "UPDATE audit SET signature = 'forged'")
        XCTAssertEqual(again.status, 1, again.output)
        XCTAssertTrue(again.output.contains("audit is append-only"), again.output)
    }

    func testAnApplicantWithPsqlCannotApproveTheirOwnApplication() throws {
        let village = try ServerVillage(on: try server())
        let run = try psql(village, as: village.applicant.login, """
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, answers, application_version, decided_at)
            VALUES (1, 'tanaka', '田中 一郎', 'approved', '{}', 1, '2026-04-02T09:00:00Z')
            """)
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.output.contains("four-eyes rule"), run.output)
        XCTAssertTrue(run.output.contains("is_applicant"), run.output)
        XCTAssertEqual(try village.link().execute("SELECT count(*) AS n FROM decision").value("n"), "0")
    }

    /// Both locks refuse, with the same reasons: Core's FourEyes, and the server's check on
    /// the insert, worded back by Core.
    func testTheServerRefusesWhatFourEyesRefusesAndSaysTheSame() throws {
        let village = try ServerVillage(on: try server())
        for member in [village.applicant, village.head] {
            let core = village.coreRefusals(of: member)
            XCTAssertFalse(core.isEmpty, member.login)
            XCTAssertThrowsError(try village.decide(as: member)) { error in
                XCTAssertEqual(StoreError(classifying: error), .refused(core), member.login)
            }
        }
        XCTAssertEqual(village.coreRefusals(of: village.reviewer), [])
        XCTAssertNoThrow(try village.decide(as: village.reviewer))
    }

    /// The conditions compared one by one, each as the log has the form: an editor, a 利用責任者
    /// of another 課 (the names compared as people write them, full-width spaces and letters
    /// included), and a 所属長 kept as a plain name by an earlier store.
    func testEditorsOtherDepartmentsAndPlainNamesAreRefusedAsFourEyesRefusesThem() throws {
        let village = try ServerVillage(on: try server())
        let reviewer = village.reviewer
        func refusal(_ core: [Localized], _ situation: String, application: Int64? = nil) {
            XCTAssertFalse(core.isEmpty, situation)
            XCTAssertThrowsError(try village.decide(as: reviewer, application: application), situation) { error in
                XCTAssertEqual(StoreError(classifying: error), .refused(core), situation)
            }
        }

        // A second application that the log says suzuki corrected.
        try village.file(2, by: village.applicant, answers: [:])
        try village.correct(2, by: reviewer, answers: [:])
        refusal(village.coreRefusals(of: reviewer, departmentHead: NamedPerson(name: "", login: nil), editors: ["suzuki"]),
                "an editor", application: 2)

        try village.correct(answers: [ApplicationFields.department: .text("企画課")])
        refusal(village.coreRefusals(of: reviewer, department: "企画課", departmentHead: NamedPerson(name: "", login: nil)), "another 課")
        try village.correct(answers: [ApplicationFields.department: .text("総務　課")])
        XCTAssertEqual(village.coreRefusals(of: reviewer, department: "総務　課"), [], "the same 課, written with a space")

        let plainHead = "鈴木　次郎"
        try village.correct(answers: [ApplicationFields.department: .text("総務　課"), ApplicationFields.departmentHead: .text(plainHead)])
        refusal(village.coreRefusals(of: reviewer, department: "総務　課", departmentHead: NamedPerson(name: plainHead, login: nil)),
                "the 所属長 as a plain name")

        try village.correct(answers: [ApplicationFields.department: .text("総務課")])
        XCTAssertNoThrow(try village.decide(as: reviewer), "no 所属長 named, the same 課: allowed")
    }

    /// What staff may write of a form's rows does not move the server's check: a 利用責任者 who
    /// applied deletes her editor row, names another applicant and moves the form to a 課 she
    /// does not review, then decides it with psql; the log still says whose form it is.
    func testTheCheckReadsTheLogNotTheRowsStaffWrite() throws {
        let village = try ServerVillage(on: try server())
        let applicant = village.applicant
        let changed = try village.server.psql(as: applicant.login, database: village.database, """
            DELETE FROM application_editor WHERE application_id = 1;
            UPDATE application SET applicant = 'nakamura', department = '企画課',
                answers = '{"department_head":{"text":{"_0":"誰か"}}}' WHERE id = 1;
            """)
        XCTAssertEqual(changed.status, 0, changed.output)
        XCTAssertThrowsError(try village.decide(as: applicant)) { error in
            XCTAssertEqual(StoreError(classifying: error), .refused(village.coreRefusals(of: applicant)))
        }
        XCTAssertEqual(try village.link().execute("SELECT count(*) AS n FROM decision").value("n"), "0")
    }

    /// The termination form is checked by the same rule, with its own applicant and 所属長.
    func testATerminationFormIsCheckedWithItsOwnApplicantAndHead() throws {
        let village = try ServerVillage(on: try server())
        let owner = try village.link()
        let answers: [String: AnswerValue] = [
            TerminationFields.departmentHead: .person(NamedPerson(name: village.reviewer.name, login: village.reviewer.login)),
        ]
        try owner.execute(
            """
            INSERT INTO termination (application_id, applicant, status, answers, submitted_at, version)
            VALUES (1, 'nakamura', 'submitted', $1, '2027-03-01T09:00:00Z', 1)
            """, [try ServerVillage.answersText(answers)])
        try village.append(.submitTermination(application: 1, answers: answers), by: village.head.login, subject: "application/1")
        for member in [village.head, village.reviewer] {
            let form = ReviewableForm(
                department: village.department, applicantLogin: village.head.login,
                departmentHead: NamedPerson(name: village.reviewer.name, login: village.reviewer.login), editors: [], notAwaiting: nil)
            let core = FourEyes.refusals(reviewerLogin: member.login, reviewer: member, form: form).map(\.text)
            XCTAssertFalse(core.isEmpty, member.login)
            XCTAssertThrowsError(try village.decide(as: member, form: .termination), member.login) { error in
                XCTAssertEqual(StoreError(classifying: error), .refused(core), member.login)
            }
        }
        XCTAssertNoThrow(try village.decide(as: village.applicant, form: .termination), "the application's applicant may check the termination")
        try village.append(
            .decide(Command.Review(application: 1, form: .termination, version: 1, answers: [ReviewFields.decision: .choice("confirmed")])),
            by: village.applicant.login, subject: "application/1")
        XCTAssertThrowsError(try village.decide(as: village.applicant, form: .termination)) { error in
            XCTAssertEqual(StoreError(classifying: error), .refused([TerminationStatus.confirmed.notAwaitingReview]))
        }
    }

    func testADecisionIsRecordedOnlyUnderTheReviewersOwnLogin() throws {
        let village = try ServerVillage(on: try server())
        XCTAssertThrowsError(try village.decide(as: village.applicant, naming: village.reviewer)) { error in
            guard case .refused(let reasons) = StoreError(classifying: error) else { return XCTFail("\(error)") }
            XCTAssertTrue(reasons.first?.en.contains("the server authenticated tanaka") == true, "\(reasons)")
        }
    }

    func testSomeoneOutsideTheDirectoryAndAFormNoLongerAwaitingReviewAreRefused() throws {
        let village = try ServerVillage(on: try server())
        let owner = try village.link()
        try owner.execute(ServerRoles.createLogin("sato", administrator: false))
        let outsider = StaffMember(login: "sato", name: "佐藤 花子", department: "総務課")
        XCTAssertThrowsError(try village.decide(as: outsider)) { error in
            XCTAssertEqual(StoreError(classifying: error), .refused([ReviewRefusal.notInDirectory(login: "sato").text]))
        }
        try village.append(
            .decide(Command.Review(application: 1, form: .application, version: 1, answers: [ReviewFields.decision: .choice("approved")])),
            by: village.reviewer.login, subject: "application/1")
        XCTAssertNoThrow(try village.decide(as: village.reviewer), "the row of the approval just logged")
        XCTAssertThrowsError(try village.decide(as: village.reviewer), "a second row of it") { error in
            XCTAssertEqual(StoreError(classifying: error), .refused([ReviewRefusal.notAwaitingReview(.approved).text]))
        }
    }
}
