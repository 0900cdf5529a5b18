import Crypto
import Foundation

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
/// key behind it, every command decided again under the rules and projected again from the
/// first (`Rebuild`), every table compared with what that made, the attachments, and the head
/// the person saw before.
///
/// With a kept rebuild (`KeptRebuild`), a verify that finds nothing keeps what it rebuilt, and an
/// incremental one goes on from there: the entries appended since, and the rows of the services
/// they touched.
struct AuditVerifier {
    let keys: any KeyDirectory
    let vault: any AttachmentVault
    /// The moment of the verification, by the verifier's own clock.
    let now: Moment
    /// What the person asked for, and with what.
    let request: VerifyRequest

    var accounts: Accounts { request.accounts }
    var remembered: LogHead? { request.remembered }
    var progress: ((VerifyProgress) -> Void)? { request.progress }
    var kept: KeptRebuild? { request.kept }

    /// One pass over the log as a cursor, so that a log of millions of rows is never held whole.
    func verify(_ db: any SQLSession) throws -> AuditReport {
        guard let kept else { return try verifying(db) }
        return try kept.exclusively { try verifying(db) }
    }

    private func verifying(_ db: any SQLSession) throws -> AuditReport {
        var scope = AuditReport.Scope.whole
        var place: Rebuild.Place = kept.map { .keptAfresh($0) } ?? .scratch
        var start: VerifiedPoint?
        if request.incremental, let kept {
            switch kept.point(wholeEvery: request.wholeEvery, now: now) {
            case .success(let point):
                start = point
                place = .keptGoingOn(kept)
            case .failure(let why):
                scope = .wholeInstead(why)
            }
        }
        var after: Int64 = 0
        if let start {
            // The entry the kept rebuild reached must still be the log's own.
            guard let row = try db.value(Int64.self, sql: "SELECT rowid FROM audit WHERE sequence = ? AND hash = ?", arguments: [start.sequence, start.hash]) else {
                var report = AuditReport(entries: 0)
                report.scope = .appended(after: start.sequence, services: 0)
                report.findings = [AuditFinding(.headNotExtended(sequence: start.sequence, hash: start.hash), sequence: start.sequence, subject: "head")]
                return report
            }
            after = row
        }
        let rebuild = try Rebuild(place, erased: Set(start?.erased ?? []), comparesEveryRecord: request.comparesEveryRecord)
        return try rebuild.replaying {
            var report = AuditReport(entries: 0)
            report.scope = scope
            let keyEntries = try db.rows(sql: "SELECT * FROM audit WHERE action = ? ORDER BY rowid", arguments: [AuditTrail.keyAction]
            ).map(AuditTrail.entry)
            var keyReport = AuditReport(entries: 0)
            let registry = keyRegistry(keyEntries, &keyReport)
            var chain = ChainWalk()
            if let start { chain = ChainWalk(previous: start.hash, expected: start.sequence + 1) }
            var times = TimeOrder(now: now, latest: start?.latest.flatMap(Moment.init(iso:)))
            var timeFindings: [AuditFinding] = []
            var signatures: [AuditFinding] = []
            var sawRemembered = false
            if let remembered, let start, remembered.sequence <= start.sequence {
                sawRemembered = try db.value(Int64.self, sql: "SELECT sequence FROM audit WHERE sequence = ? AND hash = ?", arguments: [remembered.sequence, remembered.hash]) != nil
            }
            var vouched = start?.vouched ?? [:]
            let total = (try db.value(Int64.self, sql: "SELECT sequence FROM audit_head WHERE id = 1") ?? 0) - (start?.sequence ?? 0)
            try db.each(sql: "SELECT * FROM audit WHERE rowid > ? ORDER BY rowid", arguments: [after]) { row in
                let entry = AuditTrail.entry(row)
                report.entries += 1
                if report.entries % 1_000 == 0 { progress?(VerifyProgress(entries: Int64(report.entries), of: max(total, Int64(report.entries)))) }
                chain.step(entry)
                if let finding = times.step(entry) { timeFindings.append(finding) }
                if let remembered, entry.sequence == remembered.sequence, entry.hash == remembered.hash { sawRemembered = true }
                if let signature = entry.signature {
                    if let key = registry[entry.actor] {
                        if !Signer.verify(signature, of: entry.hash, publicKey: key) {
                            signatures.append(AuditFinding(.badSignature, sequence: entry.sequence, subject: entry.subject))
                        }
                    } else {
                        signatures.append(AuditFinding(.unknownSigner, sequence: entry.sequence, subject: entry.actor))
                    }
                } else {
                    signatures.append(AuditFinding(.unsigned, sequence: entry.sequence, subject: entry.subject))
                }
                if entry.action != AuditTrail.keyAction { try rebuild.replay(entry) }
                // Whether the voucher could vouch is the replay's to say, like any other act.
                if case .vouchKey(let login, let key)? = entry.detail.flatMap(ActEntry.decode) { vouched[login] = key }
            }
            try rebuild.compare(with: db)
            report.findings += chain.finish(db)
            report.findings += keyReport.findings
            report.findings += signatures
            report.findings += timeFindings
            report.findings += try bindingFindings(registry, vouched: vouched, &report, db)
            report.findings += rebuild.findings
            report.findings += try WorkingSeal.findings(keys: keys, db)
            if let start, request.comparesEveryRecord {
                report.scope = .appendedEveryRecord(after: start.sequence)
                report.findings += try attachmentFindings(db)
            } else if let start {
                report.scope = .appended(after: start.sequence, services: rebuild.touchedServices.count)
                report.findings += try attachmentFindings(ofServices: rebuild.touchedServices, db)
            } else {
                report.findings += try attachmentFindings(db)
            }
            for witness in try WitnessCheck.lost(try keys.witnesses(db), keys: keys, db) {
                report.findings.append(AuditFinding(
                    .witnessLost(login: witness.login, sequence: witness.sequence), sequence: witness.sequence, subject: "witness/" + witness.login))
            }
            if let remembered, !sawRemembered {
                report.findings.append(AuditFinding(.headNotExtended(sequence: remembered.sequence, hash: remembered.hash), sequence: remembered.sequence, subject: "head"))
            }
            let point = VerifiedPoint(
                sequence: chain.expected - 1, hash: chain.previous, latest: times.latest?.iso, erased: rebuild.erased.sorted(),
                vouched: vouched, wholeAt: start?.wholeAt ?? now.iso, builtBy: VerifiedPoint.thisBuild)
            return (report, point)
        }
    }

