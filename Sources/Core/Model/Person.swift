/// A member of staff as the store knows them: the operating-system login is who they are;
/// name and 課 are what they told yakkan the first time.
public struct Person: Sendable, Codable, Hashable {
    public let login: String
    public var name: String
    public var department: String

    public init(login: String, name: String, department: String) {
        self.login = login
        self.name = name
        self.department = department
    }
}
