/// What happened to a service while it was in use (section 6), oldest first, for the printed
/// and the shown forms alike: duty records, incidents, a stop and the 利用責任者's decisions
/// after a change.
public enum ServiceLife {
    public struct Event: Sendable, Equatable {
        public let day: String
        public let title: String
        /// Who recorded it, by name and login (「佐藤 花子（sato）」) where the form names them,
        /// else by login; empty when the event names nobody.
        public let by: String
        public let details: [String]
        /// For ordering only: the day as ISO text, then the time it was recorded.
        let sortKey: String
    }

    /// Someone's name beside their login, from the people the form and its decisions name:
    /// a record kept by 「sato」 alone says nothing to whoever reads it years later.
    static func who(_ login: String, in record: ApplicationRecord, _ language: Language) -> String {
        guard !login.isEmpty else { return "" }
        var names: [String: String] = [:]
        for value in record.answers.values {
            if let person = value.person, let known = person.login { names[known] = person.name }
            for person in value.people ?? [] { if let known = person.login { names[known] = person.name } }
        }
        for decision in record.decisions + (record.termination?.decisions ?? []) { names[decision.reviewerLogin] = decision.reviewerName }
        if let applicant = record.answers[ApplicationFields.applicant]?.text { names[record.applicantLogin] = names[record.applicantLogin] ?? applicant }
        guard let name = names[login], !name.isEmpty else { return login }
        return language == .ja ? "\(name)（\(login)）" : "\(name) (\(login))"
    }

    public static func events(_ record: ApplicationRecord, _ language: Language) -> [Event] {
        let ja = language == .ja
        let who = { (login: String) in Self.who(login, in: record, language) }
        func shown(_ timestamp: String) -> (day: String, key: String) {
            let day = Village.day(ofTimestamp: timestamp)
            return (day.map { AnswerFormat.date($0, language) } ?? timestamp, (day?.iso ?? timestamp) + " " + timestamp)
        }
        var events: [Event] = record.dutyRecords.map { duty in
            let procedure = DutyProcedures.procedure(duty.kind, for: record, today: duty.doneOn)
            let details = duty.kind == .termsCheck ? TermsCheckText.details(duty, language) : procedure.fields.compactMap { field -> String? in
                guard field.id != DutyFields.doneOn, let value = duty.answers[field.id], value != .skipped else { return nil }
                return field.label(language) + (ja ? "：" : ": ") + AnswerFormat.inline(value, of: field, language)
            }
            return Event(
                day: AnswerFormat.date(duty.doneOn, language), title: duty.kind.title(language), by: who(duty.recordedBy), details: details,
                sortKey: duty.doneOn.iso + " " + duty.recordedAt)
        }
        events += record.incidents.map { incident in
            Event(
                day: AnswerFormat.date(incident.occurredOn, language), title: (ja ? "インシデント：" : "Incident: ") + incident.what,
                by: who(incident.recordedBy), details: incident.action.map { [(ja ? "対応：" : "action: ") + $0] } ?? [],
                sortKey: incident.occurredOn.iso + " " + incident.recordedAt)
        }
        events += record.continuations.map { decision in
            let at = shown(decision.decidedAt)
            let title = decision.continues
                ? Localized("変更後の判断（6(1)）：継続", "Decision after a change (6(1)): continue")
                : Localized("変更後の判断（6(1)）：停止", "Decision after a change (6(1)): stop")
            return Event(
                day: at.day, title: title(language), by: who(decision.decidedBy), details: [(ja ? "理由：" : "reason: ") + decision.reason],
                sortKey: at.key)
        }
        if let stop = record.stop {
            let at = shown(stop.stoppedAt)
            events.append(Event(
                day: at.day, title: (ja ? "停止：" : "Stopped: ") + stop.reason, by: who(stop.stoppedBy), details: [], sortKey: at.key))
        }
        return events.enumerated().sorted { ($0.element.sortKey, $0.offset) < ($1.element.sortKey, $1.offset) }.map(\.element)
    }
}
