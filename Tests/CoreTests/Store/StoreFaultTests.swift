import Foundation
import GRDB
import Testing
@testable import Core

/// The store's faults met by the real executable on real files: damaged pages, a writer
/// holding the lock, a store whose mode forbids writing, a symbolic link given as evidence.
/// SQLite only: these are faults of the file (a server that is not there is PostgresLinkTests').
@Suite struct StoreFaultTests {
    typealias Folder = ScratchFolder

    struct Run {
        let status: Int32
        let output: String
    }

    /// Runs yakkan to its end with no input; `prefix` runs it through another program (setpriv).
    static func yakkan(_ arguments: [String], prefix: [String] = [], in folder: String) throws -> Run {
        let executable = try #require(yakkanExecutable(), "the yakkan executable is built beside the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: prefix.first ?? executable)
        process.arguments = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [executable] + arguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["YAKKAN_STORE", "XDG_DATA_HOME", "XDG_STATE_HOME"] { environment[key] = nil }
        environment["HOME"] = folder
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    // MARK: Damaged pages

    /// Each of these pages damaged in its own copy of a lived-in store: the audit chain alone
    /// said "intact" for most of them.
    @Test func auditVerifyFindsADamagedPageWhereverItIs() throws {
        let folder = try Folder()
        let pristine = folder.path + "/village.sqlite"
        let demo = try Self.yakkan(["demo", pristine], in: folder.path)
        #expect(demo.status == 0, "\(demo.output)")
        let clean = try Self.yakkan(["audit", "verify", "--store", pristine], in: folder.path)
        #expect(clean.status == 0, "\(clean.output)")
        #expect(clean.output.contains("保管庫のファイルは健全です"))

        let (pageSize, pages) = try Self.rootPages(pristine, of: ["audit", "application", "duty_record", "person"])
        #expect(pages.count == 4)
        for (name, page) in pages {
            let copy = folder.path + "/\(name).sqlite"
            try FileManager.default.copyItem(atPath: pristine, toPath: copy)
            try Self.damage(copy, page: page, pageSize: pageSize)
            let verified = try Self.yakkan(["audit", "verify", "--store", copy], in: folder.path)
            #expect(verified.status == 3, "page of \(name): \(verified.output)")
            #expect(verified.output.contains("保管庫のファイルが壊れています"), "page of \(name): \(verified.output)")
            let english = try Self.yakkan(["audit", "verify", "--store", copy, "--lang", "en"], in: folder.path)
            #expect(english.output.contains("The store's file is damaged"), "page of \(name): \(english.output)")
            #expect(!english.output.contains("SQLite error"), "\(english.output)")
            // Other commands meeting the damage say so in words, with the store's status.
            for arguments in [["list", "--format", "json"], ["show", "1"], ["staff", "add", "x", "--name", "x", "--department", "x"]] {
                let run = try Self.yakkan(arguments + ["--store", copy], in: folder.path)
                #expect(!run.output.contains("SQLite error") && !run.output.contains("malformed"), "\(arguments) on \(name): \(run.output)")
                #expect(run.status != 0 || !run.output.isEmpty, "\(arguments) on \(name)")
            }
        }
    }

    static func rootPages(_ path: String, of tables: [String]) throws -> (Int, [(String, Int)]) {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            let pages = try tables.compactMap { name in
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [name]).map { (name, $0) }
            }
            return (size, pages)
        }
    }

    /// Overwrites the page after its header with a fixed pattern, as a bad sector or a stray
    /// write would.
    static func damage(_ path: String, page: Int, pageSize: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64((page - 1) * pageSize + 12))
        var generator = SystemRandomNumberGenerator()
        handle.write(Data((0..<(pageSize - 24)).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    }

    // MARK: A writer holding the lock

    @Test func aWriterHoldingTheLockBlocksNoReaderAndAnotherWriterGetsAWordedError() throws {
        let folder = try Folder()
        let store = folder.path + "/yakkan.sqlite"
        #expect(try Self.yakkan(["store", "init", store], in: folder.path).status == 0)
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: store, configuration: holding)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO person (login, name, department, updated_at) VALUES ('x', 'x', 'x', 'x')")
        }
        defer { try? holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }

        // Readers read the last committed state and never wait.
        for arguments in [["list"], ["staff", "list"], ["due"], ["audit", "verify"], ["show", "1"]] {
            let run = try Self.yakkan(arguments + ["--store", store], in: folder.path)
            #expect(!run.output.contains("database is locked") && !run.output.contains("書き込み中"), "\(arguments): \(run.output)")
            // There is no application 1: a refusal (1), not a fault of the store.
            #expect(run.status == (arguments == ["show", "1"] ? 1 : 0), "\(arguments): \(run.output)")
        }
        // A writer waits for the busy timeout, then says so in words, with the store's status.
        let writer = try Self.yakkan(["staff", "add", "root", "--name", "管理 者", "--department", "総務課", "--store", store], in: folder.path)
        #expect(writer.status == 3, "\(writer.output)")
        #expect(writer.output.contains("保管庫は他の人が書き込み中"), "\(writer.output)")
        #expect(!writer.output.contains("SQLite error"))
    }

    // MARK: A store the login may not write

    /// Root may write any file, so the login here is another user id, set with setpriv.
    @Test func aStoreThatCannotBeWrittenIsRefusedAndLeavesNothingBehind() throws {
        try #require(geteuid() == 0, "acting as another user id needs root")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv (util-linux) is installed")
        let folder = try Folder()
        let own = folder.path + "/own"
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: false)
        #expect(chown(own, 61_481, 61_481) == 0)
        let asUser = ["/usr/bin/setpriv", "--reuid=61481", "--regid=61481", "--clear-groups"]
        let store = own + "/yakkan.sqlite"
        #expect(try Self.yakkan(["store", "init", store], prefix: asUser, in: folder.path).status == 0)
        #expect(chmod(store, 0o400) == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: own).sorted()

        let refused = try Self.yakkan(["apply", "--store", store], prefix: asUser, in: folder.path)
        #expect(refused.status == 3, "\(refused.output)")
        #expect(refused.output.contains("保管庫に書き込む権限がありません"), "\(refused.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: own).sorted() == before, "a refused open leaves no -wal or -shm")
        // Reading a store one may not write is fine.
        #expect(try Self.yakkan(["list", "--store", store], prefix: asUser, in: folder.path).status == 0)

        // Once its mode is fixed, it opens: nothing left behind blocks it.
        #expect(chmod(store, 0o600) == 0)
        let fixed = try Self.yakkan(["apply", "--store", store], prefix: asUser, in: folder.path)
        #expect(fixed.status == 0, "\(fixed.output)")
    }

    // MARK: Evidence through a symbolic link

    @Test func anAttachmentThatIsASymbolicLinkIsNotCopied() throws {
        let folder = try Folder()
        let store = try SQLiteStore(path: folder.path + "/yakkan.sqlite", workingDirectory: folder.path, clock: FixedClock(day: Day(year: 2026, month: 4, day: 1)!))
        let secret = folder.path + "/secret"
        try "not yours\n".write(toFile: secret, atomically: false, encoding: .utf8)
        #expect(chmod(secret, 0o600) == 0)
        #expect(symlink(secret, folder.path + "/terms.pdf") == 0)

        #expect(store.intake.ingest(path: "terms.pdf") == .failure(.symbolicLink(path: "terms.pdf")))
        let kept = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path + "/yakkan.sqlite.files")) ?? []
        #expect(kept.isEmpty)
        #expect(EngineText.attachmentProblem(.symbolicLink(path: "terms.pdf")).en.contains("symbolic link"))
    }

    @Test func anAttachmentFolderThatIsASymbolicLinkReceivesNothing() throws {
        let folder = try Folder()
        let elsewhere = folder.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
        #expect(chmod(elsewhere, 0o755) == 0)
        #expect(symlink(elsewhere, folder.store + ".files") == 0)
        let store = try SQLiteStore(path: folder.store, workingDirectory: folder.path, clock: FixedClock(day: Day(year: 2026, month: 4, day: 1)!))
        try "terms\n".write(toFile: folder.path + "/terms.pdf", atomically: false, encoding: .utf8)

        // The person's file is fine: it is the store's folder that is refused.
        #expect(store.intake.ingest(path: "terms.pdf") == .failure(.notKept(path: "terms.pdf", fault: .notARegularFile(path: folder.store + ".files"))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == [])
        var info = stat()
        #expect(stat(elsewhere, &info) == 0 && info.st_mode & 0o7777 == 0o755)
    }
}
