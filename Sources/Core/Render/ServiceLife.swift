/// What happened to a service while it was in use (section 6), oldest first, for the printed
/// and the shown forms alike: duty records, incidents, a stop and the 利用責任者's decisions
/// after a change.
public enum ServiceLife {
    public struct Event: Sendable, Equatable {
        public let day: String
        public let title: String
        /// The login of who recorded it; empty when the event names nobody.
        public let by: String
        public let details: [String]
        /// For ordering only: the day as ISO text, then the time it was recorded.
        let sortKey: String
    }

    public static func events(_ record: ApplicationRecord, _ language: Language) -> [Event] {
        let ja = language == .ja
        func shown(_ timestamp: String) -> (day: String, key: String) {
            let day = Village.day(ofTimestamp: timestamp)
            return (day.map { AnswerFormat.date($0, language) } ?? timestamp, (day?.iso ?? timestamp) + " " + timestamp)
        }
        var events: [Event] = record.dutyRecords.map { duty in
            let procedure = DutyProcedures.procedure(duty.kind, for: record, today: duty.doneOn)
            let details = procedure.fields.compactMap { field -> String? in
                guard field.id != DutyFields.doneOn, let value = duty.answers[field.id], value != .skipped else { return nil }
                return field.label(language) + (ja ? "：" : ": ") + AnswerFormat.inline(value, of: field, language)
            }
            return Event(
                day: AnswerFormat.date(duty.doneOn, language), title: duty.kind.title(language), by: duty.recordedBy, details: details,
                sortKey: duty.doneOn.iso + " " + duty.recordedAt)
        }
        events += record.incidents.map { incident in
            Event(
                day: AnswerFormat.date(incident.occurredOn, language), title: (ja ? "インシデント：" : "Incident: ") + incident.what,
                by: incident.recordedBy, details: incident.action.map { [(ja ? "対応：" : "action: ") + $0] } ?? [],
                sortKey: incident.occurredOn.iso + " " + incident.recordedAt)
        }
        events += record.continuations.map { decision in
            let at = shown(decision.decidedAt)
            let title = decision.continues
                ? Localized("変更後の判断（6(1)）：継続", "Decision after a change (6(1)): continue")
                : Localized("変更後の判断（6(1)）：停止", "Decision after a change (6(1)): stop")
            return Event(
                day: at.day, title: title(language), by: decision.decidedBy, details: [(ja ? "理由：" : "reason: ") + decision.reason],
                sortKey: at.key)
        }
        if let stop = record.stop {
            let at = shown(stop.stoppedAt)
            events.append(Event(
                day: at.day, title: (ja ? "停止：" : "Stopped: ") + stop.reason, by: stop.stoppedBy, details: [], sortKey: at.key))
        }
        return events.enumerated().sorted { ($0.element.sortKey, $0.offset) < ($1.element.sortKey, $1.offset) }.map(\.element)
    }
}
