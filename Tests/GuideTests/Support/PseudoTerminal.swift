import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an executable on a real pseudo-terminal so a test can type at it like a person,
/// with libedit, the line discipline (Ctrl-C becomes SIGINT) and echo all in play.
///
/// Output is matched with ANSI escape sequences and BEL removed. Each `waitFor` only looks
/// at output after the previous match, so typing the same answer twice cannot be
/// satisfied by the first echo. Timeouts are safety nets against a hung child, not
/// measurements.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    private var rawScanned = 0
    private var stripped: [UInt8] = []
    private var matchedUpTo = 0
    private var exitStatus: Int32?
    private var masterClosed = false

    /// Everything read so far, escapes stripped.
    var output: String { String(decoding: stripped, as: UTF8.self) }

    /// `environment` is passed exactly as given: include TERM (and LANG) as the test needs.
    init(executable: String, arguments: [String], environment: [String: String],
         workingDirectory: String? = nil, columns: UInt16 = 80, rows: UInt16 = 24) throws {
        // What posix_openpt does on Linux; the function itself is hidden like the ones below.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure(description: "open /dev/ptmx: \(errnoText())") }
        guard let grantpt = libc.grantpt, let unlockpt = libc.unlockpt, let ptsname_r = libc.ptsname_r,
              grantpt(master) == 0, unlockpt(master) == 0 else {
            let text = errnoText()
            _ = closeDescriptor(master)
            throw Failure(description: "grantpt/unlockpt: \(text)")
        }
        var nameBuffer = [CChar](repeating: 0, count: 128)
        guard ptsname_r(master, &nameBuffer, nameBuffer.count) == 0 else {
            let text = errnoText()
            _ = closeDescriptor(master)
            throw Failure(description: "ptsname_r: \(text)")
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // posix_spawn rather than forkpty: forking a multi-threaded test runner and running
        // Swift in the child is unsafe. With POSIX_SPAWN_SETSID the child starts a new
        // session before the file actions run, so opening the slave (without O_NOCTTY)
        // makes it the child's controlling terminal and its process group the foreground
        // one, which is what lets ^C reach it as SIGINT.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, nameBuffer, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        if let workingDirectory {
            guard let addchdir = libc.addchdir else {
                _ = closeDescriptor(master)
                throw Failure(description: "posix_spawn_file_actions_addchdir_np is missing")
            }
            _ = addchdir(&actions, workingDirectory)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default signal dispositions and an empty mask: the test runner may block or
        // ignore SIGINT, and the child must not inherit that.
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(spawnSetSID | POSIX_SPAWN_SETSIGDEF
                                                    | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            _ = closeDescriptor(master)
            throw Failure(description: "posix_spawn \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        if !masterClosed { _ = closeDescriptor(master) }
    }

    /// Types `text` as its UTF-8 bytes ("\r" is Enter).
    func send(_ text: String) {
        send(bytes: Array(text.utf8))
    }

    /// Types raw bytes: [0x03] Ctrl-C, [0x04] Ctrl-D, [0x7f] backspace, [0x09] TAB.
    func send(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            offset += written
        }
    }

    /// Reads until output after the previous match contains `text`; returns all output.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = find(needle, from: matchedUpTo) {
                matchedUpTo = end
                return output
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                throw Failure(description: "timed out waiting for \(text.debugDescription); output so far:\n\(output)")
            }
            if !pump(timeout: remaining) {
                if let end = find(needle, from: matchedUpTo) {
                    matchedUpTo = end
                    return output
                }
                throw Failure(description: "terminal closed before \(text.debugDescription); output so far:\n\(output)")
            }
        }
    }

    /// Waits until the child reads key by key (canonical mode off), as libedit does only
    /// once it is really waiting: it prints the prompt first. Until then the line
    /// discipline acts on some keys itself, e.g. ^D on an empty line never reaches it.
    func waitUntilReadingKeys(timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var settings = termios()
            // On Linux the master reports the slave's settings.
            if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 { return }
            if deadline.timeIntervalSinceNow <= 0 {
                throw Failure(description: "timed out waiting for key-by-key input; output so far:\n\(output)")
            }
            _ = pump(timeout: 0.01)
        }
    }

    /// Waits for the child to exit, reading its remaining output. Returns the exit code,
    /// or 128 + the signal number if a signal ended it.
    @discardableResult
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                while pump(timeout: 0.05) {}
                let signal = status & 0x7f
                let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
                exitStatus = code
                return code
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                throw Failure(description: "timed out waiting for exit; output so far:\n\(output)")
            }
            if !pump(timeout: min(remaining, 0.05)) {
                // The terminal is closed but the child is not yet reaped.
                usleep(10_000)
            }
        }
    }

    /// Reads whatever arrives within `timeout` seconds. Returns false once the terminal
    /// has no writer left (the child and its descendants closed it).
    private func pump(timeout: Double) -> Bool {
        if masterClosed { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, min(timeout, 1)) * 1000))
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            raw.append(contentsOf: buffer[..<count])
            strip()
            return true
        }
        if count < 0, errno == EINTR || errno == EAGAIN { return true }
        // Linux reports EIO on the master once the last slave descriptor is closed.
        return false
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard stripped.count >= needle.count, start <= stripped.count - needle.count else { return nil }
        for position in start...(stripped.count - needle.count)
        where stripped[position..<(position + needle.count)].elementsEqual(needle) {
            return position + needle.count
        }
        return nil
    }

    /// Moves complete bytes from `raw` to `stripped`, leaving an unfinished escape sequence
    /// for the next read so matching positions never shift.
    private func strip() {
        var index = rawScanned
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x07 { index += 1; continue }
            guard byte == 0x1b else {
                stripped.append(byte)
                index += 1
                continue
            }
            guard let end = escapeEnd(at: index) else { break }
            index = end
        }
        rawScanned = index
    }

    /// The index after the escape sequence starting at `start`, or nil if it is incomplete.
    private func escapeEnd(at start: Int) -> Int? {
        guard start + 1 < raw.count else { return nil }
        let kind = raw[start + 1]
        switch kind {
        case UInt8(ascii: "["):  // CSI: parameters, then one final byte in 0x40...0x7E
            var index = start + 2
            while index < raw.count {
                if (0x40...0x7e).contains(raw[index]) { return index + 1 }
                index += 1
            }
            return nil
        case UInt8(ascii: "]"):  // OSC: ends with BEL or ESC backslash
            var index = start + 2
            while index < raw.count {
                if raw[index] == 0x07 { return index + 1 }
                if raw[index] == 0x1b, index + 1 < raw.count, raw[index + 1] == UInt8(ascii: "\\") {
                    return index + 2
                }
                index += 1
            }
            return nil
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "#"):
            return start + 3 <= raw.count ? start + 3 : nil
        default:
            return start + 2
        }
    }

    /// Where `swift build` put the products, found from the running test binary.
    static var productsDirectory: URL {
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        // On macOS the runner sits inside a .xctest bundle.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
            || directory.lastPathComponent == "Contents" {
            directory.deleteLastPathComponent()
        }
        return directory
    }
}

