import Crypto
import Foundation

/// One entry of the append-only, signed log of every change to a record.
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
    /// The actor's signature of `hash`; nil only for entries written before entries were signed.
    public let signature: String?
}

/// What a key entry says: the public key its actor signs with from now on.
struct KeyDetail: Codable, Sendable {
    var publicKey: String

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ text: String) -> KeyDetail? {
        try? JSONDecoder().decode(KeyDetail.self, from: Data(text.utf8))
    }
}

/// Entries are chained by hash, each naming the one before it, signed by the person who caused
/// them, and the newest is also kept in `audit_head`. Each entry carries a command as its actor
/// gave it (`ActEntry`), or a key (`KeyDetail`); the records are what the commands make.
enum AuditTrail {
    static let genesis = String(repeating: "0", count: 64)
    static let keyAction = "key"

    static func append(_ db: any SQLSession, actor: String, action: String, subject: String, detail: String, at: String) throws {
        let head = try db.row(sql: "SELECT sequence, hash FROM audit_head WHERE id = 1")
        let sequence: Int64 = (head?["sequence"] ?? 0) + 1
        let previous: String = head?["hash"] ?? genesis
        let detailDigest = sha256(detail)
        let hash = digest(sequence: sequence, at: at, actor: actor, action: action, subject: subject, detailDigest: detailDigest, previous: previous)
        if db.dialect == .postgresql {
            // The server takes entries only through its function, which checks that this one
            // extends the head and is the login's own (ServerSchema+Append).
            _ = try db.rows(
                sql: "SELECT yakkan_append_entry(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [sequence, at, actor, action, subject, detail, detailDigest, previous, hash])
            return
        }
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

    /// The newest entry, nil while the log is empty.
    static func head(_ db: any SQLSession) throws -> LogHead? {
        try db.row(sql: "SELECT sequence, hash FROM audit_head WHERE id = 1 AND sequence > 0").map { LogHead(sequence: $0["sequence"], hash: $0["hash"]) }
    }

    static func headSequence(_ db: any SQLSession) throws -> Int64 {
        try db.value(Int64.self, sql: "SELECT sequence FROM audit_head WHERE id = 1") ?? 0
    }

    /// Signs every entry this transaction added, each by its actor; the first time a person
    /// signs, their public key is published beside the store and entered in the log.
    static func seal(_ db: any SQLSession, since start: Int64, keyRing: KeyRing, keys: any KeyDirectory) throws {
        while true {
            let unsigned = try db.rows(sql: "SELECT sequence, actor, hash FROM audit WHERE sequence > ? AND signature IS NULL ORDER BY sequence",
                arguments: [start])
            guard !unsigned.isEmpty else { return }
            for row in unsigned {
                let actor: String = row["actor"]
                let signer = try keyRing.signer(for: actor)
                try keys.publish(signer, db)
                let hash: String = row["hash"]
                try db.execute(
                    sql: "UPDATE audit SET signature = ? WHERE sequence = ?", arguments: [try signer.sign(hash), row["sequence"] as Int64])
                let introduced = try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM audit WHERE action = ? AND subject = ?)",
                    arguments: [keyAction, "key/\(actor)"]) ?? false
                if !introduced {
                    let at: String = try db.value(String.self, sql: "SELECT at FROM audit WHERE sequence = ?", arguments: [row["sequence"] as Int64]) ?? ""
                    let detail = try KeyDetail(publicKey: signer.publicKey).encoded()
                    try append(db, actor: actor, action: keyAction, subject: "key/\(actor)", detail: detail, at: at)
                }
            }
        }
    }

    static func digest(sequence: Int64, at: String, actor: String, action: String, subject: String, detailDigest: String, previous: String) -> String {
        // Lengths before each part, so that no two different entries give the same bytes.
        let parts = ["\(sequence)", at, actor, action, subject, detailDigest, previous]
        let canonical = parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return sha256(canonical)
    }

    static func sha256(_ text: String) -> String {
        Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// Erases the details of the entries about these subjects (after a purge); the chain and the
    /// signatures hold, since both cover the detail's digest.
    static func erase(_ db: any SQLSession, subjects: [String]) throws {
        for subject in subjects {
            try db.execute(sql: "UPDATE audit SET detail = NULL WHERE subject = ?", arguments: [subject])
        }
    }

    static func entry(_ row: SQLRow) -> AuditEntry {
        AuditEntry(
            sequence: row["sequence"], at: row["at"], actor: row["actor"], action: row["action"],
            subject: row["subject"], detail: row["detail"], detailDigest: row["detail_digest"],
            previousHash: row["previous_hash"], hash: row["hash"], signature: row["signature"])
    }

    static func entries(_ db: any SQLSession) throws -> [AuditEntry] {
        // Read in physical order, not by sequence: a reordering must show as a broken chain.
        try db.rows(sql: "SELECT * FROM audit ORDER BY rowid").map(entry)
    }
}
