/// When each recurring duty is due, decided from the day the service came into use and the
/// days the duty was done. Periods are calendar months, or quarters of the Japanese fiscal
/// year (April–June, July–September, October–December, January–March). The period in which
/// the service came into use is covered by its approval; each later period needs one record.
/// A record counts for the earliest period still open that had begun by the day it was
/// done, so a late record closes the period it was late for.
public enum DutySchedule {
    public enum Cadence: Sendable, Equatable {
        /// Monday to Sunday.
        case week
        case month
        case fiscalQuarter
        /// April–September and October–March.
        case fiscalHalf
        /// April to March.
        case fiscalYear

        /// The period containing a day.
        public func period(containing day: Day) -> Period {
            switch self {
            case .month:
                let start = Day(year: day.year, month: day.month, day: 1)!
                return Period(start: start, end: start.adding(months: 1).adding(days: -1))
            case .fiscalQuarter:
                // Fiscal quarters start in April, July, October and January.
                return Self.period(of: 3, startingIn: [1, 4, 7, 10], containing: day)
            case .fiscalHalf:
                return Self.period(of: 6, startingIn: [4, 10], containing: day)
            case .fiscalYear:
                return Self.period(of: 12, startingIn: [4], containing: day)
            case .week:
                // 1970-01-05 was a Monday.
                let sinceMonday = (Day(year: 1970, month: 1, day: 5)!.days(until: day) % 7 + 7) % 7
                let start = day.adding(days: -sinceMonday)
                return Period(start: start, end: start.adding(days: 6))
            }
        }

        /// The period of `months` months, beginning in one of `firstMonths`, that holds the day.
        private static func period(of months: Int, startingIn firstMonths: [Int], containing day: Day) -> Period {
            var start = Day(year: day.year, month: firstMonths.last { $0 <= day.month } ?? firstMonths.last!, day: 1)!
            if start > day { start = Day(year: day.year - 1, month: start.month, day: 1)! }
            return Period(start: start, end: start.adding(months: months).adding(days: -1))
        }
    }

    public struct Period: Sendable, Equatable, Hashable {
        public let start: Day
        public let end: Day
    }

    public enum Status: String, Sendable, Codable {
        /// The current period has no record yet; due by its last day.
        case due
        /// A past period ended without a record.
        case overdue
    }

    public struct Item: Sendable, Equatable {
        public let period: Period
        public let status: Status
        public var dueDate: Day { period.end }
    }

    /// Every open period up to today: overdue ones, then the current one if it is open.
    /// `activeUntil` is the day the service stopped or ended; from that day nothing is due.
    public static func items(
        cadence: Cadence, inUseFrom start: Day, doneOn records: [Day], today: Day, activeUntil: Day? = nil
    ) -> [Item] {
        items(cadence: cadence, earliestOpen: earliestOpenPeriod(cadence: cadence, inUseFrom: start, doneOn: records.filter { $0 <= today }),
              today: today, activeUntil: activeUntil)
    }

    /// The same from the earliest period still open: records close periods in order, so every
    /// period from that one up to today is open. This is all a store keeps per duty (`duty_due`),
    /// and all `due` and `calendar` read of a service's records.
    public static func items(cadence: Cadence, earliestOpen: Period, today: Day, activeUntil: Day? = nil) -> [Item] {
        if let end = activeUntil, today >= end { return [] }
        var open: [Item] = []
        var period = earliestOpen
        while period.start <= today {
            open.append(Item(period: period, status: period.end < today ? .overdue : .due))
            period = cadence.period(containing: period.end.adding(days: 1))
        }
        return open
    }

    /// The next day a duty falls due on or after today, for calendars: the end of the current
    /// period while it is open, else the end of the period after it.
    public static func nextDue(cadence: Cadence, inUseFrom start: Day, doneOn records: [Day], today: Day) -> Day {
        nextDue(cadence: cadence, inUseFrom: start,
                earliestOpen: earliestOpenPeriod(cadence: cadence, inUseFrom: start, doneOn: records.filter { $0 <= today }), today: today)
    }

    public static func nextDue(cadence: Cadence, inUseFrom start: Day, earliestOpen: Period, today: Day) -> Day {
        let open = items(cadence: cadence, earliestOpen: earliestOpen, today: today)
        if let current = open.last(where: { $0.status == .due }) { return current.dueDate }
        let current = cadence.period(containing: max(today, start))
        return cadence.period(containing: current.end.adding(days: 1)).end
    }

    /// The earliest period still open: a record counts for the earliest open period that had
    /// begun by the day it was done.
    public static func earliestOpenPeriod(cadence: Cadence, inUseFrom start: Day, doneOn records: [Day]) -> Period {
        var period = cadence.period(containing: cadence.period(containing: start).end.adding(days: 1))
        for day in records.sorted() where period.start <= day {
            period = cadence.period(containing: period.end.adding(days: 1))
        }
        return period
    }

    /// The due date of the earliest period still open, whatever today is: what a store keeps
    /// per duty so that "overdue" is one indexed comparison with today.
    public static func earliestOpenDue(cadence: Cadence, inUseFrom start: Day, doneOn records: [Day]) -> Day {
        earliestOpenPeriod(cadence: cadence, inUseFrom: start, doneOn: records).end
    }
}
