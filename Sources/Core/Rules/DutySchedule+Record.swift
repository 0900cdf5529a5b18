/// A service's recurring duties as `due`, the menu, `remind` and `calendar` see them: one rule
/// (DutySchedule), whether the store gave the earliest open period it keeps or the records.
extension ApplicationRecord {
    /// nil when nothing of the duty can be due any more: the store keeps no row once the earliest
    /// open period ends on or after `activeUntil` (SQLStore reads the records of a service whose
    /// row is missing while it is still active).
    func earliestOpenPeriod(of kind: DutyKind, _ cadence: DutySchedule.Cadence, inUseFrom start: Day, today: Day) -> DutySchedule.Period? {
        if let openDues { return openDues[kind].map(cadence.period(containing:)) }
        let done = dutyRecords.filter { $0.kind == kind && $0.doneOn <= today }.map(\.doneOn)
        return DutySchedule.earliestOpenPeriod(cadence: cadence, inUseFrom: start, doneOn: done)
    }

    /// Every open period of a recurring duty up to today, overdue ones first.
    public func openPeriods(of kind: DutyKind, today: Day) -> [DutySchedule.Item] {
        guard let cadence = kind.schedule, let start = inUseFrom,
            let earliest = earliestOpenPeriod(of: kind, cadence, inUseFrom: start, today: today)
        else { return [] }
        return DutySchedule.items(cadence: cadence, earliestOpen: earliest, today: today, activeUntil: activeUntil)
    }

    /// The day a calendar shows for the duty: the oldest overdue period's end, else the next due
    /// day while the service is still active; nil when nothing is due.
    public func calendarDue(of kind: DutyKind, today: Day) -> (due: Day, overdue: Bool)? {
        guard let cadence = kind.schedule, let start = inUseFrom,
            let earliest = earliestOpenPeriod(of: kind, cadence, inUseFrom: start, today: today)
        else { return nil }
        let open = DutySchedule.items(cadence: cadence, earliestOpen: earliest, today: today, activeUntil: activeUntil)
        if let overdue = open.first(where: { $0.status == .overdue }) { return (overdue.dueDate, true) }
        let due = DutySchedule.nextDue(cadence: cadence, inUseFrom: start, earliestOpen: earliest, today: today)
        if let end = activeUntil, due >= end { return nil }
        return (due, false)
    }
}
