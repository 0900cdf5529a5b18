import CLineEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads answers from a terminal with libedit: cursor keys, history, TAB completion of
/// the current question's choices, and Ctrl-C to drop a half-typed answer.
///
/// libedit's own API (`el_set`, `history`) is C-variadic and cannot be called from Swift,
/// so this goes through its readline-compatible layer. That layer keeps one global editor,
/// so at most one instance should exist at a time. Call `prepareTerminalLocale()` first.
final class EditLineReader: LineReader {
    static let historyLimit: Int32 = 1000
    var completes: Bool { true }

    private let historyFile: String?
    private var lastHistoryLine: [UInt8]?
    private var closed = false

    init(historyFile: String?) {
        self.historyFile = historyFile
        // A trailing space after a completed choice would become part of the answer.
        cle_set_completion_append_character(0)
        cle_complete_whole_line()
        cle_set_getc_function(readKey)
        cle_set_attempted_completion_function(completeChoices)
        stifle_history(Self.historyLimit)
        if let historyFile {
            _ = read_history(historyFile)
            let length = cle_history_length()
            if length > 0, let entry = history_get(cle_history_base() + length - 1),
               let text = entry.pointee.line {
                lastHistoryLine = bytes(of: text)
            }
        }
    }

    deinit { close() }

    /// Saves the history. Safe to call more than once; later reads still work but are no
    /// longer saved.
    func close() {
        guard !closed else { return }
        closed = true
        guard let historyFile else { return }
        // Answers may be personal data: the file is created private, and libedit's
        // fopen would otherwise create it with the umask's permissions.
        let fd = open(historyFile, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 {
            _ = fchmod(fd, 0o600)
            closeDescriptor(fd)
        }
        _ = write_history(historyFile)
    }

    func readPaths(prompt: String, workingDirectory: String, home: String?) -> ReadResult {
        activePaths = (workingDirectory, home)
        defer { activePaths = nil }
        return read(prompt: prompt, completions: [])
    }

    func read(prompt: String, completions: [String]) -> ReadResult {
        activeChoices = completions
        defer { activeChoices = [] }

        drainWakePipe()
        // Taken before the handler goes in, so that no Ctrl-C can fall in between.
        interruptsAtStart = interruptCounter.pointee
        let previousAction = installInterruptHandler()
        let raw = readline(prompt)
        restoreInterruptHandler(previousAction)

        if interruptCounter.pointee != interruptsAtStart {
            free(raw)
            // The cursor is still after the abandoned text; the question is asked again
            // on a fresh line.
            fputs("\n", stdout)
            fflush(stdout)
            return .interrupted
        }
        guard let raw else {
            // libedit echoes ^D but leaves the cursor on the prompt line.
            fputs("\n", stdout)
            fflush(stdout)
            return .endOfInput
        }
        defer { free(raw) }
        let line = bytes(of: raw)
        remember(line, raw)
        return .line(line)
    }

    private func remember(_ line: [UInt8], _ raw: UnsafeMutablePointer<CChar>) {
        guard !line.isEmpty, line != lastHistoryLine else { return }
        add_history(raw)
        lastHistoryLine = line
    }
}

private func bytes(of text: UnsafePointer<CChar>) -> [UInt8] {
    Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                              count: strlen(text)))
}

/// The class's own `close()` hides the C function of that name inside it.
private func closeDescriptor(_ fd: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(fd)
    #else
    _ = Darwin.close(fd)
    #endif
}

// MARK: - Ctrl-C

/// Bumped by the SIGINT handler. Allocated once so the handler only touches plain memory.
private let interruptCounter: UnsafeMutablePointer<sig_atomic_t> = {
    let counter = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    counter.initialize(to: 0)
    return counter
}()

/// A pipe the SIGINT handler writes to, so that the wait for a key wakes up whichever
/// thread the signal was delivered to and whenever it came: libedit prints the prompt
/// before it starts waiting, and a Ctrl-C in that gap must not be lost until the next key.
private let wakePipe: (read: Int32, write: Int32) = {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return (-1, -1) }
    for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    return (ends[0], ends[1])
}()

private let wakeWriteEnd: UnsafeMutablePointer<Int32> = {
    let end = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    end.initialize(to: wakePipe.write)
    return end
}()

private func drainWakePipe() {
    var buffer = [UInt8](repeating: 0, count: 64)
    while wakePipe.read >= 0, read(wakePipe.read, &buffer, buffer.count) > 0 {}
}

private func installInterruptHandler() -> sigaction {
    // Initialised here, outside the handler.
    _ = interruptCounter
    _ = wakeWriteEnd
    var action = sigaction()
    #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = onInterrupt
    #else
    action.__sigaction_u.__sa_handler = onInterrupt
    #endif
    sigemptyset(&action.sa_mask)
    // No SA_RESTART: the wait in readKey must fail with EINTR so that the line ends.
    action.sa_flags = 0
    var previous = sigaction()
    sigaction(SIGINT, &action, &previous)
    return previous
}

