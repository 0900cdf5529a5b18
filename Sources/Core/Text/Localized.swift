/// The two languages of the interface. Japanese is the first; English is complete too.
public enum Language: String, Sendable, CaseIterable, Codable {
    case ja, en
}

/// A piece of user-facing text in both languages. All user text lives in Core as values of
/// this type, so that the shell only chooses a language and never words anything itself.
public struct Localized: Sendable, Hashable, Codable {
    public let ja: String
    public let en: String

    public init(_ ja: String, _ en: String) {
        self.ja = ja
        self.en = en
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .ja: return ja
        case .en: return en
        }
    }

    /// Joins pieces in each language separately.
    public static func + (lhs: Localized, rhs: Localized) -> Localized {
        Localized(lhs.ja + rhs.ja, lhs.en + rhs.en)
    }
}
