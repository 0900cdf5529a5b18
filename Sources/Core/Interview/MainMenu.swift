/// What a person sees when they start yakkan: what waits for them, then what they can do.
public enum MainMenu {
    public enum Item: String, Sendable, CaseIterable {
        case apply, review, acknowledge, record, incident, incidentElsewhere = "incident-elsewhere", stop, terminate, due, alerts,
             calendar, list, query, quit
        /// `?`: what each entry does; not an entry of its own.
        case help
    }

    public struct Entry: Sendable {
        public let key: String
        public let item: Item
        public let label: Localized
        /// What `?` says of it: which part of the procedure, and who does it.
        public var explanation: Localized = Localized("", "")
    }

    /// Facts about this person gathered from the store.
    public struct Situation: Sendable {
        public var name: String?
        public var reviewer: StaffMember?
        public var drafts: [Draft]
        public var returned: [(id: Int64, decision: Decision)]
        public var waitingForReview: Int
        public var toAcknowledge: [ApplicationRecord]
        /// Services in use (or stopped) this person keeps or oversees.
        public var services: [ApplicationRecord] = []
        public var today: [TodayItem] = []
        public var unreadAlerts = 0

        public init(name: String?, reviewer: StaffMember?, drafts: [Draft], returned: [(id: Int64, decision: Decision)],
                    waitingForReview: Int, toAcknowledge: [ApplicationRecord]) {
            self.name = name
            self.reviewer = reviewer
            self.drafts = drafts
            self.returned = returned
            self.waitingForReview = waitingForReview
            self.toAcknowledge = toAcknowledge
        }
    }

    public static func greeting(_ login: String, _ situation: Situation, _ language: Language) -> [Message] {
        var lines = [Message(.heading, Localized(
            "yakkan — 約款による外部サービスの利用手続き（\(situation.name ?? login)）",
            "yakkan — services under click-through terms (\(situation.name ?? login))")(language))]
        for (id, decision) in situation.returned {
            lines.append(Message(.notice, "・" + SessionText.returned(id, decision)(language)))
        }
        for record in situation.toAcknowledge {
            lines.append(Message(.notice, "・" + ReviewText.awaitingAcknowledgement(record)(language)))
        }
        if situation.waitingForReview > 0 {
            lines.append(Message(.notice, Localized(
                "・あなたのダブルチェックを待っている様式が\(situation.waitingForReview)件あります。",
                "・\(situation.waitingForReview) form(s) wait for your double check.")(language)))
        }
        let ownDrafts = situation.drafts.filter { $0.applicationID == nil }.count
        if ownDrafts > 0 {
            lines.append(Message(.info, Localized(
                "・作成途中の申請（下書き）が\(ownDrafts)件あります。",
                "・You have \(ownDrafts) unfinished application(s).")(language)))
        }
        return lines
    }

    /// Nobody known, no role, no draft, nothing waiting: the menu would only be in the way.
    public static func isFirstVisit(_ situation: Situation) -> Bool {
        situation.name == nil && situation.reviewer == nil && situation.drafts.isEmpty && situation.today.isEmpty
            && situation.toAcknowledge.isEmpty && situation.services.isEmpty
    }

    /// Where a start goes without the menu: someone yakkan has never met, with nothing
    /// waiting, came to apply; a サービス管理担当者 whose only business is an approved form
    /// acknowledges its risks (their first start is that, not a new application).
    public static func directStart(_ situation: Situation) -> Item? {
        if isFirstVisit(situation) { return .apply }
        let onlyAcknowledgement = !situation.toAcknowledge.isEmpty && situation.drafts.isEmpty && situation.services.isEmpty
            && situation.waitingForReview == 0 && situation.today.isEmpty && situation.unreadAlerts == 0
        return onlyAcknowledgement ? .acknowledge : nil
    }

