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
    public init(uri: String, workingDirectory: String, clock: any Clock, cacheFolder: String, keyRing: KeyRing?,
                attachmentLimit: Int64 = FileVault.defaultSizeLimit) throws {
        let link = try PostgresLink(uri: uri)
        address = link.address
        let applied = try ServerMigrator.appliedNames(link)
        try ServerMigrator.refuseNewer(applied)
        let missing = ServerSchema.migrations.map(\.name).filter { !applied.contains($0) }
        if !missing.isEmpty { throw StoreError.unavailable(ServerText.notInitialised(link.address, missing: missing)) }
        login = try link.sessionUser()
        let database = PostgresDatabase(link)
        let cache = FileVault(
            folder: cacheFolder, workingDirectory: workingDirectory, clock: clock, sizeLimit: attachmentLimit)
        super.init(
            database: database, vault: ServerVault(database: database, cache: cache), keys: ServerKeys(),
            keyRing: keyRing, clock: clock)
    }
}