private func onInterrupt(_: Int32) {
    let savedErrno = errno
    interruptCounter.pointee &+= 1
    var byte: UInt8 = 0
    _ = write(wakeWriteEnd.pointee, &byte, 1)
    errno = savedErrno
}

private func restoreInterruptHandler(_ previous: sigaction) {
    var previous = previous
    sigaction(SIGINT, &previous, nil)
}

// MARK: - Keys

nonisolated(unsafe) private var interruptsAtStart: sig_atomic_t = 0

/// libedit's rl_getc_function: one key as a Unicode scalar, or -1 to end the line.
///
/// Replaces libedit's own reader so that the wait for a key also watches for Ctrl-C
/// (see `wakePipe`). libedit hands the returned int on as a wide character, so
/// UTF-8 is decoded here, as its own reader would with mbrtowc; invalid bytes are
/// skipped as it does.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let fd = stream.map { fileno($0) } ?? STDIN_FILENO
    while true {
        guard let lead = readByte(fd) else { return -1 }
        let length: Int
        switch lead {
        case 0x00...0x7f: return Int32(lead)
        case 0xc2...0xdf: length = 2
        case 0xe0...0xef: length = 3
        case 0xf0...0xf4: length = 4
        default: continue
        }
        var sequence = [lead]
        while sequence.count < length {
            guard let next = readByte(fd) else { return -1 }
            guard next & 0xc0 == 0x80 else { break }
            sequence.append(next)
        }
        guard sequence.count == length,
              let scalar = String(validating: sequence, as: UTF8.self)?.unicodeScalars.first
        else { continue }
        return Int32(scalar.value)
    }
}

/// Nil on end of input, on a read error, or once Ctrl-C has been pressed.
private func readByte(_ fd: Int32) -> UInt8? {
    while true {
        if interruptCounter.pointee != interruptsAtStart { return nil }
        if cle_wait_readable(fd, wakePipe.read) < 0 {
            if errno == EINTR { continue }
            return nil
        }
        var pending = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pending, 1, 0) > 0 else {
            // Woken by the pipe alone: the counter has moved, which the loop sees.
            drainWakePipe()
            continue
        }
        var byte: UInt8 = 0
        let count = read(fd, &byte, 1)
        if count == 1 { return byte }
        if count < 0, errno == EINTR || errno == EAGAIN { continue }
        return nil
    }
}

// MARK: - Completion

/// The choices of the question being read; the C completion callback cannot capture.
nonisolated(unsafe) private var activeChoices: [String] = []
/// Set while a line of file paths is read: where relative paths and `~` start from.
nonisolated(unsafe) private var activePaths: (workingDirectory: String, home: String?)?

/// libedit's callback: `text` is the line before the cursor (word breaks are disabled).
/// Returns the readline-style array: the replacement text, then every match, then NULL.
/// The common prefix is computed here by characters: libedit's own helper compares bytes
/// and would cut a multi-byte character in half (any two hiragana choices share their
/// first UTF-8 bytes).
private func completeChoices(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    // Never fall back to completing file names when nothing matches.
    cle_set_attempted_completion_over(1)
    let typed = text.map { String(cString: $0) } ?? ""
    let completion = activePaths.map { PathCompletion.complete(typed, workingDirectory: $0.workingDirectory, home: $0.home) }
        ?? Completion.complete(typed, among: activeChoices)
    guard let (replacement, matches) = completion else { return nil }

    let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: matches.count + 2)
    array[0] = strdup(replacement)
    for (index, match) in matches.enumerated() {
        array[index + 1] = strdup(match)
    }
    array[matches.count + 1] = nil
    return array
}

/// What TAB makes of the line before the cursor.
enum Completion {
    /// Spaces (the ideographic one too), '=', and commas (the ideographic one too).
    static let separators: Set<Character> = [" ", "\u{3000}", "=", ",", "\u{3001}"]

    /// The longest tail of the line that some choices begin with (the whole line, or what
    /// follows a separator) is completed to what those choices have in common:
    /// so the second word of a name with a space in it completes too, and "list provider=Ex" a value.
    static func complete(_ typed: String, among choices: [String]) -> (replacement: String, matches: [String])? {
        let trimmed = String(typed.drop(while: { $0 == " " || $0 == "\u{3000}" }))
        let starts = [trimmed.startIndex] + trimmed.indices.filter { separators.contains(trimmed[$0]) }.map { trimmed.index(after: $0) }
        for start in starts {
            let word = String(trimmed[start...])
            let matches = choices.filter { $0.hasPrefix(word) }
            guard let first = matches.first else { continue }
            var common = first
            for match in matches.dropFirst() {
                common = String(zip(common, match).prefix(while: { $0.0 == $0.1 }).map(\.0))
            }
            let replacement = common.count < word.count ? typed : String(trimmed[..<start]) + common
            return (replacement, matches)
        }
        return nil
    }
}
