import Core
import Foundation

/// Where the shell's words go: standard output in use, a buffer in tests.
protocol Output: AnyObject {
    /// Writes exactly these characters; only for text already neutralised (colours added).
    func writeVerbatim(_ text: String)
    /// The same for UTF-8 text as bytes.
    func writeVerbatim(bytes: [UInt8])
}

extension Output {
    /// Every text that may hold something stored or typed goes out this way, control
    /// characters shown as U+FFFD.
    func write(_ text: String) { writeVerbatim(TerminalText.neutralised(text)) }

    /// UTF-8 text as bytes, neutralised as `write` does; made a String only when it must change.
    func write(bytes: [UInt8]) {
        if bytes.withUnsafeBufferPointer(TerminalText.needsNeutralising) {
            write(String(decoding: bytes, as: UTF8.self))
        } else {
            writeVerbatim(bytes: bytes)
        }
    }
}

final class StandardOutput: Output {
    let descriptor: Int32

    init(descriptor: Int32 = STDOUT_FILENO) { self.descriptor = descriptor }

    /// The string's own bytes, without a copy: an export writes 64 KiB at a time.
    func writeVerbatim(_ text: String) {
        _ = writeWhole(text, to: descriptor)
    }

    func writeVerbatim(bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { writeWhole($0, to: descriptor) }
    }
}

/// Writes every byte of the text, again after an interruption; the errno of a write that
/// failed, else nil.
func writeWhole(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { writeWhole(UnsafeRawBufferPointer($0), to: descriptor) }
}

func writeWhole(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    guard let start = bytes.baseAddress else { return nil }
    var offset = 0
    while offset < bytes.count {
        let written = Foundation.write(descriptor, start + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return errno == 0 ? ENOSPC : errno }
        offset += written
    }
    return nil
}

final class BufferedOutput: Output {
    private(set) var text = ""
    func writeVerbatim(_ text: String) { self.text += text }
    func writeVerbatim(bytes: [UInt8]) { text += String(decoding: bytes, as: UTF8.self) }
}

/// Colours by tone, only when they can help: a terminal that is not dumb, and no NO_COLOR.
struct Palette {
    let enabled: Bool

    static func decide(isTerminal: Bool, environment: [String: String]) -> Palette {
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Palette(enabled: isTerminal && environment["TERM"] != "dumb" && !noColour)
    }

    func paint(_ tone: Tone, _ text: String) -> String {
        guard enabled, let code = code(tone) else { return text }
        return "\u{1b}[\(code)m" + text + "\u{1b}[0m"
    }

    private func code(_ tone: Tone) -> String? {
        switch tone {
        case .heading: return "1"
        case .question: return "1;36"
        case .hint: return "2"
        case .help: return "34"
        case .notice: return "33"
        case .warning: return "1;33"
        case .error: return "1;31"
        case .success: return "1;32"
        case .info: return nil
        }
    }
}
