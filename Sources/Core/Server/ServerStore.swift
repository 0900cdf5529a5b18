import Crypto
import Foundation

/// The store on a PostgreSQL server, for staff on several PCs: the same transaction scripts as
/// the SQLite store's, on the server's executor. Who acts is the login the server
/// authenticated (`session_user`), never a name typed, a flag or a variable; the server's own
/// rules (ServerSchema) are the second lock behind Core's.
public final class ServerStore: SQLStore, @unchecked Sendable {
    /// The server's address as given, without a password.
    public let address: String
    /// Who the server says is at the keyboard.
    public let login: String

    /// Opens a database made by `yakkan store init` (its owner migrates it; staff cannot).
    /// `cacheFolder` keeps this person's copies of attachments on this computer; `keyRing`
    /// signs as `login` only.
    public convenience init(uri: String, workingDirectory: String, clock: any Clock, cacheFolder: String, keyRing: KeyRing?,
                            attachmentLimit: Int64 = FileVault.defaultSizeLimit) throws {
        let link = try Self.connect(uri)
        try self.init(
            link: link, login: try link.sessionUser(), workingDirectory: workingDirectory, clock: clock,
            cacheFolder: cacheFolder, keyRing: keyRing, attachmentLimit: attachmentLimit)
    }

    /// Opens the store as the person the server authenticates: their keys in their own data
    /// folder, under the login the server names (`KeyRing.onServer`), and their copies of attachments in their own
    /// cache folder, one per server (`cacheFolder(for:environment:)`).
    /// A demo plays several people: `keyRing` gives its key ring for the login the server names,
    /// and `writingForOthers` asks the server to let the tables' owner write their decisions
    /// and keys (ServerSchema.storeTrust; for anyone else it changes nothing).
    public convenience init(uri: String, personalFolders environment: [String: String], workingDirectory: String,
                            clock: any Clock, attachmentLimit: Int64 = FileVault.defaultSizeLimit,
                            keyRing: ((_ login: String, _ address: String) -> KeyRing)? = nil, writingForOthers: Bool = false) throws {
        let link = try Self.connect(uri)
        let login = try link.sessionUser()
        if writingForOthers { try link.setForSession("SET yakkan.owner_writes_for_others = on") }
        try self.init(
            link: link, login: login, workingDirectory: workingDirectory, clock: clock,
            cacheFolder: try Self.cacheFolder(for: link.address, environment: environment),
            keyRing: keyRing?(login, link.address) ?? KeyRing.onServer(link.address, login: login, environment: environment),
            attachmentLimit: attachmentLimit)
    }

    init(link: PostgresLink, login: String, workingDirectory: String, clock: any Clock, cacheFolder: String, keyRing: KeyRing?,
         attachmentLimit: Int64) throws {
        address = link.address
        self.login = login
        let database = PostgresDatabase(link)
        let cache = FileVault(
            folder: cacheFolder, workingDirectory: workingDirectory, clock: clock, sizeLimit: attachmentLimit)
        super.init(
            database: database, vault: ServerVault(database: database, cache: cache), keys: ServerKeys(),
            keyRing: keyRing, clock: clock)
    }

    /// A connection to a database whose schema is complete; a newer one is refused untouched.
    private static func connect(_ uri: String) throws -> PostgresLink {
        let link = try PostgresLink(uri: uri)
        let applied = try ServerMigrator.appliedNames(link)
        try ServerMigrator.refuseNewer(applied)
        let missing = ServerSchema.migrations.map(\.name).filter { !applied.contains($0) }
        if !missing.isEmpty { throw StoreError.unavailable(ServerText.notInitialised(link.address, missing: missing)) }
        return link
    }

    /// The server authenticates; the operating system's login does not count here.
    public override var authenticatedLogin: String? { login }

    /// The directory's logins are the server's roles: when the acting login may create roles,
    /// a member's role and group are made in the same transaction as the entry.
    /// The login's role follows the directory in the same transaction: directly for a role
    /// that may create roles (the tables' owner writing the demo or a copy), else through pg7's
    /// narrow function for an administrator; otherwise `loginRoleLeft` gives the SQL for IT staff.
    override func directoryChanged(_ login: String, to member: StaffMember?, _ db: any SQLSession) throws {
        guard !ServerRoles.agrees(try ServerRoles.standing(of: login, db), with: member) else { return }
        if try ServerRoles.mayManageRoles(db) {
            _ = try db.execute(sql: ServerRoles.bringInLine(login, with: member))
        } else if try ServerRoles.mayFollowDirectory(db) {
            _ = try db.value(Bool.self, sql: "SELECT yakkan_follow_directory(?)", arguments: [login])
        }
    }

    public override func loginRoleLeft(for login: String) throws -> String? {
        let member = try staffMember(login: login)
        let standing = try database.read { db in try ServerRoles.standing(of: login, db) }
        return ServerRoles.agrees(standing, with: member) ? nil : ServerRoles.bringInLine(login, with: member)
    }

    /// Whether the login acting owns yakkan's tables (whoever ran `store init`).
    public func ownsTheTables() throws -> Bool {
        try database.read { db in
            try db.value(Bool.self, sql: "SELECT session_user = tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit'")
        } ?? false
    }

    /// A server keeps its own pages: SQLite's integrity check has nothing to look at here.
    public override func integrityCheck() throws -> [String]? { nil }

    /// This person's copies of a server's attachments: in their own cache folder, one folder
    /// per server address (hashed: an address holds characters a file name should not),
    /// readable by them alone.
    public static func cacheFolder(for address: String, environment: [String: String]) throws -> String {
        let folder = PersonalFolder.cache(environment) + "/servers/" + ServerAddress.fingerprint(address)
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(folder, 0o700)
        return folder
    }
}

extension ServerAddress {
    /// A name for the database an address points to that fits in a file name: the SHA-256 of the
    /// address without who connects (user, password), so that every login of one person on
    /// one database finds the same folders.
    public static func fingerprint(_ address: String) -> String {
        SHA256.hash(data: Data(withoutLogin(address).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The address without its user part (`user:password@`) and its `user=` and `password=`
    /// parameters.
    static func withoutLogin(_ address: String) -> String {
        var text = address
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            if let at = rest[..<hostEnd].lastIndex(of: "@") { text.removeSubrange(scheme.upperBound...at) }
        }
        text = text.replacingOccurrences(of: #"(?<=[?&])(user|password)=[^&]*&?"#, with: "", options: .regularExpression)
        while text.hasSuffix("&") || text.hasSuffix("?") { text.removeLast() }
        return text
    }
}
