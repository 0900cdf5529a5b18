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

    public init(
        login: String, name: String, department: String, isAdministrator: Bool = false, reviewerOf: [String] = [],
        mail: String? = nil, mailLanguage: Language? = nil
    ) {
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
