/// The 8 checks of the 利用申請書 (section 5(2)), as data: each becomes a mark, an
/// optional note (required for ／), optional evidence, and a question whether to go on after ×.
public struct CheckItem: Sendable {
    public let number: Int
    public let text: Localized
    public let help: Localized
    /// Fields whose answers change what this check may be (check 3 and personal information).
    public let dependsOn: [String]
    public let markRules: [AnswerRule]
    public let defaultMark: DefaultRule?
    public let defaultNote: DefaultRule?
    public let preamble: PreambleRule?
    /// Distinguishes the checks of the two forms in the answers ("check", "termination.check").
    public let prefix: String

    public init(
        number: Int, text: Localized, help: Localized, dependsOn: [String] = [],
        markRules: [AnswerRule] = [], defaultMark: DefaultRule? = nil, defaultNote: DefaultRule? = nil,
        preamble: PreambleRule? = nil, prefix: String = "check"
    ) {
        self.prefix = prefix
        self.preamble = preamble
        self.number = number
        self.text = text
        self.help = help
        self.dependsOn = dependsOn
        self.markRules = markRules
        self.defaultMark = defaultMark
        self.defaultNote = defaultNote
    }

    public var markID: String { "\(prefix)\(number)" }
    public var proceedID: String { "\(prefix)\(number).proceed" }
    public var noteID: String { "\(prefix)\(number).note" }
    public var evidenceID: String { "\(prefix)\(number).evidence" }
}

public enum ApplicationChecks {
    public static let items: [CheckItem] = [
        CheckItem(
            number: 1,
            text: Localized(
                "本村とサービス事業者間の通信方式はHTTPS等の暗号化が施されているか？",
                "Is communication between the village and the provider encrypted (HTTPS or similar)?"),
            help: Localized(
                "ブラウザのアドレスが https:// で始まり鍵のマークが表示されるか、アプリの場合は通信が暗号化されると事業者が明記しているかを確かめます。確認した画面のコピーを資料として添付します。",
                "Check that the address starts with https:// and shows a padlock, or, for an app, that the provider states its traffic is encrypted. Attach a screenshot of what you checked.")),
        CheckItem(
            number: 2,
            text: Localized(
                "保存されるデータは、パスワード又は暗号化等の対策がとられているか？",
                "Is stored data protected by passwords, encryption or similar measures?"),
            help: Localized(
                "ログインにパスワード（できれば二要素認証）が必要か、保存時の暗号化について事業者が説明しているかを、ヘルプやセキュリティのページで確かめます。",
                "Check in the provider's help or security pages that signing in needs a password (ideally two-factor) and whether data is encrypted at rest.")),
        CheckItem(
            number: 3,
            text: Localized(
                "個人情報を扱う場合、プライバシーポリシーが制定されているか？",
                "If personal information is handled, does the provider have a privacy policy?"),
            help: Localized(
                "個人情報を扱う場合は、事業者のプライバシーポリシーがあることを確かめて○にします。個人情報を扱わない場合は／（該当なし）です。",
                "If personal information is handled, check that the provider publishes a privacy policy and mark ○. If none is handled, the mark is ／ (not applicable)."),
            dependsOn: [ApplicationFields.personalInformation],
            markRules: [{ value, answers in
                value.mark == .notApplicable && answers[ApplicationFields.personalInformation]?.flag == true
                    ? Localized(
                        "個人情報を扱うと回答しているため、／（該当なし）にはできません。プライバシーポリシーを確かめて○か×で答えてください。",
                        "You said personal information is handled, so this cannot be ／ (not applicable). Check the privacy policy and answer ○ or ×.")
                    : nil
            }],
            defaultMark: { answers, _ in
                answers[ApplicationFields.personalInformation]?.flag == false ? .mark(.notApplicable) : nil
            },
            defaultNote: { answers, context in
                answers[ApplicationFields.personalInformation]?.flag == false
                    && answers["check3"]?.mark == .notApplicable
                    ? .text(Localized("個人情報を扱わないため", "No personal information is handled")(context.language))
                    : nil
            }),
        CheckItem(
            number: 4,
            text: Localized(
                "契約終了後、情報資産の廃棄方法について明確に定められており、廃棄証明が発行できるか？",
                "After the contract ends, is it clearly defined how information is disposed of, and can a certificate of disposal be issued?"),
            help: Localized(
                "約款や利用規約に、退会・解約後のデータ削除の方法と時期が書かれているか、削除したことを証明する書面や画面を出せるかを確かめます。",
                "Check that the terms say how and when data is deleted after leaving, and that the provider can give a document or screen proving the deletion.")),
        CheckItem(
            number: 5,
            text: Localized(
                "責任の所在が明確になっているか？（無償サービス時は、特に注意すること）",
                "Is it clear who is responsible? (Take special care with free services.)"),
            help: Localized(
                "障害や情報漏えいの際に事業者がどこまで責任を負うか（免責事項）を約款で確かめます。無償サービスは責任を一切負わないことが多いので特に注意します。",
                "Read the disclaimer in the terms: how far the provider is responsible for outages or leaks. Free services often disclaim everything, so take special care.")),
        CheckItem(
            number: 6,
            text: Localized(
                "過去3年間、情報セキュリティインシデントが発生していないか？",
                "Has the service had no information security incident in the past 3 years?"),
            help: Localized(
                "事業者の発表や報道で、過去3年間に情報漏えい・不正アクセス等が起きていないかを確かめます。起きていなければ○、起きていれば×です。",
                "Check the provider's announcements and the news for leaks or break-ins in the past 3 years. ○ if there were none, × if there were."),
            preamble: { answers, context in
                let provider = answers[ApplicationFields.provider]?.text ?? ""
                let service = answers[ApplicationFields.service]?.text ?? ""
                let since = context.today.adding(months: -36)
                let known = context.incidents.filter { $0.concerns(provider: provider, service: service) && $0.occurredOn >= since }
                guard !known.isEmpty else { return nil }
                return known.reduce(Localized("記録されているインシデント（過去3年間）：", "Incidents on record (past 3 years):")) { text, incident in
                    text + Localized(
                        "\n  ・\(JapaneseDate.wareki(incident.occurredOn)) \(incident.what)（\(incident.source ?? "村内の報告")）",
                        "\n  • \(JapaneseDate.english(incident.occurredOn)) \(incident.what) (\(incident.source ?? "reported here"))")
                }
            }),
        CheckItem(
            number: 7,
            text: Localized(
                "情報セキュリティインシデント発生時の対応が明確になっているか？",
                "Is it clear what the provider does when a security incident happens?"),
            help: Localized(
                "インシデント発生時の連絡方法や対応手順を事業者が公表しているかを確かめます。",
                "Check that the provider publishes how it notifies users and handles incidents.")),
        CheckItem(
            number: 8,
            text: Localized(
                "サービス提供事業者の従事者に対する守秘義務、目的外でのデータ利用の禁止、罰則規定等が明確になっているか？",
                "Are confidentiality duties of the provider's staff, a ban on using data for other purposes, and penalties clearly defined?"),
            help: Localized(
                "約款やプライバシーポリシーに、従業員の守秘義務、預けたデータを目的外に使わないこと、違反時の罰則が書かれているかを確かめます。",
                "Check that the terms or privacy policy set out staff confidentiality, that stored data is not used for other purposes, and penalties for breaches.")),
    ]
}
