import Foundation
import Testing
@testable import Core

/// The Japanese day of a stored timestamp, read digit by digit, is the day a formatter gives.
@Suite struct TimestampDayTests {
    static func byFormatter(_ text: String) -> Day? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text).map { Day(date: $0, timeZone: Village.timeZone) }
    }

    @Test func everyHourAroundTheChangeOfDayMonthAndYear() {
        for day in ["2026-03-31", "2026-12-31", "2028-02-28", "2028-02-29", "2019-04-30"] {
            for hour in 0..<24 {
                let text = day + "T" + (hour < 10 ? "0\(hour)" : "\(hour)") + ":59:59Z"
                #expect(Village.day(ofTimestamp: text) == Self.byFormatter(text), "\(text)")
                #expect(Village.day(ofTimestamp: text) != nil)
            }
        }
        #expect(Village.day(ofTimestamp: "2026-03-31T15:00:00Z") == Day(year: 2026, month: 4, day: 1))
        #expect(Village.day(ofTimestamp: "2026-03-31T14:59:59Z") == Day(year: 2026, month: 3, day: 31))
    }

    @Test func otherFormsGoThroughTheFormatter() {
        for text in ["2026-04-01T09:00:00+09:00", "2026-04-01T25:00:00Z", "not a time", "2026-13-01T00:00:00Z"] {
            #expect(Village.day(ofTimestamp: text) == Self.byFormatter(text), "\(text)")
        }
    }
}
