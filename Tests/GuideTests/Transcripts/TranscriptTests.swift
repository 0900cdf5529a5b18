import Core
import Foundation
import Testing

@testable import Guide

/// Replays every file in transcripts/ against the real command line, in-process, and compares
/// the whole output. YAKKAN_UPDATE_TRANSCRIPTS=1 rewrites them (review the diff before committing).
@Suite struct TranscriptTests {
    static let transcripts = Transcript.all()

    @Test func thereAreTranscripts() {
        #expect(Self.transcripts.count >= 15, "transcripts/ should hold the conversations")
    }

    @Test(arguments: transcripts)
    func replay(_ transcript: Transcript) throws {
        let folder = try TemporaryFolder()
        var rewritten: [String] = []
        var mismatches: [String] = []
        var waiting: TranscriptRunner.BackgroundRun?
        for name in transcript.fixtures {
            // A fixture is a transcript of its own (checked as one); here only its store matters.
            for run in try Transcript.load(Transcript.folder + "/" + name).runs {
                let status = TranscriptRunner.run(run, storeFolder: folder.path).status
                if status != run.expectedStatus { mismatches.append("fixture \(name): \(run.commandLine) ended with \(status.map(String.init) ?? "a pause")") }
            }
        }
        for run in transcript.runs {
            let lines: [String], status: Int32?
            if run.foreground, let paused = waiting {
                (lines, status) = paused.resume(with: run.inputs)
                waiting = nil
            } else if run.background {
                let started = TranscriptRunner.BackgroundRun(run, storeFolder: folder.path)
                (lines, status) = started.start()
                if status == nil { waiting = started }
            } else {
                (lines, status) = TranscriptRunner.run(run, storeFolder: folder.path)
            }
            rewritten += run.headerLines + [run.commandLine]
            rewritten += merge(expected: run.expected, actual: lines)
            rewritten.append(status.map { "[exit \($0)]" } ?? "[paused]")
            rewritten += run.trailingLines
            if let difference = firstDifference(expected: run.expected, actual: lines) {
                mismatches.append("\(run.commandLine) (as \(run.login)): \(difference)")
            }
            if status != (run.paused ? nil : run.expectedStatus) {
                mismatches.append("\(run.commandLine): ended \(status.map { "with exit \($0)" } ?? "paused")")
            }
        }
        if !mismatches.isEmpty, ProcessInfo.processInfo.environment["YAKKAN_UPDATE_TRANSCRIPTS"] == "1" {
            try (rewritten.joined(separator: "\n") + "\n").write(toFile: transcript.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(mismatches.isEmpty, Comment(rawValue: "\(transcript):\n" + mismatches.joined(separator: "\n")))
    }

    /// Keeps the expected line where it still matches (so "[..]" survives a rewrite).
    func merge(expected: [String], actual: [String]) -> [String] {
        actual.enumerated().map { index, line in
            index < expected.count && LineMatch.matches(expected: expected[index], actual: line) ? expected[index] : line
        }
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

    static func session(_ run: Transcript.Run, storeFolder: String, source: ByteSource, output: BufferedOutput) -> Session {
        var environment = run.environment
        environment["YAKKAN_STORE"] = environment["YAKKAN_STORE"] ?? storeFolder + "/yakkan.sqlite"
        environment["HOME"] = storeFolder
        return Session(
            environment: environment, workingDirectory: filesFolder, login: run.login,
            clock: FixedClock(day: Day(iso: run.today)!),
            reader: PlainLineReader(source: source, echo: output),
            output: output, palette: Palette(enabled: false), accounts: .all(as: geteuid()))
    }

    static func run(_ run: Transcript.Run, storeFolder: String) -> (lines: [String], status: Int32?) {
        let output = BufferedOutput()
        let status = Yakkan.run(
            arguments: run.arguments,
            session: session(run, storeFolder: storeFolder, source: ScriptedSource(lines: run.inputs), output: output))
        return (lines(output.text, storeFolder), status)
    }

    static func lines(_ output: String, _ storeFolder: String) -> [String] {
        var text = output.replacingOccurrences(of: storeFolder, with: "$STORE")
        if text.hasSuffix("\n") { text.removeLast() }
        return text.isEmpty ? [] : text.components(separatedBy: "\n")
    }

    /// A run that waits at "^Z" on its own thread while other people's runs go on: how a
    /// transcript shows two people at the store at the same time.
    final class BackgroundRun: @unchecked Sendable {
        let run: Transcript.Run
        let storeFolder: String
        let output = BufferedOutput()
        let source: PausingSource
        let settled = DispatchSemaphore(value: 0)
        var status: Int32?
        var shownSoFar = 0

        init(_ run: Transcript.Run, storeFolder: String) {
            self.run = run
            self.storeFolder = storeFolder
            source = PausingSource(lines: run.inputs)
        }

        func start() -> (lines: [String], status: Int32?) {
            source.onPause = { [settled] in settled.signal() }
            let thread = Thread { [self] in
                let session = TranscriptRunner.session(run, storeFolder: storeFolder, source: source, output: output)
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
            return (TranscriptRunner.lines(text, storeFolder), status)
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

/// A folder removed when the value goes away.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "yakkan-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
