import Foundation

/// Where a store keeps its copies of attachments: a folder beside a SQLite file (`FileVault`),
/// or a table of the server's (`ServerVault`).
protocol AttachmentVault: AttachmentIntake {
    /// A path of this computer where the copy can be opened.
    func storedPath(of attachment: Attachment) -> String
    /// What `audit verify` finds wrong with the copies: one changed, or one a record names missing.
    func findings(referenced: [String], _ db: any SQLSession) throws -> [AuditFinding]
    /// Removes the copy of a content no record names any more, once the purge that freed it
    /// has committed.
    func remove(_ sha256: String) throws
    /// The hashes of every content it holds, whether a record names it or a draft does.
    func heldContents(_ db: any SQLSession) throws -> [String]
    /// A content's bytes as held, nil when there is no readable copy.
    func content(of sha256: String, _ db: any SQLSession) throws -> Data?
    /// Keeps a content copied from another store (`StoreCopy`), in the copy's transaction where
    /// the vault is a table, under `fileExtension` where the vault keeps one.
    func keepCopy(_ content: Data, sha256: String, fileExtension: String, _ db: any SQLSession) throws
}
