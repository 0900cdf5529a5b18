import Foundation

/// Taking back what nobody has decided yet: a draft, or a submitted application.
extension SQLStore {
    public func discardDraft(_ draft: Draft, by login: String, at timestamp: String) throws {
        guard let id = draft.id else { return }
        try recordedWrite { db in
            if let refusal = DraftActions.mayDiscard(draft, login: login) { throw StoreError.refused([refusal]) }
            let deleted = try db.execute(sql: "DELETE FROM draft WHERE id = ? AND owner = ?", arguments: [id, login])
            guard deleted == 1 else { throw StoreError.draftChangedElsewhere }
            try AuditTrail.append(
                db, actor: login, action: "discard-draft", subject: "draft/\(id)",
                detail: "\(draft.procedureID)\n" + draft.serviceName, at: timestamp)
        }
    }

    public func withdraw(_ applicationID: Int64, by login: String, at timestamp: String) throws -> ApplicationRecord {
        try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: applicationID) else { throw StoreError.notFound(id: applicationID) }
            if let refusal = DraftActions.mayWithdraw(application, login: login) { throw StoreError.refused([refusal]) }
            guard try db.execute(
                sql: """
                    UPDATE application SET status = 'withdrawn', version = version + 1, reviewing_by = NULL, reviewing_since = NULL
                    WHERE id = ? AND status = ?
                    """,
                arguments: [applicationID, application.status.rawValue]) == 1 else { throw StoreError.draftChangedElsewhere }
            // Nothing waits on it any more: its correction draft and any double check begun on it.
            try db.execute(sql: "DELETE FROM draft WHERE application_id = ?", arguments: [applicationID])
            try Self.refreshLedger(db, id: applicationID)
            try AuditTrail.append(
                db, actor: login, action: "withdraw", subject: "application/\(applicationID)",
                detail: "from \(application.status.rawValue)", at: timestamp)
            return try Self.loadApplication(db, id: applicationID)!
        }
    }
}
