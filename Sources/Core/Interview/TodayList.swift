import Foundation

/// What waits for a person today: overdue and due duties of the services they keep or
/// oversee, decisions asked of them, and alerts they have not acknowledged; most urgent first.
public struct TodayItem: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case overdue, decision, alert, stopped, due
        /// A form waiting for this person's double check.
        case review
        /// Work waiting on nobody: shown to administrators.
        case stranded
    }

    public let kind: Kind
    public let applicationID: Int64?
    public let duty: DutyKind?
    public let service: String
    public let title: Localized
    public let dueDate: Day?
    /// How many periods are overdue, for an overdue duty.
    public let overduePeriods: Int
    public let alertID: Int64?
    /// Whom it waits on, shown when the list is the whole store's (`due --all`).
    public var forWhom: Localized? = nil
    /// What the item is about when it is neither a service nor an alert (a person without a
    /// mail address), so that two such items keep apart in `remind`'s memory.
    public var subject: String? = nil

    /// The same thing for the same person on another day has the same key: what `remind`
    /// remembers so that it mails each item at most once a day.
    public var key: String {
        ([kind.rawValue, applicationID.map { "\($0)" } ?? "", duty?.rawValue ?? "", alertID.map { "\($0)" } ?? ""]
            + (subject.map { [$0] } ?? []))
            .joined(separator: "/")
    }

    /// Where the item goes in a list: most urgent first; then by due date, service and alert.
    /// A whole village's list (`due --all`) holds only this of each item until it is written.
    public var order: Order {
        let due = dueDate ?? Self.noDueDate
        return Order(rank: rank, due: (due.year * 100 + due.month) * 100 + due.day, applicationID: applicationID ?? 0, alertID: alertID ?? 0)
    }

    /// Numbers only (the due day as yyyymmdd): 32 bytes an item.
    public struct Order: ByteOrdered, Sendable {
        let rank: Int
        let due: Int
        let applicationID: Int64
        let alertID: Int64

        public static func < (a: Order, b: Order) -> Bool {
            (a.rank, a.due, a.applicationID, a.alertID) < (b.rank, b.due, b.applicationID, b.alertID)
        }

        public func appendOrderBytes(to bytes: inout [UInt8]) {
            bytes.appendOrdered(Int64(rank))
            bytes.appendOrdered(Int64(due))
            bytes.appendOrdered(applicationID)
            bytes.appendOrdered(alertID)
        }
    }

    static let noDueDate = Day(year: 9999, month: 12, day: 31)!

    var rank: Int {
        switch kind {
        case .review: return 0
        case .overdue: return 1
        case .decision, .stranded: return 2
        case .stopped: return 3
        case .alert: return 4
        case .due: return 5
        }
    }
}

public enum TodayList {
    /// The only statuses whose services have something to do: applications to double-check,
    /// duties in use, and the termination of a service in use or stopped (its alerts may name
    /// services of any status).
    public static let statuses: [ApplicationStatus] = [.submitted, .inUse, .stopped]

    /// How long a refusal stays in its applicant's list.
    public static let refusalShownDays = 14

    /// What became of a person's own application, whether or not the directory lists them:
    /// approved and waiting for the manager's acknowledgement, or refused (for two weeks); a stop
    /// reaches them as an alert (Notifications.stopped). Derived from the application itself, so it needs no alert addressed to them.
    public static func applicantNews(_ record: ApplicationRecord, for login: String, today: Day) -> TodayItem? {
        guard record.applicantLogin == login else { return nil }
        let decision = record.latestDecision
        let by = decision.map { Localized("（\($0.reviewerName)、", " (\($0.reviewerName), ") } ?? Localized("（", " (")
        let on = decision.flatMap { Village.day(ofTimestamp: $0.decidedAt) }
        let when = on.map { Localized(JapaneseDate.wareki($0) + "）", JapaneseDate.english($0) + ")") } ?? Localized("）", ")")
        let title: Localized
        switch record.status {
        case .approved:
            title = Localized(
                "あなたの申請は承認されました\(by.ja)\(when.ja)。次はサービス管理担当者（\(record.serviceManager)）が利用上のリスクを確認し、それで利用中になります。",
                "Your application was approved\(by.en)\(when.en). Next the service manager (\(record.serviceManager)) acknowledges its risks; it is then in use.")
        case .refused:
            guard let on, on.days(until: today) <= refusalShownDays else { return nil }
            let reason = decision?.reason.map { "：" + $0 } ?? ""
            let reasonEn = decision?.reason.map { ": " + $0 } ?? ""
            title = Localized(
                "あなたの申請は却下されました\(by.ja)\(when.ja)\(reason)。詳しくは yakkan show \(record.id) で確認できます。",
                "Your application was refused\(by.en)\(when.en)\(reasonEn). yakkan show \(record.id) shows it.")
        default:
            return nil
        }
        return TodayItem(
            kind: .alert, applicationID: record.id, duty: nil, service: record.service, title: title,
            dueDate: nil, overduePeriods: 0, alertID: nil, subject: "applicant:" + record.status.rawValue)
    }

