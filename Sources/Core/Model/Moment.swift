import Foundation

/// A moment in time to the second, as the log and the records keep it: turned into text only
/// where it is stored (`iso`) or shown.
public struct Moment: Comparable, Hashable, Sendable {
    public let secondsSince1970: Int64

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    public init(_ date: Date) { secondsSince1970 = Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// A stored timestamp: ISO 8601 in UTC to the second (`Village.timestamp`), read digit by
    /// digit, since verify reads one for every entry of the log and a formatter per entry cost
    /// more than the rest of the time check; any other form of ISO 8601 goes through the formatter.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        if bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
           bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
           let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
           let hour = Self.number(bytes[11...12]), let minute = Self.number(bytes[14...15]), let second = Self.number(bytes[17...18]),
           hour < 24, minute < 60, second < 61 {
            self.init(secondsSince1970: Int64(Self.epoch.days(until: day)) * 86_400 + Int64(hour * 3_600 + minute * 60 + second))
            return
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { return nil }
        self.init(date)
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    /// As stored: ISO 8601 in UTC, to the second.
    public var iso: String { Village.timestamp(date) }

    public func adding(seconds: Int64) -> Moment { Moment(secondsSince1970: secondsSince1970 + seconds) }

    public static func < (a: Moment, b: Moment) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    private static let epoch = Day(year: 1970, month: 1, day: 1)!

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
