import Foundation
import GRDB
import Testing
@testable import Core

// MARK: - Fixtures

/// A folder of its own under the system's temporary folder, removed at the end.
private final class StoreFolder {
    let path: String

    init(setgid: Bool = false) throws {
        path = NSTemporaryDirectory() + "yakkan-store-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(chmod(path, setgid ? 0o2770 : 0o700) == 0)
    }

    var storePath: String { path + "/yakkan.sqlite" }

    /// Where the store keeps a copy of an attachment: `<store>.files/xx/<sha256>`.
    /// Where the store keeps its copy: named by the hash and the original's extension.
    func copyPath(_ sha256: String, extension fileExtension: String = "png") -> String {
        storePath + ".files/" + sha256.prefix(2) + "/" + sha256 + "." + fileExtension
    }

    func open(workingDirectory: String? = nil) throws -> SQLiteStore {
        try SQLiteStore(path: storePath, workingDirectory: workingDirectory ?? path, clock: clock, keyRing: KeyRing(folder: path + "/test-keys", scope: .everyone))
    }

    func write(_ name: String, _ contents: Data) throws -> String {
        let file = path + "/" + name
        #expect(FileManager.default.createFile(atPath: file, contents: contents))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

private let clock = FixedClock(day: Day(year: 2026, month: 4, day: 1)!)
private let stamp = "2026-04-01T00:00:00Z"

private func mode(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
}

private func sha256sum(_ path: String) throws -> String { try StoreFixture.sha256sum(path) }

private func draft(_ answers: Answers) -> Draft { StoreFixture.draft(answers) }

/// The real `yakkan` executable, built beside the test binary by `swift build`.
func yakkanExecutable() -> String? {
    var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    if !FileManager.default.fileExists(atPath: folder.path) {
        folder = Bundle.main.bundleURL
    }
    while ["xctest"].contains(folder.pathExtension) || ["MacOS", "Contents"].contains(folder.lastPathComponent) {
        folder.deleteLastPathComponent()
    }
    let candidates = [
        folder.appendingPathComponent("yakkan").path,
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/yakkan").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Reads a child's output on another thread until `needle` shows; the timeout is a safety net.
private func waitForOutput(_ handle: FileHandle, containing needle: String, timeout: TimeInterval = 120) -> (found: Bool, text: String) {
    final class Box: @unchecked Sendable {
        let lock = NSLock()
        var data = Data()
    }
    let box = Box()
    let found = DispatchSemaphore(value: 0)
    let wanted = Data(needle.utf8)
    Thread {
        while true {
            let chunk = handle.availableData
            box.lock.lock()
            box.data.append(chunk)
            let done = chunk.isEmpty || box.data.range(of: wanted) != nil
            box.lock.unlock()
            if done { found.signal(); return }
        }
    }.start()
    _ = found.wait(timeout: .now() + timeout)
    box.lock.lock()
    defer { box.lock.unlock() }
    return (box.data.range(of: wanted) != nil, String(decoding: box.data, as: UTF8.self))
}

// MARK: - Tests

// What is about SQLite itself: its migrations table, PRAGMAs, the modes of its files and of the
// folder of attachments beside it (the same transaction scripts on both stores are StoreTests).
// Opening a store sets the process's umask, so these tests must not open stores at the same time.
@Suite(.serialized) struct SQLiteStoreTests {

    // MARK: Migrations

    // The server's newer schema, refused untouched too, is PostgresLinkTests'.
    @Test func aStoreWrittenByANewerYakkanIsRefusedUntouched() throws {
        let folder = try StoreFolder()
        do {
            let store = try folder.open()
            _ = try store.saveDraft(draft([ApplicationFields.applicant: .text("山田 太郎")]), at: stamp)
        }
        let identifiers: [String]
        do {
            // A later yakkan's migration, added behind this one's back; closing the last
            // connection folds the WAL into the main file.
            let queue = try DatabaseQueue(path: folder.storePath)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
            identifiers = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            }
            try queue.close()
        }
        #expect(identifiers.contains("v99-from-the-future"))
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.storePath))
        let modifiedBefore = try FileManager.default.attributesOfItem(atPath: folder.storePath)[.modificationDate] as? Date

        #expect(throws: StoreError.newerStore(unknownMigrations: ["v99-from-the-future"])) {
            _ = try folder.open()
        }

        let after = try Data(contentsOf: URL(fileURLWithPath: folder.storePath))
        let modifiedAfter = try FileManager.default.attributesOfItem(atPath: folder.storePath)[.modificationDate] as? Date
        #expect(after == before, "the store file must not be written")
        #expect(modifiedAfter == modifiedBefore)

        // Its contents are still the newer yakkan's.
        let queue = try DatabaseQueue(path: folder.storePath, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let identifiersAfter = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        let drafts = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM draft") }
        try queue.close()
        #expect(identifiersAfter == identifiers)
        #expect(drafts == 1)

        // Refused again the next time: nothing was "repaired".
        #expect(throws: StoreError.newerStore(unknownMigrations: ["v99-from-the-future"])) {
            _ = try folder.open()
        }
    }

