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
        for run in transcript.runs {
            let (lines, status) = TranscriptRunner.run(run, storeFolder: folder.path)
            rewritten += run.headerLines + [run.commandLine]
            rewritten += merge(expected: run.expected, actual: lines)
            rewritten.append("[exit \(status)]")
            rewritten += run.trailingLines
            if let difference = firstDifference(expected: run.expected, actual: lines) {
                mismatches.append("\(run.commandLine) (as \(run.login)): \(difference)")
            }
            if status != run.expectedStatus {
                mismatches.append("\(run.commandLine): exit \(status), expected \(run.expectedStatus)")
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

    static func run(_ run: Transcript.Run, storeFolder: String) -> (lines: [String], status: Int32) {
        let output = BufferedOutput()
        var environment = run.environment
        environment["YAKKAN_STORE"] = environment["YAKKAN_STORE"] ?? storeFolder + "/yakkan.sqlite"
        environment["HOME"] = storeFolder
        let session = Session(
            environment: environment, workingDirectory: filesFolder, login: run.login,
            clock: FixedClock(day: Day(iso: run.today)!),
            reader: PlainLineReader(source: ScriptedSource(lines: run.inputs), echo: output),
            output: output, palette: Palette(enabled: false))
        let status = Yakkan.run(arguments: run.arguments, session: session)
        var text = output.text.replacingOccurrences(of: storeFolder, with: "$STORE")
        if text.hasSuffix("\n") { text.removeLast() }
        return (text.isEmpty ? [] : text.components(separatedBy: "\n"), status)
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