    /// What Enter chooses: what waits for this person first, else a new application.
    public static func defaultItem(_ situation: Situation) -> Item {
        if situation.waitingForReview > 0 { return .review }
        if !situation.toAcknowledge.isEmpty { return .acknowledge }
        if !situation.returned.isEmpty { return .apply }
        if situation.today.contains(where: { $0.kind == .overdue || $0.kind == .due }), !situation.services.isEmpty { return .record }
        if situation.unreadAlerts > 0 { return .alerts }
        return .apply
    }

    /// Every procedure this person may start, numbered 1, 2, 3… without gaps in the order of
    /// the procedure (apply, check, use, end), then the lists; q leaves.
    public static func entries(_ situation: Situation) -> [Entry] {
        let reviewer = situation.reviewer?.reviewerOf.isEmpty == false
        let inUse = situation.services.contains { $0.status == .inUse }
        let running = situation.services.contains { $0.status == .inUse || $0.status == .stopped }
        // Only the service manager submits the termination form (7(1)).
        let manages = situation.services.contains {
            ($0.status == .inUse || $0.status == .stopped) && $0.serviceManagerLogin != nil && $0.serviceManagerLogin == situation.reviewer?.login
        }
        var offered: [(Item, Localized, Localized)] = [(
            .apply, Localized("利用申請（新規・下書きの再開・差し戻しの修正）", "Apply (new, resume a draft, correct a returned one)"),
            Localized(
                "約款による外部サービスを使いたいときの利用申請書（手順書5(1)）。一問ずつ答え、途中でやめても下書きが残ります。",
                "The application to use a service under click-through terms (5(1)), one question at a time; a draft is kept if you stop."))]
        if reviewer {
            offered.append((.review, Localized("ダブルチェック（\(situation.waitingForReview)件）", "Double check (\(situation.waitingForReview))"), Localized(
                "利用責任者として、提出された利用申請書・終了確認書を確認し、承認・差し戻し・却下します（手順書5(2)）。",
                "As 利用責任者, check the submitted applications and termination forms, then approve, return or refuse them (5(2)).")))
        }
        if !situation.toAcknowledge.isEmpty {
            offered.append((.acknowledge, Localized(
                "利用上のリスクの確認（\(situation.toAcknowledge.count)件）", "Acknowledge risks (\(situation.toAcknowledge.count))"), Localized(
                "承認されたサービスのサービス管理担当者として、4つのリスクを確認します。これで利用中になります（手順書5(3)）。",
                "As service manager of an approved service, acknowledge its four risks; it is then in use (5(3)).")))
        }
        if inUse {
            offered.append((.record, Localized(
                "利用中の記録（内容確認・バックアップ・利用者への確認など）", "Record a duty (review, backup, user confirmation…)"), Localized(
                "四半期ごとの内容確認、毎月のバックアップと利用者への確認などを記録します（手順書6）。",
                "Record the quarterly review, the monthly backup and confirmation with the users, and the other duties (section 6).")))
        }
        if !situation.services.isEmpty {
            offered.append((.incident, Localized("インシデントの報告（このサービスで起きたこと）", "Report an incident with one of these services"), Localized(
                "情報漏えい・誤送信・不正アクセスなど、利用中のサービスで起きたことを報告します（手順書6(8)）。",
                "Report a leak, a mistaken sending, a break-in… with a service in use (6(8)).")))
        }
        if reviewer || situation.reviewer?.isAdministrator == true {
            offered.append((.incidentElsewhere, Localized("他組織のインシデントの注意喚起", "Alert users to an incident elsewhere"), Localized(
                "他の組織で同じ会社・サービスのインシデントがあったとき、利用者に注意喚起します（手順書6(7)）。",
                "When another organisation has an incident with the same provider or service, alert its users here (6(7)).")))
        }
        if inUse {
            offered.append((.stop, Localized("直ちに利用を停止（海外経由の判明など）", "Stop a service at once (routing abroad found…)"), Localized(
                "海外のサーバ・ネットワーク経由が判明したときなど、直ちに利用を停止します（手順書6(2)）。",
                "Stop a service at once, e.g. when it turns out to go via servers abroad (6(2)).")))
        }
        if manages {
            offered.append((.terminate, Localized("利用の終了（終了確認書）", "End a service (termination form)"), Localized(
                "サービス管理担当者として、利用を終えるときの終了確認書を作成し提出します（手順書7）。",
                "As service manager, fill in and submit the termination form when the use ends (section 7).")))
        }
        offered.append((.due, Localized("今日のやることと30日以内の予定", "What waits for you, and the next 30 days"), Localized(
            "期限切れ・期限内の記録、ダブルチェック待ち、お知らせ、30日以内に来る期限を一覧にします（yakkan due）。",
            "Lists what is overdue or due, forms to check, alerts, and what falls due within 30 days (yakkan due).")))
        offered.append((.alerts, Localized("お知らせの確認（\(situation.unreadAlerts)件）", "Read alerts (\(situation.unreadAlerts))"), Localized(
            "停止・インシデント・差し戻しなどのお知らせを読み、確認済みにします。",
            "Read the alerts (stops, incidents, returned forms…) and mark them read.")))
        if running {
            offered.append((.calendar, Localized("期限をカレンダーに書き出す（.ics）", "Write your duties to a calendar file (.ics)"), Localized(
                "利用中のサービスの今後の期限を、Outlook などで読めるファイル（iCalendar）に書き出します。",
                "Write the coming duties of your services to a file (iCalendar) that Outlook and other calendars read.")))
        }
        offered.append((.list, Localized("申請の一覧", "List applications"), Localized(
            "あなたに関係する申請とサービスの一覧です。", "The applications and services that concern you.")))
        offered.append((.query, Localized("台帳の問い合わせ（絞り込み・検索・件数）", "Query the ledger (filters, search, counts)"), Localized(
            "状態・課・会社名などで台帳を絞り込み、検索し、件数を数えます。", "Filter, search and count the ledger by status, 課, provider…")))
        var entries = offered.enumerated().map { index, item in
            Entry(key: "\(index + 1)", item: item.0, label: item.1, explanation: item.2)
        }
        entries.append(Entry(key: "q", item: .quit, label: Localized("終了", "Quit"), explanation: Localized("yakkan を終わります。", "Leave yakkan.")))
        return entries
    }

