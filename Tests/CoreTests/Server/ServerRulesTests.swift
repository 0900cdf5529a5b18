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
            VALUES (1, '2026-04-02T09:00:00Z', 'suzuki', 'decide', 'application/1', '{}', 'd', 'p', 'h')
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
        XCTAssertEqual(rows.value("entries"), "1")

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

    /// The conditions compared one by one: an editor, a 利用責任者 of another 課 (the names
    /// compared as people write them, full-width spaces and letters included), and a 所属長 kept
    /// as a plain name by an earlier store.
    func testEditorsOtherDepartmentsAndPlainNamesAreRefusedAsFourEyesRefusesThem() throws {
        let village = try ServerVillage(on: try server())
        let owner = try village.link()
        let reviewer = village.reviewer
        func refusal(_ core: [Localized], _ situation: String) {
            XCTAssertFalse(core.isEmpty, situation)
            XCTAssertThrowsError(try village.decide(as: reviewer), situation) { error in
                XCTAssertEqual(StoreError(classifying: error), .refused(core), situation)
            }
        }

        try owner.execute("INSERT INTO application_editor (application_id, login) VALUES (1, 'suzuki')")
        refusal(village.coreRefusals(of: reviewer, editors: ["suzuki"]), "an editor")
        try owner.execute("DELETE FROM application_editor")

        try owner.execute("UPDATE application SET department = '企画課'")
        refusal(village.coreRefusals(of: reviewer, department: "企画課"), "another 課")
        try owner.execute("UPDATE application SET department = '総務　課'")
        XCTAssertEqual(village.coreRefusals(of: reviewer, department: "総務　課"), [], "the same 課, written with a space")

        let plainHead = "鈴木　次郎"
        try owner.execute("UPDATE application SET answers = $1", [try ServerVillage.answersText([ApplicationFields.departmentHead: .text(plainHead)])])
        refusal(village.coreRefusals(of: reviewer, department: "総務　課", departmentHead: NamedPerson(name: plainHead, login: nil)),
                "the 所属長 as a plain name")

        try owner.execute("UPDATE application SET answers = '{}'")
        XCTAssertNoThrow(try village.decide(as: reviewer), "no 所属長 named, the same 課: allowed")
    }

    /// The termination form is checked by the same rule, with its own applicant and 所属長.
    func testATerminationFormIsCheckedWithItsOwnApplicantAndHead() throws {
        let village = try ServerVillage(on: try server())
        let owner = try village.link()
        try owner.execute("UPDATE application SET status = 'in_use'")
        let answers = try ServerVillage.answersText([
            TerminationFields.departmentHead: .person(NamedPerson(name: village.reviewer.name, login: village.reviewer.login)),
        ])
        try owner.execute(
            """
            INSERT INTO termination (application_id, applicant, status, answers, submitted_at, version)
            VALUES (1, 'nakamura', 'submitted', $1, '2027-03-01T09:00:00Z', 1)
            """, [answers])
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
        try owner.execute("UPDATE termination SET status = 'confirmed'")
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
        try owner.execute("UPDATE application SET status = 'approved'")
        XCTAssertThrowsError(try village.decide(as: village.reviewer)) { error in
            XCTAssertEqual(StoreError(classifying: error), .refused([ReviewRefusal.notAwaitingReview(.approved).text]))
        }
    }
}
