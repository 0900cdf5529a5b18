import Core
import Foundation
import PrivateServer
import Testing

@testable import Guide

/// Replays every file in transcripts/ against the real command line, in-process, and compares
/// the whole output. YAKKAN_UPDATE_TRANSCRIPTS=1 rewrites them (review the diff before committing).
@Suite struct TranscriptTests {
    static let transcripts = Transcript.all()

    @Test func thereAreTranscripts() {
        #expect(Self.transcripts.count >= 15, "transcripts/ should hold the conversations")
    }

    /// A file that cannot be loaded (here not UTF-8) is one of the transcripts all the same,
    /// and its replay fails naming it; the file is left as it was.
    @Test func aTranscriptThatCannotBeLoadedFailsWithItsName() throws {
        let folder = try TemporaryFolder()
        try "$ yakkan staff list\n[exit 0]\n".write(toFile: folder.path + "/readable.transcript", atomically: true, encoding: .utf8)
        let bytes = Data("$ yakkan staff list\n".utf8) + Data([0xFF, 0xFE, 0x0A])
        try bytes.write(to: URL(fileURLWithPath: folder.path + "/broken.transcript"))
        let found = Transcript.all(in: folder.path)
        #expect(found.map(\.description) == ["broken.transcript", "readable.transcript"])
        let broken = try #require(found.first)
        #expect(broken.loadFailure != nil)
        #expect(found.last?.loadFailure == nil)
        let store = try TemporaryFolder()
        try withKnownIssue {
            try replay(broken, in: TranscriptStore(folder: store.path, server: nil))
        } matching: { issue in
            issue.comments.contains { $0.rawValue.hasPrefix("broken.transcript cannot be loaded") }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/broken.transcript")) == bytes)
    }

    @Test(arguments: transcripts)
    func replay(_ transcript: Transcript) throws {
        let folder = try TemporaryFolder()
        try replay(transcript, in: TranscriptStore(folder: folder.path, server: nil))
    }

    /// The same conversations on a database of their own on the test process's private server,
    /// each person by their own login role: what differs is only where the store is.
    @Test(arguments: PrivateServer.installedBinaries() == nil ? [] : transcripts.filter(\.runsOnServer))
    func replayOnServer(_ transcript: Transcript) throws {
        let folder = try TemporaryFolder()
        let server = try PrivateServer.shared()
        let database = try server.newStoreDatabase(logins: Transcript.logins, administrators: Transcript.administrators)
        try replay(transcript, in: TranscriptStore(folder: folder.path, server: (server, database)))
    }

    func replay(_ transcript: Transcript, in store: TranscriptStore) throws {
        if let failure = transcript.loadFailure {
            Issue.record(Comment(rawValue: "\(transcript) \(failure)"))
            return
        }
        var rewritten: [String] = []
        var mismatches: [String] = transcript.problems
        var waiting: TranscriptRunner.BackgroundRun?
        for name in transcript.fixtures {
            // A fixture is a transcript of its own (checked as one); here only its store matters.
            mismatches += TranscriptRunner.replay(try Transcript.load(Transcript.folder + "/" + name), store: store).map { "fixture \(name): \($0)" }
        }
        for run in transcript.runs {
            mismatches += ActRunner.perform(run.acts, store: store)
            let lines: [String], status: Int32?
            if run.foreground, let paused = waiting {
                (lines, status) = paused.resume(with: run.inputs)
                waiting = nil
            } else if run.background {
                let started = TranscriptRunner.BackgroundRun(run, store: store)
                (lines, status) = started.start()
                if status == nil { waiting = started }
            } else {
                (lines, status) = TranscriptRunner.run(run, store: store)
            }
            rewritten += run.headerLines + [run.commandLine]
            rewritten += merge(expected: run.expected, actual: lines, on: store.kind)
            rewritten.append(status.map { "[exit \($0)]" } ?? "[paused]")
            rewritten += run.trailingLines
            if let difference = firstDifference(expected: run.expected(on: store.kind), actual: lines) {
                mismatches.append("\(run.commandLine) (as \(run.login)): \(difference)")
            }
            if status != (run.paused ? nil : run.expectedStatus) {
                mismatches.append("\(run.commandLine): ended \(status.map { "with exit \($0)" } ?? "paused")")
            }
        }
        mismatches += ActRunner.perform(transcript.trailingActs, store: store)
        // Rewritten from the SQLite runs only: a line the server says differently is marked by hand.
        if !mismatches.isEmpty, store.server == nil, ProcessInfo.processInfo.environment["YAKKAN_UPDATE_TRANSCRIPTS"] == "1" {
            try (rewritten.joined(separator: "\n") + "\n").write(toFile: transcript.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(mismatches.isEmpty, Comment(rawValue: "\(transcript):\n" + mismatches.joined(separator: "\n")))
    }

    /// Keeps the expected line where it still matches (so "[..]" survives a rewrite), and the
    /// lines marked for the other store where they were.
    func merge(expected: [String], actual: [String], on kind: String) -> [String] {
        var merged: [String] = []
        var next = 0
        for line in expected {
            let marked = Transcript.Run.storeMark(line)
            if let marked, marked.store != kind {
                merged.append(line)
                continue
            }
            guard next < actual.count else { continue }
            merged.append(LineMatch.matches(expected: marked?.line ?? line, actual: actual[next]) ? line : actual[next])
            next += 1
        }
        return merged + actual.dropFirst(next)
    }

    func firstDifference(expected: [String], actual: [String]) -> String? {
        for index in 0..<max(expected.count, actual.count) {
            let want = index < expected.count ? expected[index] : "<nothing>"
            let got = index < actual.count ? actual[index] : "<nothing>"
            if index >= expected.count || index >= actual.count || !LineMatch.matches(expected: want, actual: got) {
                return "line \(index + 1) of the output\n  expected: \(want)\n  actual:   \(got)"
            }
        }
        return nil
    }
}

/// Runs one session of a transcript in-process, with its login, day and typed lines.
enum TranscriptRunner {
    static let filesFolder = Transcript.folder + "/files"

    static func session(_ run: Transcript.Run, store: TranscriptStore, source: ByteSource, output: BufferedOutput) -> Session {
        var environment = run.environment
        environment["YAKKAN_STORE"] = environment["YAKKAN_STORE"] ?? store.location(as: run.login)
        environment["HOME"] = store.folder
        placeDownloads(run, home: store.folder)
        return Session(
            environment: environment, workingDirectory: filesFolder, login: run.login,
            clock: FixedClock(day: Day(iso: run.today)!),
            reader: PlainLineReader(source: source, echo: output),
            output: output, palette: Palette(enabled: false), accounts: .all(as: geteuid()))
    }

    /// The run's `# downloads:` files, in the home's ダウンロード folder, the first the newest.
    static func placeDownloads(_ run: Transcript.Run, home: String) {
        guard !run.downloads.isEmpty else { return }
        let folder = home + "/ダウンロード"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let now = FixedClock(day: Day(iso: run.today)!).now
        for (index, name) in run.downloads.enumerated() {
            let path = folder + "/" + name
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.copyItem(atPath: filesFolder + "/" + name, toPath: path)
            let modified = now.addingTimeInterval(-60 * Double(index + 1))
            try? FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        }
    }

    /// Replays runs of a transcript, each after its acts, and the acts after them into the store,
    /// without comparing what the runs show: the state that a fixture, or a test built on a
    /// transcript, starts from. Says what did not go as the transcript has it.
    static func replay(_ runs: some Sequence<Transcript.Run>, then trailingActs: [TranscriptAct] = [], store: TranscriptStore) -> [String] {
        var problems: [String] = []
        for run in runs {
            problems += ActRunner.perform(run.acts, store: store)
            let status = self.run(run, store: store).status
            if status != run.expectedStatus { problems.append("\(run.commandLine) (as \(run.login)) ended with \(status.map(String.init) ?? "a pause")") }
        }
        return problems + ActRunner.perform(trailingActs, store: store)
    }

    static func replay(_ transcript: Transcript, store: TranscriptStore) -> [String] {
        replay(transcript.runs, then: transcript.trailingActs, store: store)
    }

    static func run(_ run: Transcript.Run, store: TranscriptStore) -> (lines: [String], status: Int32?) {
        let output = BufferedOutput()
        let status = Yakkan.run(
            arguments: run.arguments,
            session: session(run, store: store, source: ScriptedSource(lines: run.inputs), output: output))
        return (lines(output.text, store, as: run.login), status)
    }

    /// A run on the SQLite store in `storeFolder`.
    static func run(_ run: Transcript.Run, storeFolder: String) -> (lines: [String], status: Int32?) {
        self.run(run, store: TranscriptStore(folder: storeFolder, server: nil))
    }

    static func lines(_ output: String, _ store: TranscriptStore, as login: String) -> [String] {
        var text = output.replacingOccurrences(of: store.location(as: login), with: TranscriptStore.shownLocation)
            .replacingOccurrences(of: store.folder, with: "$STORE")
        if text.hasSuffix("\n") { text.removeLast() }
        return text.isEmpty ? [] : text.components(separatedBy: "\n")
    }

    /// A run that waits at "^Z" on its own thread while other people's runs go on: how a
    /// transcript shows two people at the store at the same time.
    final class BackgroundRun: @unchecked Sendable {
        let run: Transcript.Run
        let store: TranscriptStore
        let output = BufferedOutput()
        let source: PausingSource
        let settled = DispatchSemaphore(value: 0)
        var status: Int32?
        var shownSoFar = 0

        init(_ run: Transcript.Run, store: TranscriptStore) {
            self.run = run
            self.store = store
            source = PausingSource(lines: run.inputs)
        }

        func start() -> (lines: [String], status: Int32?) {
            source.onPause = { [settled] in settled.signal() }
            let thread = Thread { [self] in
                let session = TranscriptRunner.session(run, store: store, source: source, output: output)
                status = Yakkan.run(arguments: run.arguments, session: session)
                settled.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
            settled.wait()
            return collect()
        }

        func resume(with inputs: [[UInt8]]) -> (lines: [String], status: Int32?) {
            source.append(inputs)
            source.resume()
            settled.wait()
            return collect()
        }

        /// The output since the last pause. A pause happens after a prompt "> " is printed,
        /// so that line is shown as "> ^Z" here and as "> (the next line)" after `$ fg`.
        private func collect() -> (lines: [String], status: Int32?) {
            let continuing = shownSoFar > 0
            var text = String(output.text.dropFirst(shownSoFar))
            shownSoFar = output.text.count
            if continuing { text = "> " + text }
            if status == nil, text.hasSuffix("> ") { text = String(text.dropLast(2)) + "> ^Z" }
            return (TranscriptRunner.lines(text, store, as: run.login), status)
        }
    }
}

/// Scripted lines that stop at "^Z" until resumed.
final class PausingSource: ByteSource, @unchecked Sendable {
    private var lines: [[UInt8]]
    private let lock = NSLock()
    private let resumed = DispatchSemaphore(value: 0)
    var onPause: () -> Void = {}

    init(lines: [[UInt8]]) { self.lines = lines }

    func append(_ more: [[UInt8]]) {
        lock.lock(); lines += more; lock.unlock()
    }

    func resume() { resumed.signal() }

    func nextLine() -> [UInt8]? {
        lock.lock()
        let next = lines.isEmpty ? nil : lines.removeFirst()
        lock.unlock()
        if next == Transcript.Run.pauseMarker {
            onPause()
            resumed.wait()
            return nextLine()
        }
        return next
    }
}

/// Where a transcript's store is: the SQLite file in its folder, or a database of its own on a
/// private server, opened by each person as their own login role. Either is shown as
/// `$STORE/yakkan.sqlite`, so that one transcript holds for both.
struct TranscriptStore {
    let folder: String
    let server: (server: PrivateServer, database: String)?

    static let shownLocation = "$STORE/yakkan.sqlite"

    /// The mark of lines said on this store alone.
    var kind: String { server == nil ? "sqlite" : "server" }

    func location(as login: String) -> String {
        guard let (server, database) = server else { return folder + "/yakkan.sqlite" }
        return server.uri(user: login, database: database)
    }
}

/// A folder removed when the value goes away.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "yakkan-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