    /// The chain, entry by entry: the first entry that does not follow from the one before it.
    struct ChainWalk {
        var previous = AuditTrail.genesis
        var expected: Int64 = 1
        var broken: AuditFinding?

        init(previous: String = AuditTrail.genesis, expected: Int64 = 1) {
            self.previous = previous
            self.expected = expected
        }

        mutating func step(_ entry: AuditEntry) {
            guard broken == nil else { return }
            let recomputed = AuditTrail.digest(
                sequence: entry.sequence, at: entry.at, actor: entry.actor, action: entry.action,
                subject: entry.subject, detailDigest: entry.detailDigest, previous: entry.previousHash)
            if recomputed != entry.hash || entry.detail.map({ AuditTrail.sha256($0) != entry.detailDigest }) == true {
                broken = AuditFinding(.contentChanged, sequence: entry.sequence, subject: entry.subject)
            } else if entry.previousHash != previous || entry.sequence != expected {
                broken = AuditFinding(.chainBroken, sequence: entry.sequence, subject: entry.subject)
            } else {
                previous = entry.hash
                expected += 1
            }
        }

        /// The break, or else whether the log ends where the head recorded beside it says.
        func finish(_ db: any SQLSession) -> [AuditFinding] {
            if let broken { return [broken] }
            let head = try? db.row(sql: "SELECT sequence, hash FROM audit_head WHERE id = 1")
            let headSequence: Int64 = head?["sequence"] ?? 0
            let headHash: String = head?["hash"] ?? AuditTrail.genesis
            if headSequence != expected - 1 || headHash != previous {
                return [AuditFinding(.truncated, sequence: expected, subject: "audit_head")]
            }
            return []
        }
    }

    /// The first key each login entered, signed by that key itself.
    func keyRegistry(_ entries: [AuditEntry], _ report: inout AuditReport) -> [String: String] {
        var registry: [String: String] = [:]
        for entry in entries where entry.action == AuditTrail.keyAction {
            guard let text = entry.detail, let key = KeyDetail.decode(text)?.publicKey, entry.subject == "key/\(entry.actor)",
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

    /// Each key against what vouches for it: its file's owner, or for a login with no account
    /// here an administrator's signed act naming exactly that key (KeyVouching).
    func bindingFindings(
        _ registry: [String: String], vouched: [String: String], _ report: inout AuditReport, _ db: any SQLSession
    ) throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for (login, key) in registry.sorted(by: { $0.key < $1.key }) {
            let published = try? keys.read(login, db)
            guard published == key else {
                findings.append(AuditFinding(.keyFile(published == nil ? .missing : .notAFile), sequence: nil, subject: keys.location(of: login)))
                continue
            }
            switch try keys.binding(of: login, accounts: accounts, db) {
            case .bound: break
            case .noSuchAccount where vouched[login] == key: report.vouchedLogins.append(login)
            case let binding: findings.append(AuditFinding(.keyFile(binding), sequence: nil, subject: keys.location(of: login)))
            }
        }
        return findings
    }

    /// Every stored copy must still have the hash it is named by, and every attachment row its copy.
    func attachmentFindings(_ db: any SQLSession) throws -> [AuditFinding] {
        try vault.findings(referenced: db.values(String.self, sql: "SELECT DISTINCT sha256 FROM application_attachment ORDER BY sha256"), db)
    }

    /// The copies the given services' rows name, each read again and hashed.
    func attachmentFindings(ofServices services: [Int64], _ db: any SQLSession) throws -> [AuditFinding] {
        guard !services.isEmpty else { return [] }
        let named = try db.values(String.self, sql: """
            SELECT DISTINCT sha256 FROM application_attachment WHERE application_id IN (\(services.map(String.init).joined(separator: ","))) ORDER BY sha256
            """)
        return try named.compactMap { sha in
            guard let content = try vault.content(of: sha, db) else { return AuditFinding(.attachmentMissing, sequence: nil, subject: sha) }
            return Hex.string(SHA256.hash(data: content)) == sha ? nil : AuditFinding(.attachmentChanged, sequence: nil, subject: sha)
        }
    }
}

extension FileVault {
    /// The SHA-256 of a file, read in pieces so that a large attachment needs little memory.
    /// Only a regular file has one: a link, a FIFO or a device planted as a copy has none (and
    /// is never opened in a way that could block or read without end).
    static func sha256(ofFileAt path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var hasher = SHA256()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return Hex.string(hasher.finalize())
    }
}
