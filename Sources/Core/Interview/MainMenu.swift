/// What a person sees when they start yakkan: what waits for them, then what they can do.
public enum MainMenu {
    public enum Item: String, Sendable, CaseIterable {
        case apply, review, acknowledge, record, alerts, list, query, quit
    }

    public struct Entry: Sendable {
        public let key: String
        public let item: Item
        public let label: Localized
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

    public static func entries(_ situation: Situation) -> [Entry] {
        var entries = [Entry(key: "1", item: .apply, label: Localized("利用申請（新規・下書きの再開・差し戻しの修正）", "Apply (new, resume a draft, correct a returned one)"))]
        if situation.reviewer?.reviewerOf.isEmpty == false {
            entries.append(Entry(key: "2", item: .review, label: Localized(
                "ダブルチェック（\(situation.waitingForReview)件）", "Double check (\(situation.waitingForReview))")))
        }
        if !situation.toAcknowledge.isEmpty {
            entries.append(Entry(key: "3", item: .acknowledge, label: Localized(
                "利用上のリスクの確認（\(situation.toAcknowledge.count)件）", "Acknowledge risks (\(situation.toAcknowledge.count))")))
        }
        if !situation.services.isEmpty {
            entries.append(Entry(key: "5", item: .record, label: Localized(
                "利用中の記録（内容確認・バックアップ・利用者への確認など）", "Record a duty (review, backup, user confirmation…)")))
        }
        if situation.unreadAlerts > 0 {
            entries.append(Entry(key: "6", item: .alerts, label: Localized(
                "お知らせの確認（\(situation.unreadAlerts)件）", "Read alerts (\(situation.unreadAlerts))")))
        }
        entries.append(Entry(key: "4", item: .list, label: Localized("申請の一覧", "List applications")))
        entries.append(Entry(key: "7", item: .query, label: Localized("台帳の問い合わせ（絞り込み・検索・件数）", "Query the ledger (filters, search, counts)")))
        entries.sort { $0.key < $1.key }
        entries.append(Entry(key: "q", item: .quit, label: Localized("終了", "Quit")))
        return entries
    }

    public static let chooseService = Localized("どのサービスですか？申請番号を入力してください。", "Which service? Enter its application number.")

    public static func prompt(_ entries: [Entry], default item: Item, _ language: Language) -> [Message] {
        let key = entries.first { $0.item == item }?.key ?? "1"
        return entries.map { Message(.info, "  \($0.key). \($0.label(language))") }
            + [Message(.question, Localized("番号を選んでください。Enter で [\(key)]", "Choose a number. Enter for [\(key)]")(language))]
    }

    public static func interpret(_ line: String, _ entries: [Entry], default item: Item) -> Result<Item, Localized> {
        let folded = InputLine.halfwidthASCII(line).trimmingCharacters(in: .whitespaces).lowercased()
        if folded.isEmpty { return .success(entries.contains { $0.item == item } ? item : .apply) }
        if [":quit", ":q", "quit", "exit", "終了"].contains(folded) { return .success(.quit) }
        if let entry = entries.first(where: { $0.key == folded || $0.item.rawValue == folded }) { return .success(entry.item) }
        return .failure(Localized(
            "メニューの番号（" + entries.map(\.key).joined(separator: "・") + "）で選んでください。",
            "Choose one of " + entries.map(\.key).joined(separator: ", ") + "."))
    }
}
