import Testing

@testable import Core

/// Due and overdue on every day of a leap year, checked against a day-by-day simulation
/// that walks the calendar one day at a time instead of computing periods.
@Suite struct DutyScheduleTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let cadence: DutySchedule.Cadence
        let inUse: Day
        let records: [Day]
        let activeUntil: Day?
        var description: String { name }
    }

    static func d(_ iso: String) -> Day { Day(iso: iso)! }

    static let cases: [Case] = [
        Case(name: "monthly from the last day of January, leap day and late records", cadence: .month, inUse: d("2028-01-31"),
             records: [d("2028-02-29"), d("2028-04-02"), d("2028-04-20"), d("2028-06-30"), d("2028-06-30")], activeUntil: nil),
        Case(name: "monthly never recorded", cadence: .month, inUse: d("2027-11-15"), records: [], activeUntil: nil),
        Case(name: "monthly recorded on each first day", cadence: .month, inUse: d("2028-03-31"),
             records: (4...12).map { Day(year: 2028, month: $0, day: 1)! }, activeUntil: nil),
        Case(name: "monthly, stopped in August", cadence: .month, inUse: d("2028-01-10"),
             records: [d("2028-02-01"), d("2028-03-31")], activeUntil: d("2028-08-15")),
        Case(name: "fiscal quarters across the fiscal year end", cadence: .fiscalQuarter, inUse: d("2027-12-15"),
             records: [d("2028-02-10"), d("2028-07-01"), d("2028-09-30")], activeUntil: nil),
        Case(name: "fiscal quarters from the first day of April", cadence: .fiscalQuarter, inUse: d("2028-04-01"),
             records: [d("2028-03-31"), d("2028-10-01")], activeUntil: nil),
    ]

    /// The reference: walk day by day; a period opens on its first day (the 1st of a month, or
    /// of April, July, October, January), records close the oldest open period, and a period
    /// is overdue once a day after its last day has come.
    static func simulate(_ c: Case, until today: Day) -> [DutySchedule.Item] {
        if let end = c.activeUntil, today >= end { return [] }
        if today < c.inUse { return [] }
        var open: [(start: Day, end: Day?)] = []
        var day = c.inUse
        var first = true
        while day <= today {
            let startsPeriod = day.day == 1 && (c.cadence == .month || [1, 4, 7, 10].contains(day.month))
            if startsPeriod {
                if let last = open.indices.last, open[last].end == nil { open[last].end = day.adding(days: -1) }
                if !first || day != c.inUse { open.append((day, nil)) }
            }
            for _ in c.records.filter({ $0 == day }) {
                if let index = open.indices.first { open.remove(at: index) }
            }
            first = false
            day = day.adding(days: 1)
        }
        // Close the period running today by walking to its end.
        if let last = open.indices.last, open[last].end == nil {
            var end = today
            while true {
                let next = end.adding(days: 1)
                if next.day == 1 && (c.cadence == .month || [1, 4, 7, 10].contains(next.month)) { break }
                end = next
            }
            open[last].end = end
        }
        return open.map { DutySchedule.Item(period: .init(start: $0.start, end: $0.end!), status: $0.end! < today ? .overdue : .due) }
    }

    @Test(arguments: cases)
    func everyDayOfALeapYear(_ c: Case) {
        var day = Self.d("2028-01-01")
        var checked = 0
        while day.year == 2028 {
            let computed = DutySchedule.items(cadence: c.cadence, inUseFrom: c.inUse, doneOn: c.records, today: day, activeUntil: c.activeUntil)
            let expected = Self.simulate(c, until: day)
            #expect(computed == expected, "\(c.name) on \(day)")
            checked += 1
            day = day.adding(days: 1)
        }
        #expect(checked == 366)
    }

    @Test func theEdgesSpelledOut() {
        let c = Self.cases[0]
        func on(_ iso: String) -> [DutySchedule.Item] {
            DutySchedule.items(cadence: .month, inUseFrom: c.inUse, doneOn: c.records, today: Self.d(iso))
        }
        // January is covered by the approval; February is due on the leap day itself.
        #expect(on("2028-01-31").isEmpty)
        #expect(on("2028-02-28") == [.init(period: .init(start: Self.d("2028-02-01"), end: Self.d("2028-02-29")), status: .due)])
        // Recorded on the leap day: nothing open until March begins.
        #expect(on("2028-02-29").isEmpty)
        #expect(on("2028-03-01").map(\.status) == [.due])
        // March was missed: overdue on 1 April, closed by the late record of 2 April.
        #expect(on("2028-04-01").map(\.status) == [.overdue, .due])
        #expect(on("2028-04-01").first?.dueDate == Self.d("2028-03-31"))
        #expect(on("2028-04-02").map(\.status) == [.due])
        // The second April record closes April; two records on 30 June count once for June.
        #expect(on("2028-04-20").isEmpty)
        #expect(on("2028-07-01").map(\.status) == [.due])
        #expect(on("2028-09-01").map(\.status) == [.overdue, .overdue, .due])
    }

    @Test func fiscalQuartersBeginInApril() {
        let quarter = DutySchedule.Cadence.fiscalQuarter
        #expect(quarter.period(containing: Self.d("2028-03-31")) == .init(start: Self.d("2028-01-01"), end: Self.d("2028-03-31")))
        #expect(quarter.period(containing: Self.d("2028-04-01")) == .init(start: Self.d("2028-04-01"), end: Self.d("2028-06-30")))
        #expect(quarter.period(containing: Self.d("2028-12-31")) == .init(start: Self.d("2028-10-01"), end: Self.d("2028-12-31")))
    }

    @Test func theNextDueDateForCalendars() {
        // In the month of approval the first due date is the end of the next month.
        #expect(DutySchedule.nextDue(cadence: .month, inUseFrom: Self.d("2028-01-31"), doneOn: [], today: Self.d("2028-01-31")) == Self.d("2028-02-29"))
        // Done for this month: the end of next month.
        #expect(DutySchedule.nextDue(cadence: .month, inUseFrom: Self.d("2028-01-31"), doneOn: [Self.d("2028-02-03")], today: Self.d("2028-02-10")) == Self.d("2028-03-31"))
        #expect(DutySchedule.nextDue(cadence: .fiscalQuarter, inUseFrom: Self.d("2028-02-01"), doneOn: [], today: Self.d("2028-02-01")) == Self.d("2028-06-30"))
    }
}
