import Foundation

/// A lived-in village for newcomers (`yakkan demo PATH`): five 課, their 利用責任者 and an
/// administrator, and about fifteen services in every state of their life, written a year
/// back from `today` only through the Store protocol, so that every rule of the store
/// (four eyes, versions, the audit chain, the ledger's derived columns) holds as in real use.
/// The names of companies and services are made up.
public enum DemoVillage {
    /// What was built, for the command to print and for tests to check.
    public struct Summary: Sendable {
        public var today: Day
        public var firstDay: Day
        public var departments: [String]
        public var staff: Int
        public var people: Int
        public var applications: Int
        /// Services per status, in the order of `ApplicationStatus.allCases`.
        public var byStatus: [(status: ApplicationStatus, count: Int)]
        public var overdueServices: Int
        public var terminationsAwaitingReview: Int
        public var dutyRecords: Int
        public var incidents: Int
        public var alerts: Int
        public var unacknowledgedAlerts: Int
        public var attachments: Int
        public var auditEntries: Int


        public func count(_ status: ApplicationStatus) -> Int { byStatus.first { $0.status == status }?.count ?? 0 }
    }

    /// A demo could not be built: an answer the procedure would refuse, or a refused write.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Builds the village. `visitor`, when given, is added first as an administrator, so that
    /// whoever ran `yakkan demo` may look at everything (`yakkan due --all`).
    @discardableResult
    public static func build(into store: any Store, today: Day, visitor: StaffMember? = nil, loginPrefix: String = "") throws -> Summary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yakkan-demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let builder = Builder(store: store, today: today, folder: folder, loginPrefix: loginPrefix)
        builder.visitor = visitor
        try builder.build(visitor: visitor)
        return try summary(of: store, today: today, firstDay: builder.firstDay)
    }

    /// The keys of the demo's people for a village written into a server: in the data folder of
    /// whoever wrote it, one folder per server, since no file of the store holds them there;
    /// the visitor signs with their own key.
    public static func keyRing(onServer address: String, visitor login: String, environment: [String: String]) -> KeyRing {
        KeyRing(
            folder: keyFolder(onServer: address, environment: environment), scope: .everyone,
            elsewhere: [login: KeyRing.personal(login: login, environment: environment).folder])
    }

    static func keyFolder(onServer address: String, environment: [String: String]) -> String {
        PersonalFolder.data(environment) + "/demo-keys/" + ServerAddress.fingerprint(address)
    }

    /// Why the demo may not be written into a server's store: it goes only into an empty one,
    /// written by the tables' owner, the one role the server lets write in others' names.
    public static func refusal(toBuildOnServer store: ServerStore, shownAs name: String) throws -> Localized? {
        guard try store.ownsTheTables() else { return DemoText.notTheOwner(store.login, name) }
        // A database that already keeps a directory is a village's own (perhaps its production
        // store): the demo's villagers would join it and their roles its logins'.
        let staff = try store.staff()
        if !staff.isEmpty { return DemoText.serverHoldsDirectory(name, people: staff.count) }
        // A new database's log starts at entry 0, before anything is written.
        return try (store.head()?.sequence ?? 0) == 0 ? nil : DemoText.serverNotEmpty(name)
    }

    /// The login of a demo visitor, named so that nobody takes them for a villager. Roles go
    /// with logins, so the visitor plays every role under their own: administrator, 利用責任者
    /// of 観光商工課 (an application waits for their double check), and the person named on
    /// some forms (`visitorPlays`).
    public static func visitor(login: String) -> StaffMember {
        StaffMember(login: login, name: "見学者 \(login)", department: "総務課", isAdministrator: true, reviewerOf: ["観光商工課"])
    }

    enum Part { case applicant, manager }

    /// Villagers have made-up addresses, so that `yakkan remind --dry-run` shows their mails;
    /// the visitor has none until they give one.
    static func withMail(_ member: StaffMember) -> StaffMember {
        var mailed = member
        let login = member.login.hasPrefix(serverLoginPrefix) ? String(member.login.dropFirst(serverLoginPrefix.count)) : member.login
        mailed.mail = "\(login)@village.example.lg.jp"
        return mailed
    }

    /// The forms a visitor takes over from a villager: a returned application to correct, an
    /// approved one whose risks they acknowledge as its サービス管理担当者, and a service in use
    /// whose duties fall due.
    static let visitorPlays: [String: Part] = ["example-notes": .applicant, "example-poll": .manager, "minna-nittei": .manager]

    static func plan(_ plan: Plan, playedBy visitor: StaffMember?) -> Plan {
        guard let visitor, let part = visitorPlays[plan.slug] else { return plan }
        var played = plan
        switch part {
        case .applicant: played.applicant = visitor.login
        case .manager: played.manager = visitor.login
        }
        return played
    }

    static func summary(of store: any Store, today: Day, firstDay: Day) throws -> Summary {
        let records = try store.applications()
        let alerts = try store.alerts()
        let overdue = records.filter { record in
            guard record.status == .inUse, let start = record.inUseFrom else { return false }
            return DutyKind.allCases.contains { kind in
                guard let cadence = kind.schedule else { return false }
                return DutySchedule.items(
                    cadence: cadence, inUseFrom: start, doneOn: record.dutyRecords.filter { $0.kind == kind }.map(\.doneOn),
                    today: today, activeUntil: record.activeUntil
                ).contains { $0.status == .overdue }
            }
        }
        let departments = DemoVillage.departments.map(\.name).filter { name in records.contains { $0.department == name } }
        var attachments = Set<String>()
        for record in records {
            for (_, attachment) in record.attachments { attachments.insert(attachment.sha256) }
            for value in record.termination?.answers.values.map({ $0 }) ?? [] {
                for file in value.files ?? [] { attachments.insert(file.sha256) }
            }
        }
        let audit: Int
        // The demo's people are no accounts of this machine; the keys are checked as the store's own.
        let report = try store.verifyAudit(accounts: .all(as: geteuid()), remembered: nil)
        audit = report.isIntact ? report.entries : -1
        return Summary(
            today: today, firstDay: firstDay, departments: departments, staff: try store.staff().count,
            people: try store.people().count, applications: records.count,
            byStatus: ApplicationStatus.allCases.map { status in (status, records.filter { $0.status == status }.count) },
            overdueServices: overdue.count,
            terminationsAwaitingReview: records.filter { $0.termination?.status == .submitted }.count,
            dutyRecords: records.reduce(0) { $0 + $1.dutyRecords.count },
            incidents: try store.incidents().count, alerts: alerts.count,
            unacknowledgedAlerts: alerts.filter { $0.acknowledgedAt == nil }.count,
            attachments: attachments.count, auditEntries: audit)
    }

    // MARK: Checking answers as the interview would

    /// Refuses answers the interview would not have accepted: a missing or wrongly typed
    /// answer, a rule of a field, or what stops the form being submitted.
    static func check(_ answers: Answers, against procedure: Procedure, _ what: String) throws {
        var problems: [String] = []
        for field in procedure.applicableFields(answers) {
            guard let value = answers[field.id] else {
                problems.append("\(field.id): no answer")
                continue
            }
            if value == .skipped {
                if !field.optional(answers) { problems.append("\(field.id): required") }
                continue
            }
            if !fits(value, field.kind) { problems.append("\(field.id): \(value) does not fit the question") }
            for rule in field.rules {
                if let reason = rule(value, answers) { problems.append("\(field.id): \(reason.en)") }
            }
        }
        problems += procedure.submissionBlockers.compactMap { $0(answers)?.en }
        let known = Set(procedure.fields.map(\.id))
        problems += answers.keys.filter { !known.contains($0) }.map { "\($0): not a question of \(procedure.id)" }
        if !problems.isEmpty { throw Problem(description: "\(what): " + problems.joined(separator: "; ")) }
    }

    static func fits(_ value: AnswerValue, _ kind: FieldKind) -> Bool {
        switch kind {
        case .text(let minimum): return (value.text?.count ?? -1) >= minimum
        case .list: return !(value.list ?? []).isEmpty
        case .date: return value.date != nil
        case .yesNo: return value.flag != nil
        case .proceed, .acknowledgement: return value.flag == true
        case .classification: return value.classification != nil
        case .mark: return value.mark != nil
        case .files: return !(value.files ?? []).isEmpty
        case .choice(let options): return options.contains { $0.value == value.choice }
        case .staffMember: return value.person?.isListed == true
        case .users: return !(value.people ?? []).isEmpty
        }
    }
}

