/// Who is at the keyboard, as the procedure's rules need to know them: the login is who they
/// are; the directory says what they may do; a remembered profile only fills in their name.
public struct Actor: Sendable {
    public let login: String
    public let name: String?
    public let member: StaffMember?
    /// The name and 課 this person gave the first time they applied, if they did.
    public let profile: Person?

    public init(login: String, name: String?, member: StaffMember?, profile: Person? = nil) {
        self.login = login
        self.name = name
        self.member = member
        self.profile = profile
    }

    /// Reads what the store knows of `login`, with the roles they hold on `day`.
    public static func of(login: String, in store: any Store, on day: Day) throws -> Actor {
        let member = try store.staffMember(login: login)?.acting(on: day)
        let profile = try store.person(login: login)
        return Actor(login: login, name: member?.name ?? profile?.name, member: member, profile: profile)
    }

    /// The applicant's name and 課 to offer as defaults: what they said before, else the directory.
    public var applicantDefaults: Person? {
        profile ?? member.map { Person(login: $0.login, name: $0.name, department: $0.department) }
    }

    /// How the actor signs a form of their own (the termination form's defaults).
    public var signature: Person? {
        name.map { Person(login: login, name: $0, department: member?.department ?? "") }
    }

    /// The profile to remember once an application names its applicant and 課, the first time
    /// only; nil when there is nothing new to keep.
    public func profileToRemember(from answers: Answers) -> Person? {
        guard profile == nil,
              let name = answers[ApplicationFields.applicant]?.text,
              let department = answers[ApplicationFields.department]?.text
        else { return nil }
        return Person(login: login, name: name, department: department)
    }

    public func remembering(_ profile: Person) -> Actor {
        Actor(login: login, name: name ?? profile.name, member: member, profile: profile)
    }

    /// The services this person keeps or oversees, in the statuses that can ask something of them.
    public var involvedServices: LedgerFilter {
        var filter = LedgerFilter()
        filter.involving = Involvement(login: login, departments: member?.reviewerOf ?? [])
        filter.statuses = [.submitted, .approved, .inUse, .stopped]
        return filter
    }

    /// The services in use or stopped whose duties this person keeps or oversees.
    public func keptServices(_ records: [ApplicationRecord]) -> [ApplicationRecord] {
        records.filter { ($0.status == .inUse || $0.status == .stopped) && keepsOrOversees($0) }
    }

    /// Whether the service is one whose duties this person keeps or oversees.
    public func keepsOrOversees(_ application: ApplicationRecord) -> Bool {
        DutyRules.mayRecord(login: login, member: member, application: application) == nil
    }
}
