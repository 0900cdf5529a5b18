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
        // Read as a `Moment` (digit by digit: a formatter per call was most of `due --all` at
        // 100,000 services), and Japan keeps +9 hours all year.
        guard let moment = Moment(iso: text) else { return nil }
        let local = moment.secondsSince1970 + 9 * 3_600
        return epoch.adding(days: Int((Double(local) / 86_400).rounded(.down)))
    }

    private static let epoch = Day(year: 1970, month: 1, day: 1)!
}