// MARK: - The village

extension DemoVillage {
    /// What the demo's logins start with on a server, where login roles belong to the whole
    /// cluster: a villager's role never takes, or changes the groups of, a real person's login
    /// of the same surname in another database.
    public static let serverLoginPrefix = "yakkan_demo_"

    struct Department {
        let name: String
        /// The 所属長, named on the forms of the 課.
        let head: Villager
        let reviewer: StaffMember

        func prefixed(_ prefix: String) -> Department {
            Department(name: name, head: head.prefixed(prefix), reviewer: reviewer.prefixed(prefix))
        }
    }

    struct Villager {
        let login: String
        let name: String
        let department: String

        func prefixed(_ prefix: String) -> Villager { Villager(login: prefix + login, name: name, department: department) }
    }

    enum Fate {
        case submitted
        /// Withdrawn by its applicant before the double check.
        case withdrawn
        case returned(String)
        case refused(String)
        case approved
        /// In use; duties kept up to date, or neglected for the last `neglectedMonths`.
        case inUse(neglectedMonths: Int)
        /// Stopped after a quarterly review found routing abroad.
        case stopped
        /// In use until the end of last month; the termination awaits review.
        case terminating
        /// Ended some months ago; kept three years.
        case ended
    }

    struct Plan {
        func prefixed(_ prefix: String) -> Plan {
            var plan = self
            plan.applicant = prefix + applicant
            plan.manager = prefix + manager
            return plan
        }

        let slug: String
        let department: String
        var applicant: String
        var manager: String
        let provider: String
        let service: String
        let description: String
        let purpose: String
        let kinds: [String]
        let classification: Classification
        let personal: Bool
        let users: [String]
        let alternative: String
        /// How many days before today it was submitted.
        let daysAgo: Int
        let fate: Fate
        var returnedFirst: String? = nil
        var permitReason: String? = nil
        var crossedCheck: (number: Int, note: String)? = nil
        var termsChangeDaysAgo: Int? = nil
        /// What is left undone while duties are neglected.
        var neglects: Set<DutyKind> = [.backup, .userConfirmation, .contentReview]
    }

    /// One service as it goes: what the store last returned about it.
    final class Track {
        let plan: Plan
        var record: ApplicationRecord?
        init(_ plan: Plan) { self.plan = plan }
        var id: Int64 { record!.id }
    }