/// The pieces of glibc that Swift's Glibc module hides (they need _GNU_SOURCE or
/// _XOPEN_SOURCE), looked up at run time instead of adding a C target for tests.
private enum libc {
    typealias DescriptorFunction = @convention(c) (Int32) -> Int32
    typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
    typealias ChdirFunction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                              UnsafePointer<CChar>) -> Int32

    static let grantpt = function("grantpt", as: DescriptorFunction.self)
    static let unlockpt = function("unlockpt", as: DescriptorFunction.self)
    static let ptsname_r = function("ptsname_r", as: NameFunction.self)
    static let addchdir = function("posix_spawn_file_actions_addchdir_np", as: ChdirFunction.self)

    private static func function<T>(_ name: String, as type: T.Type) -> T? {
        guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
}

/// POSIX_SPAWN_SETSID from glibc's spawn.h (also hidden behind _GNU_SOURCE).
private let spawnSetSID: Int32 = 0x80

private func errnoText() -> String { String(cString: strerror(errno)) }

private func closeDescriptor(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}

extension PseudoTerminal {
    /// Waits for a question, its prompt, and the program reading keys: what a person sees
    /// before they type. A program on another host (over SSH) cannot be watched reading keys.
    func atPrompt(_ label: String, timeout: Double = 10, readingKeys: Bool = true) throws {
        try waitFor(label, timeout: timeout)
        try waitFor("> ", timeout: timeout)
        if readingKeys { try waitUntilReadingKeys(timeout: timeout) }
    }

    func answer(_ label: String, _ text: String, timeout: Double = 10, readingKeys: Bool = true) throws {
        try atPrompt(label, timeout: timeout, readingKeys: readingKeys)
        send(text + "\r")
    }
}
