/// The store's statements mark their parameters with `?`, as SQLite reads them; PostgreSQL
/// numbers them (`$1`, `$2`…). A `?` inside a '…' string, a "…" identifier or a comment is
/// text, not a parameter, and stays as it is.
enum Placeholders {
    /// The statement with each parameter's `?` replaced by its number, in order.
    static func numbered(_ sql: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(sql.utf8.count + 16)
        var state = State.code
        var number = 0
        var previous: UInt8 = 0
        for byte in sql.utf8 {
            switch state {
            case .code:
                switch byte {
                case question:
                    number += 1
                    output.append(dollar)
                    output.append(contentsOf: String(number).utf8)
                    previous = 0
                    continue
                case quote: state = .string
                case doubleQuote: state = .identifier
                case dash where previous == dash: state = .lineComment
                case star where previous == slash: state = .blockComment(depth: 1)
                default: break
                }
            case .string:
                // A quote doubled inside a string ('it''s') closes and reopens it: the same state after both.
                if byte == quote { state = .code }
            case .identifier:
                if byte == doubleQuote { state = .code }
            case .lineComment:
                if byte == newline { state = .code }
            case .blockComment(let depth):
                // PostgreSQL's block comments nest.
                if byte == slash && previous == star {
                    state = depth == 1 ? .code : .blockComment(depth: depth - 1)
                    output.append(byte)
                    previous = 0
                    continue
                } else if byte == star && previous == slash {
                    state = .blockComment(depth: depth + 1)
                    output.append(byte)
                    previous = 0
                    continue
                }
            }
            output.append(byte)
            previous = byte
        }
        return String(decoding: output, as: UTF8.self)
    }

    private enum State {
        case code, string, identifier, lineComment
        case blockComment(depth: Int)
    }

    private static let question = UInt8(ascii: "?")
    private static let dollar = UInt8(ascii: "$")
    private static let quote = UInt8(ascii: "'")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let dash = UInt8(ascii: "-")
    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")
    private static let newline = UInt8(ascii: "\n")
}
