import Foundation

extension FileVault: AttachmentVault {
    /// Every stored file must still have the hash it is named by (whatever its extension), and
    /// every attachment row its file.
    func findings(referenced: [String], _ db: any SQLSession) throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        let manager = FileManager.default
        // A link planted as the folder or a shard would have verify vouch for files kept elsewhere.
        if StoreFiles.isSymbolicLink(folder) {
            return [AuditFinding(.attachmentChanged, sequence: nil, subject: folder)]
        }
        if let shards = try? manager.contentsOfDirectory(atPath: folder) {
            for shard in shards.sorted() where !shard.hasPrefix(".") {
                if StoreFiles.kind(folder + "/" + shard) != S_IFDIR {
                    findings.append(AuditFinding(.attachmentChanged, sequence: nil, subject: folder + "/" + shard))
                    continue
                }
                for name in ((try? manager.contentsOfDirectory(atPath: folder + "/" + shard)) ?? []).sorted() where !name.hasPrefix(".") {
                    let path = folder + "/" + shard + "/" + name
                    if FileVault.sha256(ofFileAt: path).map({ $0[...] }) != FileVault.digest(inName: name) {
                        findings.append(AuditFinding(.attachmentChanged, sequence: nil, subject: path))
                    }
                }
            }
        }
        for sha in referenced {
            if copies(of: sha).isEmpty {
                findings.append(AuditFinding(.attachmentMissing, sequence: nil, subject: path(of: sha)))
            }
        }
        return findings
    }

    func heldContents(_ db: any SQLSession) throws -> [String] {
        var held: Set<String> = []
        let manager = FileManager.default
        for shard in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where !shard.hasPrefix(".") {
            for name in (try? manager.contentsOfDirectory(atPath: folder + "/" + shard)) ?? [] where !name.hasPrefix(".") {
                held.insert(String(FileVault.digest(inName: name)))
            }
        }
        return held.sorted()
    }

    /// The first copy that is a regular file (never read through a link).
    func content(of sha256: String, _ db: any SQLSession) throws -> Data? {
        for copy in copies(of: sha256) where StoreFiles.kind(copy) == S_IFREG {
            if let content = FileManager.default.contents(atPath: copy) { return content }
        }
        return nil
    }

    /// Removes every copy of a content no record names any more.
    func remove(_ sha256: String) throws {
        for copy in copies(of: sha256) { unlink(copy) }
    }
}