    /// Alerts that ask for something the end of the service makes pointless.
    static let mootOnceEnded: Set<Alert.Kind> = [.stopped, .serviceChanged, .usageDiffers]

    /// `everything` is the whole store's list, for 利用責任者 and administrators.
    public static func items(
        for person: Actor, records: [ApplicationRecord], alerts: [Alert], today: Day, everything: Bool = false
    ) -> [TodayItem] {
        sorted(serviceItems(for: person, records: records, today: today, everything: everything)
            + alertItems(for: person, alerts: alerts, services: records, everything: everything))
    }

    /// What the services themselves ask of the person, unsorted: a whole village's list is made
    /// a batch of services at a time (`due --all`), none held once its items are made.
    public static func serviceItems(
        for person: Actor, records: [ApplicationRecord], today: Day, everything: Bool = false
    ) -> [TodayItem] {
        var items: [TodayItem] = []
        for record in records where !everything {
            if let news = applicantNews(record, for: person.login, today: today) { items.append(news) }
        }
        for record in records {
            // The whole store's list needs neither: its 課 compared by normalised names was a
            // twentieth of `due --all`'s CPU time (perf).
            let keeps = !everything && CurrentEntry.actsAsManager(login: person.login, member: person.member, of: record)
            let oversees = !everything && person.member?.reviews(record.department) == true
            guard everything || keeps || oversees else { continue }
            // The queue holds what the person may check: never a form they filled in, edited or head.
            let checks = { (may: (ApplicationRecord, StaffMember) -> Bool) in person.member.map { may(record, $0) } == true }
            if record.status == .submitted, everything || checks(ReviewText.mayCheckApplication) {
                items.append(TodayItem(
                    kind: .review, applicationID: record.id, duty: nil, service: record.service,
                    title: Localized("利用申請書のダブルチェック（yakkan review \(record.id)）", "Double-check the application (yakkan review \(record.id))"),
                    dueDate: nil, overduePeriods: 0, alertID: nil))
            }
            if record.termination?.status == .submitted, everything || checks(ReviewText.mayCheckTermination) {
                items.append(TodayItem(
                    kind: .review, applicationID: record.id, duty: nil, service: record.service,
                    title: Localized("終了確認書のダブルチェック（yakkan review \(record.id)）", "Double-check the termination form (yakkan review \(record.id))"),
                    dueDate: nil, overduePeriods: 0, alertID: nil))
            }
            if let termination = record.termination, termination.status == .returned, keeps || everything {
                items.append(TodayItem(
                    kind: .decision, applicationID: record.id, duty: nil, service: record.service,
                    title: Localized("終了確認書が差し戻されました：\(termination.latestDecision?.reason ?? "")（yakkan terminate \(record.id)）",
                                     "The termination form was returned: \(termination.latestDecision?.reason ?? "") (yakkan terminate \(record.id))"),
                    dueDate: nil, overduePeriods: 0, alertID: nil))
            }
            if record.status == .stopped && record.termination == nil {
                items.append(TodayItem(
                    kind: .stopped, applicationID: record.id, duty: nil, service: record.service,
                    title: Localized("停止中：終了確認書による終了の手続きが必要です", "Stopped: it must be terminated with the termination form"),
                    dueDate: nil, overduePeriods: 0, alertID: nil))
            }
            if let item = periodEnding(record, today: today), keeps || everything { items.append(item) }
            guard record.status == .inUse else { continue }
            // Its duties are those of the version its form was made under.
            ProcedureScope.forForm(record) {
                for kind in DutyKind.allCases {
                    guard let cadence = kind.schedule else { continue }
                    // Duties stop being due on the end date the termination form gives.
                    let open = record.openPeriods(of: kind, today: today)
                    let overdue = open.filter { $0.status == .overdue }
                    if let oldest = overdue.first, keeps || oversees || everything {
                        items.append(TodayItem(
                            kind: .overdue, applicationID: record.id, duty: kind, service: record.service,
                            title: kind.title + Localized("・", " · ") + periodName(oldest.period, cadence)
                                + (overdue.count > 1 ? Localized("ほか\(overdue.count - 1)期間", " and \(overdue.count - 1) more") : Localized("", "")),
                            dueDate: oldest.dueDate, overduePeriods: overdue.count, alertID: nil))
                    }
                    if let current = open.first(where: { $0.status == .due }), keeps || everything {
                        items.append(TodayItem(
                            kind: .due, applicationID: record.id, duty: kind, service: record.service,
                            title: kind.title + Localized("・", " · ") + periodName(current.period, cadence),
                            dueDate: current.dueDate, overduePeriods: 0, alertID: nil))
                    }
                }
            }
        }
        return items
    }

