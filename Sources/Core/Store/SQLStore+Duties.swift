import Foundation

extension SQLStore {
    public func people() throws -> [Person] {
        try database.read { db in
            try db.rows(sql: "SELECT login, name, department FROM person ORDER BY login")
                .map { Person(login: $0["login"], name: $0["name"], department: $0["department"]) }
        }
    }

    public func recordDuty(_ record: DutyRecord, stop: ServiceStop?, alerts: [Alert]) throws -> ApplicationRecord {
        try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: record.applicationID) else {
                throw StoreError.notFound(id: record.applicationID)
            }
            let member = try Self.loadStaff(db, login: record.recordedBy)
            if let refusal = DutyActions.mayRecord(record.kind, on: application, login: record.recordedBy, member: member) {
                throw StoreError.refused([refusal])
            }
            let answers = try Self.json(record.answers)
            try db.execute(
                sql: """
                    INSERT INTO duty_record (application_id, kind, done_on, answers, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [record.applicationID, record.kind.rawValue, record.doneOn.iso, answers, record.recordedBy, record.recordedAt])
            try AuditTrail.append(
                db, actor: record.recordedBy, action: "duty-\(record.kind.rawValue)", subject: "application/\(record.applicationID)",
                detail: record.doneOn.iso + "\n" + answers, at: record.recordedAt)
            if let stop { try Self.stop(db, application, stop) }
            try Self.insert(db, alerts, actor: record.recordedBy)
            try Self.refreshLedger(db, id: record.applicationID)
            return try Self.loadApplication(db, id: record.applicationID)!
        }
    }

    public func stopService(_ applicationID: Int64, _ stop: ServiceStop, alerts: [Alert]) throws -> ApplicationRecord {
        try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: applicationID) else { throw StoreError.notFound(id: applicationID) }
            let member = try Self.loadStaff(db, login: stop.stoppedBy)
            if let refusal = DutyActions.mayStop(application, login: stop.stoppedBy, member: member) { throw StoreError.refused([refusal]) }
            try Self.stop(db, application, stop)
            try Self.insert(db, alerts, actor: stop.stoppedBy)
            try Self.refreshLedger(db, id: applicationID)
            return try Self.loadApplication(db, id: applicationID)!
        }
    }

    static func stop(_ db: any SQLSession, _ application: ApplicationRecord, _ stop: ServiceStop) throws {
        try db.execute(
            sql: """
                UPDATE application SET status = 'stopped', stopped_reason = ?, stopped_by = ?, stopped_at = ?, version = version + 1
                WHERE id = ?
                """,
            arguments: [stop.reason, stop.stoppedBy, stop.stoppedAt, application.id])
        try AuditTrail.append(db, actor: stop.stoppedBy, action: "stop", subject: "application/\(application.id)", detail: stop.reason, at: stop.stoppedAt)
    }

    static func insert(_ db: any SQLSession, _ alerts: [Alert], actor: String) throws {
        for alert in alerts {
            let id = try db.insert(
                sql: """
                    INSERT INTO alert (application_id, kind, recipient_login, recipient_name, message, needs_decision, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [alert.applicationID, alert.kind.rawValue, alert.recipientLogin, alert.recipientName,
                            try json(alert.message), alert.needsDecision, alert.createdAt])
            try AuditTrail.append(
                db, actor: actor, action: "alert-\(alert.kind.rawValue)", subject: "alert/\(id)",
                detail: (alert.recipientLogin ?? alert.recipientName ?? "") + "\n" + alert.message.ja, at: alert.createdAt)
        }
    }

    public func recordIncident(_ incident: Incident, alerts: [Alert]) throws {
        try recordedWrite { db in
            let refusal: Localized?
            if let id = incident.applicationID {
                guard let application = try Self.loadApplication(db, id: id) else { throw StoreError.notFound(id: id) }
                refusal = DutyActions.mayReportIncident(application)
            } else {
                refusal = DutyActions.mayReportIncidentElsewhere(member: try Self.loadStaff(db, login: incident.recordedBy))
            }
            if let refusal { throw StoreError.refused([refusal]) }
            let id = try db.insert(
                sql: """
                    INSERT INTO incident (application_id, provider, service, occurred_on, what, source, action, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [incident.applicationID, incident.provider, incident.service, incident.occurredOn.iso, incident.what,
                            incident.source, incident.action, incident.recordedBy, incident.recordedAt])
            try AuditTrail.append(
                db, actor: incident.recordedBy, action: incident.applicationID == nil ? "incident-elsewhere" : "incident",
                subject: "incident/\(id)", detail: try Self.json(incident), at: incident.recordedAt)
            try Self.insert(db, alerts, actor: incident.recordedBy)
            if let id = incident.applicationID { try Self.refreshLedger(db, id: id) }
        }
    }

    public func incidents() throws -> [Incident] {
        try database.read { db in try db.rows(sql: "SELECT * FROM incident ORDER BY occurred_on, id").map(Self.incident) }
    }

    public func openAlerts() throws -> [Alert] {
        try database.read { db in
            try db.rows(sql: "SELECT * FROM alert WHERE acknowledged_at IS NULL ORDER BY id").map(Self.alert)
        }
    }

    public func alerts() throws -> [Alert] {
        try database.read { db in try db.rows(sql: "SELECT * FROM alert ORDER BY id").map(Self.alert) }
    }

    public func acknowledgeAlert(id: Int64, by login: String, at timestamp: String) throws {
        try recordedWrite { db in
            guard let alert = try db.row(sql: "SELECT * FROM alert WHERE id = ?", arguments: [id]).map(Self.alert) else { return }
            if let refusal = DutyActions.mayAcknowledge(alertFor: alert.recipientLogin, needsDecision: alert.needsDecision, login: login) {
                throw StoreError.refused([refusal])
            }
            guard try db.execute(
                sql: "UPDATE alert SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL",
                arguments: [timestamp, login, id]) == 1 else { return }
            try AuditTrail.append(db, actor: login, action: "alert-acknowledged", subject: "alert/\(id)", detail: "", at: timestamp)
        }
    }

    /// The 利用責任者's decision after a change (6(1)): the alerts asking for it are closed,
    /// the service stops or goes on, and the service manager is told.
    public func decideContinuation(_ applicationID: Int64, stop: ServiceStop?, by login: String, reason: String, at timestamp: String, alerts: [Alert]) throws -> ApplicationRecord {
        try recordedWrite { db in
            guard let application = try Self.loadApplication(db, id: applicationID) else { throw StoreError.notFound(id: applicationID) }
            if let refusal = DutyActions.mayDecideContinuation(application, login: login, member: try Self.loadStaff(db, login: login)) {
                throw StoreError.refused([refusal])
            }
            try db.execute(
                sql: """
                    UPDATE alert SET acknowledged_at = ?, acknowledged_by = ?
                    WHERE application_id = ? AND needs_decision <> 0 AND acknowledged_at IS NULL
                    """,
                arguments: [timestamp, login, applicationID])
            try AuditTrail.append(
                db, actor: login, action: stop == nil ? ContinuationDecision.actions.continues : ContinuationDecision.actions.stops, subject: "application/\(applicationID)",
                detail: reason, at: timestamp)
            if let stop { try Self.stop(db, application, stop) }
            try Self.insert(db, alerts, actor: login)
            try Self.refreshLedger(db, id: applicationID)
            return try Self.loadApplication(db, id: applicationID)!
        }
    }

    static func dutyRecord(_ row: SQLRow) throws -> DutyRecord {
        // Read without its answers when only the schedule is wanted.
        let answers: String? = row["answers"]
        return DutyRecord(
            id: row["id"], applicationID: row["application_id"], kind: DutyKind(rawValue: row["kind"]) ?? .backup,
            doneOn: Day(iso: row["done_on"]) ?? Day(year: 1970, month: 1, day: 1)!,
            answers: try answers.map { try JSONDecoder().decode(Answers.self, from: Data($0.utf8)) } ?? [:],
            recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
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
            message: try JSONDecoder().decode(Localized.self, from: Data(message.utf8)),
            createdAt: row["created_at"], acknowledgedAt: row["acknowledged_at"], needsDecision: row["needs_decision"])
    }
}
