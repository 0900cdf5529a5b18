/// Someone in the store's staff directory. Being listed is what lets a person review:
/// anyone may apply, but only a listed 利用責任者 of a 課 may double-check its applications.
public struct StaffMember: Sendable, Codable, Hashable {
    public let login: String
    public var name: String
    public var department: String
    /// Maintains the directory.
    public var isAdministrator: Bool
    /// The 課 this person is 利用責任者 (情報セキュリティ管理者) for.
    public var reviewerOf: [String]
    /// Where `yakkan remind` mails what waits for this person, and in which language.
    public var mail: String?
    public var mailLanguage: Language?
    /// The 課 this person stands in for as 利用責任者 (代理), each until a day (Deputies.swift).
    public var deputyOf: [Deputyship]

    public init(
        login: String, name: String, department: String, isAdministrator: Bool = false, reviewerOf: [String] = [],
        mail: String? = nil, mailLanguage: Language? = nil, deputyOf: [Deputyship] = []
    ) {
        self.deputyOf = deputyOf
        self.mail = mail
        self.mailLanguage = mailLanguage
        self.login = login
        self.name = name
        self.department = department
        self.isAdministrator = isAdministrator
        self.reviewerOf = reviewerOf
    }

    public func reviews(_ department: String) -> Bool {
        reviewerOf.contains { Names.same($0, department) }
    }

    enum CodingKeys: String, CodingKey { case login, name, department, isAdministrator, reviewerOf, mail, mailLanguage, deputyOf }

    // Entries and events signed before deputies existed have no `deputyOf`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        login = try container.decode(String.self, forKey: .login)
        name = try container.decode(String.self, forKey: .name)
        department = try container.decode(String.self, forKey: .department)
        isAdministrator = try container.decode(Bool.self, forKey: .isAdministrator)
        reviewerOf = try container.decode([String].self, forKey: .reviewerOf)
        mail = try container.decodeIfPresent(String.self, forKey: .mail)
        mailLanguage = try container.decodeIfPresent(Language.self, forKey: .mailLanguage)
        deputyOf = try container.decodeIfPresent([Deputyship].self, forKey: .deputyOf) ?? []
    }
}

/// Names typed by people differ in spaces and width; these compare them as people would.
public enum Names {
    public static func normalised(_ name: String) -> String {
        InputLine.halfwidthASCII(name).unicodeScalars
            .filter { !$0.properties.isWhitespace }
            .map(String.init).joined().lowercased()
    }

    public static func same(_ a: String, _ b: String) -> Bool {
        let left = normalised(a)
        return !left.isEmpty && left == normalised(b)
    }
}
