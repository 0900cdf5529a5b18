import Foundation

extension SQLStore {
    // MARK: Staff directory

    public func staffMember(login: String) throws -> StaffMember? {
        try database.read { db in try Self.loadStaff(db, login: login) }
    }

    public func staff() throws -> [StaffMember] {
        try database.read(Self.loadDirectory)
    }

    static func loadDirectory(_ db: any SQLSession) throws -> [StaffMember] {
        try db.values(String.self, sql: "SELECT login FROM staff ORDER BY department, login").compactMap { try loadStaff(db, login: $0) }
    }

    static func loadStaff(_ db: any SQLSession, login: String) throws -> StaffMember? {
        guard let row = try db.row(sql: "SELECT * FROM staff WHERE login = ?", arguments: [login]) else { return nil }
        let departments = try db.values(String.self, sql: "SELECT department FROM staff_reviewer WHERE login = ? ORDER BY department", arguments: [login])
        let mail = try db.row(sql: "SELECT mail, language FROM staff_mail WHERE login = ?", arguments: [login])
        return StaffMember(
            login: row["login"], name: row["name"], department: row["department"],
            isAdministrator: row["is_administrator"], reviewerOf: departments,
            mail: mail?["mail"], mailLanguage: (mail?["language"] as String?).flatMap(Language.init(rawValue:)))
    }

