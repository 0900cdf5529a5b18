import Foundation
import GRDB

/// The store in one SQLite file (WAL), shared by everyone who can open it.
public final class SQLiteStore: SQLStore, @unchecked Sendable {
    public let path: String
    let pool: DatabasePool
    /// The folder of attachments beside the file.
    public let fileVault: FileVault

    /// Opens the store at `path` and brings its schema up to date; see SQLiteStore+Opening.
    /// `.readOnly` never creates or changes anything and never waits for a writer.
    /// A missing folder is made only when `createFolder` says so (the default location, or
    /// `yakkan store init`); a mistyped path must not quietly become a new empty store.
    /// Whatever is recorded is signed with keys from `keyRing`; without one, nothing can be.
    public init(
        path: String, workingDirectory: String, clock: any Clock, keyRing: KeyRing? = nil, access: StoreAccess = .readWrite,
        createFolder: Bool = true, attachmentLimit: Int64 = FileVault.defaultSizeLimit
    ) throws {
        self.path = path
        let opened = try Self.open(path, access: access, createFolder: createFolder)
        pool = opened.pool
        fileVault = FileVault(
            folder: Self.attachmentFolder(for: path), workingDirectory: workingDirectory, clock: clock,
            fileMode: opened.shared ? 0o660 : 0o600, folderMode: opened.shared ? 0o2770 : 0o700, sizeLimit: attachmentLimit)
        super.init(
            database: GRDBDatabase(pool: opened.pool), vault: fileVault,
            keys: KeyFolder(storePath: path, shared: opened.shared), keyRing: keyRing, clock: clock)
    }

    /// SQLite's own check of every page and index; empty when the file is sound. The audit
    /// chain proves no entry was changed, not that the file around it is whole.
    public override func integrityCheck() throws -> [String]? {
        do {
            let found = try database.read { db in try db.values(String.self, sql: "PRAGMA integrity_check") }
            return found == ["ok"] ? [] : found
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // So damaged that the check itself cannot run: that is its finding.
            return [error.message ?? "\(error.resultCode)"]
        }
    }

    public static func attachmentFolder(for path: String) -> String {
        path + ".files"
    }
}
