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
    public static func user(_ index: Int) -> String { "duty.user\(index + 1)" }
    public static let differences = "duty.differences"
    public static let alternative = "duty.alternative"
    public static let alternativeSecured = "duty.alternative_secured"
    public static let inventory = "duty.inventory"
    public static let inventoryNote = "duty.inventory_note"
}

/// Each duty of section 6 recorded through the same interview engine as the forms.
public enum DutyProcedures {
    typealias D = DutyFields

    public static func procedure(_ kind: DutyKind, for record: ApplicationRecord, today: Day) -> Procedure {
        let fields: [Field]
        switch kind {
        case .contentReview: fields = [doneOn(today, record)] + contentReview
        case .backup: fields = [doneOn(today, record)] + backup
        case .userConfirmation: fields = [doneOn(today, record)] + userConfirmation(record.users)
        case .alternative: fields = alternative(record.currentAlternative)
        case .inventory: fields = inventory(record.currentInventory)
        case .termsCheck: fields = []
        }
        return Procedure(id: "duty." + kind.rawValue, title: kind.title, fields: fields)
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

    static func doneOn(_ today: Day, _ record: ApplicationRecord) -> Field {
        Field(
            D.doneOn,
            label: Localized("実施日", "Done on"),
            question: Localized("実施した日を入力してください。", "The day it was done."),
            help: Localized(
                "実際に行った日を入力します。遅れて記録する場合も、行った日を入力します。",
                "The day it was really done, even when you record it later."),
            kind: .date,
            rules: [{ value, _ in
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
            }],
            defaultValue: { _, context in .date(context.today) })
    }

    static let contentReview: [Field] = [
        Field(
            D.changed,
            label: Localized("サービス内容の変更", "Service changed"),
            question: Localized("提供されるサービスの内容（機能・容量・料金など）に変更はありましたか？（はい／いいえ）",
                                "Has what the service offers (features, storage, price…) changed? (yes/no)"),
            help: Localized("手順書6(1)：四半期に1度程度、提供されるサービスの内容を確認します。変更があれば利用責任者に連絡し、継続の可否を検討します。",
                            "Section 6(1): about once a quarter, check what the service offers. If it changed, the 利用責任者 is told and decides whether to continue."),
            kind: .yesNo),
        Field(
            D.termsChanged,
            label: Localized("約款・利用規約の変更", "Terms changed"),
            question: Localized("約款・利用規約やプライバシーポリシーに変更はありましたか？（はい／いいえ）",
                                "Have the terms or the privacy policy changed? (yes/no)"),
            help: Localized("約款は予告なく一方的に変更されることがあります（手順書6(4)）。", "Terms can change without notice (section 6(4))."),
            kind: .yesNo),
        Field(
            D.securityChanged,
            label: Localized("セキュリティ対策の変更", "Security changed"),
            question: Localized("セキュリティ対策（暗号化・認証・データの保存場所など）に変更はありましたか？（はい／いいえ）",
                                "Have its security measures (encryption, sign-in, where data is kept…) changed? (yes/no)"),
            help: Localized("申請時の確認事項1〜8の前提が変わっていないかを確かめます。", "Check that what checks 1 to 8 relied on still holds."),
            kind: .yesNo),
        Field(
            D.overseas,
            label: Localized("海外のサーバ・ネットワーク経由", "Now via servers abroad"),
            question: Localized("サービスが海外のサーバやネットワークを経由するようになっていませんか？（はい：経由している／いいえ）",
                                "Does the service now go through servers or networks abroad? (yes/no)"),
            help: Localized("手順書6(2)：海外を経由する場合は国内法の適用外となる可能性があるため、直ちに利用を停止します。",
                            "Section 6(2): if it goes abroad, Japanese law may not apply, so its use is stopped at once."),
            kind: .yesNo,
            notices: [{ value, _ in
                value.flag == true
                    ? Localized("記録すると、このサービスは直ちに停止されます（手順書6(2)）。利用者と利用責任者に通知し、代替サービスを表示します。",
                                "Once recorded, the service is stopped at once (section 6(2)); its users and the 利用責任者 are told and the alternative service is shown.")
                    : nil
            }]),
        Field(
            D.changeDetails,
            label: Localized("変更の内容", "What changed"),
            question: Localized("何が変わったかを具体的に入力してください。", "What changed, exactly?"),
            help: Localized("利用責任者が継続の可否を判断するために使います。", "The 利用責任者 decides on this whether to continue."),
            kind: .text(minimumLength: 5),
            askedWhen: { answers in
                [D.changed, D.termsChanged, D.securityChanged, D.overseas].contains { answers[$0]?.flag == true }
            },
            dependsOn: [D.changed, D.termsChanged, D.securityChanged, D.overseas]),
        Field(
            D.note,
            label: Localized("備考", "Note"),
            question: Localized("備考（確認した画面や資料など）", "A note (what you looked at)"),
            help: Localized("省略できます。", "Optional."),
            kind: .text(minimumLength: 1),
            optional: { _ in true }),
    ]

    static let backup: [Field] = [
        Field(
            D.backupWhat,
            label: Localized("バックアップした情報", "What was backed up"),
            question: Localized("何をバックアップしましたか？", "What did you back up?"),
            help: Localized("手順書6(5)：情報の滅失・破壊に備え、少なくとも1か月に1度バックアップします。",
                            "Section 6(5): against loss or destruction, back the information up at least once a month."),
            example: Localized("共有フォルダ内の全ファイル", "every file in the shared folder"),
            kind: .text(minimumLength: 2)),
        Field(
            D.backupWhere,
            label: Localized("保管場所", "Kept where"),
            question: Localized("バックアップをどこに保管しましたか？", "Where is the backup kept?"),
            help: Localized("サービスの外（庁内のファイルサーバなど）に保管します。", "Somewhere outside the service (the office file server, for example)."),
            example: Localized("庁内ファイルサーバ ¥¥fs01¥backup¥drive", "office file server \\\\fs01\\backup\\drive"),
            kind: .text(minimumLength: 2)),
    ]

    static func userConfirmation(_ users: [String]) -> [Field] {
        users.enumerated().map { index, user in
            Field(
                D.user(index),
                label: Localized("\(user)さんの確認", "Confirmed by \(user)"),
                question: Localized(
                    "\(user)さんは、利用目的と取り扱う情報の種類が申請した内容と変わっていないと確認しましたか？（はい／いいえ：違いがある）",
                    "Did \(user) confirm that the purpose and the kinds of information are as applied for? (yes / no: they differ)"),
                help: Localized(
                    "手順書6(6)：毎月1回、利用者に確認します。違いがある場合は利用責任者に通知され、新しい申請が必要になります。",
                    "Section 6(6): ask the users once a month. A difference is flagged to the 利用責任者 and needs a new application."),
                kind: .yesNo)
        } + [
            Field(
                D.differences,
                label: Localized("違いの内容", "What differs"),
                question: Localized("申請内容とどう違うかを入力してください。", "How does the use differ from the application?"),
                help: Localized("利用責任者に通知され、新しい申請が必要になります。", "The 利用責任者 is told; a new application is needed."),
                kind: .text(minimumLength: 5),
                askedWhen: { answers in users.indices.contains { answers[D.user($0)]?.flag == false } },
                dependsOn: users.indices.map(D.user)),
        ]
    }

    static func alternative(_ current: String) -> [Field] {
        [
            Field(
                D.alternative,
                label: Localized("代替サービス", "Alternative service"),
                question: Localized("突然の停止に備えた代替サービス（または代替手段）を入力してください。", "The alternative service (or means) ready in case this one stops suddenly."),
                help: Localized("手順書6(3)：あらかじめ代替サービスを確認し、確保しておきます。Enter で現在の内容のまま記録します。",
                                "Section 6(3): identify and secure an alternative in advance. Enter keeps the current one."),
                kind: .text(minimumLength: 1),
                defaultValue: { _, _ in current.isEmpty ? nil : .text(current) }),
            Field(
                D.alternativeSecured,
                label: Localized("すぐに使えるか", "Ready to use"),
                question: Localized("代替サービスは今すぐ使える状態で確保されていますか？（はい／いいえ）", "Is the alternative secured and ready to use now? (yes/no)"),
                help: Localized("アカウントや手順が用意されているかを確かめます。", "Check that accounts and steps are ready."),
                kind: .yesNo),
        ]
    }

    static func inventory(_ current: [String]) -> [Field] {
        [
            Field(
                D.inventory,
                label: Localized("取り扱っている情報", "Information held"),
                question: Localized("いまサービスで取り扱っている情報の種類を入力してください（「、」で区切る）。", "The kinds of information the service holds now (separate with commas)."),
                help: Localized("手順書6(4)：約款の変更や、一度保存した情報が確実に消去できない場合に備えて把握しておきます。Enter で現在の内容のまま記録します。",
                                "Section 6(4): keep track of it in case the terms change or stored information cannot be erased. Enter keeps the current list."),
                kind: .list,
                defaultValue: { _, _ in current.isEmpty ? nil : .list(current) }),
            Field(
                D.inventoryNote,
                label: Localized("備考", "Note"),
                question: Localized("備考（消去できない情報など）", "A note (information that cannot be erased, for example)"),
                help: Localized("省略できます。", "Optional."),
                kind: .text(minimumLength: 1),
                optional: { _ in true }),
        ]
    }
}
