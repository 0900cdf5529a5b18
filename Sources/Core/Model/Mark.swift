/// A mark in a check column of the forms: 可→○, 不可→×, 該当なし→／.
public enum Mark: String, Sendable, Codable, CaseIterable {
    case yes = "○"
    case no = "×"
    case notApplicable = "／"

    public var symbol: String { rawValue }

    /// Words for the marks, as the form's legend says them (可, 不可, 該当なし).
    public static func words(_ language: Language) -> [String] {
        language == .ja ? ["可", "不可", "該当なし"] : ["yes", "no", "na"]
    }

    /// Every way staff write a mark on a keyboard, ASCII or full-width, Japanese or English.
    /// Input has already been folded to half-width ASCII where it could be.
    public init?(typed text: String) {
        let folded = text.lowercased()
        switch folded {
        case "○", "〇", "◯", "o", "ok", "y", "yes", "はい", "可", "true":
            self = .yes
        case "×", "✕", "✗", "x", "n", "no", "いいえ", "不可", "false":
            self = .no
        case "／", "/", "-", "ー", "−", "na", "n/a", "該当なし", "なし", "対象外":
            self = .notApplicable
        default:
            return nil
        }
    }
}

/// 重要性分類: the village classifies information from Ⅰ (most sensitive) to Ⅳ.
public enum Classification: Int, Sendable, Codable, CaseIterable, Comparable {
    case one = 1, two, three, four

    public var numeral: String { ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"][rawValue - 1] }

    /// Section 4: the classes the procedure file names need the 利用責任者's explicit permission.
    public var needsExplicitPermission: Bool { ProcedureScope.document.classesNeedingPermission.contains(numeral) }

    public init?(typed text: String) {
        let table: [String: Classification] = [
            "1": .one, "i": .one, "Ⅰ": .one, "ⅰ": .one,
            "2": .two, "ii": .two, "Ⅱ": .two, "ⅱ": .two,
            "3": .three, "iii": .three, "Ⅲ": .three, "ⅲ": .three,
            "4": .four, "iv": .four, "Ⅳ": .four, "ⅳ": .four,
        ]
        guard let value = table[text.lowercased()] else { return nil }
        self = value
    }

    public static func < (lhs: Classification, rhs: Classification) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A yes or no typed in either language.
public enum YesNo {
    public static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "y", "yes", "はい", "ok", "○", "o", "する", "ある", "あり", "true": return true
        case "n", "no", "いいえ", "×", "x", "しない", "ない", "なし", "false": return false
        default: return nil
        }
    }
}
