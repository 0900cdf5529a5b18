import Foundation
import GRDB

/// Services already in use when the village starts keeping them here (`yakkan import`).
extension SQLiteStore {
    /// Registers every service or none; each is its own signed entry of the action `import`,
    /// which `audit verify` accepts only from an administrator.
    public func importServices(_ services: [ImportedService], by login: String, at timestamp: String) throws -> [ApplicationRecord] {
        try recordedWrite { db in
            if let refusal = ImportActions.mayImport(member: try Self.loadStaff(db, login: login)) { throw StoreError.refused([refusal]) }
            return try services.map { service in
                let answers = service.answers
                let json = try Self.json(answers)
                try db.execute(
                    sql: """
                        INSERT INTO application (answers, department, provider, service, period_start, period_end,
                        applicant, status, procedure_version, submitted_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'in_use', ?, ?, 1)
                        """,
                    arguments: [
                        json, answers[ApplicationFields.department]?.text ?? "", answers[ApplicationFields.provider]?.text ?? "",
                        answers[ApplicationFields.service]?.text ?? "", answers[ApplicationFields.periodStart]?.date?.iso,
                        // Nobody applied for it here: no login holds the applicant's part (the log names who imported it).
                        answers[ApplicationFields.periodEnd]?.date?.iso, "", ProcedureVersion.current.version,
                        // Registered now: duties are due from the import, not for the time before it.
                        timestamp,
                    ])
                let id = db.lastInsertedRowID
                try Self.refreshLedger(db, id: id)
                try AuditTrail.append(
                    db, actor: login, action: AuditTrail.importAction, subject: "application/\(id)",
                    detail: "row \(service.row)\n" + json, at: timestamp)
                return try Self.loadApplication(db, id: id)!
            }
        }
    }
}
