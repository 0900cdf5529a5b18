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

extension FullDiskTests {
    /// The disk fills while an attachment is copied into the store: the person's file is not
    /// blamed ("cannot read"), the store's fault is worded, the file is left as it was, and a
    /// session that ends there ends with the store's status, 3.
    @Test func aFullDiskDuringAnAttachmentCopyIsTheStoresFault() throws {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "prlimit (util-linux) is installed")
        let folder = try EndToEndFolder()
        let store = folder.path + "/yakkan.sqlite"
        let login = SystemIdentityForTests.login
        for arguments in [
            ["staff", "add", login, "--name", "加藤 誠", "--department", "総務課", "--reviewer-of", "総務課", "--store", store],
            ["staff", "add", "suzuki", "--name", "鈴木 一郎", "--department", "総務課", "--store", store],
        ] {
            let child = try YakkanChild(
                executable: executable, arguments: arguments, environment: EndToEnd.environment(home: folder.home), workingDirectory: folder.path)
            try child.closeInput()
            try child.waitForExit()
            #expect(child.process.terminationStatus == 0, "\(child.text)")
        }
        // Larger than the file-size limit below, which the store's own few writes stay under.
        let large = folder.path + "/signup.png"
        try Data(repeating: 0x5A, count: 3 << 20).write(to: URL(fileURLWithPath: large))
        let answers = [
            "加藤 誠", "総務課", "Example Storage株式会社", "Example Drive",
            "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。", "観光イベントの写真を協力団体と共有するため",
            "イベント写真", "Ⅳ", "いいえ", "いいえ", "加藤 誠", "", "2027-03-31", "加藤 誠", "鈴木 一郎", "庁内ファイルサーバ", large,
        ]
        let child = try YakkanChild(
            executable: "/usr/bin/prlimit",
            arguments: ["--fsize=\(2 << 20)", "/bin/sh", "-c", "trap '' XFSZ; exec \"$0\" apply --store \"$1\"", executable, store],
            environment: EndToEnd.environment(home: folder.home), workingDirectory: folder.path)
        try child.write(answers.joined(separator: "\n") + "\n")
        try child.closeInput()
        try child.waitForExit()
        #expect(child.text.contains("保管庫に書き込めませんでした"), "\(child.text)")
        #expect(child.text.contains("ファイルそのものには問題ありません"), "\(child.text)")
        #expect(!child.text.contains("ファイルを読み込めません"), "\(child.text)")
        #expect(child.process.terminationStatus == 3, "\(child.text)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: large)).count == 3 << 20)
    }
}
