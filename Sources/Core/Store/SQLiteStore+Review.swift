import Foundation
import GRDB

extension SQLiteStore {
    // MARK: Staff directory

    public func staffMember(login: String) throws -> StaffMember? {
        try database.read { db in try Self.loadStaff(db, login: login) }
    }

    public func staff() throws -> [StaffMember] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT login FROM staff ORDER BY department, login").compactMap { try Self.loadStaff(db, login: $0) }
        }
    }

    static func loadStaff(_ db: Database, login: String) throws -> StaffMember? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE login = ?", arguments: [login]) else { return nil }
        let departments = try String.fetchAll(
            db, sql: "SELECT department FROM staff_reviewer WHERE login = ? ORDER BY department", arguments: [login])
        let mail = try Row.fetchOne(db, sql: "SELECT mail, language FROM staff_mail WHERE login = ?", arguments: [login])
        return StaffMember(
            login: row["login"], name: row["name"], department: row["department"],
            isAdministrator: row["is_administrator"], reviewerOf: departments,
            mail: mail?["mail"], mailLanguage: (mail?["language"] as String?).flatMap(Language.init(rawValue:)))
    }

    public func addStaff(_ member: StaffMember, by actor: String, at timestamp: String) throws -> StaffMember {
        if let mail = member.mail, let refusal = DirectoryRules.mailRefusal(mail) { throw StoreError.refused([refusal]) }
        return try recordedWrite { db in
            let empty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff") == 0
            if let reason = DirectoryRules.refusal(
                actor: actor, actorMember: try Self.loadStaff(db, login: actor), directoryIsEmpty: empty, target: member.login) {
                throw StoreError.refused([reason])
            }
            if try Self.loadStaff(db, login: member.login) != nil {
                throw StoreError.refused([Localized(
                    "\(member.login) はすでに名簿にあります。変更は yakkan staff set-role で行います。",
                    "\(member.login) is already in the directory; use yakkan staff set-role to change it.")])
            }
            var added = member
            if empty { added.isAdministrator = true }
            try db.execute(
                sql: "INSERT INTO staff (login, name, department, is_administrator, added_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [added.login, added.name, added.department, added.isAdministrator, timestamp])
            try Self.writeReviewerRoles(db, added)
            try Self.writeMail(db, added)
            try AuditTrail.append(db, actor: actor, action: "staff-add", subject: "staff/\(added.login)", detail: try Self.json(added), at: timestamp)
            return added
        }
    }

    public func updateStaff(_ member: StaffMember, by actor: String, at timestamp: String) throws {
        if let mail = member.mail, let refusal = DirectoryRules.mailRefusal(mail) { throw StoreError.refused([refusal]) }
        try recordedWrite { db in
            if let reason = DirectoryRules.refusal(
                actor: actor, actorMember: try Self.loadStaff(db, login: actor), directoryIsEmpty: false, target: member.login) {
                throw StoreError.refused([reason])
            }
            try db.execute(
                sql: "UPDATE staff SET name = ?, department = ?, is_administrator = ? WHERE login = ?",
                arguments: [member.name, member.department, member.isAdministrator, member.login])
            guard db.changesCount == 1 else { throw StoreError.refused([Self.notListed(member.login)]) }
            try Self.writeReviewerRoles(db, member)
            try Self.writeMail(db, member)
            try AuditTrail.append(db, actor: actor, action: "staff-update", subject: "staff/\(member.login)", detail: try Self.json(member), at: timestamp)
        }
    }

    public func removeStaff(login: String, by actor: String, at timestamp: String) throws {
        try recordedWrite { db in
            if let reason = DirectoryRules.refusal(
                actor: actor, actorMember: try Self.loadStaff(db, login: actor), directoryIsEmpty: false, target: login) {
                throw StoreError.refused([reason])
            }
            guard let member = try Self.loadStaff(db, login: login) else { throw StoreError.refused([Self.notListed(login)]) }
            if member.isAdministrator,
               try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff WHERE is_administrator") == 1 {
                throw StoreError.refused([DirectoryRules.lastAdministrator])
            }
            try db.execute(sql: "DELETE FROM staff WHERE login = ?", arguments: [login])
            try AuditTrail.append(db, actor: actor, action: "staff-remove", subject: "staff/\(login)", detail: try Self.json(member), at: timestamp)
        }
    }

    static func notListed(_ login: String) -> Localized {
        Localized("\(login) は名簿にありません。", "\(login) is not in the directory.")
    }

    static func writeMail(_ db: Database, _ member: StaffMember) throws {
        let current = try Row.fetchOne(db, sql: "SELECT mail, language FROM staff_mail WHERE login = ?", arguments: [member.login])
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

    static func writeReviewerRoles(_ db: Database, _ member: StaffMember) throws {
        try db.execute(sql: "DELETE FROM staff_reviewer WHERE login = ?", arguments: [member.login])
        for department in Set(member.reviewerOf) {
            try db.execute(sql: "INSERT INTO staff_reviewer (login, department) VALUES (?, ?)", arguments: [member.login, department])
        }
    }

    // MARK: Review

    public func claimReview(applicationID: Int64, by login: String, at timestamp: String) throws -> String? {
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE application SET reviewing_by = ?, reviewing_since = ?
                    WHERE id = ? AND (reviewing_by IS NULL OR reviewing_by = ?)
                    """,
                arguments: [login, timestamp, applicationID, login])
            if db.changesCount == 1 { return nil }
            return try String.fetchOne(db, sql: "SELECT reviewing_by FROM application WHERE id = ?", arguments: [applicationID])
        }
    }

    public func decide(_ decision: Decision) throws -> ApplicationRecord {
        try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: decision.applicationID) else {
                throw StoreError.notFound(id: decision.applicationID)
            }
            if decision.form == .application, application.version != decision.applicationVersion {
                throw StoreError.staleVersion(current: application.version)
            }
            let reviewer = try Self.loadStaff(db, login: decision.reviewerLogin)
            if decision.form == .termination { return try Self.decideTermination(db, decision, application, reviewer) }
            let refusals = FourEyes.refusals(reviewerLogin: decision.reviewerLogin, reviewer: reviewer, application: application)
            guard refusals.isEmpty else { throw StoreError.refused(refusals.map(\.text)) }
            if decision.outcome == .approved {
                let blockers = ApprovalRules.blockers(review: decision.answers, application: application)
                guard blockers.isEmpty else { throw StoreError.refused(blockers) }
            }
            let status: ApplicationStatus
            switch decision.outcome {
            case .approved: status = .approved
            case .returned: status = .returned
            case .refused: status = .refused
            case .confirmed: throw StoreError.refused([Localized("申請には「確認」ではなく承認・差し戻し・却下で判断します。", "An application is approved, returned or refused, not confirmed.")])
            }
            let answers = try Self.json(decision.answers)
            try db.execute(
                sql: """
                    INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers,
                    application_version, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    decision.applicationID, decision.reviewerLogin, reviewer?.name ?? decision.reviewerName,
                    decision.outcome.rawValue, decision.reason, answers, decision.applicationVersion, decision.decidedAt,
                ])
            try db.execute(
                sql: """
                    UPDATE application SET status = ?, version = version + 1, reviewing_by = NULL, reviewing_since = NULL
                    WHERE id = ? AND version = ?
                    """,
                arguments: [status.rawValue, decision.applicationID, decision.applicationVersion])
            try db.execute(
                sql: "DELETE FROM draft WHERE procedure = ? AND application_id = ? AND owner = ?",
                arguments: [ReviewProcedure.id, decision.applicationID, decision.reviewerLogin])
            if decision.outcome == .returned {
                // The applicant finds the form as a draft, every answer kept, ready to correct.
                let order = ApplicationProcedure.procedure.fields.map(\.id).filter { application.answers[$0] != nil }
                let state = try Self.json(InterviewState(answers: application.answers, order: order))
                try db.execute(
                    sql: """
                        INSERT INTO draft (owner, procedure, state, version, created_at, updated_at, application_id)
                        VALUES (?, ?, ?, 1, ?, ?, ?)
                        """,
                    arguments: [application.applicantLogin, ApplicationProcedure.procedure.id, state,
                                decision.decidedAt, decision.decidedAt, decision.applicationID])
            }
            try AuditTrail.append(
                db, actor: decision.reviewerLogin, action: "decide-\(decision.outcome.rawValue)",
                subject: "application/\(decision.applicationID)",
                detail: "version \(decision.applicationVersion)\n" + (decision.reason ?? "") + "\n" + answers, at: decision.decidedAt)
            try Self.refreshLedger(db, id: decision.applicationID)
            return try Self.loadApplication(db, id: decision.applicationID)!
        }
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

    public func head() throws -> LogHead? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_head WHERE id = 1").map { LogHead(sequence: $0["sequence"], hash: $0["hash"]) }
        }
    }

    public func contains(_ head: LogHead) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM audit WHERE sequence = ? AND hash = ?)", arguments: [head.sequence, head.hash]) ?? false
        }
    }
}
