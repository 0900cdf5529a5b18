/// Splits the numeric part of a written date into year, month and day, independent of era.
enum DateTokens {
    struct Parts: Equatable {
        let year: Int
        let month: Int
        let day: Int
    }

    private enum Token: Equatable {
        case number(value: Int, digits: Int)
        case gan  // 元, the first year of an era
        case symbol(Character)
    }

    static func match(_ text: Substring, allowEraYear: Bool) -> Parts? {
        guard let tokens = tokenise(text) else { return nil }

        if !allowEraYear, tokens.count == 1, case let .number(value, 8) = tokens[0] {
            return Parts(year: value / 10_000, month: value / 100 % 100, day: value % 100)
        }

        let yearToken: Token
        let month: Int, day: Int
        switch tokens.count {
        case 5, 6:
            guard case let .number(m, mDigits) = tokens[2], case let .number(d, dDigits) = tokens[4],
                  mDigits <= 2, dDigits <= 2 else { return nil }
            if tokens[1] == .symbol("年"), tokens[3] == .symbol("月"), tokens.count == 5 || tokens[5] == .symbol("日") {
                // 日 may be left off, as in 令和8年4月1.
            } else if tokens.count == 5, case let .symbol(sep) = tokens[1], tokens[3] == tokens[1], "-/.".contains(sep) {
                // Mixed separators such as 2026-4/1 are more likely typos than dates.
            } else {
                return nil
            }
            yearToken = tokens[0]
            month = m
            day = d
        default:
            return nil
        }

        switch yearToken {
        case let .number(value, digits):
            if allowEraYear {
                guard digits <= 2 else { return nil }
            } else {
                guard digits == 4 else { return nil }
            }
            return Parts(year: value, month: month, day: day)
        case .gan:
            return allowEraYear ? Parts(year: 1, month: month, day: day) : nil
        case .symbol:
            return nil
        }
    }

    private static func tokenise(_ text: Substring) -> [Token]? {
        var tokens: [Token] = []
        var value = 0
        var digits = 0
        func flush() {
            if digits > 0 { tokens.append(.number(value: value, digits: digits)) }
            value = 0
            digits = 0
        }
        for character in text {
            if let digit = character.asciiDigit {
                // Cap the length so absurd digit runs cannot overflow; they fail the digit-count checks anyway.
                guard digits < 9 else { return nil }
                value = value * 10 + digit
                digits += 1
                continue
            }
            flush()
            switch character {
            case " ": continue
            case "元": tokens.append(.gan)
            default: tokens.append(.symbol(character))
            }
        }
        flush()
        return tokens
    }
}

private extension Character {
    var asciiDigit: Int? {
        guard let ascii = asciiValue, ascii >= 0x30, ascii <= 0x39 else { return nil }
        return Int(ascii - 0x30)
    }
}
