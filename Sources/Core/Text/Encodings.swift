import Foundation

/// Telling which encoding a file that is not UTF-8 was saved in, to say how to fix it.
public enum Encodings {
    /// Whether the bytes read as Shift_JIS (CP932) holding Japanese: every lead byte followed by
    /// a valid trail byte, and at least one double-byte character or half-width katakana.
    public static func looksLikeShiftJIS(_ data: Data) -> Bool {
        var index = data.startIndex
        var japanese = 0
        while index < data.endIndex {
            let byte = data[index]
            switch byte {
            case 0x00...0x7F:
                index += 1
            case 0xA1...0xDF:
                japanese += 1
                index += 1
            case 0x81...0x9F, 0xE0...0xFC:
                let next = data.index(after: index)
                guard next < data.endIndex else { return false }
                let trail = data[next]
                guard (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) else { return false }
                japanese += 1
                index = data.index(after: next)
            default:
                return false
            }
        }
        return japanese > 0
    }
}
