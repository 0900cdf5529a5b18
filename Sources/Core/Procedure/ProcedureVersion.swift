/// Which revision of the village's procedure (手順書) a form followed. The procedure has a
/// revision history of its own; every application records the version it was made under.
public struct ProcedureVersion: Sendable, Hashable {
    public let version: String
    public let enacted: Day
    public let reason: Localized

    public static let current = ProcedureVersion(
        version: "1.0",
        enacted: Day(year: 2017, month: 11, day: 30)!,
        reason: Localized("新規制定", "first enacted"))

    public init(version: String, enacted: Day, reason: Localized) {
        self.version = version
        self.enacted = enacted
        self.reason = reason
    }
}
