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
}

/// 様式「約款による外部サービス終了確認書」 (section 7) as data: pre-filled from the application
/// and what was recorded while in use, each answer correctable.
public enum TerminationProcedure {
    public static let id = "termination"
    public static let formName = Localized("終了確認書", "termination form")
    typealias T = TerminationFields

    public static var checks: [CheckItem] { ProcedureScope.document.terminationChecks.map { CheckItem($0, prefix: "termination.check") } }

    /// The checks whose × in the reviewer's column forbids confirming the termination.
    public static var blockingChecks: [Int] { ProcedureScope.document.terminationChecks.filter(\.blocks).map(\.number) }

    public static func procedure(for record: ApplicationRecord) -> Procedure {
        let application = record.answers
        func from(_ value: AnswerValue?) -> DefaultRule { { _, _ in value } }
        let fields: [Field] = [
            Field(
                T.applicant, label: Localized("申請者", "Applicant"),
                // The application's own question, in the words of the form's version.
                question: ApplicationProcedure.question(ApplicationFields.applicant),
                help: Localized("手順書7：終了の手続きはサービス管理担当者が行います。", "Section 7: the service manager applies for the termination."),
                kind: .text(minimumLength: 1),
                defaultValue: { _, context in context.person.map { .text($0.name) } ?? application[ApplicationFields.serviceManager] }),
            Field(
                T.provider, label: Localized("提供会社名", "Provider"),
                question: Localized("提供会社名（申請時の内容。変わっていれば修正）", "The provider (as applied for; correct it if it changed)"),
                help: Localized("終了するサービスを特定します（7(1)①）。", "Identifies the service that ends (7(1)①)."),
                kind: .text(minimumLength: 1), defaultValue: from(application[ApplicationFields.provider])),
            Field(
                T.service, label: Localized("提供サービス名", "Service"),
                question: Localized("提供サービス名", "The service"),
                help: Localized("終了するサービスを特定します（7(1)①）。", "Identifies the service that ends (7(1)①)."),
                kind: .text(minimumLength: 1), defaultValue: from(application[ApplicationFields.service])),
            Field(
                T.description, label: Localized("サービス内容", "Description"),
                question: Localized("サービス内容（詳しく）", "The service, in detail"),
                help: Localized("様式に「※詳しく記載のこと」とあります。", "The form asks for detail."),
                kind: .text(minimumLength: 20), defaultValue: from(application[ApplicationFields.description])),
            Field(
                T.reason, label: Localized("終了理由", "Reason"),
                question: Localized("終了する理由を入力してください。", "Why does the use end?"),
                help: Localized("手順書7(1)②。停止した場合はその理由、期間満了、代替手段への移行など。", "Section 7(1)②: a stop and its reason, the period ending, a move elsewhere…"),
                kind: .text(minimumLength: 2),
                defaultValue: { _, _ in record.stop.map { .text($0.reason) } }),
            Field(
                T.informationKinds, label: Localized("取り扱っていた情報の種類", "Information handled"),
                question: Localized("取り扱っていた情報の種類（「、」で区切る）", "The kinds of information handled (separate with commas)"),
                help: Localized("手順書7(1)③。利用中に把握した内容を既定値にしています。", "Section 7(1)③. The default is what was last recorded during use."),
                kind: .list, defaultValue: from(.list(record.currentInventory))),
            Field(
                T.users, label: Localized("利用者", "Users"),
                question: Localized("利用者（「、」で区切る。合計人数は自動で数えます）", "The users (separate with commas; the total is counted)"),
                help: Localized("様式の「利用者」欄です。" + EngineText.usersFromDirectory.ja, "The form's users box. " + EngineText.usersFromDirectory.en),
                kind: .users,
                notices: [ApplicationProcedure.userCountNotice, ApplicationProcedure.unlistedUsersNotice],
                defaultValue: { _, context in NamingRules.relinkedUsers(application[ApplicationFields.users], among: context.staff) }),
            Field(
                T.endDate, label: Localized("終了日", "End date"),
                question: Localized("終了日を入力してください。", "The day the use ends."),
                help: Localized("様式は終了後少なくとも3年間保管します（手順書5(4)）。保管期限はこの日から計算します。",
                                "The forms are kept at least 3 years after the end (section 5(4)), counted from this day."),
                kind: .date,
                rules: [{ value, _ in
                    guard let end = value.date, let start = record.inUseFrom ?? record.periodStart, end < start else { return nil }
                    return Localized("終了日が利用開始（\(JapaneseDate.wareki(start))）より前です。", "The end is before the use began (\(JapaneseDate.english(start))).")
                }],
                defaultValue: { _, context in .date(context.today) }),
            Field(
                T.serviceManager, label: Localized("サービス管理担当者", "Service manager"),
                question: Localized("サービス管理担当者", "The service manager"),
                help: Localized("様式の欄です。" + EngineText.roleFromDirectory.ja, "The form's box. " + EngineText.roleFromDirectory.en),
                kind: .staffMember,
                defaultValue: { _, context in NamingRules.stillListed(application[ApplicationFields.serviceManager], among: context.staff) }),
            Field(
                T.departmentHead, label: Localized("所属長名", "Head of department"),
                question: Localized("所属長名", "The head of department"),
                help: Localized(
                    "ダブルチェックは所属長ではなく利用責任者が行います。" + EngineText.roleFromDirectory.ja,
                    "The double check is by the 利用責任者, not the head of department. " + EngineText.roleFromDirectory.en),
                kind: .staffMember,
                defaultValue: { _, context in NamingRules.stillListed(application[ApplicationFields.departmentHead], among: context.staff) }),
            Field(
                T.agreement, label: Localized("終了時の承諾内容", "What was agreed at termination"),
                question: Localized("終了（解約）時の承諾内容のファイルを添付してください（画面コピー等でも可）。", "Attach what was agreed at termination (screenshots are fine)."),
                help: Localized("手順書7(1)④。解約画面や確認メールの画面コピーなど。", "Section 7(1)④: the cancellation screen or confirmation mail, for example."),
                kind: .files),
            Field(
                T.disposal, label: Localized("データ廃棄に関する証明", "Proof of disposal"),
                question: Localized("データ廃棄に関する証明のファイルを添付してください（画面コピー等でも可）。", "Attach the proof that the data was disposed of (screenshots are fine)."),
                help: Localized("手順書7(1)⑤。", "Section 7(1)⑤."),
                kind: .files),
        ]
        return Procedure(
            id: id, title: Localized("終了", "Termination"),
            fields: fields + checks.flatMap { CheckFields.fields(for: $0, formName: formName) })
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
