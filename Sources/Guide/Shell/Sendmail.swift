import Core
import Foundation

/// The system's mail submission program, as postfix, exim and msmtp all provide it:
/// `sendmail -t -i` reads the recipients from the message's headers, and a line holding a
/// single dot does not end the message.
struct Sendmail {
    let path: String

    /// The first `sendmail` on PATH, else where Debian and others put it.
    static func find(environment: [String: String]) -> Sendmail? {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/lib"]
        return folders.map { $0 + "/sendmail" }.first { FileManager.default.isExecutableFile(atPath: $0) }.map(Sendmail.init)
    }

    /// Hands the message over; nil when sendmail took it, else what it said.
    func send(_ message: String, environment: [String: String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-i"]
        process.environment = environment
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = errors
        do {
            try process.run()
        } catch {
            return "\(error)"
        }
        input.fileHandleForWriting.write(Data(message.utf8))
        try? input.fileHandleForWriting.close()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        let text = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return "exit \(process.terminationStatus)" + (text.isEmpty ? "" : ": " + text)
    }
}
