import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The README's SSH recipe, followed as IT staff would: its shell blocks marked `ssh-recipe` run
/// word for word as a script, but for the names (a group, a login and folders of the test's own
/// instead of `yakkan`, `sato` and `/srv/yakkan`, and the login running the tests as IT's `kato`), then the first day's command over SSH to the
/// member of staff's first prompt. A recipe edited in the README is the recipe tested.
final class SSHRecipeTests: XCTestCase {
    static let readme = EndToEnd.packageRoot.appendingPathComponent("README.md").path

    /// The lines of the fenced block that follows `<!-- ssh-recipe: NAME -->`.
    static func block(_ name: String, in text: String) throws -> String {
        try EndToEnd.readmeBlock(marked: "ssh-recipe: \(name)", in: text)
    }

    func testTheReadmesSSHRecipeFromAFreshHostToAStaffMembersFirstPrompt() throws {
        if let reason = DeskHost.whyNot { throw XCTSkip(reason) }
        guard EndToEndBinary.path != nil else { throw XCTSkip("the yakkan executable was not built") }
        let host = try DeskHost(recipe: true)
        defer { host.tearDown() }

        let readme = try String(contentsOfFile: Self.readme, encoding: .utf8)
        var script = try Self.block("host", in: readme) + "\n" + Self.block("staff", in: readme) + "\n"
        // IT's administrator keeps the directory: here the login running the tests plays kato.
        script += try Self.block("directory", in: readme)
            .replacingOccurrences(of: #"\bkato\b"#, with: NSUserName(), options: .regularExpression) + "\n"
        // The names of the test's own, in place of the village's.
        for (from, to) in [
            ("/srv/yakkan", host.village),
            ("/etc/ssh/sshd_config.d/yakkan.conf", host.folder + "/yakkan.conf"),
            ("groupadd yakkan", "groupadd \(host.group)"),
            ("chgrp yakkan", "chgrp \(host.group)"),
            ("--groups yakkan", "--groups \(host.group)"),
        ] {
            XCTAssertTrue(script.contains(from), "the recipe no longer says \(from)")
            script = script.replacingOccurrences(of: from, with: to)
        }
        script = script.replacingOccurrences(of: #"\bsato\b"#, with: host.login, options: .regularExpression)

        // What the recipe asks of the machine itself, played by stand-ins first on PATH:
        // apt-get checks that the package is there (scripts/setup --test installs it), systemctl
        // notes the reload, and the real sshd is started below from the drop-in the recipe wrote.
        let standIns = host.folder + "/stand-ins"
        try FileManager.default.createDirectory(atPath: standIns, withIntermediateDirectories: true)
        try """
            #!/bin/sh
            for word in "$@"; do
              case "$word" in install|-y|-q*) ;; *) dpkg -s "$word" >/dev/null || exit 100 ;; esac
            done
            """.write(toFile: standIns + "/apt-get", atomically: true, encoding: .utf8)
        try "#!/bin/sh\necho \"$*\" >> \(host.folder)/systemctl.log\n"
            .write(toFile: standIns + "/systemctl", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: standIns + "/yakkan", withDestinationPath: host.yakkan)
        for name in ["apt-get", "systemctl"] { chmod(standIns + "/" + name, 0o755) }
        // The key made on the desk, handed to IT as LOGIN.pub.
        try FileManager.default.copyItem(atPath: host.clientKey + ".pub", toPath: host.folder + "/\(host.login).pub")
        let admin = host.folder + "/admin"
        try FileManager.default.createDirectory(atPath: admin, withIntermediateDirectories: true)

        // IT runs it on the host, in an SSH session, which has the store.
        let ran = Process()
        ran.executableURL = URL(fileURLWithPath: "/bin/bash")
        ran.arguments = ["-euo", "pipefail", "-c", script]
        ran.currentDirectoryURL = URL(fileURLWithPath: host.folder)
        ran.environment = [
            "PATH": standIns + ":/usr/sbin:/usr/bin:/sbin:/bin", "HOME": admin, "LANG": "C.UTF-8",
            "YAKKAN_STORE": host.store, "NO_COLOR": "1",
        ]
        let output = Pipe()
        ran.standardOutput = output
        ran.standardError = output
        ran.standardInput = FileHandle.nullDevice
        host.adoptRecipe()
        try ran.run()
        try? output.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ran.waitUntilExit()
        XCTAssertEqual(ran.terminationStatus, 0, "the recipe failed:\n\(script)\n---\n\(said)")
        XCTAssertTrue(said.contains("佐藤 花子（\(host.login)）を名簿に登録しました。"), said)
        XCTAssertEqual(try String(contentsOfFile: host.folder + "/systemctl.log", encoding: .utf8), "reload ssh\n")

        // What the recipe made: the setgid folder of the group, the login in the group with its
        // own closed desk folder.
        var status = stat()
        XCTAssertEqual(stat(host.village, &status), 0)
        XCTAssertEqual(status.st_mode & 0o7777, 0o2770)
        XCTAssertEqual(status.st_gid, getgrnam(host.group)?.pointee.gr_gid)
        XCTAssertEqual(stat(host.home, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o700, "the home is readable by others")
        XCTAssertEqual(stat(host.home + "/desk", &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o700)
        XCTAssertEqual(status.st_uid, host.uid)
        XCTAssertTrue(try DeskHost.run("/usr/bin/id", ["-nG", host.login]).split(separator: " ")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.contains(host.group))

        // The first day: the one command the member of staff types, to the menu, as themselves.
        try host.start(dropIn: host.folder + "/yakkan.conf")
        let terminal = try host.connect([host.yakkan])
        try terminal.waitFor("（佐藤 花子）", timeout: EndToEnd.patience)
        try terminal.waitFor("番号を選んでください", timeout: EndToEnd.patience)
        try terminal.waitFor("> ", timeout: EndToEnd.patience)
        terminal.send("q\r")
        XCTAssertEqual(try terminal.waitForExit(timeout: EndToEnd.patience), 0)
    }

    /// The Samba share of the desk folder, as Samba's own checker reads it.
    func testTheSambaShareOfTheDeskFolderIsValid() throws {
        let testparm = "/usr/bin/testparm"
        guard FileManager.default.isExecutableFile(atPath: testparm) else {
            throw XCTSkip("testparm is missing: scripts/setup --test installs samba-common-bin")
        }
        let share = try Self.block("smb.conf", in: String(contentsOfFile: Self.readme, encoding: .utf8))
        let file = NSTemporaryDirectory() + "yakkan-smb-" + UUID().uuidString + ".conf"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try ("[global]\n   workgroup = VILLAGE\n" + share + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let read = try DeskHost.run(testparm, ["-s", file])
        for line in ["[homes]", "path = /home/%S/desk", "valid users = %S", "read only = No", "browseable = No",
                     "create mask = 0600", "directory mask = 0700"] {
            XCTAssertTrue(read.contains(line), "testparm did not keep \(line):\n\(read)")
        }
        XCTAssertFalse(read.lowercased().contains("unknown parameter"), read)
    }

    /// The first day's command in the README is the one played above: `ssh -t LOGIN@HOST yakkan`.
    func testTheFirstDaysCommandIsOneLine() throws {
        let readme = try String(contentsOfFile: Self.readme, encoding: .utf8)
        XCTAssertTrue(readme.contains("ssh -t sato@yakkan-host yakkan\n"))
    }
}
