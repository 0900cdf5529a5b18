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

    /// The member the typed words name: by login, full name (with 課 or login to tell two of a
    /// name apart), or as colleagues say it: the family name alone, with 課長 or さん, in
    /// either width. Several who fit are returned for the person to choose from.
    public func find(_ typed: String) -> Found {
        let key = Self.key(typed)
        guard !key.isEmpty else { return .none }
        let whole = find(key: key)
        if whole != .none { return whole }
        let bare = Self.withoutTitles(key)
        if bare != key, !bare.isEmpty {
            let titled = find(key: bare)
            if titled != .none { return titled }
        }
        guard !bare.isEmpty else { return .none }
        // A part of the name (木村 of 木村 浩), or its beginning when written without a space.
        let fitting = staff.filter { member in
            Self.nameParts(member).contains(bare) || (bare.count >= 2 && Self.key(member.name).hasPrefix(bare))
        }
        switch fitting.count {
        case 0: return .none
        case 1: return .one(fitting[0])
        default: return .several(fitting)
        }
    }

    /// Titles and honorifics people put after a name, longest first: 木村課長さん is 木村.
    static let titles = [
        "課長補佐", "副村長", "副町長", "副市長", "課長", "部長", "次長", "室長", "所長", "局長", "係長", "班長", "主任", "主査", "主事",
        "参事", "補佐", "村長", "町長", "市長", "先生", "さん", "さま", "ちゃん", "くん", "様", "殿", "氏", "君",
    ]

    static func withoutTitles(_ key: String) -> String {
        var rest = key
        var changed = true
        while changed {
            changed = false
            for title in titles where rest.hasSuffix(title) && rest.count > title.count {
                rest = String(rest.dropLast(title.count))
                changed = true
                break
            }
        }
        return rest
    }

    /// The parts of a member's name as written with a space (family and given name).
    static func nameParts(_ member: StaffMember) -> Set<String> {
        Set(member.name.split(whereSeparator: { $0.isWhitespace }).map { key(String($0)) }.filter { !$0.isEmpty })
    }

    private func find(key: String) -> Found {
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
        // NFKC first: half-width katakana (ｷﾑﾗ) become full width, as the directory has them.
        return String(Names.normalised(text.precomposedStringWithCompatibilityMapping).filter { !ignored.contains($0) })
    }
}
