import Core
import Foundation
import PrivateServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Ten people apply at the same moment (43 answers each, every answer a draft saved, then the
/// submit that extends the log), each as their own login: on a SQLite file in a setgid folder
/// (ten user ids, set with setpriv) and on a private PostgreSQL server (ten login roles). Every
/// one of them is recorded, with the numbers 1 to 10, and the log is intact. Before writes
/// to the log were queued on the server, applications failed "busy" here (issue 26).
@Suite(.serialized) struct TenWritersTests {
    static let count = 10
    static let group: gid_t = 61_500
    static let firstUID: uid_t = 61_501

    struct Writer {
        let login: String
        let store: String
        let prefix: [String]
        let home: String
    }

    @Test func tenWritersOnOneSQLiteFileAllSucceed() throws {
        try #require(geteuid() == 0, "setting the children's user ids needs root")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv (util-linux) is installed")
        let folder = try EndToEndFolder()
        let village = folder.path + "/village"
        try FileManager.default.createDirectory(atPath: village, withIntermediateDirectories: false)
        #expect(chown(village, 0, Self.group) == 0)
        #expect(chmod(village, 0o2770) == 0)
        let store = village + "/yakkan.sqlite"
        // The test's own login keeps the directory; without an account, a user id's login is uidNNNNN.
        let writers = try (0..<Self.count).map { index -> Writer in
            let uid = Self.firstUID + uid_t(index)
            let home = folder.path + "/home-\(uid)"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
            #expect(chown(home, uid, Self.group) == 0)
            return Writer(login: "uid\(uid)", store: store,
                          prefix: ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(Self.group)", "--groups=\(Self.group)"], home: home)
        }
        let administrator = Writer(login: SystemIdentityForTests.login, store: store, prefix: [], home: folder.home)
        try Self.applyAtOnce(writers, administrator: administrator, folder: folder)
        // `audit verify` would name the keys of user ids that have no account; the log itself
        // holds each submit once, by its own login.
        let owner = try SQLiteStore(path: store, workingDirectory: folder.path, clock: SystemClock(), access: .readOnly, createFolder: false)
        #expect(try owner.auditEntries().filter { $0.action == "submit" }.map(\.actor).sorted() == writers.map(\.login).sorted())
    }

    @Test func tenWritersOnOneServerAllSucceed() throws {
        let server: PrivateServer
        do { server = try PrivateServer.shared() } catch let missing as PrivateServer.NotInstalled {
            try #require(Bool(false), "\(missing)")
            return
        }
        let logins = (1...Self.count).map { String(format: "tw%02d", $0) }
        let database = try server.newStoreDatabase(logins: ["twboss"] + logins, administrators: ["twboss"])
        let folder = try EndToEndFolder()
        func writer(_ login: String) throws -> Writer {
            let home = folder.path + "/home-" + login
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            return Writer(login: login, store: server.uri(user: login, database: database), prefix: [], home: home)
        }
        let administrator = try writer("twboss")
        try Self.applyAtOnce(try logins.map(writer), administrator: administrator, folder: folder)
        let owner = try ServerStore(uri: server.uri(database: database), workingDirectory: folder.path, clock: SystemClock(),
                                    cacheFolder: folder.path + "/owner-cache", keyRing: nil)
        #expect(try owner.auditEntries().filter { $0.action == "submit" }.map(\.actor).sorted() == logins)
        let verified = try Self.yakkan(["audit", "verify"], as: administrator, folder: folder)
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("The audit trail is intact"), "\(verified.output)")
    }

    /// The administrator fills the directory; then every writer applies at once, released
    /// together by a file appearing. Each must be recorded, under its own number.
    static func applyAtOnce(_ writers: [Writer], administrator: Writer, folder: EndToEndFolder) throws {
        for (login, name, reviewer) in [(administrator.login, "Admin Person", true), ("head", "Head Person", false), ("manager", "Manager Person", false)]
            + writers.enumerated().map({ ($1.login, "Writer \($0 + 1)", false) }) {
            let added = try yakkan(["staff", "add", login, "--name", name, "--department", "総務課"] + (reviewer ? ["--reviewer-of", "総務課"] : []),
                                   as: administrator, folder: folder)
            try #require(added.status == 0, "\(added.output)")
        }
        let barrier = folder.path + "/go"
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        let children = try writers.enumerated().map { index, writer in
            var environment = EndToEnd.environment(home: writer.home)
            environment["GO"] = barrier
            let child = try YakkanChild(
                executable: writer.prefix.first ?? "/bin/sh",
                arguments: Array(writer.prefix.dropFirst()) + (writer.prefix.isEmpty ? [] : ["/bin/sh"]) + [
                    "-c", "echo ready; while [ ! -e \"$GO\" ]; do sleep 0.01; done; exec \"$0\" apply --bail --store \"$1\" --lang en",
                    executable, writer.store,
                ],
                environment: environment, workingDirectory: EndToEnd.filesFolder.path)
            try child.write(answers(name: "Writer \(index + 1)", tag: "\(index + 1)"))
            try child.closeInput()
            return child
        }
        for child in children { try child.waitFor("ready") }
        #expect(FileManager.default.createFile(atPath: barrier, contents: nil))
        var numbers: [Int64] = []
        for child in children {
            try child.waitForExit()
            #expect(child.process.terminationStatus == 0, "\(child.text)")
            if let match = child.text.firstMatch(of: #/Submitted as application (\d+)\./#), let number = Int64(match.1) {
                numbers.append(number)
            } else {
                Issue.record("not submitted:\n\(child.text)")
            }
        }
        #expect(numbers.sorted() == Array(1...Int64(writers.count)))
    }

    static func answers(name: String, tag: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
        formatter.dateFormat = "yyyy-MM-dd"
        let today = formatter.string(from: Date()), end = formatter.string(from: Date().addingTimeInterval(365 * 86_400))
        let checks = (1...8).flatMap { check in [check == 3 ? "na" : "yes", "", ""] }
        return ([
            name, "総務課", "Example Storage Inc.", "Example Drive \(tag)", "Online storage that keeps files for the office and shares them by link.",
            "To share files with partner groups.", "memos", "IV", "no", "no", "\(name), Manager Person", today, end, "Manager Person",
            "Head Person", "Hand files over through the office file server", "signup.png", "terms.pdf", "",
        ] + checks + ["yes", "y"]).joined(separator: "\n") + "\n"
    }

    static func yakkan(_ arguments: [String], as writer: Writer, folder: EndToEndFolder) throws -> PrivateServer.Ran {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        let child = try YakkanChild(
            executable: writer.prefix.first ?? executable,
            arguments: Array(writer.prefix.dropFirst()) + (writer.prefix.isEmpty ? [] : [executable]) + arguments + ["--store", writer.store, "--lang", "en"],
            environment: EndToEnd.environment(home: writer.home), workingDirectory: folder.path)
        try child.closeInput()
        try child.waitForExit()
        return PrivateServer.Ran(status: child.process.terminationStatus, output: child.text)
    }
}
