/// The ids of the application's fields that rules and the ledger refer to.
public enum ApplicationFields {
    public static let applicant = "applicant"
    public static let department = "department"
    public static let provider = "provider"
    public static let service = "service"
    public static let description = "description"
    public static let purpose = "purpose"
    public static let informationKinds = "information_kinds"
    public static let classification = "classification"
    public static let personalInformation = "personal_information"
    public static let overseas = "overseas"
    public static let users = "users"
    public static let periodStart = "period_start"
    public static let periodEnd = "period_end"
    public static let serviceManager = "service_manager"
    public static let departmentHead = "department_head"
    public static let alternative = "alternative_service"
    public static let signupRecord = "signup_record"
    public static let terms = "terms"
    public static let termsAddresses = "terms_addresses"
    public static let risks = "risks"
    /// Set on a service registered by `yakkan import`: it was in use before the store was.
    public static let imported = "imported"
    /// The spreadsheet's number of users of an imported service, whose users it does not name.
    public static let importedUserCount = "imported_user_count"
    /// The spreadsheet's latest decision and its day, for an imported service: decided on paper.
    public static let importedOutcome = "imported_outcome"
    public static let importedDecidedOn = "imported_decided_on"
    /// The spreadsheet's 申請日; the record's own submission is the day it was imported.
    public static let importedSubmittedOn = "imported_submitted_on"
    /// What only `yakkan import` writes: on a submitted form they would claim a paper decision nobody made.
    public static let importOnly: Set<String> = [imported, importedUserCount, importedOutcome, importedDecidedOn, importedSubmittedOn]
}

/// 様式「約款による外部サービス利用申請書」 (section 5(1)–(2)) as data, in the form's order.
public enum ApplicationProcedure {
    /// （合計人数：N名）: the forms count the users rather than asking for the number.
    public static func userTotal(_ count: Int) -> Localized {
        Localized("（合計人数：\(count)名）", "(\(count) users in all)")
    }

    static let userCountNotice: AnswerNotice = { value, _ in value.list.map { userTotal($0.count) } }
    static let unlistedUsersNotice: AnswerNotice = { value, _ in value.people.flatMap(NamingRules.unlistedUsers) }

    /// How a person who holds a role is named, said in the help of those questions.
    static let roleFromDirectory = Localized(
        "職員名簿に登録された人から選びます（氏名かログインを入力。TAB で補完）。同じ氏名の人が複数いるときは、ログインか氏名と課で指定します。名簿にない人は、管理者が yakkan staff add ログイン --name 氏名 --department 課 で登録してから指定できます。",
        "Chosen from the staff directory (type the name or the login; TAB completes). Where several people share a name, give the login or the name with the 課. Someone not listed can be named once an administrator adds them with yakkan staff add LOGIN --name NAME --department 課.")
    static let usersFromDirectory = Localized(
        "職員名簿にある人はログインと結び付けて記録し、お知らせが届きます。名簿にない人も書けますが「名簿にない利用者」と表示され、yakkan からはお知らせが届きません。",
        "People in the staff directory are kept with their login and receive alerts. Others may be written too, but they are shown as not in the directory and yakkan cannot alert them.")

    public static let formName = Localized("利用申請書", "application")

    public static var procedure: Procedure { Procedure(
        id: "application",
        title: Localized("申請", "Application"),
        fields: serviceFields + ApplicationChecks.items.flatMap { CheckFields.fields(for: $0, formName: formName) }
            + [riskAcknowledgement],
        submissionBlockers: [overseasBlocker],
        directoryBlockers: [
            { answers, context in SubmissionActions.maySubmit(answers, applicantLogin: context.person?.login, staff: context.staff) },
            { answers, context in ApprovalRules.endedPeriod(answers, today: context.today) },
        ]) }

    typealias F = ApplicationFields

