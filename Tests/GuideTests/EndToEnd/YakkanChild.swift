import Foundation
import PrivateServer
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `yakkan` executable that `swift build` put beside the test binary, whatever the
/// --scratch-path; the package's own .build/debug only as a last resort.
enum YakkanExecutable {
    static let path: String? = {
        var folders: [URL] = []
        folders.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        if let first = ProcessInfo.processInfo.arguments.first {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // On macOS the runner sits inside a .xctest bundle.
        folders = folders.map { url in
            var folder = url
            while ["xctest", "app"].contains(folder.pathExtension) || ["MacOS", "Contents"].contains(folder.lastPathComponent) {
                folder.deleteLastPathComponent()
            }
            return folder
        }
        folders.append(EndToEnd.packageRoot.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("yakkan").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

enum EndToEnd {
    /// The lines of the README's fenced block that follows `<!-- MARKER -->`: a recipe edited in
    /// the README is the recipe tested. A block inside a list item is indented as the item is.
    static func readmeBlock(marked marker: String, in text: String) throws -> String {
        guard let start = text.range(of: "<!-- \(marker) -->") else {
            throw PrivateServer.Failure("README.md has no block marked <!-- \(marker) -->")
        }
        let lines = text[start.upperBound...].components(separatedBy: "\n").dropFirst()
            .map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }
        guard lines.first?.hasPrefix("```") == true else {
            throw PrivateServer.Failure("no fenced block right after <!-- \(marker) -->")
        }
        return lines.dropFirst().prefix { !$0.hasPrefix("```") }.joined(separator: "\n")
    }

    /// The package's folder, found from this file.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the transcripts' attachments (signup.png, terms.pdf…) are.
    static let filesFolder: URL = packageRoot.appendingPathComponent("transcripts/files")

    /// Safety net against a hung child; never a measurement.
    static let patience: TimeInterval = 120

    /// The environment of a child: a home of its own, no store chosen by the caller's environment,
    /// no colour.
    static func environment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["YAKKAN_STORE", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"] {
            environment[key] = nil
        }
        environment["HOME"] = home
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "dumb"
        environment["LANG"] = "C.UTF-8"
        return environment
    }
}

/// A folder of its own under the temporary folder, removed at the end.
final class EndToEndFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "yakkan-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/home", withIntermediateDirectories: true)
    }

    var home: String { path + "/home" }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// One run of the real executable, its standard input a pipe we write to, its standard output
/// and error a pipe read on a thread of its own.
final class YakkanChild: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var received = Data()
    private var ended = false
    /// Where the last `waitFor` matched, so each wait looks only at what came after it.
    private var matchedUpTo = 0

    init(executable: String, arguments: [String], environment: [String: String], workingDirectory: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        // Writing to a child that died must fail the test, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let reading = output.fileHandleForReading
        let thread = Thread { [self] in
            while true {
                let chunk = reading.availableData
                condition.lock()
                if chunk.isEmpty { ended = true } else { received.append(chunk) }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }
        thread.start()
    }

    var pid: pid_t { process.processIdentifier }

    /// Everything the child wrote so far.
    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: received, as: UTF8.self)
    }

    func write(_ text: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    func closeInput() throws {
        try input.fileHandleForWriting.close()
    }

    /// Waits until `needle` appears after the previous match.
    func waitFor(_ needle: String, timeout: TimeInterval = EndToEnd.patience) throws {
        let wanted = Data(needle.utf8)
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let range = received.range(of: wanted, in: matchedUpTo..<received.count) {
                matchedUpTo = range.upperBound
                return
            }
            if ended {
                throw Failure(description: "the output ended without «\(needle)»:\n" + String(decoding: received, as: UTF8.self))
            }
            if !condition.wait(until: deadline) {
                throw Failure(description: "no «\(needle)» after \(Int(timeout)) s:\n" + String(decoding: received, as: UTF8.self))
            }
        }
    }

    /// Waits for the child to exit and its output to end.
    func waitForExit(timeout: TimeInterval = EndToEnd.patience) throws {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        while !ended {
            if !condition.wait(until: deadline) {
                condition.unlock()
                kill(pid, SIGKILL)
                throw Failure(description: "still running after \(Int(timeout)) s:\n" + text)
            }
        }
        condition.unlock()
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

extension EndToEndFolder {
    /// The real executable run to its end in this folder, with nothing on its input: its exit
    /// status and everything it printed.
    func yakkan(_ arguments: [String]) throws -> PrivateServer.Ran {
        guard let executable = YakkanExecutable.path else { throw XCTSkip("the yakkan executable was not built") }
        let child = try YakkanChild(
            executable: executable, arguments: arguments, environment: EndToEnd.environment(home: home), workingDirectory: path)
        try child.closeInput()
        try child.waitForExit()
        return PrivateServer.Ran(status: child.process.terminationStatus, output: child.text)
    }
}
