import Foundation
import Testing
@testable import Core

struct DayTests {
    @Test(arguments: [
        (2026, 2, 30), (2025, 2, 29), (2026, 13, 1), (2026, 0, 1), (2026, 4, 31), (2026, 1, 0), (1900, 2, 29),
    ])
    func impossibleDatesAreNil(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [(2024, 2, 29), (2000, 2, 29), (2026, 12, 31), (2026, 1, 1)])
    func possibleDatesExist(year: Int, month: Int, day: Int) throws {
        let d = try #require(Day(year: year, month: month, day: day))
        #expect(d.year == year && d.month == month && d.day == day)
    }

    @Test func isoFormatsWithPadding() {
        #expect(Day(year: 2026, month: 4, day: 1)!.iso == "2026-04-01")
        #expect(Day(year: 2026, month: 12, day: 31)!.description == "2026-12-31")
        #expect(Day(year: 987, month: 1, day: 2)!.iso == "0987-01-02")
        #expect(Day(year: 10_000, month: 1, day: 2)!.iso == "10000-01-02")
        // Every day of two centuries reads back as itself, in order.
        var day = Day(year: 1950, month: 1, day: 1)!
        var previous = ""
        while day.year < 2150 {
            #expect(Day(iso: day.iso) == day && day.iso > previous, "\(day.year)-\(day.month)-\(day.day)")
            previous = day.iso
            day = day.adding(days: 1)
        }
    }

    @Test(arguments: [
        ("2026-04-01", Day(year: 2026, month: 4, day: 1)),
        ("2024-02-29", Day(year: 2024, month: 2, day: 29)),
        ("2025-02-29", nil),
        ("2026-4-1", nil),
        ("2026/04/01", nil),
        ("2026-04-01 ", nil),
        ("２０２６-04-01", nil),
        ("", nil),
    ] as [(String, Day?)])
    func strictIsoParsing(text: String, expected: Day?) {
        #expect(Day(iso: text) == expected)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-01-31", 12, "2027-01-31"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-04-01", 0, "2026-04-01"),
        ("2026-01-10", -13, "2024-12-10"),
    ])
    func addingMonthsClampsToMonthEnd(start: String, months: Int, expected: String) {
        #expect(Day(iso: start)!.adding(months: months).iso == expected)
    }

    @Test(arguments: [
        ("2026-04-01", 1, "2026-04-02"),
        ("2026-12-31", 1, "2027-01-01"),
        ("2024-02-28", 1, "2024-02-29"),
        ("2025-02-28", 1, "2025-03-01"),
        ("2026-03-01", -1, "2026-02-28"),
        ("2026-04-01", 365, "2027-04-01"),
        ("2024-01-01", 366, "2025-01-01"),
        ("1970-01-01", -1, "1969-12-31"),
        ("2000-02-28", 1, "2000-02-29"),
        ("1900-02-28", 1, "1900-03-01"),
    ])
    func addingDays(start: String, days: Int, expected: String) {
        #expect(Day(iso: start)!.adding(days: days).iso == expected)
    }

    @Test(arguments: [
        ("2026-04-01", "2026-04-01", 0),
        ("2026-04-01", "2026-04-30", 29),
        ("2025-12-31", "2026-01-01", 1),
        ("2026-01-01", "2025-12-31", -1),
        ("2024-01-01", "2025-01-01", 366),
        ("2025-01-01", "2026-01-01", 365),
        ("2019-04-30", "2026-04-01", 2528),
        ("1970-01-01", "2000-01-01", 10957),
    ])
    func daysUntil(from: String, to: String, expected: Int) {
        #expect(Day(iso: from)!.days(until: Day(iso: to)!) == expected)
    }

    @Test func daysUntilAgreesWithAddingDays() {
        let start = Day(year: 2023, month: 11, day: 17)!
        for offset in stride(from: -800, through: 800, by: 37) {
            #expect(start.days(until: start.adding(days: offset)) == offset)
        }
    }

    @Test func ordering() {
        let a = Day(year: 2025, month: 12, day: 31)!
        let b = Day(year: 2026, month: 1, day: 1)!
        let c = Day(year: 2026, month: 2, day: 1)!
        #expect(a < b && b < c)
        #expect([c, a, b].sorted() == [a, b, c])
    }

    @Test func codableAsIsoString() throws {
        let day = Day(year: 2026, month: 4, day: 1)!
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-04-01"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }

    @Test func todayUsesTheGivenTimeZone() {
        // 2026-03-31T15:30:00Z is already 1 April in Tokyo.
        let instant = Date(timeIntervalSince1970: 1_774_971_000)
        #expect(Day(date: instant, timeZone: TimeZone(identifier: "Asia/Tokyo")!).iso == "2026-04-01")
        #expect(Day(date: instant, timeZone: TimeZone(identifier: "UTC")!).iso == "2026-03-31")
    }

    /// The day is the one a Gregorian calendar in that zone gives, on either side of midnight,
    /// across daylight saving time and before 1970.
    @Test func todayIsTheCalendarsDayInThatZone() {
        for zone in ["Asia/Tokyo", "UTC", "America/New_York", "Pacific/Chatham"].map({ TimeZone(identifier: $0)! }) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for seconds in stride(from: -40_000_000.0, to: 1_900_000_000.0, by: 3_599_999.5) {
                let instant = Date(timeIntervalSince1970: seconds)
                let parts = calendar.dateComponents([.year, .month, .day], from: instant)
                #expect(Day(date: instant, timeZone: zone) == Day(year: parts.year!, month: parts.month!, day: parts.day!), "\(zone) \(seconds)")
            }
        }
    }

    @Test func daysInMonth() {
        #expect(Day.daysInMonth(year: 2024, month: 2) == 29)
        #expect(Day.daysInMonth(year: 2025, month: 2) == 28)
        #expect(Day.daysInMonth(year: 2000, month: 2) == 29)
        #expect(Day.daysInMonth(year: 2100, month: 2) == 28)
        #expect(Day.daysInMonth(year: 2026, month: 4) == 30)
        #expect(Day.daysInMonth(year: 2026, month: 12) == 31)
    }
}