    @Test func theStoreWritesWithSynchronousFull() throws {
        let folder = try StoreFolder()
        let store = try folder.open()
        // 2 is FULL, 1 NORMAL: the connection that writes is the one that matters.
        let writer = try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        let reader = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(reader == 2)
        #expect(writer == 2)
    }

    // MARK: File modes

    /// The store's own files that exist now (the WAL and shared memory exist while it is open).
    private func storeFiles(_ folder: StoreFolder) -> [String] {
        ["", "-wal", "-shm", ".lock"].map { folder.storePath + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    @Test func storeFilesArePrivateInAnOrdinaryFolder() throws {
        let folder = try StoreFolder()
        let store = try folder.open()
        _ = try store.saveDraft(draft([ApplicationFields.applicant: .text("山田 太郎")]), at: stamp)
        let original = try folder.write("signup.png", Data("not really a png".utf8))
        let kept = try store.intake.ingest(path: original).get()

        let files = storeFiles(folder)
        #expect(files.contains(folder.storePath))
        #expect(files.contains(folder.storePath + ".lock"))
        for file in files {
            #expect(mode(file) == 0o600, "\(file) is \(String(mode(file) ?? 0, radix: 8))")
        }
        #expect(mode(folder.copyPath(kept.sha256)) == 0o600)
    }

    @Test func attachmentsAreSharedWithTheGroupInASetgidFolder() throws {
        let folder = try StoreFolder(setgid: true)
        #expect(mode(folder.path) == 0o2770)
        let store = try folder.open()
        let original = try folder.write("signup.png", Data("not really a png".utf8))
        let kept = try store.intake.ingest(path: original).get()
        #expect(mode(folder.copyPath(kept.sha256)) == 0o660)
    }

    /// SQLiteStore sets the umask of the whole process, and other suites open stores in this
    /// process at the same time; so the store's own files are created by the real executable,
    /// one store per process, and looked at while it waits for the first answer.
    @Test(arguments: [false, true])
    func storeFilesAreCreatedPrivateOrSharedWithTheGroup(setgid: Bool) throws {
        let executable = try #require(yakkanExecutable(), "the yakkan executable is built beside the tests")
        let folder = try StoreFolder(setgid: setgid)
        let expected: mode_t = setgid ? 0o660 : 0o600

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["apply", "--store", folder.storePath]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let asked = waitForOutput(output.fileHandleForReading, containing: "申請 1/44")
        #expect(asked.found, "yakkan did not ask the first question: \(asked.text)")

        let files = storeFiles(folder)
        let modes = Dictionary(uniqueKeysWithValues: files.map { ($0, mode($0).map { String($0, radix: 8) } ?? "?") })
        #expect(files.contains(folder.storePath), "\(modes)")
        #expect(files.contains(folder.storePath + ".lock"), "\(modes)")
        #expect(mode(folder.storePath + ".lock") == expected, "\(modes)")
        for file in files {
            #expect(mode(file) == expected, "\(modes)")
        }

        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    // MARK: Attachments

    @Test func anAttachmentIsCopiedUnderItsSHA256AndExtensionAndOutlivesTheOriginal() throws {
        let folder = try StoreFolder()
        let store = try folder.open()
        var contents = Data("署名画面のコピー\n".utf8)
        contents.append(contentsOf: (0..<4096).map { UInt8($0 % 251) })
        let original = try folder.write("signup.png", contents)
        let expected = try sha256sum(original)
        #expect(expected.count == 64)

        let kept = try store.intake.ingest(path: original).get()
        #expect(kept.sha256 == expected)
        #expect(kept.fileName == "signup.png")
        #expect(kept.size == Int64(contents.count))
        #expect(kept.addedAt == Village.timestamp(clock.now))

        let copy = folder.copyPath(expected)
        #expect(store.storedPath(of: kept) == copy)
        #expect(FileManager.default.contents(atPath: copy) == contents)
        #expect(try sha256sum(copy) == expected)

        try FileManager.default.removeItem(atPath: original)
        #expect(FileManager.default.contents(atPath: copy) == contents)

        // The same contents under another name of the same kind are kept once.
        let again = try folder.write("again.png", contents)
        let second = try store.intake.ingest(path: again).get()
        #expect(second.sha256 == expected)
        #expect(second.fileName == "again.png")
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.storePath + ".files/" + expected.prefix(2))
        #expect(stored == [expected + ".png"])
    }
}
