import Foundation

/// The seam for time: the real clock in use, a fixed one in tests and transcripts.
public protocol Clock: Sendable {
    var now: Date { get }
}

public struct SystemClock: Clock {
    public init() {}
    public var now: Date { Date() }
}

public struct FixedClock: Clock {
    public let now: Date
    public init(_ now: Date) { self.now = now }

    /// Nine in the morning, Japan time, on that day.
    public init(day: Day) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Village.timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: 9)
        self.now = calendar.date(from: components)!
    }
}

/// Facts of where the procedure applies.
public enum Village {
    public static let timeZone = TimeZone(identifier: "Asia/Tokyo")!

    public static func today(_ clock: any Clock) -> Day { Day(date: clock.now, timeZone: timeZone) }

    /// A moment as stored: ISO 8601 in UTC, to the second.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The Japanese calendar day of a stored timestamp.
    public static func day(ofTimestamp text: String) -> Day? {
        // Stored timestamps are UTC to the second (see `timestamp`), and Japan keeps +9 hours
        // all year: read digit by digit, since a formatter per call was most of `due --all` at
        // 100,000 services. Any other form goes through the formatter.
        let bytes = Array(text.utf8)
        if bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
           let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
           bytes[11...12].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            let hour = Int(bytes[11] - UInt8(ascii: "0")) * 10 + Int(bytes[12] - UInt8(ascii: "0"))
            if hour < 24 { return hour + 9 >= 24 ? day.adding(days: 1) : day }
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text).map { Day(date: $0, timeZone: timeZone) }
    }
}
