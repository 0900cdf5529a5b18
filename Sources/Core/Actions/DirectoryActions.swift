/// Changes to the staff directory, as an administrator types them: who may make them, and the
/// entry they leave. The store asks here inside the transaction that writes the entry.
public enum DirectoryActions {
    /// The new entry. The first person of an empty directory becomes its administrator.
    public static func adding(_ entry: StaffEntry, by actor: String, directory: [StaffMember]) throws -> StaffMember {
        try check(actor: actor, target: entry.login, directory: directory)
        try checkMail(entry)
        if directory.contains(where: { $0.login == entry.login }) {
            throw StoreError.refused([Localized(
                "\(entry.login) はすでに名簿にあります。変更は yakkan staff set-role で行います。",
                "\(entry.login) is already in the directory; use yakkan staff set-role to change it.")])
        }
        return StaffMember(
            login: entry.login, name: entry.name ?? entry.login, department: entry.department ?? "",
            isAdministrator: directory.isEmpty || entry.administrator == true, reviewerOf: Array(Set(entry.reviewerOf ?? [])).sorted(),
            mail: entry.mail, mailLanguage: entry.mailLanguage, deputyOf: Deputies.normalised(entry.deputyOf ?? []))
    }

    /// The listed entry with what was given changed; what was not given stays.
    public static func updating(_ entry: StaffEntry, by actor: String, directory: [StaffMember]) throws -> StaffMember {
        try check(actor: actor, target: entry.login, directory: directory)
        try checkMail(entry)
        guard var member = directory.first(where: { $0.login == entry.login }) else { throw StoreError.refused([StaffText.notListed(entry.login)]) }
        if let name = entry.name { member.name = name }
        if let department = entry.department { member.department = department }
        if let administrator = entry.administrator { member.isAdministrator = administrator }
        if let reviewerOf = entry.reviewerOf { member.reviewerOf = Array(Set(reviewerOf)).sorted() }
        if let mail = entry.mail { member.mail = mail }
        if let language = entry.mailLanguage { member.mailLanguage = language }
        if entry.removesMail { (member.mail, member.mailLanguage) = (nil, nil) }
        if let deputyOf = entry.deputyOf { member.deputyOf = Deputies.normalised(deputyOf) }
        return member
    }

    /// The entry to remove. The last administrator always stays: only another administrator
    /// may remove them, and nobody removes themselves.
    public static func removing(_ login: String, by actor: String, directory: [StaffMember]) throws -> StaffMember {
        try check(actor: actor, target: login, directory: directory)
        guard let member = directory.first(where: { $0.login == login }) else { throw StoreError.refused([StaffText.notListed(login)]) }
        return member
    }

    private static func checkMail(_ entry: StaffEntry) throws {
        if let mail = entry.mail, let refusal = DirectoryRules.mailRefusal(mail) { throw StoreError.refused([refusal]) }
    }

    private static func check(actor: String, target: String, directory: [StaffMember]) throws {
        let actorMember = directory.first { $0.login == actor }
        if let reason = DirectoryRules.refusal(actor: actor, actorMember: actorMember, directoryIsEmpty: directory.isEmpty, target: target) {
            throw StoreError.refused([reason])
        }
    }
}

/// A directory entry as typed: what is nil was not given (an update leaves it as it was).
public struct StaffEntry: Sendable, Equatable, Codable {
    public var login: String
    public var name: String?
    public var department: String?
    public var administrator: Bool?
    public var reviewerOf: [String]?
    /// Where `remind` mails this person, and in which language.
    public var mail: String?
    public var mailLanguage: Language?
    /// The address is taken off (an update only).
    public var removesMail: Bool
    /// The 課 this person stands in for, each until a day; empty ends every one.
    public var deputyOf: [Deputyship]?

    public init(
        login: String, name: String? = nil, department: String? = nil, administrator: Bool? = nil, reviewerOf: [String]? = nil,
        mail: String? = nil, mailLanguage: Language? = nil, removesMail: Bool = false, deputyOf: [Deputyship]? = nil
    ) {
        self.deputyOf = deputyOf
        self.login = login
        self.name = name
        self.department = department
        self.administrator = administrator
        self.reviewerOf = reviewerOf
        self.mail = mail
        self.mailLanguage = mailLanguage
        self.removesMail = removesMail
    }

    public init(_ member: StaffMember) {
        self.init(login: member.login, name: member.name, department: member.department,
                  administrator: member.isAdministrator, reviewerOf: member.reviewerOf,
                  mail: member.mail, mailLanguage: member.mailLanguage, deputyOf: member.deputyOf)
    }
}
