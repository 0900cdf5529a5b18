/// How the procedure file says how often a duty is done.
public enum DutyInterval {
    static let table: [(String, DutySchedule.Cadence?)] = [
        ("weekly", .week), ("monthly", .month), ("quarterly", .fiscalQuarter),
        ("half-yearly", .fiscalHalf), ("yearly", .fiscalYear), ("as needed", nil),
    ]
    public static var words: [String] { table.map(\.0) }

    /// The cadence of a word; `.some(nil)` for a duty kept as needed, nil when unreadable.
    static func cadence(_ word: String) -> DutySchedule.Cadence?? {
        table.first { $0.0 == word.lowercased() }.map(\.1)
    }

    public static func word(_ cadence: DutySchedule.Cadence?) -> String {
        table.first { $0.1 == cadence }?.0 ?? "as needed"
    }
}

/// A period written as "3 years" or "36 months", in months.
enum WrittenPeriod {
    static func months(_ text: String) -> Int? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
        switch parts[1] {
        case "year", "years": return count * 12
        case "month", "months": return count
        default: return nil
        }
    }

    /// 「3年」 / "3 years", or 「18か月」 / "18 months".
    static func said(months: Int) -> Localized {
        months % 12 == 0 ? Localized("\(months / 12)年", "\(months / 12) years") : Localized("\(months)か月", "\(months) months")
    }
}