    public func addStaff(_ entry: StaffEntry, by actor: String, at timestamp: String) throws -> StaffMember {
        try recordedWrite { db in
            let added = try DirectoryActions.adding(entry, by: actor, directory: try Self.loadDirectory(db))
            try db.execute(
                sql: "INSERT INTO staff (login, name, department, is_administrator, added_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [added.login, added.name, added.department, added.isAdministrator, timestamp])
            try Self.writeReviewerRoles(db, added)
            try Self.writeMail(db, added)
            try directoryChanged(added.login, to: added, db)
            try AuditTrail.append(db, actor: actor, action: "staff-add", subject: "staff/\(added.login)", detail: try Self.json(added), at: timestamp)
            return added
        }
    }

    public func updateStaff(_ entry: StaffEntry, by actor: String, at timestamp: String) throws -> StaffMember {
        try recordedWrite { db in
            let member = try DirectoryActions.updating(entry, by: actor, directory: try Self.loadDirectory(db))
            try db.execute(
                sql: "UPDATE staff SET name = ?, department = ?, is_administrator = ? WHERE login = ?",
                arguments: [member.name, member.department, member.isAdministrator, member.login])
            try Self.writeReviewerRoles(db, member)
            try Self.writeMail(db, member)
            try directoryChanged(member.login, to: member, db)
            try AuditTrail.append(db, actor: actor, action: "staff-update", subject: "staff/\(member.login)", detail: try Self.json(member), at: timestamp)
            return member
        }
    }

    public func removeStaff(login: String, by actor: String, at timestamp: String) throws {
        try recordedWrite { db in
            let member = try DirectoryActions.removing(login, by: actor, directory: try Self.loadDirectory(db))
            try db.execute(sql: "DELETE FROM staff WHERE login = ?", arguments: [login])
            try directoryChanged(login, to: nil, db)
            try AuditTrail.append(db, actor: actor, action: "staff-remove", subject: "staff/\(login)", detail: try Self.json(member), at: timestamp)
        }
    }

    static func writeMail(_ db: any SQLSession, _ member: StaffMember) throws {
        let current = try db.row(sql: "SELECT mail, language FROM staff_mail WHERE login = ?", arguments: [member.login])
        // Unchanged rows are left alone, so a change of name does not rewrite the address.
        let mail: String? = current?["mail"], language: String? = current?["language"]
        if mail == member.mail && language == member.mailLanguage?.rawValue { return }
        try db.execute(sql: "DELETE FROM staff_mail WHERE login = ?", arguments: [member.login])
        if let mail = member.mail {
            try db.execute(
                sql: "INSERT INTO staff_mail (login, mail, language) VALUES (?, ?, ?)",
                arguments: [member.login, mail, member.mailLanguage?.rawValue])
        }
    }

    static func writeReviewerRoles(_ db: any SQLSession, _ member: StaffMember) throws {
        try db.execute(sql: "DELETE FROM staff_reviewer WHERE login = ?", arguments: [member.login])
        for department in Set(member.reviewerOf) {
            try db.execute(sql: "INSERT INTO staff_reviewer (login, department) VALUES (?, ?)", arguments: [member.login, department])
        }
    }

    // MARK: Review

    public func claimReview(applicationID: Int64, by login: String, at timestamp: String) throws -> String? {
        try database.write { db in
            if try db.execute(
                sql: """
                    UPDATE application SET reviewing_by = ?, reviewing_since = ?
                    WHERE id = ? AND (reviewing_by IS NULL OR reviewing_by = ?)
                    """,
                arguments: [login, timestamp, applicationID, login]) == 1 { return nil }
            return try db.value(String.self, sql: "SELECT reviewing_by FROM application WHERE id = ?", arguments: [applicationID])
        }
    }

    public func decide(_ decision: Decision) throws -> ApplicationRecord {
        try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: decision.applicationID) else {
                throw StoreError.notFound(id: decision.applicationID)
            }
            let reviewer = try Self.loadStaff(db, login: decision.reviewerLogin)
            let effect = try ReviewActions.effect(of: decision, on: application, reviewer: reviewer)
            try Self.write(decision, effect, reviewerName: reviewer?.name ?? decision.reviewerName, db)
            try Self.refreshLedger(db, id: decision.applicationID)
            return try Self.loadApplication(db, id: decision.applicationID)!
        }
    }

    private static func write(_ decision: Decision, _ effect: DecisionEffect, reviewerName: String, _ db: any SQLSession) throws {
        let answers = try json(decision.answers)
        try db.execute(
            sql: """
                INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers,
                application_version, decided_at, form) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                decision.applicationID, decision.reviewerLogin, reviewerName, decision.outcome.rawValue, decision.reason,
                answers, decision.applicationVersion, decision.decidedAt, decision.form.rawValue,
            ])
        if let status = effect.terminationStatus {
            try db.execute(
                sql: "UPDATE termination SET status = ?, version = version + 1 WHERE application_id = ?",
                arguments: [status.rawValue, decision.applicationID])
        }
        if let status = effect.applicationStatus {
            try db.execute(
                sql: """
                    UPDATE application SET status = ?, ended_on = coalesce(?, ended_on), version = version + 1,
                    reviewing_by = NULL, reviewing_since = NULL WHERE id = ?
                    """,
                arguments: [status.rawValue, effect.endedOn?.iso, decision.applicationID])
        }
        try db.execute(
            sql: "DELETE FROM draft WHERE procedure = ? AND application_id = ? AND owner = ?",
            arguments: [effect.reviewProcedureID, decision.applicationID, decision.reviewerLogin])
        if let draft = effect.returnedDraft {
            try db.execute(
                sql: """
                    INSERT INTO draft (owner, procedure, state, version, created_at, updated_at, application_id)
                    VALUES (?, ?, ?, 1, ?, ?, ?)
                    """,
                arguments: [draft.owner, draft.procedureID, try json(draft.state), decision.decidedAt, decision.decidedAt,
                            draft.applicationID])
        }
        try AuditTrail.append(
            db, actor: decision.reviewerLogin, action: effect.auditAction, subject: "application/\(decision.applicationID)",
            detail: "version \(decision.applicationVersion)\n" + (decision.reason ?? "") + "\n" + answers, at: decision.decidedAt)
    }

    public func acknowledge(_ acknowledgement: Acknowledgement) throws -> ApplicationRecord {
        try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: acknowledgement.applicationID) else {
                throw StoreError.notFound(id: acknowledgement.applicationID)
            }
            if let reason = AcknowledgementRules.refusal(
                login: acknowledgement.login, application: application) {
                throw StoreError.refused([reason])
            }
            try db.execute(
                sql: "INSERT INTO acknowledgement (application_id, login, name, acknowledged_at) VALUES (?, ?, ?, ?)",
                arguments: [acknowledgement.applicationID, acknowledgement.login, acknowledgement.name, acknowledgement.acknowledgedAt])
            try db.execute(
                sql: "UPDATE application SET status = 'in_use', version = version + 1 WHERE id = ?",
                arguments: [acknowledgement.applicationID])
            try AuditTrail.append(
                db, actor: acknowledgement.login, action: "acknowledge-risks",
                subject: "application/\(acknowledgement.applicationID)", detail: acknowledgement.name, at: acknowledgement.acknowledgedAt)
            try Self.refreshLedger(db, id: acknowledgement.applicationID)
            return try Self.loadApplication(db, id: acknowledgement.applicationID)!
        }
    }

    // MARK: Audit

    public func auditEntries() throws -> [AuditEntry] {
        try database.read { db in try AuditTrail.entries(db) }
    }

    public func verifyAudit(accounts: Accounts, remembered: LogHead?) throws -> AuditReport {
        let verifier = AuditVerifier(keys: keys, vault: vault, accounts: accounts, remembered: remembered)
        return try database.read { db in try verifier.verify(db) }
    }

    /// Takes the records of a store written before entries were signed (or filled by other
    /// means, as the benchmark's) into signed baseline entries; does nothing once the log is signed.
    public func adoptRecords() throws {
        try recordedWrite { _ in }
    }

    /// The log's last entry, nil while it has none (a server's schema starts the head at entry
    /// 0, which no log holds: remembered, it would read as a log lost).
    public func head() throws -> LogHead? {
        try database.read { db in
            try db.row(sql: "SELECT sequence, hash FROM audit_head WHERE id = 1 AND sequence > 0").map { LogHead(sequence: $0["sequence"], hash: $0["hash"]) }
        }
    }

    public func contains(_ head: LogHead) throws -> Bool {
        try database.read { db in
            try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM audit WHERE sequence = ? AND hash = ?)", arguments: [head.sequence, head.hash]) ?? false
        }
    }
}