    static let serviceFields: [Field] = [
        Field(
            F.applicant,
            label: Localized("申請者", "Applicant"),
            question: Localized("申請者（あなた）の氏名を入力してください。", "Your name, as the applicant."),
            help: Localized(
                "様式の「申請者」欄です。初回に入力した氏名は次回から既定値になります。",
                "The form's 申請者 box. The name you give the first time is offered as the default afterwards."),
            example: Localized("山田 太郎", "Taro Yamada"),
            kind: .text(minimumLength: 1),
            defaultValue: { _, context in context.person.map { .text($0.name) } }),
        Field(
            F.department,
            label: Localized("利用する組織名", "Organisation"),
            question: Localized("サービスを利用する組織名（課）を入力してください。", "The organisation (課) that will use the service."),
            help: Localized(
                "手順書5(1)①「利用する組織名」です。利用責任者はこの課の情報セキュリティ管理者になります。",
                "Section 5(1)①. The 利用責任者 is the information security manager of this 課."),
            example: Localized("総務課", "総務課 (General Affairs)"),
            kind: .text(minimumLength: 1),
            defaultValue: { _, context in context.person.map { .text($0.department) } }),
        Field(
            F.provider,
            label: Localized("提供会社名", "Provider"),
            question: Localized("サービスを提供する会社の名前（提供会社名）を入力してください。", "The company that provides the service."),
            help: Localized(
                "約款や利用規約に書かれている事業者名を、正式名称で入力します。",
                "Use the provider's full legal name as written in its terms."),
            example: Localized("Example Storage株式会社", "Example Storage Inc."),
            kind: .text(minimumLength: 1),
            // Said as soon as the 課 is known, not only after the last of 43 questions.
            preambleRule: { answers, context in
                SubmissionActions.warning(answers, applicantLogin: context.person?.login, staff: context.staff)
            }),
        Field(
            F.service,
            label: Localized("提供サービス名", "Service"),
            question: Localized("サービスの名前（提供サービス名）を入力してください。", "The name of the service."),
            help: Localized(
                "同じ会社の複数のサービスを区別できる名前にします（例：無料プランか有料プランか）。",
                "A name that tells apart the provider's services (free or paid plan, for example)."),
            example: Localized("Example Drive 無料プラン", "Example Drive free plan"),
            kind: .text(minimumLength: 1)),
        Field(
            F.description,
            label: Localized("サービス内容", "Description"),
            question: Localized("サービス内容を詳しく記載してください。", "Describe the service in detail."),
            help: Localized(
                "様式に「※詳しく記載のこと」とある欄です。何ができるサービスか、どこにデータを保存するか、無料か有料かなど、利用責任者が判断できるように書きます（20文字以上）。",
                "The form says “in detail”: what the service does, where it keeps data, whether it is free, enough for the 利用責任者 to judge (at least 20 characters)."),
            example: Localized(
                "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。無料プランは15GBまで。",
                "Online storage that keeps files on the internet and shares them with outsiders by link; the free plan holds 15 GB."),
            kind: .text(minimumLength: 20)),
        Field(
            F.purpose,
            label: Localized("利用目的", "Purpose"),
            question: Localized("利用目的を入力してください。", "What will the service be used for?"),
            help: Localized(
                "手順書4：業務上必要なサービスに限られます。どの業務に、なぜこのサービスが必要かを書きます（10文字以上）。",
                "Section 4: only services needed for work are allowed. Say which work needs it and why (at least 10 characters)."),
            example: Localized("観光イベントの写真を協力団体と共有するため", "To share photos of tourism events with partner groups"),
            kind: .text(minimumLength: 10)),
        Field(
            F.informationKinds,
            label: Localized("取り扱う情報の種類", "Kinds of information"),
            question: Localized(
                "このサービスで取り扱う情報の種類を入力してください（複数は「、」で区切る）。",
                "The kinds of information the service will hold (separate several with commas)."),
            help: Localized(
                "手順書5(1)③です。文書・写真・名簿など、サービスに保存したりやり取りしたりする情報をすべて挙げます。",
                "Section 5(1)③: list everything stored in or exchanged through the service: documents, photos, lists of names…"),
            example: Localized("イベント写真、公開済みのチラシ", "event photos, published flyers"),
            kind: .list),
        Field(
            F.classification,
            label: Localized("重要性分類（最も高いもの）", "Highest classification"),
            question: Localized(
                "取り扱う情報のうち、最も高い重要性分類はどれですか？（Ⅰ〜Ⅳ）",
                "What is the highest classification (重要性分類) of that information? (Ⅰ to Ⅳ)"),
            help: Localized(
                "手順書4：原則として重要性分類Ⅲ以下（Ⅲ・Ⅳ）の情報に限ります。Ⅰ・Ⅱの情報を扱うには利用責任者の許可（決裁）が必要です。分類は村の情報セキュリティポリシーの情報資産の分類に従います。",
                "Section 4: as a rule only information of class Ⅲ or lower (Ⅲ, Ⅳ). Class Ⅰ or Ⅱ needs the 利用責任者's explicit permission (決裁). Classes follow the village's security policy.")
                + Localized("\n", "\n") + EngineText.classificationGuide
                + Localized("決められないときは「わからない」と答えてください。", "If you cannot decide, answer “don't know”."),
            example: Localized("Ⅳ", "Ⅳ"),
            kind: .classification,
            notices: [{ value, _ in
                value.classification?.needsExplicitPermission == true
                    ? Localized(
                        "重要性分類Ⅰ・Ⅱの情報は、原則としてこのサービスでは扱えません。利用責任者の明示的な許可（決裁）が必要になります。申請はできますが、承認時に利用責任者が理由を付けて許可するかを判断します。",
                        "Class Ⅰ or Ⅱ information may not, as a rule, be put in such a service: it needs the 利用責任者's explicit permission (決裁). You can apply; on review the 利用責任者 decides whether to permit it, with a reason.")
                    : nil
            }]),
        Field(
            F.personalInformation,
            label: Localized("個人情報の取扱い", "Personal information"),
            question: Localized("このサービスで個人情報を扱いますか？（はい／いいえ）", "Will the service hold personal information? (yes/no)"),
            help: Localized(
                "氏名・住所・電話番号・写真など、個人を識別できる情報を一件でも扱う場合は「はい」です。確認事項3（プライバシーポリシー）の答え方が変わります。",
                "Yes if any information identifying a person is handled: names, addresses, phone numbers, photos… It changes how check 3 (privacy policy) is answered."),
            kind: .yesNo),
        Field(
            F.overseas,
            label: Localized("海外のサーバ・ネットワーク経由", "Via servers or networks abroad"),
            question: Localized(
                "このサービスは海外のサーバやネットワークを経由しますか？（はい／いいえ）",
                "Does the service go through servers or networks abroad? (yes/no)"),
            help: Localized(
                "約款・利用規約・プライバシーポリシーで、データの保存場所や準拠法を確かめます。海外を経由する場合は国内法が適用されない可能性があるため、手順書6(2)により利用できません。",
                "Check where data is kept and which law governs, in the terms and privacy policy. If it goes abroad, Japanese law may not apply, so section 6(2) forbids using it."),
            kind: .yesNo,
            notices: [{ value, _ in
                value.flag == true
                    ? Localized(
                        "海外のサーバやネットワークを経由するサービスは、国内法の適用外となる可能性があるため利用できません（手順書6(2)）。このままでは申請を提出できません。国内で完結するプランや別のサービスを検討してください。",
                        "A service that goes through servers or networks abroad may fall outside Japanese law, so it must not be used (section 6(2)). The application cannot be submitted as it is: consider a domestic plan or another service.")
                    : nil
            }]),
        Field(
            F.users,
            label: Localized("利用者", "Users"),
            question: Localized(
                "このサービスを利用する人を入力してください（複数は「、」で区切る）。合計人数は自動で数えます。",
                "Who will use the service? (separate several with commas; the total is counted for you)"),
            help: Localized(
                "様式の「利用者」欄です。サービス管理担当者が毎月、利用目的と情報の種類に変わりがないかをこの人たちに確認します（手順書6(6)）。" + usersFromDirectory.ja,
                "The form's users box. Each month the service manager confirms with these people that purpose and information are unchanged (section 6(6)). " + usersFromDirectory.en),
            example: Localized("山田 太郎、佐藤 花子", "Taro Yamada, Hanako Sato"),
            kind: .users,
            notices: [userCountNotice, unlistedUsersNotice]),
        Field(
            F.periodStart,
            label: Localized("利用期間（開始）", "Period from"),
            question: Localized("利用期間の開始日を入力してください。", "The first day of use."),
            help: Localized(
                "2026-04-01、2026/4/1、令和8年4月1日、R8.4.1 のいずれの書き方でも入力できます。",
                "Write it as 2026-04-01, 2026/4/1, 令和8年4月1日 or R8.4.1."),
            example: Localized("令和8年4月1日", "2026-04-01"),
            kind: .date,
            defaultValue: { _, context in .date(context.today) }),
        Field(
            F.periodEnd,
            label: Localized("利用期間（終了）", "Period to"),
            question: Localized("利用期間の終了日を入力してください。", "The last day of use."),
            help: Localized(
                "利用を終えるときは終了確認書の手続きが必要です。様式は利用終了後3年間保管します。",
                "Ending the use needs the termination form; the forms are kept 3 years after the use ends."),
            example: Localized("令和9年3月31日", "2027-03-31"),
            kind: .date,
            dependsOn: [F.periodStart],
            rules: [{ value, answers in
                guard let end = value.date, let start = answers[F.periodStart]?.date, end < start else { return nil }
                return Localized(
                    "終了日（\(JapaneseDate.wareki(end))）が開始日（\(JapaneseDate.wareki(start))）より前です。",
                    "The last day (\(JapaneseDate.english(end))) is before the first day (\(JapaneseDate.english(start))).")
            }]),
        Field(
            F.serviceManager,
            label: Localized("サービス管理担当者", "Service manager"),
            question: Localized("サービス管理担当者の氏名を入力してください。", "The name of the service manager (サービス管理担当者)."),
            help: Localized(
                "手順書3：利用責任者がサービスごとに指定する担当者です。様式を保管し、利用中の定期確認（四半期ごとの内容確認、毎月のバックアップと利用者への確認）を行い、終了時の手続きをします。" + roleFromDirectory.ja,
                "Section 3: named per service. Keeps the forms, does the duties during use (quarterly review, monthly backup and user confirmation) and applies for termination. " + roleFromDirectory.en),
            example: Localized("佐藤 花子", "Hanako Sato"),
            kind: .staffMember,
            defaultValue: { _, context in context.member.map { .person(NamedPerson($0)) } }),
        Field(
            F.departmentHead,
            label: Localized("所属長名", "Head of department"),
            question: Localized("所属長の氏名を入力してください。", "The name of the head of your department (所属長)."),
            help: Localized(
                "様式の「所属長名」欄です。ダブルチェックを行う利用責任者は所属長ではなく、課の情報セキュリティ管理者です。" + roleFromDirectory.ja,
                "The form's 所属長名 box. The double check is done by the 利用責任者 (the 課's information security manager), not by the head of department. " + roleFromDirectory.en),
            example: Localized("鈴木 一郎", "Ichiro Suzuki"),
            kind: .staffMember),
        Field(
            F.alternative,
            label: Localized("代替サービス", "Alternative service"),
            question: Localized(
                "サービスが突然停止したときの代替サービス（または代替手段）を入力してください。",
                "The alternative service (or means) if this one stops suddenly."),
            help: Localized(
                "手順書6(3)：突然の停止に備え、あらかじめ代替サービスを確認し確保しておきます。",
                "Section 6(3): an alternative must be identified and secured in advance, before it is needed."),
            example: Localized("庁内ファイルサーバの共有フォルダで受け渡す", "Hand files over through the office file server"),
            kind: .text(minimumLength: 1)),
        Field(
            F.signupRecord,
            label: Localized("利用申請時の申請内容", "What was entered at sign-up"),
            question: Localized(
                "サービスに登録したときの申請内容のファイルを添付してください（画面コピー等でも可）。",
                "Attach what was entered when signing up for the service (screenshots are fine)."),
            help: Localized(
                "手順書5(1)④です。アカウント登録画面の入力内容や登録完了画面の画面コピーなど。ファイルのパスを空白で区切って入力します。",
                "Section 5(1)④: a screenshot of the sign-up form or its confirmation, for example. Enter file paths separated by spaces."),
            example: Localized("signup.png", "signup.png"),
            kind: .files),
        Field(
            F.terms,
            label: Localized("サービス約款", "Terms of service"),
            question: Localized(
                "サービス約款（利用規約）のファイルを添付してください（画面コピー等でも可）。",
                "Attach the terms of service (screenshots are fine)."),
            help: Localized(
                "手順書5(1)⑤です。約款は予告なく変わることがあるため、申請時点のものを保存しておきます。",
                "Section 5(1)⑤. Terms can change without notice, so the version at the time of applying is kept."),
            example: Localized("terms.pdf", "terms.pdf"),
            kind: .files),
        // The addresses `yakkan terms check` compares (Core/Terms): one entry, whole here.
        Field(
            F.termsAddresses,
            label: Localized("約款の掲載アドレス", "Where the terms are published"),
            question: Localized(
                "約款（利用規約）が掲載されているアドレスを入力してください（複数は「、」で区切る）。",
                "The addresses where the terms are published (separate several with commas)."),
            help: Localized(
                "承認時の約款を保管し、毎日比べて変更を知らせます（手順書6(1)(4)）。日付など毎回変わる行は、アドレスの後に「除外:その行の文字」と書くと比べません。",
                "The terms as approved are kept and compared every day, and a change is reported (sections 6(1), 6(4)). Lines that change on every load (a date, a counter) are left out of the comparison when the address is followed by “ignore:TEXT OF THAT LINE”."),
            example: Localized("https://drive.example.com/terms 除外:最終更新日", "https://drive.example.com/terms ignore:Last updated"),
            kind: .list,
            optional: { _ in true },
            rules: [{ value, _ in (value.list ?? []).lazy.compactMap(TermsAddress.problem).first }]),
    ]

    static var riskAcknowledgement: Field { Field(
        F.risks,
        label: Localized("利用上のリスクの理解", "Risks understood"),
        question: Localized(
            "上の4つのリスクを理解したうえで申請しますか？（はい／いいえ）",
            "Do you apply with these four risks understood? (yes/no)"),
        help: Localized(
            "様式に記載された、約款による外部サービス特有のリスクです。承認後、利用責任者がサービス管理担当者にも理解させます（手順書5(3)）。",
            "The risks printed on the form. After approval the 利用責任者 makes sure the service manager understands them too (section 5(3))."),
        kind: .acknowledgement,
        preamble: RiskNotice.fullText) }

    static let overseasBlocker: @Sendable (Answers) -> Localized? = { answers in
        answers[F.overseas]?.flag == true
            ? Localized(
                "海外のサーバやネットワークを経由するサービスは利用できません（手順書6(2)）。「海外のサーバ・ネットワーク経由」を修正するか、申請を中断してください。",
                "Services that go through servers or networks abroad must not be used (section 6(2)). Change that answer or stop the application.")
            : nil
    }
}
