/// The ids of the termination form's fields.
public enum TerminationFields {
    public static let applicant = "termination.applicant"
    public static let provider = "termination.provider"
    public static let service = "termination.service"
    public static let description = "termination.description"
    public static let reason = "termination.reason"
    public static let informationKinds = "termination.information_kinds"
    public static let users = "termination.users"
    public static let endDate = "termination.end_date"
    public static let serviceManager = "termination.service_manager"
    public static let departmentHead = "termination.department_head"
    public static let agreement = "termination.agreement"
    public static let disposal = "termination.disposal"
    /// The form's boxes, which a procedure file must ask.
    public static let all = [applicant, provider, service, description, reason, informationKinds, users, endDate, serviceManager, departmentHead, agreement, disposal]
}

/// 様式 終了確認書 (section 7) as data: pre-filled from the application
/// and what was recorded while in use, each answer correctable.
public enum TerminationProcedure {
    public static let id = "termination"
    public static let formName = Localized("終了確認書", "termination form")
    typealias T = TerminationFields

    public static var checks: [CheckItem] { ProcedureScope.document.terminationChecks.map { CheckItem($0, prefix: "termination.check") } }

    /// The checks whose × in the reviewer's column forbids confirming the termination.
    public static var blockingChecks: [Int] { ProcedureScope.document.terminationChecks.filter(\.blocks).map(\.number) }

    /// The form's questions as the file of the form's version writes them, their defaults taken
    /// from the application and from what was recorded while in use.
    public static func procedure(for record: ApplicationRecord) -> Procedure {
        let form = FormName.termination
        var setting = form.setting(record)
        setting.rules[form.fileID(T.endDate)] = [{ value, _ in
            guard let end = value.date, let start = record.inUseFrom ?? record.periodStart, end < start else { return nil }
            return Localized("終了日が利用開始（\(JapaneseDate.wareki(start))）より前です。", "The end is before the use began (\(JapaneseDate.english(start))).")
        }]
        return Procedure(
            id: id, title: Localized("終了", "Termination"),
            fields: form.fields(setting) + checks.flatMap { CheckFields.fields(for: $0, formName: formName) })
    }
}

/// Retention (section 5(4)): the forms are kept at least the procedure's period (three years
/// in 1.0) after the use ends.
public enum Retention {
    /// The last day everything of a service must still be kept: the period after its end.
    /// From 29 February into a common year it is 1 March, so that it is never short.
    public static func keepUntil(end: Day, holds: [Day] = []) -> Day {
        var until = end.adding(months: ProcedureScope.document.retentionMonths)
        if end.month == 2 && end.day == 29 && until.day != 29 { until = until.adding(days: 1) }
        return ([until] + holds).max()!
    }

    /// May be purged from the day after the retention date.
    public static func mayPurge(keepUntil: Day, today: Day) -> Bool { today > keepUntil }
}
