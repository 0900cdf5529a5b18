import Foundation

/// What each person keeps for themselves in the store (their drafts, the name and 課 they gave,
/// the double check they claimed, what `remind` mailed them) is nobody's record and goes
/// through no command; each row is signed by the login it belongs to, so that nobody changes
/// another person's draft before they submit it under their own signature, and verify names
/// every row whose signature does not hold. A row that does not hold is not read as theirs.
enum WorkingSeal {
    /// The rows of each table of working state, as their owner signed them.
    struct Kind: Sendable {
        let table: String
        /// The login the row belongs to.
        let owner: String
        let key: [String]
        /// Columns signed, in order.
        let columns: [String]
        /// Only the rows that hold working state (a claim is part of the application's row).
        var condition = ""
    }

    static let draft = Kind(table: "draft", owner: "owner", key: ["id"], columns: [
        "id", "owner", "procedure", "state", "version", "created_at", "updated_at", "application_id", "application_version",
    ])
    static let person = Kind(table: "person", owner: "login", key: ["login"], columns: ["login", "name", "department", "updated_at"])
    static let claim = Kind(
        table: "application", owner: "reviewing_by", key: ["id"], columns: ["id", "reviewing_by", "reviewing_since"],
        condition: " WHERE reviewing_by IS NOT NULL")
    static let reminder = Kind(table: "reminder_sent", owner: "sent_by", key: ["login", "item", "day"], columns: [
        "login", "item", "day", "sent_at", "sent_by",
    ])
    static let all = [draft, person, claim, reminder]

    static func signatureColumn(_ kind: Kind) -> String { kind.table == "application" ? "reviewing_signature" : "signature" }

    /// The text signed: the table and every signed column, each with its length.
    static func text(_ kind: Kind, _ values: [SQLValue]) -> String {
        ([kind.table] + values.map(ProjectedTable.text)).map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    /// Signs the row as it now stands, as its owner.
    static func seal(_ kind: Kind, where key: SQLArguments, keyRing: KeyRing, keys: any KeyDirectory, _ db: any SQLSession) throws {
        let condition = kind.key.map { "\($0) = ?" }.joined(separator: " AND ")
        guard let row = try db.row(sql: "SELECT \(kind.columns.joined(separator: ", ")) FROM \(kind.table) WHERE \(condition)", arguments: key),
              case .text(let owner) = row.values[kind.columns.firstIndex(of: kind.owner)!]
        else { return }
        let signer = try keyRing.signer(for: owner)
        try keys.publish(signer, db)
        try db.execute(
            sql: "UPDATE \(kind.table) SET \(signatureColumn(kind)) = ? WHERE \(condition)",
            arguments: [try signer.sign(AuditTrail.sha256(text(kind, row.values)))] + key)
    }

    /// Whether a row read with its signature last (`signedColumns`) holds under its owner's key.
    static func holds(_ kind: Kind, _ row: SQLRow, keys: any KeyDirectory, _ db: any SQLSession) -> Bool {
        let values = kind.columns.map { column in row.values[row.columns.firstIndex(of: column)!] }
        guard case .text(let owner) = values[kind.columns.firstIndex(of: kind.owner)!],
              case .text(let signature)? = row.columns.firstIndex(of: signatureColumn(kind)).map({ row.values[$0] }),
              let key = try? keys.read(owner, db)
        else { return false }
        return Signer.verify(signature, of: AuditTrail.sha256(text(kind, values)), publicKey: key)
    }

    /// Every row of working state whose signature does not hold, for verify.
    static func findings(keys: any KeyDirectory, _ db: any SQLSession) throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for kind in all {
            let sql = "SELECT \((kind.columns + [signatureColumn(kind)]).joined(separator: ", ")) FROM \(kind.table)\(kind.condition)"
            try db.each(sql: sql) { row in
                guard !holds(kind, row, keys: keys, db) else { return }
                let key = kind.key.map { ProjectedTable.text(row.values[row.columns.firstIndex(of: $0)!]) }.joined(separator: "/")
                findings.append(AuditFinding(.workingStateChanged, sequence: nil, subject: "\(kind.table) \(key)"))
            }
        }
        return findings
    }
}
