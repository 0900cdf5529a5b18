import Core
import Foundation
import PrivateServer
import XCTest

/// The real `yakkan` executable on a store on a private server, each person by their own login.
/// Who someone is, is the role named by `user=` in the URI: the private server trusts every
/// role on its own socket (its folder is readable by the tests alone), so that role is what the
/// server authenticated, and `session_user`, not the operating-system login the tests run as,
/// is who yakkan acts for.
final class ServerStoreCommandTests: ServerTestCase {
    struct Village {
        let server: PrivateServer
        let database: String
        let folder = try? EndToEndFolder()

        func uri(as login: String? = nil) -> String { server.uri(user: login, database: database) }

        /// One run, as `login`, its standard input `input`.
        func yakkan(_ arguments: [String], as login: String?, input: String = "") throws -> PrivateServer.Ran {
            let child = try start(arguments, as: login)
            try child.write(input)
            try child.closeInput()
            try child.waitForExit()
            return PrivateServer.Ran(status: child.process.terminationStatus, output: child.text)
        }

        func start(_ arguments: [String], as login: String?) throws -> YakkanChild {
            guard let executable = YakkanExecutable.path else { throw XCTSkip("the yakkan executable was not built") }
            guard let folder else { throw PrivateServer.Failure("no folder for the runs") }
            return try YakkanChild(
                executable: executable, arguments: arguments + ["--store", uri(as: login), "--lang", "en"],
                environment: EndToEnd.environment(home: folder.home), workingDirectory: folder.path)
        }

        /// What is on the server, read by its owner in-process: to choose whom the runs play.
        func records() throws -> (applications: [ApplicationRecord], staff: [StaffMember]) {
            guard let folder else { throw PrivateServer.Failure("no folder") }
            let store = try ServerStore(
                uri: uri(), workingDirectory: folder.path, clock: SystemClock(), cacheFolder: folder.path + "/owner-cache", keyRing: nil)
            return (try store.applications(), try store.staff())
        }
    }

    /// `store init` and `demo` by the tables' owner (the cluster's superuser), then a login role
    /// for everyone of the directory, as IT staff make them.
    func demoVillage() throws -> Village {
        let server = try server()
        let village = Village(server: server, database: try server.newDatabase())
        guard let executable = YakkanExecutable.path else { throw XCTSkip("the yakkan executable was not built") }
        let folder = try XCTUnwrap(village.folder)
        let initRun = try PrivateServer.run(executable, ["store", "init", village.uri(), "--lang", "en"])
        XCTAssertEqual(initRun.status, 0, initRun.output)
        let child = try YakkanChild(
            executable: executable, arguments: ["demo", village.uri(), "--lang", "en"], environment: EndToEnd.environment(home: folder.home),
            workingDirectory: folder.path)
        try child.closeInput()
        try child.waitForExit()
        XCTAssertEqual(child.process.terminationStatus, 0, child.text)
        XCTAssertTrue(child.text.contains("Built the demo village in \(village.uri())"), child.text)
        XCTAssertTrue(child.text.contains("yakkan list --store '\(village.uri())'"), child.text)
        // The demo's own keys are beside the owner's data folder, not beside a file.
        let demoKeys = folder.home + "/.local/share/yakkan/demo-keys/" + ServerAddress.fingerprint(village.uri())
        XCTAssertTrue(FileManager.default.fileExists(atPath: demoKeys + "/yakkan_demo_yamada.ed25519"), demoKeys)

        // The owner may create roles: the demo's people got theirs as the directory was written,
        // each named apart from anyone's login (roles belong to the whole server).
        let roles = try server.psql(as: nil, database: village.database, "SELECT rolname FROM pg_roles WHERE pg_has_role(rolname, 'yakkan_staff', 'MEMBER') ORDER BY 1")
        for member in try village.records().staff {
            XCTAssertTrue(roles.output.contains(" \(member.login)\n"), member.login + "\n" + roles.output)
            XCTAssertTrue(member.login == server.superuser || member.login.hasPrefix(DemoVillage.serverLoginPrefix), member.login)
        }
        return village
    }

