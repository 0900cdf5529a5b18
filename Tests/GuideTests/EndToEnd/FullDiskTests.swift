import Core
import Foundation
import Testing

/// The disk fills in the middle of an interview. A file-size limit (RLIMIT_FSIZE, with SIGXFSZ
/// ignored so that the write fails with EFBIG) stands for the full disk: the store's WAL
/// cannot grow past it. The answer typed must stay, the error be worded, and saving again
/// once there is room must keep it.
@Suite struct FullDiskTests {
    /// Room for the shared-memory file (32 KiB) and a few WAL frames, not for many answers.
    static let limit = 36 * 1024

    /// A new store, and `yakkan apply` on it under the limit. The soft limit is low; the hard
    /// one stays open so it can be raised from outside.
    static func applyUnderLimit(_ folder: EndToEndFolder, _ arguments: [String] = []) throws -> (store: String, child: YakkanChild) {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "prlimit (util-linux) is installed")
        let store = folder.path + "/yakkan.sqlite"
        let initialised = try YakkanChild(
            executable: executable, arguments: ["store", "init", store],
            environment: EndToEnd.environment(home: folder.home), workingDirectory: folder.path)
        try initialised.closeInput()
        try initialised.waitForExit()
        #expect(initialised.process.terminationStatus == 0)
        let child = try YakkanChild(
            executable: "/usr/bin/prlimit",
            arguments: [
                "--fsize=\(limit):unlimited", "/bin/sh", "-c", "trap '' XFSZ; exec \"$0\" apply --store \"$@\"",
                executable, store,
            ] + arguments,
            environment: EndToEnd.environment(home: folder.home), workingDirectory: folder.path)
        return (store, child)
    }

    @Test func anAnswerTypedWhenTheDiskIsFullIsKeptAndSavedOnceThereIsRoom() throws {
        let folder = try EndToEndFolder()
        let (store, child) = try Self.applyUnderLimit(folder)
        try child.waitFor("> ")
        var typed: [String] = []
        while !child.text.contains("保管庫に書き込めませんでした") {
            try #require(typed.count < 20, "the limit was never reached:\n\(child.text)")
            let answer = "回答その\(typed.count + 1)"
            typed.append(answer)
            try child.write(answer + "\n")
            try child.waitFor("> ")
        }
        let failedAnswer = try #require(typed.last)
        #expect(child.text.contains("Enter でもう一度保存します"), "\(child.text)")
        #expect(!child.text.contains("SQLite error"), "\(child.text)")

        // Room again: the limit goes, and Enter saves what was typed.
        let raise = Process()
        raise.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        raise.arguments = ["--pid", "\(child.pid)", "--fsize=unlimited:unlimited"]
        try raise.run()
        raise.waitUntilExit()
        #expect(raise.terminationStatus == 0)
        try child.write("\n")
        try child.waitFor("> ")
        try child.write(":quit\n")
        try child.waitForExit()
        #expect(child.process.terminationStatus == 0, "\(child.text)")

        let saved = try SQLiteStore(
            path: store, workingDirectory: folder.path, clock: SystemClock(), access: .readOnly)
        let drafts = try saved.drafts(owner: SystemIdentityForTests.login, procedureID: ApplicationProcedure.procedure.id)
        #expect(drafts.count == 1)
        let answers = drafts.first.map { Array($0.state.answers.values.compactMap(\.text)) } ?? []
        #expect(answers.contains(failedAnswer), "kept: \(answers), typed: \(typed)")
    }

    /// When the person leaves instead of saving again, the draft is the one last saved.
    @Test func leavingAfterAFailedSaveKeepsTheDraftAsLastSaved() throws {
        let folder = try EndToEndFolder()
        let (store, child) = try Self.applyUnderLimit(folder, ["--lang", "en"])
        try child.waitFor("> ")
        var count = 0
        while !child.text.contains("Could not write to the store") {
            try #require(count < 20, "the limit was never reached:\n\(child.text)")
            count += 1
            try child.write("answer \(count)\n")
            try child.waitFor("> ")
        }
        try child.write(":quit\n")
        try child.waitForExit()
        #expect(child.process.terminationStatus == 0, "\(child.text)")
        #expect(child.text.contains("The draft as it was last saved is kept in the store."), "\(child.text)")

        let saved = try SQLiteStore(path: store, workingDirectory: folder.path, clock: SystemClock(), access: .readOnly)
        let answers = try saved.drafts(owner: SystemIdentityForTests.login, procedureID: ApplicationProcedure.procedure.id)
            .first.map { Array($0.state.answers.values.compactMap(\.text)) } ?? []
        if count > 1 { #expect(answers.contains("answer \(count - 1)"), "kept: \(answers)") }
    }
}

extension FullDiskTests {
    /// The disk is full before a new store's first page is written: a worded error, and the
    /// folder as it was (no empty store, -wal, -shm or lock file left behind).
    @Test func aNewStoreThatCannotBeWrittenLeavesTheFolderAsItWas() throws {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "prlimit (util-linux) is installed")
        let folder = try EndToEndFolder()
        let empty = folder.path + "/new"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let child = try YakkanChild(
            executable: "/usr/bin/prlimit",
            arguments: [
                "--fsize=4096", "/bin/sh", "-c", "trap '' XFSZ; exec \"$0\" store init \"$1\"", executable, empty + "/yakkan.sqlite",
            ],
            environment: EndToEnd.environment(home: folder.home), workingDirectory: folder.path)
        try child.closeInput()
        try child.waitForExit()
        #expect(child.process.terminationStatus == 3, "\(child.text)")
        #expect(child.text.contains("保管庫に書き込めませんでした"), "\(child.text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty) == [])
    }
}

/// The login the children run as: the test's own user.
enum SystemIdentityForTests {
    static var login: String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid\(geteuid())" }
        return String(cString: name)
    }
}