    /// The person's open alerts, unsorted; `services` are those the alerts may name.
    public static func alertItems(for person: Actor, alerts: [Alert], services records: [ApplicationRecord], everything: Bool = false) -> [TodayItem] {
        alertItems(for: person, alerts: alerts, services: AlertedServices(records), everything: everything)
    }

    public static func alertItems(for person: Actor, alerts: [Alert], services: AlertedServices, everything: Bool = false) -> [TodayItem] {
        var items: [TodayItem] = []
        for alert in alerts where alert.acknowledgedAt == nil && (everything || alert.isFor(login: person.login)) {
            // A stop, or a change to decide on, is moot once the service has ended: the
            // termination form closed it.
            if let id = alert.applicationID, services.hasEnded(id), Self.mootOnceEnded.contains(alert.kind) { continue }
            let service = alert.applicationID.flatMap { services.name(of: $0) } ?? ""
            items.append(TodayItem(
                kind: alert.needsDecision ? .decision : .alert, applicationID: alert.applicationID, duty: nil, service: service,
                title: alert.message, dueDate: nil, overduePeriods: 0, alertID: alert.id,
                forWhom: everything ? recipient(of: alert) : nil))
        }
        return items
    }

    /// Whom an alert is for: a person of the directory by name and login; a user who is not in
    /// it, whom yakkan cannot reach, said to be so.
    static func recipient(of alert: Alert) -> Localized? {
        switch (alert.recipientName, alert.recipientLogin) {
        case (let name?, let login?): return Localized("\(name) (\(login))", "\(name) (\(login))")
        case (nil, let login?): return Localized(login, login)
        case (let name?, nil): return Localized("\(name)・名簿にない利用者", "\(name), not in the directory")
        case (nil, nil): return nil
        }
    }

    /// Most urgent first; then by due date, service and alert.
    public static func sorted(_ items: [TodayItem]) -> [TodayItem] {
        items.sorted { $0.order < $1.order }
    }

    /// How many days before the approved period ends its service manager is asked what next.
    public static let periodEndNotice = 30

    /// The approved period of a service in use or stopped ends, or has ended, without a
    /// termination: its manager terminates it or applies again.
    static func periodEnding(_ record: ApplicationRecord, today: Day) -> TodayItem? {
        guard record.status == .inUse || record.status == .stopped, let end = record.periodEnd,
            record.termination == nil || record.termination?.status == .returned,
            today >= end.adding(days: -periodEndNotice)
        else { return nil }
        let ended = today > end
        let title = ended
            ? Localized(
                "利用期間は\(JapaneseDate.wareki(end))に終わりました。終了確認書を出すか（yakkan terminate \(record.id)）、改めて利用申請してください（yakkan apply）",
                "Its approved period ended on \(JapaneseDate.english(end)). Terminate it (yakkan terminate \(record.id)) or apply again (yakkan apply)")
            : Localized(
                "利用期間が\(JapaneseDate.wareki(end))に終わります。終了確認書を出すか（yakkan terminate \(record.id)）、改めて利用申請してください（yakkan apply）",
                "Its approved period ends on \(JapaneseDate.english(end)). Terminate it (yakkan terminate \(record.id)) or apply again (yakkan apply)")
        return TodayItem(
            kind: ended ? .overdue : .due, applicationID: record.id, duty: nil, service: record.service, title: title,
            dueDate: end, overduePeriods: ended ? 1 : 0, alertID: nil)
    }

