import Foundation

/// Attachments of a store on a server, kept in its table `attachment_content` so that every PC
/// sees the same copies. A file is first copied into this person's cache folder, hashed as it
/// is read (with every check of `FileVault`), then sent to the server; a copy another PC sent is
/// fetched into the cache when someone opens it.
struct ServerVault: AttachmentVault {
    let database: any SQLDatabase
    /// This person's copies, on this computer.
    let cache: FileVault

    func ingest(path: String) -> Result<Attachment, AttachmentProblem> {
        let ingested = cache.ingest(path: path)
        guard case .success(let attachment) = ingested else { return ingested }
        let copy = cache.storedPath(of: attachment)
        guard let content = FileManager.default.contents(atPath: copy) else { return .failure(.unreadable(path: path)) }
        do {
            _ = try database.write { db in
                try db.execute(
                    sql: "INSERT INTO attachment_content (sha256, content) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    arguments: [attachment.sha256, content])
            }
        } catch {
            return .failure(.unreadable(path: path))
        }
        return ingested
    }

    /// The copy in this person's cache, fetched from the server the first time.
    func storedPath(of attachment: Attachment) -> String {
        let local = cache.storedPath(of: attachment)
        if !cache.copies(of: attachment.sha256).isEmpty { return local }
        let fetched = try? database.read { db in
            try db.row(sql: "SELECT content FROM attachment_content WHERE sha256 = ?", arguments: [attachment.sha256])?.values.first
        }
        guard case .blob(let content)? = fetched else { return local }
        let folder = FileManager.default.temporaryDirectory.path + "/yakkan-attachment-\(UUID().uuidString)"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return local }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/" + attachment.fileName.replacingOccurrences(of: "/", with: "_")
        guard FileManager.default.createFile(atPath: file, contents: content, attributes: [.posixPermissions: 0o600]),
            case .success = cache.ingest(path: file)
        else { return local }
        return cache.storedPath(of: attachment)
    }

    /// A content the server holds under another hash, or one a record names that it lacks.
    func findings(referenced: [String], _ db: any SQLSession) throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        try db.each(sql: "SELECT sha256 FROM attachment_content WHERE sha256 <> encode(sha256(content), 'hex') ORDER BY sha256") { row in
            findings.append(AuditFinding(.attachmentChanged, sequence: nil, subject: "attachment_content/" + (row["sha256"] as String)))
        }
        let held = Set(try db.values(String.self, sql: "SELECT sha256 FROM attachment_content"))
        for sha in referenced where !held.contains(sha) {
            findings.append(AuditFinding(.attachmentMissing, sequence: nil, subject: "attachment_content/" + sha))
        }
        return findings
    }

    func heldContents(_ db: any SQLSession) throws -> [String] {
        try db.values(String.self, sql: "SELECT sha256 FROM attachment_content ORDER BY sha256")
    }

    func content(of sha256: String, _ db: any SQLSession) throws -> Data? {
        guard case .blob(let content)? = try db.row(
            sql: "SELECT content FROM attachment_content WHERE sha256 = ?", arguments: [sha256])?.values.first
        else { return nil }
        return content
    }

    /// The server checks the hash itself (`content_has_its_hash`).
    func keepCopy(_ content: Data, sha256: String, fileExtension: String, _ db: any SQLSession) throws {
        try db.execute(sql: "INSERT INTO attachment_content (sha256, content) VALUES (?, ?)", arguments: [sha256, content])
    }

    func remove(_ sha256: String) throws {
        _ = try database.write { db in try db.execute(sql: "DELETE FROM attachment_content WHERE sha256 = ?", arguments: [sha256]) }
        try cache.remove(sha256)
    }
}
