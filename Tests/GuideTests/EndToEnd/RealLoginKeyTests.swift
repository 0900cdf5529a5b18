import Core
import Foundation
import PrivateServer
import XCTest

/// Keys and real operating-system logins on a shared SQLite store: two logins made with
/// `useradd`, members of the village's group, each running the real `yakkan` as themselves
/// (`setpriv`). A third person is listed in the directory but has no account on this machine
/// yet; a member publishes a key in that name (the file theirs) and signs an act with it. Verify,
/// run by the administrator and by the member alike, looks each key's owner up in the system's
/// own account database and fails on that key: nobody vouched for it.
final class RealLoginKeyTests: XCTestCase {
    func testAKeyPublishedInTheNameOfAListedPersonWithNoAccountFailsEveryonesVerify() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root: it makes operating-system logins with useradd") }
        guard let executable = YakkanExecutable.path else { throw XCTSkip("the yakkan executable was not built") }
        let tag = String(UInt32.random(in: 100_000...999_999))
        let (administrator, member, ghost, group) = ("yka\(tag)", "ykm\(tag)", "ykg\(tag)", "ykv\(tag)")
        func run(_ tool: String, _ arguments: [String]) throws {
            let ran = try PrivateServer.run(tool, arguments)
            guard ran.status == 0 else { throw PrivateServer.Failure("\(tool) \(arguments): \(ran.output)") }
        }
        try run("/usr/sbin/groupadd", [group])
        defer { _ = try? PrivateServer.run("/usr/sbin/groupdel", [group]) }
        for login in [administrator, member] {
            try run("/usr/sbin/useradd", ["--create-home", "--shell", "/bin/bash", "--groups", group, login])
        }
        defer { for login in [administrator, member] { _ = try? PrivateServer.run("/usr/sbin/userdel", ["--remove", login]) } }
        XCTAssertNil(getpwnam(ghost), "the third person has no account here")

        // The store's folder as the README's shared-store recipe makes it: the group's, setgid.
        let folder = try EndToEndFolder()
        let village = folder.path + "/village"
        try FileManager.default.createDirectory(atPath: village, withIntermediateDirectories: true)
        try run("/usr/bin/chgrp", [group, village])
        chmod(folder.path, 0o755)
        chmod(village, 0o2770)
        let store = village + "/yakkan.sqlite"
        func yakkan(_ arguments: [String], as login: String) throws -> PrivateServer.Ran {
            let store = arguments.starts(with: ["store", "init"]) ? [] : ["--store", store]
            return try PrivateServer.run("/usr/bin/env", [
                "-i", "HOME=/home/\(login)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
                "/usr/bin/setpriv", "--reuid=\(login)", "--regid=\(login)", "--init-groups",
                executable] + arguments + store + ["--lang", "en"])
        }
        for arguments in [
            ["store", "init", store],
            ["staff", "add", administrator, "--name", "加藤 誠", "--department", "総務課", "--reviewer-of", "総務課"],
            ["staff", "add", ghost, "--name", "幽 霊子", "--department", "総務課"],
            ["staff", "add", member, "--name", "真理 守", "--department", "総務課"],
        ] {
            let ran = try yakkan(arguments, as: administrator)
            XCTAssertEqual(ran.status, 0, "\(arguments)\n\(ran.output)")
        }
        XCTAssertEqual(try yakkan(["audit", "verify"], as: member).status, 0, "a clean store before the forgery")

        // The member's own code, with a key the member made in the third person's name: an
        // application "by" that person. The files it leaves are the member's, as they would be.
        let forged = try SQLiteStore(
            path: store, workingDirectory: village, clock: FixedClock(day: Day(year: 2026, month: 4, day: 1)!),
            keyRing: KeyRing(folder: folder.path + "/member-keys", scope: .only(ghost)))
        let draft = Draft(owner: ghost, procedureID: "application", state: InterviewState(answers: [
            ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .text("鈴木 一郎"),
        ]))
        _ = try forged.submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
        try run("/usr/bin/find", [village, "-user", "root", "-exec", "chown", "\(member):\(group)", "{}", "+"])

        for login in [administrator, member] {
            let verified = try yakkan(["audit", "verify"], as: login)
            XCTAssertNotEqual(verified.status, 0, "\(login)\n\(verified.output)")
            XCTAssertTrue(verified.output.contains("\(ghost).pub belongs to no account of this machine and no administrator vouched for it"),
                          "\(login)\n\(verified.output)")
        }
    }
}