    /// 令和8年4月分, or 令和8年度第1四半期 (the fiscal year begins in April).
    public static func periodName(_ period: DutySchedule.Period, _ cadence: DutySchedule.Cadence) -> Localized {
        switch cadence {
        // Words put together from the era's year, not cut out of the whole date (through
        // Foundation's string bridging: a twentieth of `due --all`'s CPU time, perf).
        case .month:
            let start = period.start
            let month = JapaneseDate.eraYear(start).map { "\($0)年\(start.month)月分" } ?? start.iso + "月分"
            return Localized(month, "\(start.year)-" + (start.month < 10 ? "0" : "") + "\(start.month)")
        case .fiscalQuarter, .fiscalHalf, .fiscalYear:
            let fiscalYear = period.start.month >= 4 ? period.start.year : period.start.year - 1
            let april = Day(year: fiscalYear, month: 4, day: 1)!
            let eraYear = JapaneseDate.eraYear(april) ?? april.iso
            if cadence == .fiscalYear { return Localized("\(eraYear)年度", "FY\(fiscalYear)") }
            if cadence == .fiscalHalf {
                let first = period.start.month == 4
                return Localized("\(eraYear)年度\(first ? "上期" : "下期")", "FY\(fiscalYear) H\(first ? 1 : 2)")
            }
            let quarter = [4: 1, 7: 2, 10: 3, 1: 4][period.start.month] ?? 1
            return Localized("\(eraYear)年度第\(quarter)四半期", "FY\(fiscalYear) Q\(quarter)")
        case .week:
            return Localized(JapaneseDate.wareki(period.start) + "からの週", "week of \(JapaneseDate.english(period.start))")
        }
    }

    public static func text(_ items: [TodayItem], today: Day, _ language: Language) -> [Message] {
        let heading = Localized("今日のやること（\(JapaneseDate.wareki(today))）", "To do today (\(JapaneseDate.english(today)))")
        guard !items.isEmpty else {
            return [Message(.heading, heading(language)), Message(.info, Localized("  期限が来ているものはありません。", "  Nothing is due.")(language))]
        }
        return [Message(.heading, heading(language))] + items.map { line($0, language) }
    }

    /// The heading of a list made a line at a time (`due --all`), and the line of an empty one.
    public static func heading(today: Day, _ language: Language) -> Message {
        text([], today: today, language)[0]
    }

    public static func nothingDue(today: Day, _ language: Language) -> Message {
        text([], today: today, language)[1]
    }

    /// One item's line of the list.
    public static func line(_ item: TodayItem, _ language: Language) -> Message {
        let number = item.applicationID.map { Localized("申請\($0)", "#\($0)")(language) + " " } ?? ""
        let due = item.dueDate.map { Localized(" 期限 ", " due ")(language) + AnswerFormat.date($0, language) } ?? ""
        let label: Localized
        let tone: Tone
        switch item.kind {
        case .overdue: (label, tone) = (Localized("期限切れ", "OVERDUE"), .error)
        case .decision: (label, tone) = (Localized("要判断", "DECIDE"), .warning)
        case .stopped: (label, tone) = (Localized("停止中", "STOPPED"), .warning)
        case .alert: (label, tone) = (Localized("お知らせ", "ALERT"), .notice)
        case .due: (label, tone) = (Localized("期限内", "due"), .info)
        case .review: (label, tone) = (Localized("要確認", "REVIEW"), .warning)
        case .stranded: (label, tone) = (Localized("担当者なし", "NOBODY"), .error)
        }
        let service = item.service.isEmpty ? "" : item.service + " "
        let forWhom = item.forWhom.map { Localized("（宛先：\($0.ja)）", " (for \($0.en))")(language) } ?? ""
        return Message(tone, "  [\(label(language))] " + number + service + "— " + item.title(language) + due + forWhom)
    }

    public static func json(_ items: [TodayItem]) throws -> String {
        if items.isEmpty { return "[]" }
        return try ApplicationExport.encode(items.map(ExportedItem.init))
    }

    /// One item as an element of the array `json` writes, for a list written an item at a time.
    public static func jsonElement(_ item: TodayItem) throws -> String {
        try ApplicationExport.arrayElement(ExportedItem(item))
    }

    private struct ExportedItem: Encodable {
        let kind: String
        let application_id: Int64?
        let duty: String?
        let service: String
        let title: String
        let title_en: String
        let due: String?
        let overdue_periods: Int
        let alert_id: Int64?
        let for_whom: String?
        let for_whom_en: String?

        init(_ item: TodayItem) {
            kind = item.kind.rawValue
            application_id = item.applicationID
            duty = item.duty?.rawValue
            service = item.service
            title = item.title.ja
            title_en = item.title.en
            due = item.dueDate?.iso
            overdue_periods = item.overduePeriods
            alert_id = item.alertID
            for_whom = item.forWhom?.ja
            for_whom_en = item.forWhom?.en
        }
    }
}
