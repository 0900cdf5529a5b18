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
