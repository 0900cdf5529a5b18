import Foundation

/// Services already in use when the village starts keeping them here (`yakkan import`).
extension SQLStore {
    /// Registers every service or none; each is its own signed entry of the action `import`,
    /// which `audit verify` accepts only from an administrator.
    public func importServices(_ services: [ImportedService], by login: String, at timestamp: String) throws -> [ApplicationRecord] {
        try recordedWrite { db in
            if let refusal = ImportActions.mayImport(member: try Self.loadStaff(db, login: login)) { throw StoreError.refused([refusal]) }
            return try services.map { service in
                let answers = service.answers
                let json = try Self.json(answers)
                // Nobody applied for it here: no login holds the applicant's part (the log names who
                // imported it). Registered now: duties are due from the import, not for the time before it.
                let id = try Self.insertApplication(
                    db, answers: answers, json: json, applicant: "", status: .inUse, procedureVersion: ProcedureVersion.current.version,
                    at: timestamp)
                try Self.refreshLedger(db, id: id)
                try AuditTrail.append(
                    db, actor: login, action: AuditTrail.importAction, subject: "application/\(id)",
                    detail: "row \(service.row)\n" + json, at: timestamp)
                return try Self.loadApplication(db, id: id)!
            }
        }
    }
}