    func testTheDemoOnAServerIsReadReviewedAndVerifiedByEachLoginAndPsqlTamperingIsNamed() throws {
        let village = try demoVillage()
        let (applications, staff) = try village.records()
        XCTAssertGreaterThan(applications.count, 10)

        // Reading, as a member of staff: the rows the owner wrote, under this login.
        let list = try village.yakkan(["list"], as: "yakkan_demo_yamada")
        XCTAssertEqual(list.status, 0, list.output)
        XCTAssertTrue(list.output.contains("Example Drive"), list.output)
        let show = try village.yakkan(["show", "1"], as: "yakkan_demo_yamada")
        XCTAssertEqual(show.status, 0, show.output)
        XCTAssertTrue(show.output.contains("Application to use a service under click-through terms"), show.output)
        let due = try village.yakkan(["due"], as: "yakkan_demo_yamada")
        XCTAssertEqual(due.status, 0, due.output)

        // An application awaiting review, a reviewer Core's rules allow, and its applicant.
        let candidates = applications.filter { $0.status == .submitted }.compactMap { application -> (ApplicationRecord, StaffMember)? in
            // Not the owner, who visits the demo: a member of staff on their own login.
            let allowed = staff.first {
                $0.login != village.server.superuser && ReviewActions.mayReview(application, login: $0.login, reviewer: $0).isEmpty
            }
            return allowed.map { (application, $0) }
        }
        let (waiting, reviewer) = try XCTUnwrap(candidates.first, "the demo has an application a member of staff may review")
        let applicant = waiting.applicantLogin
        let applicantIsReviewer = staff.contains { $0.login == applicant && !$0.reviewerOf.isEmpty }
        XCTAssertNotEqual(applicant, reviewer.login)

        // The applicant cannot double-check their own form: yakkan says why, and writes nothing.
        let own = try village.yakkan(["review", "\(waiting.id)", "--bail"], as: applicant)
        XCTAssertEqual(own.status, 1, own.output)
        XCTAssertTrue(own.output.contains("You cannot double-check this application"), own.output)
        XCTAssertTrue(own.output.contains(applicantIsReviewer ? "your own application" : "not the 利用責任者"), own.output)

        // Another login reviews it, answering each question as it comes.
        let review = try village.start(["review", "\(waiting.id)"], as: reviewer.login)
        try answerReview(review)
        XCTAssertEqual(review.process.terminationStatus, 0, review.text)
        let decided = try XCTUnwrap(try village.records().applications.first { $0.id == waiting.id })
        XCTAssertEqual(decided.decisions.last?.reviewerLogin, reviewer.login, "the decision is the authenticated login's")
        XCTAssertEqual(decided.status, .returned)

        // A third login verifies everything the others wrote: nothing to find.
        let third = try XCTUnwrap(staff.first { ![applicant, reviewer.login].contains($0.login) }?.login)
        let verified = try village.yakkan(["audit", "verify"], as: third)
        XCTAssertEqual(verified.status, 0, verified.output)
        XCTAssertTrue(verified.output.contains("The audit trail is intact"), verified.output)
        XCTAssertTrue(verified.output.contains("PostgreSQL keeps its own pages"), verified.output)

        // The owner changes a row with psql, outside yakkan: verify names it.
        let tampered = try village.server.psql(
            as: nil, database: village.database, "UPDATE application SET status = 'in_use' WHERE id = \(waiting.id)")
        XCTAssertEqual(tampered.status, 0, tampered.output)
        let found = try village.yakkan(["audit", "verify"], as: third)
        XCTAssertEqual(found.status, 1, found.output)
        XCTAssertTrue(found.output.contains("The store does not match its audit trail"), found.output)
        XCTAssertTrue(found.output.contains("application \(waiting.id): status is not what the log says"), found.output)
    }

    /// A real person's login of a demo villager's surname, and a database that keeps a real
    /// directory: the demo refuses the one, and never gives or takes the other's groups.
    func testTheDemoRefusesADatabaseWithADirectoryAndLeavesRealLoginsAlone() throws {
        let server = try server()
        let executable = try XCTUnwrap(YakkanExecutable.path)
        // takahashi works here: staff, not an administrator (the demo's takahashi is one).
        let real = try server.psql(as: nil, database: "postgres", """
            DO $r$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'takahashi') THEN CREATE ROLE takahashi LOGIN; END IF; END $r$;
            """)
        XCTAssertEqual(real.status, 0, real.output)
        let production = Village(server: server, database: try server.newDatabase())
        XCTAssertEqual(try PrivateServer.run(executable, ["store", "init", production.uri()]).status, 0)
        XCTAssertEqual(try server.psql(as: nil, database: production.database, "GRANT yakkan_staff TO takahashi").status, 0)
        let first = try production.yakkan(["staff", "add", server.superuser, "--name", "情報 太郎", "--department", "総務課"], as: nil)
        XCTAssertEqual(first.status, 0, first.output)
        let entries = try server.psql(as: nil, database: production.database, "SELECT count(*) FROM audit")

        let refused = try production.yakkan(["demo", production.uri()], as: nil)
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains("already holds records and a staff directory of 1 people"), refused.output)
        XCTAssertEqual(try server.psql(as: nil, database: production.database, "SELECT count(*) FROM audit").output, entries.output)

