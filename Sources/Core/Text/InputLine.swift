import Foundation

public enum LineProblem: Error, Equatable, Sendable {
    case invalidUTF8
    case controlCharacter
    case tooLong(limit: Int)
}

/// Turns raw bytes typed or piped by a user into text that is safe to store and echo back.
public enum InputLine {
    public static let maximumCharacters: Int = 4000

    public static func decode(_ bytes: [UInt8]) -> Result<String, LineProblem> {
        var body = bytes[...]
        // A reader may hand over the newline too; dropping it is harmless and avoids refusing the line.
        if body.last == 0x0A { body = body.dropLast() }
        if body.last == 0x0D { body = body.dropLast() }
        // UTF-8 needs at most 4 bytes per scalar, so this bound rejects huge input without decoding it.
        guard body.count <= 4 * maximumCharacters else { return .failure(.tooLong(limit: maximumCharacters)) }
        guard let decoded = String(validating: body, as: UTF8.self) else { return .failure(.invalidUTF8) }

        var scalars = String.UnicodeScalarView()
        for (index, scalar) in decoded.unicodeScalars.enumerated() {
            // Windows tools often prefix a byte order mark; it carries no meaning for an answer.
            if index == 0, scalar.value == 0xFEFF { continue }
            if scalar.value == 0x09 {
                scalars.append(" ")
            } else if isRefused(scalar) {
                return .failure(.controlCharacter)
            } else {
                scalars.append(scalar)
            }
        }

        let normalised = String(scalars).precomposedStringWithCanonicalMapping
        let trimmed = trimSpaces(normalised)
        guard trimmed.count <= maximumCharacters else { return .failure(.tooLong(limit: maximumCharacters)) }
        return .success(trimmed)
    }

    /// Maps full-width ASCII look-alikes to ASCII without touching kana, because
    /// general-purpose width transforms also widen half-width katakana.
    public static func halfwidthASCII(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000:
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Text given as a command-line option (a reason, a name, search words) gets the same checks
    /// as a typed answer. The arguments reach the process already decoded, with bytes that were
    /// not UTF-8 replaced by U+FFFD, so that mark is refused as invalid UTF-8.
    public static func option(_ text: String) -> Result<String, LineProblem> {
        if text.unicodeScalars.contains("\u{FFFD}") { return .failure(.invalidUTF8) }
        return decode(Array(text.utf8))
    }

    /// Spaces and characters that show nothing (soft hyphen, zero-width spaces and joiners,
    /// fillers) are trimmed from both ends, so an answer made only of them counts as empty.
    static func trimSpaces(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { character in
            character.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{3000}" || isInvisible($0) }
        }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180E: return true
        case 0x200B...0x200F, 0x2060...0x2064, 0x206A...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0: return true
        default: return false
        }
    }

    // Controls and direction overrides can rewrite what the terminal shows, so an answer
    // could look different from what is stored.
    private static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
