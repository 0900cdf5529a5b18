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
        var words = Set<Substring>()
        for run in text.lowercased().split(whereSeparator: { !isWordCharacter($0) }) {
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
        character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                return true
            default:
                return false
            }
        }
    }
}
