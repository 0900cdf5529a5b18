import Crypto
import Foundation
import GRDB

/// One line of the append-only log of every change to a record.
public struct AuditEntry: Sendable, Equatable {
    public let sequence: Int64
    public let at: String
    public let actor: String
    public let action: String
    public let subject: String
    /// Nil once the records it describes were purged; `detailDigest` still proves what it was.
    public let detail: String?
    public let detailDigest: String
    public let previousHash: String
    public let hash: String
}

/// What `yakkan audit verify` found.
public enum AuditVerification: Equatable, Sendable {
    case intact(entries: Int)
    /// The first entry that does not follow from the one before it, and why.
    case broken(sequence: Int64, reason: AuditBreak)
}

public enum AuditBreak: String, Sendable {
    /// Its content does not give its recorded hash: it was changed.
    case contentChanged
    /// It does not point at the entry before it: an entry was removed or moved.
    case chainBroken
    /// The last entries are gone: the log ends before the head recorded beside it.
    case truncated
}

/// Entries are chained by hash, each naming the one before it, and the newest is also kept
/// in `audit_head`, so that changing, deleting or reordering rows with plain SQL is found.
enum AuditTrail {
    static let genesis = String(repeating: "0", count: 64)

    static func append(_ db: Database, actor: String, action: String, subject: String, detail: String, at: String) throws {
        let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_head WHERE id = 1")
        let sequence: Int64 = (head?["sequence"] ?? 0) + 1
        let previous: String = head?["hash"] ?? genesis
        let detailDigest = sha256(detail)
        let hash = digest(sequence: sequence, at: at, actor: actor, action: action, subject: subject, detailDigest: detailDigest, previous: previous)
        try db.execute(
            sql: """
                INSERT INTO audit (sequence, at, actor, action, subject, detail, detail_digest, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [sequence, at, actor, action, subject, detail, detailDigest, previous, hash])
        try db.execute(
            sql: "INSERT INTO audit_head (id, sequence, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash",
            arguments: [sequence, hash])
    }

    static func digest(sequence: Int64, at: String, actor: String, action: String, subject: String, detailDigest: String, previous: String) -> String {
        // Lengths before each part, so that no two different entries give the same bytes.
        let parts = ["\(sequence)", at, actor, action, subject, detailDigest, previous]
        let canonical = parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return sha256(canonical)
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Erases the details of the entries about these subjects (after a purge); the chain holds.
    static func erase(_ db: Database, subjects: [String]) throws {
        for subject in subjects {
            try db.execute(sql: "UPDATE audit SET detail = NULL WHERE subject = ?", arguments: [subject])
        }
    }

    static func entries(_ db: Database) throws -> [AuditEntry] {
        // Read in physical order, not by sequence: a reordering must show as a broken chain.
        try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY rowid").map {
            AuditEntry(
                sequence: $0["sequence"], at: $0["at"], actor: $0["actor"], action: $0["action"],
                subject: $0["subject"], detail: $0["detail"], detailDigest: $0["detail_digest"],
                previousHash: $0["previous_hash"], hash: $0["hash"])
        }
    }

    static func verify(_ db: Database) throws -> AuditVerification {
        let all = try entries(db)
        var previous = genesis
        var expectedSequence: Int64 = 1
        for entry in all {
            let recomputed = digest(
                sequence: entry.sequence, at: entry.at, actor: entry.actor, action: entry.action,
                subject: entry.subject, detailDigest: entry.detailDigest, previous: entry.previousHash)
            if recomputed != entry.hash { return .broken(sequence: entry.sequence, reason: .contentChanged) }
            if let detail = entry.detail, sha256(detail) != entry.detailDigest {
                return .broken(sequence: entry.sequence, reason: .contentChanged)
            }
            if entry.previousHash != previous || entry.sequence != expectedSequence {
                return .broken(sequence: entry.sequence, reason: .chainBroken)
            }
            previous = entry.hash
            expectedSequence += 1
        }
        let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_head WHERE id = 1")
        let headSequence: Int64 = head?["sequence"] ?? 0
        let headHash: String = head?["hash"] ?? genesis
        if headSequence != expectedSequence - 1 || headHash != previous {
            return .broken(sequence: expectedSequence, reason: .truncated)
        }
        return .intact(entries: all.count)
    }
}
