import Foundation

extension SQLStore {
    // MARK: Staff directory

    public func staffMember(login: String) throws -> StaffMember? {
        try database.read { db in try Self.loadStaff(db, login: login) }
    }

    public func staff() throws -> [StaffMember] {
        try database.read(Self.loadDirectory)
    }

    public func procedureBook() throws -> ProcedureBook {
        try database.read(Self.procedureBook)
    }

    /// The whole directory in three reads: `Decide` asks for it with nearly every command, and a
    /// read per person (three each) made a command of a 400-person village 1,200 statements.
    static func loadDirectory(_ db: any SQLSession) throws -> [StaffMember] {
        var reviews: [String: [String]] = [:]
        try db.each(sql: "SELECT login, department FROM staff_reviewer ORDER BY login, department") { row in
            reviews[row["login"], default: []].append(row["department"])
        }
        var mail: [String: (String, String?)] = [:]
        try db.each(sql: "SELECT login, mail, language FROM staff_mail") { row in mail[row["login"]] = (row["mail"], row["language"]) }
        let deputies = try deputyships(db, login: nil)
        return try db.rows(sql: "SELECT * FROM staff ORDER BY department, login").map { row in
            let login: String = row["login"]
            return StaffMember(
                login: login, name: row["name"], department: row["department"], isAdministrator: row["is_administrator"],
                reviewerOf: reviews[login] ?? [], mail: mail[login]?.0, mailLanguage: mail[login]?.1.flatMap(Language.init(rawValue:)),
                deputyOf: deputies[login] ?? [])
        }
    }

    /// Everyone's deputyships, or one person's.
    private static func deputyships(_ db: any SQLSession, login: String?) throws -> [String: [Deputyship]] {
        var deputies: [String: [Deputyship]] = [:]
        let sql = "SELECT login, department, until FROM staff_deputy" + (login == nil ? "" : " WHERE login = ?") + " ORDER BY login, department"
        try db.each(sql: sql, arguments: login.map { [$0] } ?? []) { row in
            // A day that does not read is no deputyship: nobody gains a role from a broken row.
            guard let until = Day(iso: row["until"]) else { return }
            deputies[row["login"], default: []].append(Deputyship(department: row["department"], until: until))
        }
        return deputies
    }

    static func loadStaff(_ db: any SQLSession, login: String) throws -> StaffMember? {
        guard let row = try db.row(sql: "SELECT * FROM staff WHERE login = ?", arguments: [login]) else { return nil }
        let departments = try db.values(String.self, sql: "SELECT department FROM staff_reviewer WHERE login = ? ORDER BY department", arguments: [login])
        let mail = try db.row(sql: "SELECT mail, language FROM staff_mail WHERE login = ?", arguments: [login])
        return StaffMember(
            login: row["login"], name: row["name"], department: row["department"],
            isAdministrator: row["is_administrator"], reviewerOf: departments,
            mail: mail?["mail"], mailLanguage: (mail?["language"] as String?).flatMap(Language.init(rawValue:)),
            deputyOf: try deputyships(db, login: login)[login] ?? [])
    }

    // MARK: Review

    public func claimReview(applicationID: Int64, by login: String, at timestamp: String) throws -> String? {
        try database.write { db in
            // A claim its reviewer did not sign is nobody's: it keeps nobody out.
            if let claim = try db.row(sql: "SELECT id, reviewing_by, reviewing_since, reviewing_signature FROM application WHERE id = ? AND reviewing_by IS NOT NULL",
                                      arguments: [applicationID]),
               !WorkingSeal.holds(WorkingSeal.claim, claim, keys: keys, db) {
                try db.execute(
                    sql: "UPDATE application SET reviewing_by = NULL, reviewing_since = NULL, reviewing_signature = NULL WHERE id = ?",
                    arguments: [applicationID])
            }
            if try db.execute(
                sql: """
                    UPDATE application SET reviewing_by = ?, reviewing_since = ?
                    WHERE id = ? AND (reviewing_by IS NULL OR reviewing_by = ?)
                    """,
                arguments: [login, timestamp, applicationID, login]) == 1 {
                try WorkingSeal.seal(WorkingSeal.claim, where: [applicationID], keyRing: keyRing, keys: keys, db)
                return nil
            }
            return try db.value(String.self, sql: "SELECT reviewing_by FROM application WHERE id = ?", arguments: [applicationID])
        }
    }

    // MARK: Audit

    public func auditEntries() throws -> [AuditEntry] {
        try database.read { db in try AuditTrail.entries(db) }
    }

    public func filings(of id: Int64) throws -> [Answers] {
        try database.read { db in
            // The index audit_by_subject (subject, action) finds a service's entries without reading the log.
            try db.rows(
                sql: "SELECT detail FROM audit WHERE subject = ? AND action IN ('submit', 'resubmit', 'import') ORDER BY sequence",
                arguments: ["application/\(id)"]
            ).compactMap { row -> Answers? in
                // An entry erased by a purge, or written by an earlier yakkan, has no command to read.
                guard let detail: String = row["detail"], let command = ActEntry.decode(detail) else { return nil }
                switch command {
                case .submitApplication(let submission): return submission.answers
                case .importService(_, let answers): return answers
                default: return nil
                }
            }
        }
    }

    public func verifyAudit(_ request: VerifyRequest) throws -> AuditReport {
        let verifier = AuditVerifier(keys: keys, vault: vault, now: Moment(clock.now), request: request)
        return try database.read { db in try verifier.verify(db) }
    }

    /// The log's last entry, nil while it has none (a server's schema starts the head at entry
    /// 0, which no log holds: remembered, it would read as a log lost).
    public func head() throws -> LogHead? {
        try database.read(AuditTrail.head)
    }

    public func leaveWitness(as login: String) throws {
        try database.write { db in
            // Only someone whose key others can check leaves a witness they can trust.
            guard let head = try AuditTrail.head(db), let published = try keys.read(login, db), !published.isEmpty else { return }
            let signer = try keyRing.signer(for: login)
            guard signer.publicKey == published else { return }
            try keys.leave(try Witness.made(by: signer, of: head), db)
        }
    }

    public func lostWitnesses() throws -> [Witness] {
        try database.read { db in try WitnessCheck.lost(try keys.witnesses(db), keys: keys, db) }
    }

    public func contains(_ head: LogHead) throws -> Bool {
        try database.read { db in
            try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM audit WHERE sequence = ? AND hash = ?)", arguments: [head.sequence, head.hash]) ?? false
        }
    }
}
