/// The ids of the event forms' fields.
public enum EventFields {
    public static let provider = "event.provider"
    public static let service = "event.service"
    public static let occurredOn = "event.occurred_on"
    public static let what = "event.what"
    public static let source = "event.source"
    public static let action = "event.action"
    public static let reason = "event.reason"
    public static let decision = "event.decision"
}

/// The short forms of section 6's events: an incident elsewhere (6(7)), an incident with a
/// service in use (6(8)), a stop (6(2)), and the 利用責任者's decision after a change (6(1)).
public enum EventProcedures {
    typealias E = EventFields

    /// A setting whose day an event happened on is not in the future.
    static func setting(_ form: FormName, today: Day) -> FormSetting {
        var setting = form.setting()
        setting.rules[form.fileID(E.occurredOn)] = [{ value, _ in
            (value.date ?? today) > today ? Localized("未来の日付は入力できません。", "A day in the future cannot be recorded.") : nil
        }]
        return setting
    }

    /// `inUse`: the services in use, so that the person sees which the incident will reach,
    /// as it is typed, before it is recorded.
    public static func incidentElsewhere(today: Day, inUse: [ApplicationRecord] = []) -> Procedure {
        let form = FormName.incidentElsewhere
        var setting = setting(form, today: today)
        setting.notices[form.fileID(E.service)] = [{ _, answers in
            ProviderNames.candidatesNotice(provider: answers[E.provider]?.text ?? "", service: answers[E.service]?.text ?? "", inUse: inUse)
        }]
        return Procedure(id: "incident.elsewhere", title: Localized("他組織のインシデント", "Incident elsewhere"), fields: form.fields(setting))
    }

    public static func ownIncident(today: Day) -> Procedure {
        Procedure(id: "incident.own", title: Localized("インシデントの報告", "Incident report"), fields: FormName.ownIncident.fields(setting(.ownIncident, today: today)))
    }

    /// The stop form's default reason, as the file of the version read now writes it
    /// (section 6(2): routing abroad found).
    public static var overseasReason: Localized {
        let reason = ProcedureScope.document.questions(.stop).first { $0.id == FormName.stop.fileID(E.reason) }
        if case .text(let text)? = reason?.startsWith { return text }
        return Localized("6(2)", "6(2)")
    }

    public static func stop() -> Procedure {
        Procedure(id: "stop", title: Localized("利用の停止", "Stop"), fields: FormName.stop.fields(FormName.stop.setting()))
    }

    public static func continuation() -> Procedure {
        var setting = FormName.continuation.setting()
        setting.options = [
            ChoiceOption("continue", label: Localized("継続", "continue"), typed: ["続ける", "c"]),
            ChoiceOption("stop", label: Localized("停止", "stop"), typed: ["やめる", "s"]),
        ]
        return Procedure(id: "continuation", title: Localized("継続の判断", "Continuation"), fields: FormName.continuation.fields(setting))
    }
}
