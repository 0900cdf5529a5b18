/// A 代理: someone who stands in as 利用責任者 of a 課 while its own is away, up to and
/// including a day. Until then they double-check, oversee duties and are told what waits, as
/// the 課's own 利用責任者 is; from the next day they are not, without anyone having to
/// remember to take the role back. The four-eyes rule holds for a 代理 as for anyone.
public struct Deputyship: Sendable, Codable, Hashable {
    public let department: String
    public let until: Day

    public init(department: String, until: Day) {
        self.department = department
        self.until = until
    }
}

public enum Deputies {
    /// One deputyship a 課, the latest day given winning; in a stable order.
    public static func normalised(_ deputyships: [Deputyship]) -> [Deputyship] {
        var latest: [String: Deputyship] = [:]
        for deputyship in deputyships {
            let key = Names.normalised(deputyship.department)
            if let known = latest[key], known.until >= deputyship.until { continue }
            latest[key] = deputyship
        }
        return latest.values.sorted { ($0.department, $0.until) < ($1.department, $1.until) }
    }

    /// Why a directory entry's deputyships cannot be recorded on `today`.
    public static func refusal(_ entry: StaffEntry, today: Day) -> Localized? {
        for deputyship in entry.deputyOf ?? [] {
            if deputyship.department.trimmingCharacters(in: .whitespaces).isEmpty { return noDepartment }
            if deputyship.until < today { return endedAlready(deputyship.until) }
        }
        return nil
    }

    // MARK: Wording

    static let noDepartment = Localized(
        "代理する課を入力してください（--deputy-of 総務課）。", "Name the 課 to stand in for (--deputy-of 総務課).")
    static func endedAlready(_ until: Day) -> Localized {
        Localized(
            "代理の期限 \(JapaneseDate.wareki(until)) はもう過ぎています。今日以降の日を指定してください。",
            "The deputyship's last day, \(JapaneseDate.english(until)), has passed; give today or a later day.")
    }

    /// A deputyship as the directory shows it.
    public static func describe(_ deputyship: Deputyship, today: Day) -> Localized {
        let ended = deputyship.until < today
        return Localized(
            "\(deputyship.department)の代理（\(JapaneseDate.wareki(deputyship.until))まで\(ended ? "・終了" : "")）",
            "deputy for \(deputyship.department) (until \(JapaneseDate.english(deputyship.until))\(ended ? ", ended" : ""))")
    }

    /// The same, short enough for the directory's table.
    public static func cell(_ deputyship: Deputyship, today: Day) -> Localized {
        let ja = Ledger.shortDate(deputyship.until, .ja), en = Ledger.shortDate(deputyship.until, .en)
        return deputyship.until < today
            ? Localized("\(deputyship.department)（\(ja)で終了）", "\(deputyship.department) (ended \(en))")
            : Localized("\(deputyship.department)（\(ja)まで）", "\(deputyship.department) (until \(en))")
    }
}

extension StaffMember {
    /// The 課 this person is 利用責任者 of on `day`: their own, and those they stand in for.
    public func reviewerOf(on day: Day) -> [String] {
        let standing = deputyOf.filter { day <= $0.until }.map(\.department).filter { !reviews($0) }
        return reviewerOf + standing
    }

    /// This person with the roles they hold on `day`: what every rule about who may act reads.
    /// Never written back: the directory keeps standing roles and deputyships apart.
    public func acting(on day: Day) -> StaffMember {
        // Most people stand in for nobody; the whole directory is read this way for every act.
        guard !deputyOf.isEmpty else { return self }
        var acting = self
        acting.reviewerOf = reviewerOf(on: day)
        return acting
    }
}

/// The store as of the day of an act: every member with the roles they hold that day. `Decide`
/// reads through it for every act but a change to the directory itself, which must see (and
/// keep) standing roles and deputyships apart.
struct ActingDirectory: LedgerState {
    let state: any LedgerState
    let day: Day

    func application(_ id: Int64) throws -> ApplicationRecord? { try state.application(id) }
    func staffMember(_ login: String) throws -> StaffMember? { try state.staffMember(login)?.acting(on: day) }
    func directory() throws -> [StaffMember] { try state.directory().map { $0.acting(on: day) } }
    func alert(_ id: Int64) throws -> Alert? { try state.alert(id) }
    func servicesInUse(where concerns: (_ provider: String, _ service: String) -> Bool) throws -> [ApplicationRecord] {
        try state.servicesInUse(where: concerns)
    }
    func counters() throws -> IDCounters { try state.counters() }
    func procedures() throws -> ProcedureBook { try state.procedures() }
    func procedureVersion(of application: Int64) throws -> String? { try state.procedureVersion(of: application) }
    func wasErased(_ application: Int64) -> Bool { state.wasErased(application) }
}

extension Array where Element == StaffMember {
    /// The directory with the roles each person holds on `day`.
    public func acting(on day: Day) -> [StaffMember] { map { $0.acting(on: day) } }
}
