/// The ids of the duty records' fields.
public enum DutyFields {
    public static let doneOn = "duty.done_on"
    public static let changed = "duty.service_changed"
    public static let termsChanged = "duty.terms_changed"
    public static let securityChanged = "duty.security_changed"
    public static let overseas = "duty.overseas"
    public static let changeDetails = "duty.change_details"
    public static let note = "duty.note"
    public static let backupWhat = "duty.backup_what"
    public static let backupWhere = "duty.backup_where"
    /// Asked once for each user (`each: user`), as duty.user1, duty.user2…
    public static let eachUser = "duty.user"
    public static func user(_ index: Int) -> String { eachUser + "\(index + 1)" }
    public static let differences = "duty.differences"
    public static let alternative = "duty.alternative"
    public static let alternativeSecured = "duty.alternative_secured"
    public static let inventory = "duty.inventory"
    public static let inventoryNote = "duty.inventory_note"
}

/// Each duty of section 6 recorded through the same interview engine as the forms.
public enum DutyProcedures {
    typealias D = DutyFields

    /// The record's questions as the file of the version read now writes them.
    public static func procedure(_ kind: DutyKind, for record: ApplicationRecord, today: Day) -> Procedure {
        guard let form = kind.form else { return Procedure(id: "duty." + kind.rawValue, title: kind.title, fields: []) }
        var setting = form.setting(record)
        setting.rules[form.fileID(D.doneOn)] = [doneOnRule(today, record)]
        return Procedure(id: "duty." + kind.rawValue, title: kind.title, fields: form.fields(setting))
    }

    /// Whether a recorded content review means the 利用責任者 must decide to continue or stop.
    public static func needsContinuationDecision(_ answers: Answers) -> Bool {
        [D.changed, D.termsChanged, D.securityChanged].contains { answers[$0]?.flag == true }
    }

    public static func foundOverseas(_ answers: Answers) -> Bool { answers[D.overseas]?.flag == true }

    /// Users who said purpose or information differ from the application.
    public static func differingUsers(_ answers: Answers, users: [String]) -> [String] {
        users.indices.filter { answers[D.user($0)]?.flag == false }.map { users[$0] }
    }

    /// The day a duty was done is neither in the future nor before the service came into use.
    static func doneOnRule(_ today: Day, _ record: ApplicationRecord) -> AnswerRule {
        { value, _ in
            guard let day = value.date else { return nil }
            if day > today {
                return Localized("未来の日付は入力できません。", "A day in the future cannot be recorded.")
            }
            if let start = record.inUseFrom, day < start {
                return Localized(
                    "利用開始（\(JapaneseDate.wareki(start))）より前の日付です。",
                    "That is before the service came into use (\(JapaneseDate.english(start))).")
            }
            return nil
        }
    }
}

extension DutyKind {
    /// The form its record is made with; nil for the terms check, which yakkan does itself.
    var form: FormName? { FormName.dutyForms.first { $0.rawValue == rawValue } }
}
