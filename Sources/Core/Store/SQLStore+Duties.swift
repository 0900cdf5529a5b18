import Foundation

extension SQLStore {
    public func people() throws -> [Person] {
        try database.read { db in
            try db.rows(sql: "SELECT * FROM person ORDER BY login")
                .filter { WorkingSeal.holds(WorkingSeal.person, $0, keys: keys, db) }
                .map { Person(login: $0["login"], name: $0["name"], department: $0["department"]) }
        }
    }

    public func incidents() throws -> [Incident] {
        try database.read { db in try db.rows(sql: "SELECT * FROM incident ORDER BY occurred_on, id").map(Self.incident) }
    }

    /// A person's own through the index on (acknowledged_at, recipient_login): every open alert,
    /// read and decoded for one person's menu, was most of its start at 100,000 services (26,216
    /// open alerts, 0.58 s of 0.81 s, perf). Row by row: the whole village's 26,216 read as rows
    /// first were half the pages `due --all` touched (perf, page faults).
    public func eachOpenAlert(for recipient: String?, _ body: (Alert) throws -> Void) throws {
        let sql = "SELECT * FROM alert WHERE acknowledged_at IS NULL" + (recipient == nil ? "" : " AND recipient_login = ?") + " ORDER BY id"
        try database.read { db in
            try db.each(sql: sql, arguments: recipient.map { [$0] } ?? []) { row in
                if let alert = readableAlert(row) { try body(alert) }
            }
        }
    }

    public func alerts() throws -> [Alert] {
        try database.read { db in try db.rows(sql: "SELECT * FROM alert ORDER BY id").compactMap(readableAlert) }
    }

    /// An alert that cannot be read is left out, never stopping anyone's list, and named (verify names it too).
    private func readableAlert(_ row: SQLRow) -> Alert? {
        do {
            return try Self.alert(row)
        } catch {
            setAside.note("alert/\(row["id"] as Int64)")
            return nil
        }
    }

    static func dutyRecord(_ row: SQLRow) throws -> DutyRecord {
        // Read without its answers when only the schedule is wanted.
        let answers: String? = row["answers"]
        return dutyRecord(row, answers: try answers.map { try decoded(Answers.self, $0, of: "application/\(row["application_id"] as Int64)") } ?? [:])
    }

    /// The row's record with these answers, its own not read.
    static func dutyRecord(_ row: SQLRow, answers: Answers) -> DutyRecord {
        DutyRecord(
            id: row["id"], applicationID: row["application_id"], kind: DutyKind(rawValue: row["kind"]) ?? .backup,
            doneOn: Day(iso: row["done_on"]) ?? Day(year: 1970, month: 1, day: 1)!,
            answers: answers, recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
    }

    static func incident(_ row: SQLRow) throws -> Incident {
        Incident(
            id: row["id"], applicationID: row["application_id"], provider: row["provider"], service: row["service"],
            occurredOn: Day(iso: row["occurred_on"]) ?? Day(year: 1970, month: 1, day: 1)!, what: row["what"],
            source: row["source"], action: row["action"], recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
    }

    static func alert(_ row: SQLRow) throws -> Alert {
        let message: String = row["message"]
        return Alert(
            id: row["id"], applicationID: row["application_id"], kind: Alert.Kind(rawValue: row["kind"]) ?? .incident,
            recipientLogin: row["recipient_login"], recipientName: row["recipient_name"],
            message: try decoded(Localized.self, message, of: "alert/\(row["id"] as Int64)"),
            createdAt: row["created_at"], acknowledgedAt: row["acknowledged_at"], needsDecision: row["needs_decision"])
    }
}
