/// Column widths as a terminal draws them, so tables with Japanese text line up.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    public static func padded(_ text: String, to width: Int) -> String {
        let current = of(text)
        guard current < width else { return text }
        return text + String(repeating: " ", count: width - current)
    }

    /// The ellipsis tells the reader something was cut, so it is kept inside the width.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let w = self.width(of: character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count > 1, first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) {
            return 2
        }
        // Half-width voiced marks (ﾞ ﾟ) join the previous kana as one character but take their own column.
        let halfwidthMarks = scalars.dropFirst().filter { $0.value == 0xFF9E || $0.value == 0xFF9F }.count
        return width(of: first) + halfwidthMarks
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if value >= 0x1160 && value <= 0x11FF { return 0 }  // Hangul medial/final jamo join the previous syllable.
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    // East Asian Wide and Fullwidth ranges, plus the ambiguous-width marks that Japanese
    // forms use as symbols (○ △ ◎ …) and that Japanese fonts draw full-width.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,
        0x2329...0x232A,
        0x203B...0x203B,
        0x25A0...0x25A1,
        0x25B2...0x25B3,
        0x25BC...0x25BD,
        0x25C6...0x25C7,
        0x25CB...0x25CB,
        0x25CE...0x25CF,
        0x2605...0x2606,
        0x2E80...0x303F,
        0x3041...0x3096,
        0x3099...0x33FF,
        0x3400...0x4DBF,
        0x4E00...0x9FFF,
        0xA000...0xA4CF,
        0xA960...0xA97F,
        0xAC00...0xD7A3,
        0xF900...0xFAFF,
        0xFE10...0xFE19,
        0xFE30...0xFE6F,
        0xFF01...0xFF60,
        0xFFE0...0xFFE6,
        0x16FE0...0x16FE4,
        0x17000...0x18CFF,
        0x1B000...0x1B2FF,
        0x1F200...0x1F2FF,
        0x20000...0x3FFFD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        return wideRanges.contains { $0.contains(value) }
    }
}
