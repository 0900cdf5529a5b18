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

/// The SHA-256 of a file as another program computes it.
private func sha256sum(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

private func attachment(_ name: String, _ digit: Character) -> Core.Attachment {
    Core.Attachment(sha256: String(repeating: digit, count: 64), fileName: name, size: 1234, addedAt: stamp)
}

/// Answers of every kind the interview produces, for a whole application.
private func completeAnswers() -> Answers {
    typealias F = ApplicationFields
    var answers: Answers = [
        F.applicant: .text("山田 太郎"), F.department: .text("総務課"),
        F.provider: .text("Example Storage株式会社"), F.service: .text("Example Drive 無料プラン"),
        F.description: .text("インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。"),
        F.purpose: .text("観光イベントの写真を協力団体と共有するため"),
        F.informationKinds: .list(["イベント写真", "公開済みのチラシ"]), F.classification: .classification(.four),
        F.personalInformation: .flag(false), F.overseas: .flag(false), F.users: .list(["山田 太郎", "佐藤 花子"]),
        F.periodStart: .date(Day(year: 2026, month: 4, day: 1)!), F.periodEnd: .date(Day(year: 2027, month: 3, day: 31)!),
        F.serviceManager: .text("佐藤 花子"), F.departmentHead: .text("鈴木 一郎"),
        F.alternative: .text("庁内ファイルサーバの共有フォルダで受け渡す"),
        F.signupRecord: .files([attachment("signup.png", "a")]),
        F.terms: .files([attachment("terms.pdf", "b"), attachment("terms copy.pdf", "c")]),
        F.risks: .flag(true),
    ]
    for number in 1...8 {
        answers["check\(number)"] = .mark(number == 3 ? .notApplicable : number == 6 ? .no : .yes)
        answers["check\(number).note"] = number == 3 ? .text("個人情報を扱わないため") : .skipped
        answers["check\(number).evidence"] = number == 1 ? .files([attachment("https.png", "d")]) : .skipped
    }
    answers["check6.proceed"] = .flag(true)
    return answers
}

private func draft(_ answers: Answers) -> Draft {
    Draft(
        owner: "yamada", procedureID: ApplicationProcedure.procedure.id,
        state: InterviewState(answers: answers, order: answers.keys.sorted(), previous: [:]))
}

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

// Opening a store sets the process's umask, so these tests must not open stores at the same time.
@Suite(.serialized) struct SQLiteStoreTests {

    // MARK: Drafts

    @Test func aSavedDraftReadsBackEqual() throws {
        let folder = try StoreFolder()
        let store = try folder.open()
        var state = InterviewState(
            answers: [
                ApplicationFields.applicant: .text("山田 太郎"), ApplicationFields.users: .list(["山田 太郎", "佐藤 花子"]),
                ApplicationFields.periodStart: .date(Day(year: 2026, month: 4, day: 1)!),
                ApplicationFields.classification: .classification(.two), "check1": .mark(.notApplicable),
                "check1.note": .text("該当しないため"), "check1.evidence": .files([attachment("https.png", "e")]),
                "check2.note": .skipped, ApplicationFields.overseas: .flag(false),
            ],
            order: [ApplicationFields.applicant, ApplicationFields.users, ApplicationFields.periodStart],
            previous: [ApplicationFields.provider: .text("Example Storage株式会社")])
        state.order += ["check1", "check1.note"]
        let saved = try store.saveDraft(
            Draft(owner: "yamada", procedureID: ApplicationProcedure.procedure.id, state: state), at: stamp)
        #expect(saved.id != nil)
        #expect(saved.version == 1)
        #expect(saved.updatedAt == stamp)
        #expect(saved.state == state)

        #expect(try store.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id) == [saved])
        #expect(try store.drafts(owner: "sato", procedureID: ApplicationProcedure.procedure.id).isEmpty)

        // And from another connection, as the next run of yakkan would read it.
        let reopened = try folder.open()
        #expect(try reopened.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id) == [saved])
    }

    @Test func savingADraftFromAStaleVersionIsRefused() throws {
        let folder = try StoreFolder()
        let store = try folder.open()
        let saved = try store.saveDraft(draft([ApplicationFields.applicant: .text("山田 太郎")]), at: stamp)

        // Two sessions hold the same version of the draft.
        var first = saved
        var second = saved
        first.state.answers[ApplicationFields.department] = .text("総務課")
        second.state.answers[ApplicationFields.department] = .text("企画課")
        let firstSaved = try store.saveDraft(first, at: stamp)
        #expect(firstSaved.version == 2)
        #expect(throws: StoreError.draftChangedElsewhere) {
            _ = try store.saveDraft(second, at: stamp)
        }
        let kept = try store.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id)
        #expect(kept == [firstSaved])
        #expect(kept.first?.state.answers[ApplicationFields.department] == .text("総務課"))

        // Submitting the stale copy is refused too, and records nothing.
        #expect(throws: StoreError.draftChangedElsewhere) {
            _ = try store.submitApplication(from: second, procedureVersion: "1.0", at: stamp)
        }
        #expect(try store.applications().isEmpty)
    }

    // MARK: Applications

    @Test func submittingWhereNobodyCanReviewIsRefusedAndKeepsTheDraft() throws {
        let folder = try StoreFolder()
        let store = try folder.open()
        let saved = try store.saveDraft(draft(completeAnswers()), at: stamp)
        do {
            _ = try store.submitApplication(from: saved, procedureVersion: "1.0", at: stamp)
            Issue.record("a submission nobody can review was recorded")
        } catch StoreError.refused(let reasons) {
            #expect(reasons.first?.en.contains("cannot be submitted") == true)
        }
        #expect(try store.applications().isEmpty)
        #expect(try store.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id).count == 1)
    }

    @Test func submittingRemovesTheDraftAndKeepsEveryAnswer() throws {
        let folder = try StoreFolder()
        let store = try folder.open()
        let answers = completeAnswers()
        let saved = try store.saveDraft(draft(answers), at: stamp)
        _ = try store.addStaff(
            StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: [answers[ApplicationFields.department]?.text ?? ""]),
            by: "kato", at: stamp)

        let record = try store.submitApplication(from: saved, procedureVersion: "1.0", at: "2026-04-01T01:02:03Z")
        #expect(record.answers == answers)
        #expect(record.status == .submitted)
        #expect(record.applicantLogin == "yamada")
        #expect(record.procedureVersion == "1.0")
        #expect(record.submittedAt == "2026-04-01T01:02:03Z")
        #expect(try store.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id).isEmpty)

        let readBack = try #require(try store.application(id: record.id))
        #expect(readBack == record)
        #expect(readBack.answers == answers)
        #expect(readBack.provider == "Example Storage株式会社")
        #expect(readBack.periodEnd == Day(year: 2027, month: 3, day: 31))
        #expect(readBack.attachments.count == 4)

        let reopened = try folder.open()
        #expect(try reopened.applications().map(\.answers) == [answers])
        #expect(try reopened.application(id: record.id + 1) == nil)
    }

    // MARK: Migrations

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
        let asked = waitForOutput(output.fileHandleForReading, containing: "申請 1/43")
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

    @Test func aRelativePathStartsFromTheWorkingDirectory() throws {
        let folder = try StoreFolder()
        let work = folder.path + "/work"
        try FileManager.default.createDirectory(atPath: work + "/sub dir", withIntermediateDirectories: true)
        let store = try folder.open(workingDirectory: work)
        #expect(FileManager.default.createFile(atPath: work + "/sub dir/terms.pdf", contents: Data("terms".utf8)))
        let kept = try store.intake.ingest(path: "sub dir/terms.pdf").get()
        #expect(kept.sha256 == (try sha256sum(work + "/sub dir/terms.pdf")))
        #expect(kept.fileName == "terms.pdf")
    }

    @Test func filesThatCannotBeAttachedSayWhy() throws {
        let folder = try StoreFolder()
        let store = try folder.open()
        let empty = try folder.write("empty.txt", Data())
        try FileManager.default.createDirectory(atPath: folder.path + "/screenshots", withIntermediateDirectories: true)

        #expect(store.intake.ingest(path: folder.path + "/nothere.png") == .failure(.missing(path: folder.path + "/nothere.png")))
        #expect(store.intake.ingest(path: "nothere.png") == .failure(.missing(path: "nothere.png")))
        #expect(store.intake.ingest(path: folder.path + "/screenshots") == .failure(.notAFile(path: folder.path + "/screenshots")))
        #expect(store.intake.ingest(path: "screenshots") == .failure(.notAFile(path: "screenshots")))
        #expect(store.intake.ingest(path: empty) == .failure(.empty(path: empty)))
        // Nothing was kept for them.
        let kept = (try? FileManager.default.subpathsOfDirectory(atPath: folder.storePath + ".files")) ?? []
        #expect(kept.isEmpty, "kept: \(kept)")
    }
}
