/// Text on its way to someone's terminal. Whatever is stored (including records written before
/// input was checked, or by other tools) could hold escape sequences that move the cursor,
/// rewrite the screen or set the title; they are shown as U+FFFD instead. A second lock
/// behind the checks on input.
public enum TerminalText {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
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