        // Into a database of its own, the demo's people are yakkan_demo_…, and takahashi is as before.
        let demo = try demoVillage()
        let groups = try server.psql(as: nil, database: demo.database, """
            SELECT concat_ws(',', pg_has_role('takahashi', 'yakkan_staff', 'MEMBER'), pg_has_role('takahashi', 'yakkan_admin', 'MEMBER'),
                   pg_has_role('yakkan_demo_takahashi', 'yakkan_admin', 'MEMBER')) AS standing
            """)
        XCTAssertTrue(groups.output.contains(" t,f,t\n"), groups.output)
    }

    func testTheLoginIsTheServersRolesFollowTheDirectoryAndADemoGoesOnlyIntoAnEmptyDatabase() throws {
        let village = try demoVillage()
        // The operating system's login runs every process here; the server's login is who acts:
        // the menu greets the person the directory names for it.
        let system = String(cString: getpwuid(geteuid()).pointee.pw_name)
        XCTAssertNotEqual(system, "yakkan_demo_yamada")
        let menu = try village.yakkan([], as: "yakkan_demo_yamada")
        XCTAssertTrue(menu.output.contains("(山田 太郎)"), menu.output)
        XCTAssertFalse(menu.output.contains("(\(system))"), menu.output)
        let again = try village.yakkan(["demo", village.uri()], as: nil)
        XCTAssertEqual(again.status, 1, again.output)
        XCTAssertTrue(again.output.contains("already holds records and a staff directory"), again.output)
        // Only the tables' owner writes a demo: a member of staff is told so before anything is written.
        let empty = try village.server.newDatabase()
        let initialised = try PrivateServer.run(try XCTUnwrap(YakkanExecutable.path), ["store", "init", village.server.uri(database: empty)])
        XCTAssertEqual(initialised.status, 0, initialised.output)
        let byStaff = try village.yakkan(["demo", village.server.uri(user: "yakkan_demo_yamada", database: empty)], as: nil)
        XCTAssertEqual(byStaff.status, 1, byStaff.output)
        XCTAssertTrue(byStaff.output.contains("yakkan_demo_yamada does not"), byStaff.output)
        let written = try village.server.psql(as: nil, database: empty, "SELECT count(*) FROM audit")
        XCTAssertTrue(written.output.contains(" 0\n"), written.output)
        // The demo's administrator may not create roles, but keeps the role in step with the
        // directory through pg5's narrow function; the owner, who may create roles, directly.
        let added = try village.yakkan(["staff", "add", "newcomer", "--name", "新井 一", "--department", "総務課"], as: "yakkan_demo_ogawa")
        XCTAssertEqual(added.status, 0, added.output)
        XCTAssertFalse(added.output.contains("Ask IT staff"), added.output)
        let staffRole = try village.server.psql(as: nil, database: village.database, "SELECT pg_has_role('newcomer', 'yakkan_staff', 'MEMBER')")
        XCTAssertTrue(staffRole.output.contains(" t\n"), staffRole.output)
        let byOwner = try village.yakkan(["staff", "set-role", "newcomer", "--admin"], as: nil)
        XCTAssertEqual(byOwner.status, 0, byOwner.output)
        XCTAssertFalse(byOwner.output.contains("Ask IT staff"), byOwner.output)
        let member = try village.server.psql(as: nil, database: village.database, "SELECT pg_has_role('newcomer', 'yakkan_admin', 'MEMBER')")
        XCTAssertTrue(member.output.contains(" t\n"), member.output)

        // A role the server knows but that has no grant cannot read: the server refuses, in words.
        let stranger = try village.server.psql(as: nil, database: village.database, "CREATE ROLE stranger LOGIN")
        XCTAssertEqual(stranger.status, 0, stranger.output)
        let refused = try village.yakkan(["list"], as: "stranger")
        XCTAssertNotEqual(refused.status, 0, refused.output)
        XCTAssertTrue(refused.output.contains("yakkan_staff"), refused.output)
    }

    /// Answers the review's questions in English as they come: agree with a mark, a note for
    /// anything free, return the form with a reason, then submit.
    func answerReview(_ child: YakkanChild) throws {
        var seen = ""
        for _ in 0..<80 {
            do { try child.waitFor("\n> ") } catch { break }
            let text = child.text
            let question = String(text.dropFirst(seen.count))
            seen = text
            let answer: String
            if question.contains("(y:") {
                answer = "y"
            } else if question.contains("○ × ／") {
                answer = "○"
            } else if question.contains("(yes/no)") {
                answer = "yes"
            } else if question.lowercased().contains("approve") && question.lowercased().contains("return") {
                answer = "return"
            } else {
                answer = "checked on the server"
            }
            try child.write(answer + "\n")
        }
        try child.closeInput()
        try child.waitForExit()
    }
}
