/// Text on its way to someone's terminal. Whatever is stored (including records written before
/// input was checked, or by other tools) could hold escape sequences that move the cursor,
/// rewrite the screen or set the title; they are shown as U+FFFD instead. A second lock
/// behind the checks on input.
public enum TerminalText {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func neutralised(_ text: String) -> String {
        guard needsNeutralising(text) else { return text }
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            // CRLF ends the lines of CSV and iCalendar; only a lone CR rewrites a line.
            if scalar == "\r", pending == "\n" {
                scalars.append(scalar)
            } else {
                scalars.append(isControl(scalar) ? replacement : scalar)
            }
        }
        return String(scalars)
    }

    /// Whether `neutralised` would change anything, read from the UTF-8 bytes: what exports
    /// write goes through here a 64 KiB piece at a time, and CSV's CRLF is no reason to rebuild
    /// the piece scalar by scalar (a third of an export's time when it did). The controls are
    /// the bytes below 0x20 and 0x7F, C2 80–9F (U+0080–U+009F), E2 80 A8–AE (U+2028–U+202E) and
    /// E2 81 A6–A9 (U+2066–U+2069).
    static func needsNeutralising(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(needsNeutralising)
    }

    /// The same for UTF-8 bytes. Eight bytes are looked at at once, and only eight holding a byte
    /// below 0x20 other than a line feed or tab, 0x7F, C2 or E2 one by one: a byte at a time was
    /// 7 % of a JSON export, eight at a time stopping at every line feed 3.5 %.
    public static func needsNeutralising(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, highs = ~lows
            /// The high bit of each byte of `word` that is below `limit` (at most 0x80), exactly.
            func below(_ limit: UInt8, _ word: UInt64) -> UInt64 { ~(((word & lows) &+ (0x80 &- UInt64(limit)) &* ones) | word) & highs }
            func zeros(_ word: UInt64) -> UInt64 { below(1, word) }
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // Line feeds and tabs raised by 0x20 out of the controls' range (0x0A → 0x2A).
                let layout = (zeros(word ^ (0x0A &* ones)) | zeros(word ^ (0x09 &* ones))) >> 2
                let suspect = below(0x20, word | layout) | zeros(word ^ (0x7F &* ones))
                    | zeros(word ^ (0xC2 &* ones)) | zeros(word ^ (0xE2 &* ones))
                if suspect != 0 {
                    for place in index..<index + 8 where needsNeutralising(bytes, at: place) { return true }
                }
                index += 8
            }
        }
        while index < bytes.count {
            if needsNeutralising(bytes, at: index) { return true }
            index += 1
        }
        return false
    }

    /// Whether the byte at `index` starts a control.
    @inline(__always)
    private static func needsNeutralising(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0x0A, 0x09: return false
        case 0x0D: return index + 1 >= bytes.count || bytes[index + 1] != 0x0A
        case 0x00...0x1F, 0x7F: return true
        case 0xC2: return index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
        case 0xE2:
            guard index + 2 < bytes.count else { return false }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            return second == 0x80 && (0xA8...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third)
        default: return false
        }
    }

    /// Line feed and tab are layout; every other control, and the marks that reorder or
    /// break lines, can make the terminal show something other than what was written.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
