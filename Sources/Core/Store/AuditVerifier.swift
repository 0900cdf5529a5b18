import Crypto
import Foundation
import GRDB

/// The head of the log a person saw last time, kept in their own state folder.
public struct LogHead: Codable, Equatable, Sendable {
    public let sequence: Int64
    public let hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
}

/// Checks a store against its log, in one read transaction: the chain, every signature and the
/// key behind it, every record row against the last entry that wrote it, the rules of the
/// procedure on every signed change, the attachments, and the head the person saw before.
struct AuditVerifier {
    let keys: KeyFolder
    let vault: FileVault
    let accounts: Accounts
    let remembered: LogHead?

    func verify(_ db: Database) throws -> AuditReport {
        let entries = try AuditTrail.entries(db)
        var report = AuditReport(entries: entries.count)
        report.findings += chainFindings(db, entries)
        let registry = keyRegistry(entries, &report)
        report.findings += signatureFindings(entries, registry, &report)
        report.findings += bindingFindings(registry, &report)
        var replay = RecordReplay()
        for entry in entries where entry.signature != nil {
            guard let text = entry.detail, let detail = EntryDetail.decode(text) else { continue }
            report.findings += replay.apply(entry, detail.rows)
        }
        report.findings += try replay.compare(db)
        report.findings += try attachmentFindings(db)
        if let remembered, !entries.contains(where: { $0.sequence == remembered.sequence && $0.hash == remembered.hash }) {
            report.findings.append(AuditFinding(.headNotExtended(sequence: remembered.sequence, hash: remembered.hash), sequence: remembered.sequence, subject: "head"))
        }
        return report
    }

    func chainFindings(_ db: Database, _ entries: [AuditEntry]) -> [AuditFinding] {
        var previous = AuditTrail.genesis
        var expected: Int64 = 1
        for entry in entries {
            let recomputed = AuditTrail.digest(
                sequence: entry.sequence, at: entry.at, actor: entry.actor, action: entry.action,
                subject: entry.subject, detailDigest: entry.detailDigest, previous: entry.previousHash)
            if recomputed != entry.hash || entry.detail.map({ AuditTrail.sha256($0) != entry.detailDigest }) == true {
                return [AuditFinding(.contentChanged, sequence: entry.sequence, subject: entry.subject)]
            }
            if entry.previousHash != previous || entry.sequence != expected {
                return [AuditFinding(.chainBroken, sequence: entry.sequence, subject: entry.subject)]
            }
            previous = entry.hash
            expected += 1
        }
        let head = try? Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_head WHERE id = 1")
        let headSequence: Int64 = head?["sequence"] ?? 0
        let headHash: String = head?["hash"] ?? AuditTrail.genesis
        if headSequence != expected - 1 || headHash != previous {
            return [AuditFinding(.truncated, sequence: expected, subject: "audit_head")]
        }
        return []
    }

    /// The first key each login entered, signed by that key itself.
    func keyRegistry(_ entries: [AuditEntry], _ report: inout AuditReport) -> [String: String] {
        var registry: [String: String] = [:]
        for entry in entries where entry.action == AuditTrail.keyAction {
            guard let text = entry.detail, let key = EntryDetail.decode(text)?.publicKey, entry.subject == "key/\(entry.actor)",
                  let signature = entry.signature, Signer.verify(signature, of: entry.hash, publicKey: key) else {
                report.findings.append(AuditFinding(.badSignature, sequence: entry.sequence, subject: entry.subject))
                continue
            }
            if let known = registry[entry.actor], known != key {
                report.findings.append(AuditFinding(.secondKey, sequence: entry.sequence, subject: entry.actor))
                continue
            }
            registry[entry.actor] = key
        }
        return registry
    }

    func signatureFindings(_ entries: [AuditEntry], _ registry: [String: String], _ report: inout AuditReport) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        var signedSeen = false
        for entry in entries {
            guard let signature = entry.signature else {
                if signedSeen {
                    findings.append(AuditFinding(.unsigned, sequence: entry.sequence, subject: entry.subject))
                } else {
                    report.unsignedEntries += 1
                }
                continue
            }
            signedSeen = true
            guard let key = registry[entry.actor] else {
                findings.append(AuditFinding(.unknownSigner, sequence: entry.sequence, subject: entry.actor))
                continue
            }
            if !Signer.verify(signature, of: entry.hash, publicKey: key) {
                findings.append(AuditFinding(.badSignature, sequence: entry.sequence, subject: entry.subject))
            }
        }
        return findings
    }

    func bindingFindings(_ registry: [String: String], _ report: inout AuditReport) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for (login, key) in registry.sorted(by: { $0.key < $1.key }) {
            let published = try? keys.read(login)
            guard published == key else {
                findings.append(AuditFinding(.keyFile(published == nil ? .missing : .notAFile), sequence: nil, subject: keys.file(login)))
                continue
            }
            switch keys.binding(of: login, accounts: accounts) {
            case .bound: break
            case .noSuchAccount: report.unboundLogins.append(login)
            case let binding: findings.append(AuditFinding(.keyFile(binding), sequence: nil, subject: keys.file(login)))
            }
        }
        return findings
    }

    /// Every stored file must still have the hash it is named by, and every attachment row its file.
    func attachmentFindings(_ db: Database) throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        let manager = FileManager.default
        if let shards = try? manager.contentsOfDirectory(atPath: vault.folder) {
            for shard in shards.sorted() where !shard.hasPrefix(".") {
                for name in ((try? manager.contentsOfDirectory(atPath: vault.folder + "/" + shard)) ?? []).sorted() where !name.hasPrefix(".") {
                    let path = vault.folder + "/" + shard + "/" + name
                    if FileVault.sha256(ofFileAt: path) != name {
                        findings.append(AuditFinding(.attachmentChanged, sequence: nil, subject: path))
                    }
                }
            }
        }
        for sha in try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM application_attachment ORDER BY sha256") {
            if !manager.fileExists(atPath: vault.path(of: sha)) {
                findings.append(AuditFinding(.attachmentMissing, sequence: nil, subject: vault.path(of: sha)))
            }
        }
        return findings
    }
}

extension FileVault {
    /// The SHA-256 of a file, read in pieces so that a large attachment needs little memory.
    static func sha256(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
