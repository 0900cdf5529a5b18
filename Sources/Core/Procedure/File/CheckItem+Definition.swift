/// A check of the procedure file made into what the engine asks: its conditions on ／ become
/// the mark's rule and defaults, and a window for incidents becomes what is shown before it.
extension CheckItem {
    public init(_ check: CheckDefinition, prefix: String) {
        let markID = "\(prefix)\(check.number)"
        let rule = check.notApplicable
        var markRules: [AnswerRule] = []
        if let refusedWhen = rule?.refusedWhen, let refusal = rule?.refusal {
            markRules.append { value, answers in
                value.mark == .notApplicable && refusedWhen.holds(answers) ? refusal : nil
            }
        }
        var defaultMark: DefaultRule?
        var defaultNote: DefaultRule?
        if let offeredWhen = rule?.defaultWhen {
            defaultMark = { answers, _ in offeredWhen.holds(answers) ? .mark(.notApplicable) : nil }
            if let note = rule?.defaultNote {
                defaultNote = { answers, context in
                    offeredWhen.holds(answers) && answers[markID]?.mark == .notApplicable ? .text(note(context.language)) : nil
                }
            }
        }
        let read = (rule?.refusedWhen?.questions ?? []) + (rule?.defaultWhen?.questions ?? [])
        self.init(
            number: check.number, text: check.text, help: check.help,
            dependsOn: read.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            markRules: markRules, defaultMark: defaultMark, defaultNote: defaultNote,
            preamble: check.showsIncidentsWithinMonths.map(Self.incidents(withinMonths:)), prefix: prefix,
            requiresEvidence: check.evidenceRequired)
    }

    /// Incidents on record for this provider and service within the window, before the check.
    static func incidents(withinMonths months: Int) -> PreambleRule {
        { answers, context in
            let provider = answers[ApplicationFields.provider]?.text ?? ""
            let service = answers[ApplicationFields.service]?.text ?? ""
            let since = context.today.adding(months: -months)
            let known = context.incidents.filter { $0.concerns(provider: provider, service: service) && $0.occurredOn >= since }
            guard !known.isEmpty else { return nil }
            let said = WrittenPeriod.said(months: months)
            let window = Localized("過去\(said.ja)間", "past \(said.en)")
            return known.reduce(Localized("記録されているインシデント（\(window.ja)）：", "Incidents on record (\(window.en)):")) { text, incident in
                text + Localized(
                    "\n  ・\(JapaneseDate.wareki(incident.occurredOn)) \(incident.what)（\(incident.source ?? "村内の報告")）",
                    "\n  • \(JapaneseDate.english(incident.occurredOn)) \(incident.what) (\(incident.source ?? "reported here"))")
            }
        }
    }
}