    /// What `?` shows at the menu.
    public static func explanation(_ entries: [Entry], _ language: Language) -> [Message] {
        [Message(.heading, Localized("メニューの説明（番号か、英語の名前 apply・review などで選べます）", "The menu (choose by number, or by name: apply, review…)")(language))]
            + entries.map { Message(.info, "  \($0.key). \($0.label(language))\n     \($0.explanation(language))") }
    }

    public static let chooseService = Localized("どのサービスですか？申請番号を入力してください。", "Which service? Enter its application number.")

    public static func prompt(_ entries: [Entry], default item: Item, _ language: Language) -> [Message] {
        let key = entries.first { $0.item == item }?.key ?? "1"
        let width = entries.map(\.key.count).max() ?? 1
        return entries.map { Message(.info, "  " + String(repeating: " ", count: width - $0.key.count) + "\($0.key). \($0.label(language))") }
            + [Message(.question, Localized("番号を選んでください。Enter で [\(key)] · ? で説明", "Choose a number. Enter for [\(key)] · ? explains")(language))]
    }

    public static func interpret(_ line: String, _ entries: [Entry], default item: Item) -> Result<Item, Localized> {
        let folded = InputLine.halfwidthASCII(line).trimmingCharacters(in: .whitespaces).lowercased()
        if folded.isEmpty { return .success(entries.contains { $0.item == item } ? item : .apply) }
        if [":quit", ":q", "quit", "exit", "終了"].contains(folded) { return .success(.quit) }
        if ["?", "？", ":help", "help", ":ヘルプ", "ヘルプ"].contains(folded) { return .success(.help) }
        if let entry = entries.first(where: { $0.key == folded || $0.item.rawValue == folded }) { return .success(entry.item) }
        return .failure(Localized(
            "メニューの番号（" + entries.map(\.key).joined(separator: "・") + "）で選んでください。? で各項目の説明を表示します。",
            "Choose one of " + entries.map(\.key).joined(separator: ", ") + ". ? explains each."))
    }
}
