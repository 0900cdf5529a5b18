/// Who may end a service, what must hold to confirm its end, and when its records may go.
public enum TerminationRules {
    /// A service in use or stopped may be terminated (7); once per service unless returned.
    public static func maySubmit(_ application: ApplicationRecord) -> Localized? {
        guard application.status == .inUse || application.status == .stopped else {
            return Localized(
                "申請番号 \(application.id) は利用中でも停止中でもないため、終了の手続きはできません（状態：\(application.status.label.ja)）。",
                "Application \(application.id) is neither in use nor stopped, so it cannot be terminated (it is \(application.status.label.en)).")
        }
        if let termination = application.termination, termination.status != .returned {
            return Localized(
                "この終了確認書はすでに提出されています（\(termination.status.label.ja)）。",
                "Its termination form was already submitted (\(termination.status.label.en)).")
        }
        return nil
    }

    /// The 終了確認書 is submitted by the サービス管理担当者 (section 7(1)); the 利用責任者
    /// double-checks it, so they cannot be the one who submits it.
    public static func mayApply(login: String, member: StaffMember?, application: ApplicationRecord) -> Localized? {
        if let refusal = CurrentEntry.unlistedManager(login: login, member: member, of: application) { return refusal }
        return CurrentEntry.actsAsManager(login: login, member: member, of: application) ? nil : Localized(
            "終了確認書はサービス管理担当者（\(application.serviceManager)）が提出します（手順書7(1)）。",
            "The termination form is submitted by the service manager (\(application.serviceManager)) (section 7(1)).")
    }

    /// A × on "data erased" or "certificate received" in the reviewer's column forbids confirming.
    public static func confirmationBlockers(review: Answers) -> [Localized] {
        TerminationProcedure.blockingChecks.filter { review[ReviewFields.terminationMark($0)]?.mark == .no }.map { number in
            let item = TerminationProcedure.checks[number - 1]
            return Localized("確認事項\(number)（\(item.text.ja)）が×です", "check \(number) (\(item.text.en)) is ×")
        }
    }

    public static func noTermination(_ application: ApplicationRecord) -> Localized {
        Localized("申請番号 \(application.id) には終了確認書がありません。", "Application \(application.id) has no termination form.")
    }

    /// Records are purged, and their retention lengthened, by administrators only (5(4)).
    public static func mayKeepRecords(member: StaffMember?) -> Localized? {
        member?.isAdministrator == true ? nil : TerminationText.administratorsOnly
    }

    /// A hold only ever lengthens retention.
    public static func mayHold(_ application: ApplicationRecord, until: Day) -> Localized? {
        guard let current = application.keepUntil else {
            return Localized("終了していないサービスは、そもそも削除されません。", "A service that has not ended is never purged anyway.")
        }
        return until > current ? nil : Localized(
            "保管期限は延ばすことしかできません（現在：\(JapaneseDate.wareki(current))）。",
            "Retention can only be extended (it is now \(JapaneseDate.english(current))).")
    }

    /// Only ended services, from the day after they have been kept three years (and any hold).
    public static func mayPurge(_ application: ApplicationRecord, today: Day) -> Localized? {
        guard let until = application.keepUntil else {
            return Localized(
                "申請番号 \(application.id) は終了していないため削除できません。",
                "Application \(application.id) has not ended, so it is never purged.")
        }
        return Retention.mayPurge(keepUntil: until, today: today) ? nil : Localized(
            "申請番号 \(application.id) は \(JapaneseDate.wareki(until)) まで保管が必要です（\(JapaneseDate.wareki(until.adding(days: 1))) から削除できます）。",
            "Application \(application.id) must be kept until \(JapaneseDate.english(until)); it can be purged from \(JapaneseDate.english(until.adding(days: 1))).")
    }
}
