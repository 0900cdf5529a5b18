/// What schedules read of duty records and decisions: not their answers, and by position.
/// Found by name and with their answers decoded, the 1.45 million duty records and the
/// decisions of `due --all` at 100,000 services took a quarter of its time.
extension SQLStore {
    static let scheduledDutyColumns = "id, application_id, kind, done_on, recorded_by, recorded_at"

    static func scheduledDuty(_ row: SQLRow) -> DutyRecord {
        DutyRecord(
            id: row[0], applicationID: row[1], kind: DutyKind(rawValue: row[2]) ?? .backup,
            doneOn: Day(iso: row[3]) ?? Day(year: 1970, month: 1, day: 1)!, answers: [:], recordedBy: row[4], recordedAt: row[5])
    }

    static let scheduledDecisionColumns = "application_id, reviewer, reviewer_name, outcome, reason, decided_at, application_version, form"

    static func scheduledDecision(_ row: SQLRow) -> Decision {
        var decision = Decision(
            applicationID: row[0], reviewerLogin: row[1], reviewerName: row[2], outcome: DecisionOutcome(rawValue: row[3]) ?? .returned,
            reason: row[4], answers: [:], decidedAt: row[5], applicationVersion: row[6])
        decision.form = Decision.Form(rawValue: row[7]) ?? .application
        return decision
    }
}
