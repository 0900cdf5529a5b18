import Foundation

/// Where plain lines come from: standard input, or a script in tests.
protocol ByteSource: AnyObject {
    /// The next line's bytes without its "\n"; nil at the end.
    func nextLine() -> [UInt8]?
}

final class DescriptorSource: ByteSource {
    let descriptor: Int32
    /// Far longer than any answer may be (InputLine refuses more than a few thousand
    /// characters): beyond it a line is read and dropped, so a pasted gigabyte costs no more
    /// memory than this.
    static let longestLine = 1 << 20
    private var buffer: [UInt8] = []
    /// Where the next line begins, and how far past it a line break has been looked for: each
    /// byte is looked at once and moved at most once, so a line costs time in proportion to its
    /// length (a 40 MB pasted line took half a minute when every read searched from its start).
    private var start = 0
    private var searched = 0
    /// Where the current line was cut, at a character boundary, once it passed `longestLine`.
    private var cut: Int?
    private var finished = false
    private var chunk = [UInt8](repeating: 0, count: 65536)

    init(descriptor: Int32) { self.descriptor = descriptor }

    func nextLine() -> [UInt8]? {
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<(cut ?? newline)])
                start = newline + 1
                searched = start
                cut = nil
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return Array(buffer[start..<(cut ?? buffer.count)])
            }
            if cut == nil && buffer.count - start > Self.longestLine {
                var boundary = start + Self.longestLine
                while boundary > start && buffer[boundary] & 0xC0 == 0x80 { boundary -= 1 }
                cut = boundary
            }
            if let cut { buffer.removeSubrange(cut...) }
            searched = buffer.count
            // Lines already returned are dropped once they are half the buffer.
            if start > 0 && start >= buffer.count / 2 {
                buffer.removeSubrange(..<start)
                searched -= start
                cut = cut.map { $0 - start }
                start = 0
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { finished = true } else { buffer.append(contentsOf: chunk[..<count]) }
        }
    }
}

final class ScriptedSource: ByteSource {
    private var lines: [[UInt8]]
    init(lines: [[UInt8]]) { self.lines = lines }
    func nextLine() -> [UInt8]? { lines.isEmpty ? nil : lines.removeFirst() }
}

/// Reading when stdin is not a terminal: the prompt is printed and the line read is echoed,
/// so that the output of a piped run reads as the whole conversation.
final class PlainLineReader: LineReader {
    let source: ByteSource
    let echo: Output
    /// Echoed lines are cut here, so a pasted megabyte does not flood the transcript.
    let echoLimit = 200

    init(source: ByteSource, echo: Output) {
        self.source = source
        self.echo = echo
    }

    func read(prompt: String, completions: [String]) -> ReadResult {
        echo.write(prompt)
        guard let bytes = source.nextLine() else {
            echo.write("^D\n")
            return .endOfInput
        }
        let shown = String(decoding: (bytes.last == 0x0D ? bytes.dropLast() : bytes[...]).prefix(echoLimit * 4), as: UTF8.self)
        let cut = shown.count > echoLimit ? String(shown.prefix(echoLimit)) + "…" : shown
        // Control characters are echoed as U+FFFD so that a stray escape cannot drive the terminal.
        echo.write(cut + "\n")
        return .line(bytes)
    }
}
