import Core
import Foundation
import PrivateServer
import XCTest

/// What the server refuses whoever asks, yakkan or a member of staff with psql: the second lock
/// behind Core's rules. The psql cases run the real psql as the person's own login role.
final class ServerRulesTests: ServerTestCase {
    struct PsqlRun {
        let status: Int32
        let output: String
    }

    func psql(_ village: ServerVillage, as user: String?, _ sql: String) throws -> PsqlRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: village.server.psql)
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", village.server.uri(user: user, database: village.database), "-c", sql]
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_MESSAGES"] = "C"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return PsqlRun(status: process.terminationStatus, output: text)
    }

    func testStaffWithPsqlCannotChangeADecisionNorDeleteTheLog() throws {
        let village = try ServerVillage(on: try server())
        try village.decide(as: village.reviewer)
        try village.link(as: village.reviewer.login).execute(
            """
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
