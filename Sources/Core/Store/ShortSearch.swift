/// Searches of one or two characters, as Japanese words often are (名簿, 住所): the trigram
/// index cannot find them, so every character and every pair of neighbouring characters of a
/// service's text is also kept as a word of a second full-text index, which finds them without
/// reading every service's text.
public enum ShortSearch {
    /// Whether the index can answer: one or two characters, each a letter or a digit (the
    /// characters that the index's tokenizer, unicode61, keeps inside words).
    static func isIndexed(_ text: String) -> Bool {
        (1...2).contains(text.count) && text.allSatisfy(isWordCharacter)
    }

    /// The distinct characters and pairs of a text, in lower case, separated by spaces; pairs
    /// never span a space, a punctuation mark or a line break. (SQLite's index folds case itself;
    /// the server compares the words as they are kept.)
    public static func words(_ text: String) -> String {
        // Most texts are written in scalars each of which is a character of its own, already
        // precomposed and composing with none of its neighbours (kana, kanji, Latin letters,
        // the usual punctuation): there a word is its scalars, and words sort as their scalars
        // do. Each is kept as one number, the first scalar's value shifted left 22 bits, plus
        // the second's value plus one. Swift's comparison of Strings, canonical for Unicode,
        // was most of this function's time. The function was 16 % of a whole verify's time
        // (perf, release build, 1,000 services' lifetime). A text with any other scalar goes
        // the canonical way. Both ways give the same words in the same order (ShortSearchWordsTests).
        // Lowering the whole text first was a third of what was left: a text whose scalars'
        // lower case is known at sight is folded as it is read.
        if let words = plainWords(text, folding: true) { return words }
        let lowered = text.lowercased()
        return plainWords(lowered, folding: false) ?? canonicalWords(lowered)
    }

    /// The words of a text of plain scalars, or nil for any other (folding: for a text with a
    /// scalar whose lower case is not known at sight).
    private static func plainWords(_ text: String, folding: Bool) -> String? {
        var keys = Set<UInt64>()
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if folding {
                guard let folded = foldedAtSight(value) else { return nil }
                value = folded
            }
            guard isPlain(value) else { return nil }
            guard isWordScalar(Unicode.Scalar(value)!) else {
                previous = nil
                continue
            }
            keys.insert(UInt64(value) << 22)
            if let previous { keys.insert(UInt64(previous) << 22 | UInt64(value + 1)) }
            previous = value
        }
        var words = String.UnicodeScalarView()
        for (number, key) in keys.sorted().enumerated() {
            if number > 0 { words.append(" ") }
            words.append(Unicode.Scalar(UInt32(key >> 22))!)
            let second = UInt32(key & 0x3F_FFFF)
            if second > 0 { words.append(Unicode.Scalar(second - 1)!) }
        }
        return String(words)
    }

    /// The lower case of a scalar whose case is known at sight: ASCII's and the full-width
    /// letters' fold, kana, kanji and CJK punctuation have none. Nil for any other.
    static func foldedAtSight(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x41...0x5A, 0xFF21...0xFF3A: return value + 0x20
        case 0...0x7F, 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D: return value
        default: return nil
        }
    }

    /// Scalars that are each a character of its own, in NFC, composing with no neighbour:
    /// Latin up to the combining marks, general punctuation but its spaces and joiners, number
    /// forms, arrows, enclosed numbers, shapes (○), CJK punctuation but its combining marks,
    /// kana but the combining sound marks, kanji, and the full- and half-width forms but the
    /// half-width sound marks.
    static func isPlain(_ value: UInt32) -> Bool {
        switch value {
        case 0x0000...0x02FF, 0x2010...0x2027, 0x2030...0x205E, 0x2150...0x218B, 0x2190...0x21FF, 0x2460...0x24FF,
             0x25A0...0x25FF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFF9D:
            return true
        default:
            return false
        }
    }

    /// The words of any text, equal words found by canonical equivalence.
    static func canonicalWords(_ lowered: String) -> String {
        var words = Set<Substring>()
        for run in lowered.split(whereSeparator: { !isWordCharacter($0) }) {
            var index = run.startIndex
            while index < run.endIndex {
                let next = run.index(after: index)
                words.insert(run[index..<next])
                if next < run.endIndex { words.insert(run[index..<run.index(after: next)]) }
                index = next
            }
        }
        return words.sorted().joined(separator: " ")
    }

    /// A searched word as the server's `tsquery` of that one lexeme: in lower case, as the words
    /// are kept, and quoted (an indexed word holds no quote or backslash to escape).
    static func lexeme(_ text: String) -> String {
        "'" + text.lowercased() + "'"
    }

    /// unicode61's word characters: letters, digits and private-use characters.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy(isWordScalar)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0...0x7F: return false
        // Kana and kanji, every one a letter: the lookup of the category was 2 % of a whole
        // verify's CPU (perf), most of it for these.
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
