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
}
