import Foundation

extension SQLStore {
    static func loadTermination(_ db: any SQLSession, id: Int64) throws -> TerminationRecord? {
        guard let row = try db.row(sql: "SELECT * FROM termination WHERE application_id = ?", arguments: [id]) else { return nil }
        let answers: String = row["answers"]
        var record = TerminationRecord(
            applicationID: id, applicantLogin: row["applicant"], status: TerminationStatus(rawValue: row["status"]) ?? .submitted,
            answers: try JSONDecoder().decode(Answers.self, from: Data(answers.utf8)),
            submittedAt: row["submitted_at"], version: row["version"])
        record.editors = try db.values(String.self, sql: "SELECT login FROM termination_editor WHERE application_id = ? ORDER BY login", arguments: [id])
        return record
    }

    /// Records (or, after a return, records again) the termination form of a service.
    public func submitTermination(from draft: Draft, at timestamp: String) throws -> ApplicationRecord {
        guard let id = draft.applicationID else { throw StoreError.notFound(id: 0) }
        let json = try Self.json(draft.state.answers)
        return try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: id) else { throw StoreError.notFound(id: id) }
            let member = try Self.loadStaff(db, login: draft.owner)
            if let refusal = TerminationActions.maySubmit(application, login: draft.owner, member: member) {
                throw StoreError.refused([refusal])
            }
            if let draftID = draft.id {
                let deleted = try db.execute(sql: "DELETE FROM draft WHERE id = ? AND version = ?", arguments: [draftID, draft.version])
                guard deleted == 1 else { throw StoreError.draftChangedElsewhere }
            }
            // A form sent again after a return files its attachments anew: the last form's go first.
            for (field, attachment) in application.termination?.answers.attachments ?? [] {
                try db.execute(
                    sql: "DELETE FROM application_attachment WHERE application_id = ? AND field = ? AND sha256 = ?",
                    arguments: [id, field, attachment.sha256])
            }
            try db.execute(
                sql: """
                    INSERT INTO termination (application_id, applicant, status, answers, submitted_at, version)
                    VALUES (?, ?, 'submitted', ?, ?, 1)
                    ON CONFLICT(application_id) DO UPDATE SET status = 'submitted', answers = excluded.answers,
                    version = termination.version + 1
                    """,
                arguments: [id, draft.owner, json, timestamp])
            try db.execute(
                sql: "INSERT INTO termination_editor (application_id, login) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [id, draft.owner])
            for (field, attachment) in draft.state.answers.attachments {
                try db.execute(
                    sql: """
                        INSERT INTO application_attachment (application_id, field, sha256, file_name, size, added_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [id, field, attachment.sha256, attachment.fileName, attachment.size, attachment.addedAt])
            }
            try AuditTrail.append(db, actor: draft.owner, action: "submit-termination", subject: "application/\(id)", detail: json, at: timestamp)
            try Self.refreshLedger(db, id: id)
            return try Self.loadApplication(db, id: id)!
        }
    }

    public func holdRetention(_ applicationID: Int64, until: Day, reason: String, by login: String, at timestamp: String) throws -> ApplicationRecord {
        try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: applicationID) else { throw StoreError.notFound(id: applicationID) }
            if let refusal = TerminationActions.mayKeepRecords(member: try Self.loadStaff(db, login: login))
                ?? TerminationRules.mayHold(application, until: until) {
                throw StoreError.refused([refusal])
            }
            try db.execute(
                sql: "INSERT INTO retention_hold (application_id, until, reason, held_by, held_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [applicationID, until.iso, reason, login, timestamp])
            try AuditTrail.append(db, actor: login, action: "retention-hold", subject: "application/\(applicationID)",
                                  detail: until.iso + "\n" + reason, at: timestamp)
            try Self.refreshLedger(db, id: applicationID)
            return try Self.loadApplication(db, id: applicationID)!
        }
    }

    /// Removes every record of these services and the attachments nothing else refers to; the
    /// audit entries about them keep their place in the chain but lose their details. Each
    /// service is checked again inside the transaction.
    public func purge(_ ids: [Int64], today: Day, by login: String, at timestamp: String) throws -> Int {
        let removedBlobs: [String] = try recordedWrite { db in
            if let refusal = TerminationActions.mayKeepRecords(member: try Self.loadStaff(db, login: login)) {
                throw StoreError.refused([refusal])
            }
            var candidates = Set<String>()
            for id in ids {
                guard let application = try Self.loadApplication(db, id: id) else { throw StoreError.notFound(id: id) }
                if let refusal = TerminationRules.mayPurge(application, today: today) { throw StoreError.refused([refusal]) }
                candidates.formUnion(try db.values(String.self, sql: "SELECT sha256 FROM application_attachment WHERE application_id = ?", arguments: [id]))
                let alertIDs = try db.values(Int64.self, sql: "SELECT id FROM alert WHERE application_id = ?", arguments: [id])
                let incidentIDs = try db.values(Int64.self, sql: "SELECT id FROM incident WHERE application_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM draft WHERE application_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM application WHERE id = ?", arguments: [id])
                // Its search text is not a row the deletion cascades to.
                try Self.refreshLedger(db, id: id)
                try AuditTrail.erase(db, subjects: ["application/\(id)"] + alertIDs.map { "alert/\($0)" } + incidentIDs.map { "incident/\($0)" })
            }
            try AuditTrail.append(
                db, actor: login, action: "purge", subject: "store",
                detail: ids.map { "application/\($0)" }.joined(separator: "\n"), at: timestamp)
            var unused: [String] = []
            for sha in candidates.sorted() {
                let stillUsed = try db.value(Int.self, sql: "SELECT COUNT(*) FROM application_attachment WHERE sha256 = ?", arguments: [sha])! > 0
                    || db.value(Int.self, sql: "SELECT COUNT(*) FROM draft WHERE state LIKE ?", arguments: ["%\(sha)%"])! > 0
                if !stillUsed { unused.append(sha) }
            }
            return unused
        }
        // Files go only after the records that named them are gone for good.
        for sha in removedBlobs { try? vault.remove(sha) }
        return ids.count
    }
}
