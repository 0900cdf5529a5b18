/// Someone named on a form: the name as it is printed there and, when the staff directory
/// knows them, their login. Roles go with the login, never with the name.
public struct NamedPerson: Sendable, Codable, Hashable {
    public let name: String
    /// Nil for someone who is not in the directory (a user from outside, or a name written
    /// before names were chosen from the directory).
    public let login: String?

    public init(name: String, login: String?) {
        self.name = name
        self.login = login
    }

    public init(_ member: StaffMember) {
        self.init(name: member.name, login: member.login)
    }

    public var isListed: Bool { login != nil }
}

/// Finding the member of staff a person typed: by login, by name when only one has it, or by
/// name with 課 or login when several share it.
public struct StaffLookup: Sendable {
    public enum Found: Equatable, Sendable {
        case one(StaffMember)
        /// Several have that name: the typed words must also give the 課 or the login.
        case several([StaffMember])
        case none
    }

    public let staff: [StaffMember]

    public init(_ staff: [StaffMember]) { self.staff = staff }

    public func find(_ typed: String) -> Found {
        let key = Self.key(typed)
        guard !key.isEmpty else { return .none }
        if let byLogin = staff.first(where: { Self.key($0.login) == key }) { return .one(byLogin) }
        let exact = staff.filter { member in Self.spellings(member).contains(key) }
        if exact.count == 1 { return .one(exact[0]) }
        let sameName = staff.filter { Self.key($0.name) == key }
        return sameName.count > 1 ? .several(sameName) : .none
    }

    /// 「山田 太郎（yamada, 総務課）」: how a member is told apart from another of the same name.
    public static func label(_ member: StaffMember, _ language: Language) -> String {
        language == .ja ? "\(member.name)（\(member.login), \(member.department)）" : "\(member.name) (\(member.login), \(member.department))"
    }

    /// The directory as the help of a question lists it, the first few by 課 and name.
    public func listing(_ language: Language, atMost limit: Int = 30) -> String? {
        guard !staff.isEmpty else { return nil }
        let sorted = staff.sorted { ($0.department, $0.name, $0.login) < ($1.department, $1.name, $1.login) }
        let shown = sorted.prefix(limit).map { Self.label($0, language) }
        let more = staff.count - shown.count
        return language == .ja
            ? "職員名簿：" + shown.joined(separator: "、") + (more > 0 ? "、ほか\(more)人（TAB で補完）" : "")
            : "Staff directory: " + shown.joined(separator: ", ") + (more > 0 ? ", and \(more) more (TAB completes)" : "")
    }

    /// What TAB offers: each name, or the full label where two people share a name, and logins.
    public func completions(_ language: Language) -> [String] {
        let names = staff.map { member in
            staff.filter { Names.same($0.name, member.name) }.count > 1 ? Self.label(member, language) : member.name
        }
        return Array(Set(names + staff.map(\.login))).sorted()
    }

    /// Every way of writing one member that names them alone: name with 課, with login, or both.
    static func spellings(_ member: StaffMember) -> Set<String> {
        let name = key(member.name), login = key(member.login), department = key(member.department)
        return [name, name + department, department + name, name + login, name + login + department, name + department + login]
    }

    /// Typed words without spaces, brackets or separators, in half-width lower case.
    static func key(_ text: String) -> String {
        let ignored = Set("()（）[]［］「」<>＜＞,、，・/／:：")
        return String(Names.normalised(text).filter { !ignored.contains($0) })
    }
}