    static let departments: [Department] = [
        Department(name: "総務課", head: Villager(login: "nakamura", name: "中村 正樹", department: "総務課"), reviewer: StaffMember(login: "takahashi", name: "高橋 健一", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"])),
        Department(name: "企画課", head: Villager(login: "kobayashi", name: "小林 浩", department: "企画課"), reviewer: StaffMember(login: "ito", name: "伊藤 美咲", department: "企画課", reviewerOf: ["企画課"])),
        Department(name: "住民課", head: Villager(login: "hayashi", name: "林 優子", department: "住民課"), reviewer: StaffMember(login: "kimura", name: "木村 隆", department: "住民課", reviewerOf: ["住民課"])),
        Department(name: "教育委員会事務局", head: Villager(login: "inoue", name: "井上 和夫", department: "教育委員会事務局"), reviewer: StaffMember(login: "matsumoto", name: "松本 亮", department: "教育委員会事務局", reviewerOf: ["教育委員会事務局"])),
        Department(name: "観光商工課", head: Villager(login: "hashimoto", name: "橋本 修", department: "観光商工課"), reviewer: StaffMember(login: "ikeda", name: "池田 智子", department: "観光商工課", reviewerOf: ["観光商工課"])),
    ]

    /// Keeps the directory and the building's systems; reviews nothing.
    static let administrator = StaffMember(login: "ogawa", name: "小川 里美", department: "総務課", isAdministrator: true)

    static let villagers: [Villager] = [
        Villager(login: "yamada", name: "山田 太郎", department: "総務課"),
        Villager(login: "sato", name: "佐藤 花子", department: "総務課"),
        Villager(login: "tanaka", name: "田中 一郎", department: "総務課"),
        Villager(login: "watanabe", name: "渡辺 直樹", department: "企画課"),
        Villager(login: "kato", name: "加藤 由美", department: "企画課"),
        Villager(login: "yoshida", name: "吉田 誠", department: "企画課"),
        Villager(login: "shimizu", name: "清水 翔太", department: "住民課"),
        Villager(login: "yamaguchi", name: "山口 恵", department: "住民課"),
        Villager(login: "okada", name: "岡田 真理", department: "住民課"),
        Villager(login: "saito", name: "斎藤 彩", department: "教育委員会事務局"),
        Villager(login: "mori", name: "森 大輔", department: "教育委員会事務局"),
        Villager(login: "fujita", name: "藤田 明美", department: "教育委員会事務局"),
        Villager(login: "ishikawa", name: "石川 拓也", department: "観光商工課"),
        Villager(login: "maeda", name: "前田 さくら", department: "観光商工課"),
        Villager(login: "ogura", name: "小倉 健太", department: "観光商工課"),
    ]

    static let plans: [Plan] = [
        Plan(
            slug: "net-nyuko", department: "総務課", applicant: "yamada", manager: "sato",
            provider: "デモ印刷合同会社", service: "ネット入稿サービス",
            description: "印刷物のデータをウェブ画面からアップロードして入稿し、校正刷りをPDFで確認できるサービス。入稿データは事業者のサーバに30日間保存される。",
            purpose: "村の広報紙と各種ポスターの印刷データを印刷会社へ入稿するため",
            kinds: ["広報紙の版下データ", "ポスターの版下データ"], classification: .four, personal: false,
            users: ["山田 太郎", "佐藤 花子"], alternative: "印刷データをDVDに書き込み、印刷会社へ持参する",
            daysAgo: 380, fate: .ended),
        Plan(
            slug: "minna-nittei", department: "総務課", applicant: "tanaka", manager: "tanaka",
            provider: "株式会社デモスケジュール", service: "みんなの日程調整 無料版",
            description: "候補日を並べたページを作り、URLを知らせた相手が出欠を入力できる日程調整サービス。会員登録なしで回答でき、無料版は広告が表示される。",
            purpose: "庁内外の会議や研修の日程を、関係機関の担当者と調整するため",
            kinds: ["会議の名称と候補日時", "出席予定者の役職名"], classification: .four, personal: false,
            users: ["田中 一郎", "山田 太郎", "佐藤 花子"], alternative: "電子メールで候補日を示し、表計算ソフトで集計する",
            daysAgo: 340, fate: .inUse(neglectedMonths: 0), termsChangeDaysAgo: 75),
        Plan(
            slug: "easy-form", department: "住民課", applicant: "shimizu", manager: "yamaguchi",
            provider: "テストフォーム株式会社", service: "かんたんアンケートフォーム スタンダード",
            description: "ウェブ上で申込み・アンケートの入力画面を作成し、回答を一覧で集計・CSVで出力できるサービス。回答データは国内のデータセンターに保存される。有料プラン（年額）。",
            purpose: "住民向け講座の参加申込みをオンラインで受け付け、窓口と電話の負担を減らすため",
            kinds: ["申込者の氏名", "電話番号", "メールアドレス", "講座名と希望日"], classification: .three, personal: true,
            users: ["清水 翔太", "山口 恵", "岡田 真理"], alternative: "窓口・電話・FAXでの受付に戻し、紙の申込書で集計する",
            daysAgo: 300, fate: .inUse(neglectedMonths: 0)),
        Plan(
            slug: "share-box", department: "住民課", applicant: "okada", manager: "shimizu",
            provider: "サンプルクラウド株式会社", service: "サンプル共有ボックス ビジネス",
            description: "フォルダ単位でアクセス権を設定し、関係機関とファイルを共有できるオンラインストレージ。二要素認証とダウンロード履歴の記録に対応。保存先は国内リージョンを指定できる。",
            purpose: "地区の自主防災組織と、避難行動要支援者の名簿更新作業を共同で行うため",
            kinds: ["避難行動要支援者名簿（更新作業用）", "地区別の防災訓練資料"], classification: .two, personal: true,
            users: ["岡田 真理", "清水 翔太", "山口 恵"], alternative: "暗号化したUSBメモリで名簿を受け渡し、庁内で更新する",
            daysAgo: 260, fate: .inUse(neglectedMonths: 0),
            returnedFirst: "代替手段が「紙で対応」とだけ書かれています。名簿の受け渡し方法を具体的に記入してください。",
            permitReason: "避難行動要支援者名簿の更新は災害対策基本法に基づく業務で、地区組織との共同作業が欠かせないため。アクセスは3名に限定し、二要素認証を必須とする条件で許可する。"),
        Plan(
            slug: "example-drive", department: "観光商工課", applicant: "ishikawa", manager: "maeda",
            provider: "Example Storage株式会社", service: "Example Drive 無料プラン",
            description: "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。無料プランは15GBまで。共有リンクに有効期限とパスワードを設定できる。",
            purpose: "観光イベントの写真や動画を、観光協会と出演団体に受け渡すため",
            kinds: ["イベント写真", "公開済みのチラシ", "プロモーション動画"], classification: .four, personal: false,
            users: ["石川 拓也", "前田 さくら", "小倉 健太"], alternative: "庁内ファイルサーバの共有フォルダに置き、観光協会には光ディスクで渡す",
            daysAgo: 320, fate: .inUse(neglectedMonths: 0)),
        Plan(
            slug: "example-meet", department: "教育委員会事務局", applicant: "saito", manager: "mori",
            provider: "Example Video株式会社", service: "Example Meet 無料版",
            description: "ブラウザから参加できるウェブ会議サービス。無料版は1回40分、参加者100名まで。録画はせず、画面共有とチャットのみ使う。",
            purpose: "小中学校と教育委員会事務局の間の打合せを、移動なしで行うため",
            kinds: ["会議の音声と映像", "画面共有する会議資料（公開予定のもの）"], classification: .four, personal: false,
            users: ["斎藤 彩", "森 大輔", "藤田 明美"], alternative: "電話会議と電子メールでの資料送付で代替する",
            daysAgo: 290, fate: .inUse(neglectedMonths: 4)),
        Plan(
            slug: "sample-chat", department: "企画課", applicant: "watanabe", manager: "kato",
            provider: "サンプルチャット株式会社", service: "サンプルチャット フリープラン",
            description: "チャンネルごとにメッセージとファイルをやり取りできるビジネスチャット。フリープランは過去90日分のメッセージのみ閲覧でき、外部の組織を招待できる。",
            purpose: "地域おこし協力隊と移住定住の相談窓口の連絡を、時間を問わずやり取りするため",
            kinds: ["業務連絡のメッセージ", "イベント企画の資料"], classification: .three, personal: false,
            users: ["渡辺 直樹", "加藤 由美", "吉田 誠"], alternative: "電子メールと電話で連絡し、資料は庁内ファイルサーバで共有する",
            daysAgo: 270, fate: .inUse(neglectedMonths: 2), neglects: [.userConfirmation]),
        Plan(
            slug: "machi-map", department: "観光商工課", applicant: "ogura", manager: "ishikawa",
            provider: "株式会社サンプル地図", service: "まちあるきマップ作成サービス",
            description: "地図上に観光スポットの写真と説明を配置し、ウェブ公開用のまちあるきマップを作成できるサービス。作成したマップはURLで公開される。",
            purpose: "観光パンフレットと連動したまちあるきマップをウェブで公開するため",
            kinds: ["観光スポットの写真", "観光スポットの紹介文"], classification: .four, personal: false,
            users: ["小倉 健太", "石川 拓也"], alternative: "村ウェブサイトにPDF版のマップを掲載する",
            daysAgo: 330, fate: .stopped),
        Plan(
            slug: "sample-mail", department: "企画課", applicant: "yoshida", manager: "yoshida",
            provider: "サンプルメール合同会社", service: "サンプルメール ベーシック",
            description: "ウェブブラウザで使う電子メールサービス。1アカウント10GB、迷惑メールフィルタ付き。ふるさと納税の返礼品事業者との連絡専用アドレスとして使う。",
            purpose: "ふるさと納税の返礼品事業者との連絡を、庁内メールとは別の窓口で受けるため",
            kinds: ["返礼品事業者とのメール", "返礼品の商品写真"], classification: .three, personal: false,
            users: ["吉田 誠", "渡辺 直樹"], alternative: "庁内メールの共用アドレスで受け付ける",
            daysAgo: 360, fate: .terminating),
        Plan(
            slug: "example-poll", department: "教育委員会事務局", applicant: "fujita", manager: "fujita",
            provider: "Example Survey株式会社", service: "Example Poll 教育機関プラン",
            description: "選択式と記述式の設問を作成し、回答を自動で集計するアンケートサービス。教育機関プランは回答数無制限で、回答者の個人情報は取得しない設定にできる。",
            purpose: "教職員向け研修の事後アンケートを実施し、集計作業を省くため",
            kinds: ["研修の評価（無記名）", "自由記述の感想"], classification: .four, personal: false,
            users: ["藤田 明美", "斎藤 彩"], alternative: "紙のアンケート用紙を配布し、手作業で集計する",
            daysAgo: 9, fate: .approved),
        Plan(
            slug: "test-video", department: "教育委員会事務局", applicant: "mori", manager: "mori",
            provider: "株式会社テスト動画", service: "テスト動画配信 ライト",
            description: "動画をアップロードし、URLを知っている人だけが視聴できる限定公開で配信できる動画配信サービス。無料で、広告が表示される。",
            purpose: "成人式の様子を、参加できなかった新成人と家族に配信するため",
            kinds: ["成人式の動画", "新成人の氏名（テロップ）"], classification: .three, personal: true,
            users: ["森 大輔", "斎藤 彩"], alternative: "DVDに記録し、希望者に貸し出す",
            daysAgo: 45, fate: .refused("無償で、約款上、事業者は情報漏えい時も一切の責任を負わないとされています（確認事項5が×）。新成人の氏名と映像を扱うため認められません。有償の配信サービスか村ウェブサイトでの配信を検討してください。"),
            crossedCheck: (5, "約款第15条で、事業者は情報の漏えい・消失について一切の責任を負わないと定めている")),
        Plan(
            slug: "example-notes", department: "企画課", applicant: "kato", manager: "kato",
            provider: "Example Notes合同会社", service: "Example Notes チームプラン",
            description: "文書を共同で編集し、議事録やタスクをチームで管理できるオンラインのノートサービス。",
            purpose: "総合計画策定の作業部会で、議事録と論点を共同で編集するため",
            kinds: ["作業部会の議事録", "総合計画の素案（公表前）"], classification: .three, personal: false,
            users: ["加藤 由美", "渡辺 直樹", "吉田 誠"], alternative: "庁内ファイルサーバの文書を回覧して編集する",
            daysAgo: 12, fate: .returned("利用期間の終了日が、総合計画の策定期間（令和9年3月まで）より長く設定されています。また、公表前の素案を扱うため、確認事項2（保存データの暗号化）の根拠資料を添付してください。")),
        Plan(
            slug: "sample-translate", department: "観光商工課", applicant: "maeda", manager: "maeda",
            provider: "有限会社サンプル翻訳", service: "サンプル翻訳 Web版",
            description: "日本語の文章を貼り付けると、英語・中国語・韓国語に機械翻訳するウェブサービス。有料版は入力した文章を翻訳の学習に使わない設定になっている。",
            purpose: "外国人観光客向けの観光案内文と店舗紹介を多言語化するため",
            kinds: ["観光案内文（公開予定）", "店舗の紹介文"], classification: .four, personal: false,
            users: ["前田 さくら", "小倉 健太"], alternative: "翻訳業者に依頼する（従来の方法）",
            daysAgo: 4, fate: .submitted),
        Plan(
            slug: "demo-yoyaku", department: "住民課", applicant: "yamaguchi", manager: "okada",
            provider: "株式会社デモ予約", service: "デモ予約受付 スモールプラン",
            description: "窓口の来庁予約をウェブで受け付け、予約枠の管理と予約確認メールの送信を行うサービス。予約データは国内のクラウドに保存される。月額制。",
            purpose: "マイナンバーカード交付窓口の来庁予約を受け付け、待ち時間を減らすため",
            kinds: ["予約者の氏名", "電話番号", "予約日時"], classification: .three, personal: true,
            users: ["山口 恵", "岡田 真理", "清水 翔太"], alternative: "電話での予約受付に切り替える",
            daysAgo: 2, fate: .submitted),
        Plan(
            slug: "sample-chat", department: "観光商工課", applicant: "ogura", manager: "maeda",
            provider: "株式会社サンプルチャット", service: "サンプルチャット 無料版",
            description: "グループごとにメッセージとファイルをやり取りできるビジネスチャット。無料版は保存期間が90日で、管理者機能がない。",
            purpose: "観光協会・商店会との連絡を、メールより早くやり取りするため",
            kinds: ["イベントの連絡事項", "出店者の連絡先"], classification: .three, personal: true,
            users: ["小倉 健太", "前田 さくら"], alternative: "メーリングリストで連絡する（従来の方法）",
            daysAgo: 6, fate: .withdrawn),
    ]

    static let checkNotes: [Int: String] = [
        1: "ログイン画面とファイル送受信の画面で、アドレスが https:// で始まり鍵マークが表示されることを確認",
        2: "ヘルプページで、ログインにパスワードと二段階認証が使えること、保存データが暗号化されることを確認",
        4: "利用規約の「退会」の条項で、解約後30日以内にデータを削除し、削除証明を発行できることを確認",
        5: "利用規約の免責条項を確認。事業者の責任範囲と、障害時の連絡窓口が定められている",
        6: "事業者のお知らせページと報道を確認し、過去3年間にインシデントの公表がないことを確認",
        7: "セキュリティインシデント発生時の通知方法と窓口がヘルプページに記載されている",
        8: "プライバシーポリシーに、従業員の守秘義務と目的外利用の禁止、違反時の措置が記載されている",
    ]

    // MARK: Building

    final class Builder {
        let store: any Store
        let today: Day
        let folder: String
        var events: [(at: String, order: Int, run: () throws -> Void)] = []
        var files = 0
        var scheduled = 0
        var visitor: StaffMember?

        init(store: any Store, today: Day, folder: String, loginPrefix: String = "") {
            self.store = store
            self.today = today
            self.folder = folder
            self.prefix = loginPrefix
        }

        /// What the village's logins start with (`DemoVillage.serverLoginPrefix` on a server).
        let prefix: String
        var villagers: [Villager] { DemoVillage.villagers.map { $0.prefixed(prefix) } }
        var departments: [Department] { DemoVillage.departments.map { $0.prefixed(prefix) } }
        var administrator: StaffMember { DemoVillage.administrator.prefixed(prefix) }

        var firstDay: Day { today.adding(days: -400) }
        var yesterday: Day { today.adding(days: -1) }

        func name(_ login: String) -> String {
            if let visitor, visitor.login == login { return visitor.name }
            if let villager = villagers.first(where: { $0.login == login }) { return villager.name }
            if let head = departments.first(where: { $0.head.login == login })?.head { return head.name }
            return departments.first { $0.reviewer.login == login }?.reviewer.name ?? login
        }

        /// A user of a service, by the login the directory gives their name.
        func person(named name: String) -> NamedPerson {
            NamedPerson(name: name, login: villagers.first { $0.name == name }?.login)
        }

        func department(_ name: String) -> Department { departments.first { $0.name == name }! }

        /// A moment on a day, Japan time, as the store keeps timestamps.
        func stamp(_ day: Day, _ hour: Int, _ minute: Int = 0) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = Village.timeZone
            let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
            return Village.timestamp(date)
        }

        /// The first working day on or after `day` (no weekends), never later than yesterday.
        func workday(_ day: Day) -> Day {
            var candidate = day
            while weekday(candidate) == 1 || weekday(candidate) == 7 { candidate = candidate.adding(days: 1) }
            return min(candidate, yesterday)
        }

        func weekday(_ day: Day) -> Int {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = Village.timeZone
            let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
            return calendar.component(.weekday, from: date)
        }

        func on(_ day: Day, _ hour: Int, _ minute: Int = 0, _ run: @escaping (String) throws -> Void) {
            let at = stamp(day, hour, minute)
            scheduled += 1
            events.append((at, scheduled, { try run(at) }))
        }

        /// A small file made for the demo and taken in through the store's own intake.
        func attach(_ fileName: String, _ content: String, at timestamp: String) throws -> Attachment {
            files += 1
            let path = folder + "/\(files)/" + fileName
            try FileManager.default.createDirectory(atPath: PathText.folder(of: path).isEmpty ? "." : PathText.folder(of: path), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            switch store.intake.ingest(path: path) {
            case .success(let attachment):
                // Dated as if attached on the day of the form.
                return Attachment(sha256: attachment.sha256, fileName: attachment.fileName, size: attachment.size, addedAt: timestamp)
            case .failure(let problem):
                throw Problem(description: "cannot attach \(fileName): \(problem)")
            }
        }

        func directory() throws -> Directory { Directory(staff: try store.staff()) }

        // MARK: The year

        func build(visitor: StaffMember?) throws {
            let start = stamp(firstDay, 9)
            let staff = (departments.map(\.reviewer) + [administrator]).map(DemoVillage.withMail)
            var first = staff[0]
            if let visitor, !staff.contains(where: { $0.login == visitor.login }) {
                _ = try store.addStaff(visitor, by: visitor.login, at: start)
                first = visitor
            } else {
                _ = try store.addStaff(first, by: first.login, at: start)
            }
            for member in staff where member.login != first.login {
                _ = try store.addStaff(member, by: first.login, at: stamp(firstDay, 9, 10))
            }
            // Everyone named on a form is in the directory, so that the forms keep their logins.
            let listed = Set(staff.map(\.login) + [first.login])
            for villager in villagers + departments.map(\.head) where !listed.contains(villager.login) {
                _ = try store.addStaff(
                    DemoVillage.withMail(StaffMember(login: villager.login, name: villager.name, department: villager.department)),
                    by: first.login, at: stamp(firstDay, 9, 15))
            }
            for member in staff {
                try store.savePerson(Person(login: member.login, name: member.name, department: member.department), at: stamp(firstDay, 9, 20))
            }
            for villager in villagers {
                try store.savePerson(Person(login: villager.login, name: villager.name, department: villager.department), at: stamp(firstDay, 9, 30))
            }
            for plan in DemoVillage.plans { try schedule(Track(DemoVillage.plan(plan.prefixed(prefix), playedBy: visitor))) }
            scheduleIncidentElsewhere()
            // In order of time; an event may schedule later ones (people reading their alerts).
            while let next = events.indices.min(by: { (events[$0].at, events[$0].order) < (events[$1].at, events[$1].order) }) {
                let event = events.remove(at: next)
                try event.run()
            }
            try vouchForKeys(by: administrator.login, seconding: first.login)
        }

        /// The demo's people are no accounts of this machine, so no file owner vouches for their
        /// keys: the demo's administrator does, as an administrator would for a colleague without
        /// an account here, and another administrator for theirs.
        func vouchForKeys(by administrator: String, seconding other: String) throws {
            let at = stamp(today.adding(days: -1), 18)
            var vouched = Set<String>()
            // Twice: a voucher's own key may be published by their first vouch.
            for _ in 0..<2 {
                for (login, key) in try store.publishedKeys() where Accounts.system.uid(login) == nil && !vouched.contains(login) {
                    let voucher = login == administrator ? other : administrator
                    guard voucher != login else { continue }
                    _ = try store.perform(.vouchKey(login: login, publicKey: key), by: voucher, at: at)
                    vouched.insert(login)
                }
            }
        }

        func schedule(_ track: Track) throws {
            let plan = track.plan
            let submitted = workday(today.adding(days: -plan.daysAgo))
            on(submitted, 10, 15) { at in try self.submit(track, on: submitted, at: at) }
            var decided = workday(submitted.adding(days: 3))
            switch plan.fate {
            case .submitted:
                return
            case .withdrawn:
                let withdrawn = workday(submitted.adding(days: 1))
                on(withdrawn, 9, 10) { at in _ = try self.store.withdraw(track.id, by: plan.applicant, at: at) }
                return
            case .returned(let reason):
                on(decided, 14) { at in try self.decide(track, .returned, reason: reason, at: at) }
                return
            case .refused(let reason):
                on(decided, 14) { at in try self.decide(track, .refused, reason: reason, at: at) }
                return
            default:
                break
            }
            if let correction = plan.returnedFirst {
                on(decided, 14) { at in try self.decide(track, .returned, reason: correction, at: at) }
                let again = workday(decided.adding(days: 2))
                on(again, 11) { at in try self.resubmit(track, at: at) }
                decided = workday(again.adding(days: 2))
            }
            on(decided, 15) { at in try self.decide(track, .approved, reason: nil, at: at) }
            if case .approved = plan.fate { return }
            let inUse = workday(decided.adding(days: 1))
            on(inUse, 9, 30) { at in try self.acknowledge(track, at: at) }

            // Until when the duties were kept, and how the use ends.
            var dutiesUntil = yesterday
            var neglected = 0
            switch plan.fate {
            case .inUse(let months): neglected = months
            case .stopped:
                let stopDay = workday(today.adding(days: -40))
                dutiesUntil = stopDay.adding(days: -1)
                on(stopDay, 10, 30) { at in try self.findAbroad(track, on: stopDay, at: at) }
                let alternative = workday(stopDay.adding(days: 2))
                on(alternative, 11) { at in try self.recordAlternative(track, on: alternative, at: at) }
            case .terminating:
                let end = Day(year: today.year, month: today.month, day: 1)!.adding(days: -1)
                dutiesUntil = end
                let submittedOn = workday(today.adding(days: -3))
                on(submittedOn, 16) { at in try self.terminate(track, end: end, reason: "利用期間の満了に伴い、庁内メールの共用アドレスに窓口を移したため", at: at) }
            case .ended:
                let end = today.adding(days: -130)
                dutiesUntil = end
                let submittedOn = workday(end.adding(days: 3))
                on(submittedOn, 16) { at in try self.terminate(track, end: end, reason: "印刷会社が専用の入稿システムを廃止し、庁内の電子入札システムでの納品に変わったため", at: at) }
                let confirmed = workday(submittedOn.adding(days: 4))
                on(confirmed, 10) { at in try self.confirmTermination(track, at: at) }
            default:
                break
            }
            scheduleDuties(track, from: inUse, until: dutiesUntil, neglectedMonths: neglected)
            if let days = plan.termsChangeDaysAgo {
                let reviewDay = workday(today.adding(days: -days))
                on(reviewDay, 16, 30) { at in try self.termsChanged(track, on: reviewDay, at: at) }
                let decisionDay = workday(reviewDay.adding(days: 2))
                on(decisionDay, 13) { at in try self.continueAfterChange(track, at: at) }
            }
            if plan.slug == "sample-chat" {
                let day = workday(today.adding(days: -52))
                on(day, 17) { at in try self.ownIncident(track, on: day, at: at) }
            }
            if plan.slug == "easy-form" {
                let day = workday(today.adding(days: -150))
                on(day, 11, 30) { at in try self.recordInventory(track, on: day, at: at) }
            }
        }

        /// Monthly backups and confirmations on a working day mid-month, quarterly reviews in
        /// the middle month of each fiscal quarter; for the last `neglectedMonths`, the duties
        /// the plan neglects are left undone.
        func scheduleDuties(_ track: Track, from start: Day, until end: Day, neglectedMonths: Int) {
            let plan = track.plan
            let shift = plan.slug.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 5
            let neglectFrom = neglectedMonths > 0 ? Day(year: today.year, month: today.month, day: 1)!.adding(months: -neglectedMonths) : nil
            func neglected(_ kind: DutyKind, _ day: Day) -> Bool {
                guard let neglectFrom, plan.neglects.contains(kind) else { return false }
                return day >= neglectFrom
            }
            var month = Day(year: start.year, month: start.month, day: 1)!.adding(months: 1)
            while month <= end {
                let backupDay = workday(Day(year: month.year, month: month.month, day: 10 + shift)!)
                let confirmDay = workday(Day(year: month.year, month: month.month, day: 18 + shift)!)
                if !neglected(.backup, backupDay), backupDay <= end, backupDay.month == month.month {
                    on(backupDay, 16) { at in try self.recordBackup(track, on: backupDay, at: at) }
                }
                if !neglected(.userConfirmation, confirmDay), confirmDay <= end, confirmDay.month == month.month {
                    on(confirmDay, 15) { at in try self.recordConfirmation(track, on: confirmDay, at: at) }
                }
                month = month.adding(months: 1)
            }
            // Quarterly reviews: the middle month of every fiscal quarter after the first.
            let cadence = DutySchedule.Cadence.fiscalQuarter
            let changeDay = plan.termsChangeDaysAgo.map { today.adding(days: -$0) }
            var quarter = cadence.period(containing: cadence.period(containing: start).end.adding(days: 1))
            while quarter.start <= end {
                let day = workday(quarter.start.adding(months: 1).adding(days: 4 + shift))
                // The quarter whose review found a change has that review instead.
                let changedThisQuarter = changeDay.map { quarter.start <= $0 && $0 <= quarter.end } ?? false
                if !neglected(.contentReview, day), !changedThisQuarter, day <= end, day >= quarter.start {
                    on(day, 14) { at in try self.recordReview(track, on: day, at: at) }
                }
                quarter = cadence.period(containing: quarter.end.adding(days: 1))
            }
        }

        // MARK: The application

        func submit(_ track: Track, on day: Day, at timestamp: String) throws {
            let plan = track.plan
            let answers = try applicationAnswers(plan, on: day, at: timestamp)
            try DemoVillage.check(answers, against: ApplicationProcedure.procedure, "application \(plan.slug)")
            let order = ApplicationProcedure.procedure.applicableFields(answers).map(\.id)
            let draft = Draft(owner: plan.applicant, procedureID: ApplicationProcedure.procedure.id, state: InterviewState(answers: answers, order: order))
            track.record = try store.submitApplication(from: draft, procedureVersion: ProcedureScope.document.version.version, at: timestamp)
        }

        func applicationAnswers(_ plan: Plan, on day: Day, at timestamp: String) throws -> Answers {
            typealias F = ApplicationFields
            let dept = department(plan.department)
            let start = day.adding(days: 7)
            // To the end of the fiscal year a year on; the service that ends now, to its end.
            let year = start.adding(months: 12)
            var fiscalEnd = Day(year: year.month >= 4 ? year.year + 1 : year.year, month: 3, day: 31)!
            if case .terminating = plan.fate { fiscalEnd = Day(year: today.year, month: today.month, day: 1)!.adding(days: -1) }
            var answers: Answers = [
                F.applicant: .text(name(plan.applicant)),
                F.department: .text(plan.department),
                F.provider: .text(plan.provider),
                F.service: .text(plan.service),
                F.description: .text(plan.description),
                F.purpose: .text(plan.purpose),
                F.informationKinds: .list(plan.kinds),
                F.classification: .classification(plan.classification),
                F.personalInformation: .flag(plan.personal),
                F.overseas: .flag(false),
                F.users: .people(plan.users.map(person(named:))),
                F.periodStart: .date(start),
                F.periodEnd: .date(plan.slug == "example-notes" ? fiscalEnd.adding(months: 24) : fiscalEnd),
                F.serviceManager: .person(NamedPerson(name: name(plan.manager), login: plan.manager)),
                F.departmentHead: .person(NamedPerson(name: dept.head.name, login: dept.head.login)),
                F.alternative: .text(plan.returnedFirst != nil ? "紙で対応" : plan.alternative),
                F.signupRecord: .files([try attach(
                    "\(plan.slug)-signup.txt",
                    "登録画面の写し\nサービス：\(plan.provider) / \(plan.service)\nアカウント：\(plan.slug)@village.example.lg.jp\n登録者：\(name(plan.applicant))（\(plan.department)）\n登録日：\(day.iso)\n",
                    at: timestamp)]),
                F.terms: .files([try attach(
                    "\(plan.slug)-terms.txt",
                    "\(plan.service) 利用規約（\(day.iso) 時点の写し）\n第1条（適用）本規約は、\(plan.provider)（以下「当社」）が提供する\(plan.service)の利用に適用されます。\n第12条（データの削除）利用者が退会した場合、当社は30日以内に利用者のデータを削除します。\n第15条（免責）当社は、当社の故意又は重大な過失による場合を除き、損害について責任を負いません。\n",
                    at: timestamp)]),
                // Fictional (.invalid never resolves): `terms check` on a demo shows the unreachable case.
                F.termsAddresses: .list(["https://\(plan.slug).example.invalid/terms"]),
                F.risks: .flag(true),
            ]
            for item in ApplicationChecks.items {
                let n = item.number
                if let crossed = plan.crossedCheck, crossed.number == n {
                    answers[item.markID] = .mark(.no)
                    answers[item.proceedID] = .flag(true)
                    answers[item.noteID] = .text(crossed.note)
                    answers[item.evidenceID] = .skipped
                    continue
                }
                if n == 3 {
                    answers[item.markID] = .mark(plan.personal ? .yes : .notApplicable)
                    answers[item.noteID] = .text(plan.personal ? "事業者のプライバシーポリシー（個人情報の利用目的・第三者提供・開示請求の窓口）を確認" : "個人情報を扱わないため")
                    answers[item.evidenceID] = plan.personal
                        ? .files([try attach("\(plan.slug)-privacy.txt", "\(plan.provider) プライバシーポリシー（写し）\n1. 取得する情報\n2. 利用目的\n3. 第三者提供\n4. 開示等の請求窓口\n", at: timestamp)])
                        : .skipped
                    continue
                }
                answers[item.markID] = .mark(.yes)
                // Some applicants leave notes out where the mark says it all.
                answers[item.noteID] = (n == 7 && plan.daysAgo % 2 == 0) ? .skipped : .text(DemoVillage.checkNotes[n]!)
                answers[item.evidenceID] = n == 1
                    ? .files([try attach("\(plan.slug)-https.txt", "画面の写し：ブラウザのアドレス欄 https://\(plan.slug).example.jp/ に鍵マークが表示されている（\(day.iso) 確認）\n", at: timestamp)])
                    : .skipped
            }
            return answers
        }

        /// The applicant corrects a returned application from the draft the store left.
        func resubmit(_ track: Track, at timestamp: String) throws {
            let plan = track.plan
            guard var draft = try store.drafts(owner: plan.applicant, procedureID: ApplicationProcedure.procedure.id)
                .first(where: { $0.applicationID == track.id }) else {
                throw Problem(description: "no draft to correct for \(plan.slug)")
            }
            draft.state.answers[ApplicationFields.alternative] = .text(plan.alternative)
            try DemoVillage.check(draft.state.answers, against: ApplicationProcedure.procedure, "correction \(plan.slug)")
            draft = try store.saveDraft(draft, at: timestamp)
            track.record = try store.submitApplication(from: draft, procedureVersion: ProcedureScope.document.version.version, at: timestamp)
        }

        func decide(_ track: Track, _ outcome: DecisionOutcome, reason: String?, at timestamp: String) throws {
            let record = try store.application(id: track.id)!
            let reviewer = department(record.department).reviewer
            typealias R = ReviewFields
            var answers: Answers = [:]
            for item in ApplicationChecks.items {
                let theirs = record.answers[item.markID]?.mark
                answers[R.mark(item.number)] = .mark(theirs ?? .yes)
                answers[R.note(item.number)] = item.number == 1 ? .text("申請者の画面コピーと同じ画面を確認") : .skipped
            }
            if outcome == .returned, record.answers[ApplicationFields.alternative]?.text == "紙で対応" {
                answers[R.note(5)] = .text("免責条項は確認できたが、代替手段の記載が不十分")
            }
            answers[R.businessNeed] = .flag(true)
            if record.classification?.needsExplicitPermission == true {
                let permits = outcome == .approved
                answers[R.permitClassification] = .flag(permits)
                if permits { answers[R.permitReason] = .text(track.plan.permitReason ?? "業務上必要と認めるため") }
            }
            answers[R.decision] = .choice(outcome.rawValue)
            answers[R.reason] = reason.map { .text($0) } ?? (outcome == .approved ? .text("確認事項をすべて確認しました。利用開始前にリスクの確認をお願いします。") : .skipped)
            _ = try store.claimReview(applicationID: record.id, by: reviewer.login, at: timestamp)
            try DemoVillage.check(answers, against: ReviewProcedure.procedure(for: record) { _ in "" }, "review \(track.plan.slug)")
            track.record = try store.decide(Decision(
                applicationID: record.id, reviewerLogin: reviewer.login, reviewerName: reviewer.name, outcome: outcome,
                reason: answers[R.reason]?.text, answers: answers, decidedAt: timestamp, applicationVersion: record.version))
        }

        func acknowledge(_ track: Track, at timestamp: String) throws {
            let manager = track.plan.manager
            track.record = try store.acknowledge(Acknowledgement(applicationID: track.id, login: manager, name: name(manager), acknowledgedAt: timestamp))
        }

        // MARK: Duties

        func duty(_ track: Track, _ kind: DutyKind, on day: Day, at timestamp: String, _ answers: Answers) throws {
            let record = try store.application(id: track.id)!
            try DemoVillage.check(answers, against: DutyProcedures.procedure(kind, for: record, today: day), "\(kind.rawValue) \(track.plan.slug)")
            let performed = try store.recordDuty(record.id, kind, answers: answers, by: track.plan.manager, at: timestamp)
            track.record = performed.record!
            scheduleAcknowledgements(of: performed.alerts, at: timestamp)
        }

        func recordBackup(_ track: Track, on day: Day, at timestamp: String) throws {
            let what = ["共有フォルダ内の全ファイル", "当月分のデータ一式", "回答データのCSV出力", "全チャンネルのメッセージとファイル"]
            try duty(track, .backup, on: day, at: timestamp, [
                DutyFields.doneOn: .date(day),
                DutyFields.backupWhat: .text(track.plan.slug == "easy-form" || track.plan.slug == "share-box" ? what[2] : track.plan.slug == "sample-chat" ? what[3] : what[day.month % 2]),
                DutyFields.backupWhere: .text("庁内ファイルサーバ ¥¥fs01¥backup¥\(track.plan.slug)"),
            ])
        }

        func recordConfirmation(_ track: Track, on day: Day, at timestamp: String) throws {
            var answers: Answers = [DutyFields.doneOn: .date(day)]
            for index in track.plan.users.indices { answers[DutyFields.user(index)] = .flag(true) }
            try duty(track, .userConfirmation, on: day, at: timestamp, answers)
        }

        func recordReview(_ track: Track, on day: Day, at timestamp: String) throws {
            try duty(track, .contentReview, on: day, at: timestamp, [
                DutyFields.doneOn: .date(day),
                DutyFields.changed: .flag(false),
                DutyFields.termsChanged: .flag(false),
                DutyFields.securityChanged: .flag(false),
                DutyFields.overseas: .flag(false),
                DutyFields.note: day.month % 3 == 0 ? .skipped : .text("事業者のお知らせページと利用規約の改定履歴を確認"),
            ])
        }

        /// The quarterly review that found the terms changed; the 利用責任者 must decide.
        func termsChanged(_ track: Track, on day: Day, at timestamp: String) throws {
            try duty(track, .contentReview, on: day, at: timestamp, [
                DutyFields.doneOn: .date(day),
                DutyFields.changed: .flag(false),
                DutyFields.termsChanged: .flag(true),
                DutyFields.securityChanged: .flag(false),
                DutyFields.overseas: .flag(false),
                DutyFields.changeDetails: .text("利用規約が改定され、無料版の回答データの保存期間が1年から6か月に短縮された"),
                DutyFields.note: .text("改定後の利用規約を保存した"),
            ])
        }

        func continueAfterChange(_ track: Track, at timestamp: String) throws {
            let record = try store.application(id: track.id)!
            let reviewer = department(record.department).reviewer
            let reason = "日程調整のデータは6か月以内に不要になるため、保存期間の短縮は業務に影響しない"
            let performed = try store.decideContinuation(
                record.id, answers: [EventFields.decision: .choice("continue"), EventFields.reason: .text(reason)], by: reviewer.login, at: timestamp)
            track.record = performed.record!
            scheduleAcknowledgements(of: performed.alerts, at: timestamp)
        }

        /// The quarterly review that found routing abroad: the service stops at once (6(2)).
        func findAbroad(_ track: Track, on day: Day, at timestamp: String) throws {
            try duty(track, .contentReview, on: day, at: timestamp, [
                DutyFields.doneOn: .date(day),
                DutyFields.changed: .flag(true),
                DutyFields.termsChanged: .flag(true),
                DutyFields.securityChanged: .flag(false),
                DutyFields.overseas: .flag(true),
                DutyFields.changeDetails: .text("地図データの配信が海外の配信網に切り替わり、公開マップのデータが国外のサーバを経由すると利用規約に明記された"),
                DutyFields.note: .skipped,
            ])
        }

        func recordAlternative(_ track: Track, on day: Day, at timestamp: String) throws {
            try duty(track, .alternative, on: day, at: timestamp, [
                DutyFields.alternative: .text("村ウェブサイトにPDF版のまちあるきマップを掲載した（観光ページから案内）"),
                DutyFields.alternativeSecured: .flag(true),
            ])
        }

        func recordInventory(_ track: Track, on day: Day, at timestamp: String) throws {
            try duty(track, .inventory, on: day, at: timestamp, [
                DutyFields.inventory: .list(track.plan.kinds + ["参加者アンケートの回答"]),
                DutyFields.inventoryNote: .text("講座終了後のアンケートもこのサービスで受け付けるようになったため追加"),
            ])
        }

        // MARK: Events

        func ownIncident(_ track: Track, on day: Day, at timestamp: String) throws {
            let performed = try store.reportIncident(track.id, answers: [
                EventFields.occurredOn: .date(day),
                EventFields.what: .text("協力隊のチャンネルに、誤って外部の事業者のアカウントを招待した（閲覧は約2時間）"),
                EventFields.action: .text("招待を取り消し、該当期間の投稿に個人情報がないことを確認した。招待の権限を管理者に限定した"),
            ], by: track.plan.manager, at: timestamp)
            scheduleAcknowledgements(of: performed.alerts, at: timestamp)
        }

        /// An incident at another town with a provider one service uses (6(7)): its users are
        /// alerted, and one of them has not read it yet.
        func scheduleIncidentElsewhere() {
            let day = workday(today.adding(days: -6))
            on(day, 11) { at in
                let reviewer = self.department("観光商工課").reviewer
                let performed = try self.store.reportIncidentElsewhere(answers: [
                    EventFields.provider: .text("Example Storage株式会社"), EventFields.service: .text("Example Drive 無料プラン"),
                    EventFields.occurredOn: .date(day.adding(days: -2)),
                    EventFields.what: .text("他県の町で、共有リンクの設定誤りにより住民の申請書類が外部から閲覧できる状態になっていた"),
                    EventFields.source: .text("報道（サンプル新聞 電子版）と事業者のお知らせ"),
                ], by: reviewer.login, at: at)
                self.scheduleAcknowledgements(of: performed.alerts, at: at, except: [self.prefix + "ogura"])
            }
        }

        /// Everyone reads their alerts within a couple of days, except `except`, and except
        /// alerts of the last three days.
        func scheduleAcknowledgements(of alerts: [Alert], at timestamp: String, except: Set<String> = []) {
            guard let created = Village.day(ofTimestamp: timestamp) else { return }
            let readOn = workday(created.adding(days: 1))
            guard readOn < today.adding(days: -2) || !except.isEmpty else { return }
            let recipients = alerts.filter { !$0.needsDecision }.compactMap(\.recipientLogin).filter { !except.contains($0) }
            guard !recipients.isEmpty else { return }
            on(readOn, 8, 45) { at in
                for alert in try self.store.alerts() where alert.createdAt == timestamp && alert.acknowledgedAt == nil && !alert.needsDecision {
                    guard let login = alert.recipientLogin, recipients.contains(login) else { continue }
                    try self.store.acknowledgeAlert(id: alert.id!, by: login, at: at)
                }
            }
        }

        // MARK: Termination

        func terminate(_ track: Track, end: Day, reason: String, at timestamp: String) throws {
            typealias T = TerminationFields
            let record = try store.application(id: track.id)!
            let plan = track.plan
            let day = Village.day(ofTimestamp: timestamp)!
            var answers: Answers = [
                T.applicant: .text(name(plan.manager)),
                T.provider: .text(record.provider),
                T.service: .text(record.service),
                T.description: .text(plan.description),
                T.reason: .text(reason),
                T.informationKinds: .list(record.currentInventory),
                T.users: .people(record.userPeople),
                T.endDate: .date(end),
                T.serviceManager: record.answers[ApplicationFields.serviceManager]!,
                T.departmentHead: .person(record.departmentHead),
                T.agreement: .files([try attach("\(plan.slug)-cancellation.txt", "解約手続き完了画面の写し\nサービス：\(record.service)\nアカウント：\(plan.slug)@village.example.lg.jp\n解約日：\(end.iso)\n", at: timestamp)]),
                T.disposal: .files([try attach("\(plan.slug)-disposal-certificate.txt", "データ削除証明書\n\(record.provider)は、\(record.service)の上記アカウントのデータを \(day.iso) までにすべて削除したことを証明します。\n", at: timestamp)]),
            ]
            let notes = [
                1: "アカウント内のファイルとごみ箱を空にし、共有リンクが無効になっていることを確認",
                2: "事業者からデータ削除証明書（電子）を受領",
                3: "利用者全員に電子メールで終了と代替手段を連絡した",
                4: "事業者の窓口に、解約後も守秘義務と目的外利用の禁止が続くことを確認",
            ]
            for item in TerminationProcedure.checks {
                answers[item.markID] = .mark(.yes)
                answers[item.noteID] = .text(notes[item.number]!)
                answers[item.evidenceID] = .skipped
            }
            try DemoVillage.check(answers, against: TerminationProcedure.procedure(for: record), "termination \(plan.slug)")
            let order = TerminationProcedure.procedure(for: record).applicableFields(answers).map(\.id)
            let draft = Draft(owner: plan.manager, procedureID: TerminationProcedure.id, state: InterviewState(answers: answers, order: order), applicationID: record.id)
            track.record = try store.submitTermination(from: draft, at: timestamp)
        }

        func confirmTermination(_ track: Track, at timestamp: String) throws {
            let record = try store.application(id: track.id)!
            let reviewer = department(record.department).reviewer
            var answers: Answers = [:]
            for item in TerminationProcedure.checks {
                answers[ReviewFields.terminationMark(item.number)] = .mark(.yes)
                answers[ReviewFields.terminationNote(item.number)] = item.number == 2 ? .text("削除証明書の発行日と対象アカウントを確認") : .skipped
            }
            answers[ReviewFields.decision] = .choice(DecisionOutcome.confirmed.rawValue)
            answers[ReviewFields.reason] = .text("終了を確認しました。記録は保管期限まで保管します。")
            try DemoVillage.check(answers, against: ReviewProcedure.termination(for: record) { _ in "" }, "termination review \(track.plan.slug)")
            var decision = Decision(
                applicationID: record.id, reviewerLogin: reviewer.login, reviewerName: reviewer.name, outcome: .confirmed,
                reason: answers[ReviewFields.reason]?.text, answers: answers, decidedAt: timestamp,
                applicationVersion: record.termination!.version)
            decision.form = .termination
            track.record = try store.decide(decision)
        }
    }
}

extension StaffMember {
    /// The same entry under the login `prefix + login` (the demo's people on a server).
    func prefixed(_ prefix: String) -> StaffMember {
        StaffMember(
            login: prefix + login, name: name, department: department, isAdministrator: isAdministrator, reviewerOf: reviewerOf,
            mail: mail, mailLanguage: mailLanguage)
    }
}

/// What `yakkan demo` says.
public enum DemoText {
    public static func exists(_ path: String) -> Localized {
        Localized(
            "\(path) はすでにあります。デモは新しい保管庫にだけ作ります。存在しないパスを指定してください。",
            "\(path) already exists. The demo is only written to a new store: give a path that does not exist.")
    }

    public static func notTheOwner(_ login: String, _ address: String) -> Localized {
        Localized(
            "デモの村は、サーバーの保管庫（\(address)）の表の所有者のロールで作ってください（\(login) は所有者ではありません）。村の人々の記録を代わりに書けるのは所有者だけです。例：sudo -u postgres yakkan demo URI",
            "Write the demo village as the role that owns the tables of the store on the server (\(address)); \(login) does not. Only the owner may write the village's people's records in their names. For example: sudo -u postgres yakkan demo URI")
    }

    public static func serverNotEmpty(_ address: String) -> Localized {
        Localized(
            "サーバーの保管庫（\(address)）にはすでに記録があります。デモは記録のない新しいデータベースにだけ作ります（createdb と yakkan store init で用意してください）。",
            "The store on the server (\(address)) already holds records. The demo is only written into a new database with none (make one with createdb and yakkan store init).")
    }

    public static func serverHoldsDirectory(_ address: String, people: Int) -> Localized {
        Localized(
            "サーバーの保管庫（\(address)）にはすでに記録と職員名簿（\(people)名）があります。デモの村の人々をその名簿とサーバーのログインに加えないよう、デモは作りません。createdb と yakkan store init で用意した、記録のない新しいデータベースを指定してください。",
            "The store on the server (\(address)) already holds records and a staff directory of \(people) people. The demo is not written there, so that its villagers never join that directory or the server's logins: give a new database with no records, made with createdb and yakkan store init.")
    }

    public static func building(_ path: String) -> Localized {
        Localized("デモの村を \(path) に作成しています…", "Building the demo village in \(path)…")
    }

    public static func summary(_ summary: DemoVillage.Summary, path: String) -> Localized {
        func statuses(_ language: Language) -> String {
            summary.byStatus.map { "  \($0.status.label(language))" + (language == .ja ? "：" : ": ") + "\($0.count)" }.joined(separator: "\n")
        }
        let period = "\(JapaneseDate.wareki(summary.firstDay)) ～ \(JapaneseDate.wareki(summary.today))"
        let periodEn = "\(JapaneseDate.english(summary.firstDay)) to \(JapaneseDate.english(summary.today))"
        let ja = """
            デモの村を作成しました：\(path)
            期間 \(period) の記録です（会社名・サービス名は架空のものです）。
            課：\(summary.departments.joined(separator: "、"))（名簿 \(summary.staff)名、職員 \(summary.people)名）
            サービス \(summary.applications)件
            \(statuses(.ja))
            期限切れの定期確認があるサービス：\(summary.overdueServices)件
            確認待ちの終了確認書：\(summary.terminationsAwaitingReview)件
            利用中の記録：\(summary.dutyRecords)件、インシデント：\(summary.incidents)件
            お知らせ：\(summary.alerts)件（未確認 \(summary.unacknowledgedAlerts)件）、添付ファイル：\(summary.attachments)件
            監査記録：\(summary.auditEntries)件（ハッシュの連鎖は正常）
            """
        let en = """
            Built the demo village in \(path)
            Records from \(periodEn) (the companies and services are made up).
            課: \(summary.departments.joined(separator: ", ")) (\(summary.staff) in the directory, \(summary.people) staff)
            \(summary.applications) services
            \(statuses(.en))
            Services with overdue duties: \(summary.overdueServices)
            Termination forms awaiting review: \(summary.terminationsAwaitingReview)
            Duty records: \(summary.dutyRecords); incidents: \(summary.incidents)
            Alerts: \(summary.alerts) (\(summary.unacknowledgedAlerts) unread); attachments: \(summary.attachments)
            Audit entries: \(summary.auditEntries) (the hash chain is intact)
            """
        return Localized(ja, en)
    }

    /// The commands worth trying on the demo store.
    public static func tryThese(path: String) -> Localized {
        let store = ServerAddress.isServer(path) ? "'\(path)'" : path.contains(" ") ? "\"\(path)\"" : path
        let commands = [
            ("yakkan --store \(store)", "あなたのメニュー：ダブルチェック・リスクの確認・差し戻しの修正・利用中の記録", "your menu: a double check, risks to acknowledge, a returned form, duties"),
            ("yakkan review --store \(store)", "利用責任者として（観光商工課）", "as 利用責任者 (観光商工課)"),
            ("yakkan acknowledge --store \(store)", "サービス管理担当者として", "as a service manager"),
            ("yakkan apply --store \(store)", "申請者として（差し戻された申請の修正）", "as an applicant (correct the returned one)"),
            ("yakkan list --store \(store)", "申請の一覧", "every application"),
            ("yakkan show 1 --store \(store)", "終了したサービスの様式（終了確認書・保管期限まで）", "an ended service, with its termination and retention"),
            ("yakkan due --all --store \(store)", "期限切れの定期確認とお知らせ", "overdue duties and alerts"),
            ("yakkan alerts --store \(store)", "あなたへのお知らせ", "your alerts"),
            ("yakkan remind --dry-run --store \(store)", "各職員へのリマインドメール（送らずに表示）", "everyone's reminder mail, shown, not sent"),
            ("yakkan staff list --store \(store)", "職員名簿", "the staff directory"),
            ("yakkan audit verify --store \(store)", "監査記録の検証", "verify the audit trail"),
            ("yakkan list --lang en --store \(store)", "英語での表示", "the same in English"),
        ]
        let width = commands.map(\.0.count).max() ?? 0
        func line(_ command: String, _ note: String) -> String {
            "  " + command + String(repeating: " ", count: width - command.count + 2) + note
        }
        return Localized(
            "試してみるコマンド：\n" + commands.map { line($0.0, $0.1) }.joined(separator: "\n"),
            "Commands to try:\n" + commands.map { line($0.0, $0.2) }.joined(separator: "\n"))
    }
}
