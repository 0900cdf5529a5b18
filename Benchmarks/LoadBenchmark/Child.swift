import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One act: a whole `yakkan` process, in the benchmark's own working folder (the village's
/// files, which the applications attach), as one login, its input from a file and its output (and
/// errors) kept in a file, timed from spawn to exit.
struct Ran {
    let status: Int32
    let milliseconds: Double
    let output: String
}

/// How a login's process is started: as its own user id on a SQLite store (setpriv), or as the
/// benchmark's user with the login's role in the server's address.
struct Person: Sendable {
    let login: String
    let name: String
    let department: String
    let home: String
    /// `setpriv` arguments that make the process this login's, on SQLite; empty on a server.
    let identity: [String]
    /// The store as this login names it.
    let store: String
}

enum Child {
    /// Runs `yakkan arguments --store … --lang en` as `person`, `input` on its standard input.
    static func run(_ yakkan: String, _ arguments: [String], as person: Person, input: String = "", in folder: String) -> Ran {
        let tag = UUID().uuidString
        let inputPath = folder + "/in-" + tag
        let outputPath = folder + "/out-" + tag
        defer {
            unlink(inputPath)
            unlink(outputPath)
        }
        _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input.utf8))
        let command = person.identity + [yakkan] + arguments + ["--store", person.store, "--lang", "en"]
        var environment = [
            "HOME=" + person.home, "NO_COLOR=1", "TERM=dumb", "LANG=C.UTF-8",
            "PATH=/usr/local/bin:/usr/bin:/bin",
        ]
        if let options = ProcessInfo.processInfo.environment["PGOPTIONS"] { environment.append("PGOPTIONS=" + options) }
        return spawn(command, environment: environment, stdin: inputPath, stdout: outputPath, folder: folder)
    }

    private static func spawn(_ command: [String], environment: [String], stdin: String, stdout: String, folder: String) -> Ran {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, command[0], &actions, nil, argv, envp) == 0 else {
            return Ran(status: -1, milliseconds: 0, output: "could not start \(command[0])")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let output = (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? ""
        // A process killed by a signal shows as 128 + its number, as a shell shows it.
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Ran(status: code, milliseconds: elapsed, output: output)
    }

    /// A program run to its end by the benchmark itself (useradd, psql…); its output.
    @discardableResult
    static func tool(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
        }
        return text
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
