/// Which revision of the village's procedure (手順書) a form followed. The procedure has a
/// revision history of its own; every application records the version it was made under.
public struct ProcedureVersion: Sendable, Hashable {
    public let version: String
    public let enacted: Day
    public let reason: Localized

    public init(version: String, enacted: Day, reason: Localized) {
        self.version = version
        self.enacted = enacted
        self.reason = reason
    }
}
