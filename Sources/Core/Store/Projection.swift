import Foundation

/// The only writer of the store's records: each event becomes its rows, then the derived
/// columns, dues and search text of every application it touched (`refreshLedger`). The store
/// runs it on the events of each command it appends; verify runs it on a scratch database from
/// the first command of the log, and compares what it built with every table of the store.
enum Projection {
    /// A form decided, corrected or withdrawn is nobody's to double-check any more: the claim
    /// on it (working state, signed by its reviewer) goes.
    static let claimCleared = "reviewing_by = NULL, reviewing_since = NULL, reviewing_signature = NULL"

    static func apply(_ events: [Event], _ db: any SQLSession) throws {
        var touched: [Int64] = []
        for event in events {
            try apply(event, db)
            if let id = event.application, !touched.contains(id) { touched.append(id) }
        }
        guard !touched.isEmpty else { return }
        let book = try SQLStore.procedureBook(db)
        for id in touched { try SQLStore.refreshLedger(db, id: id, book: book) }
    }

    private static func apply(_ event: Event, _ db: any SQLSession) throws {
        switch event {
        case .applicationFiled(let id, let applicant, let answers, let procedureVersion, let status, let at):
            try db.execute(
                sql: """
                    INSERT INTO application (id, answers, department, provider, service, period_start, period_end,
                    applicant, status, procedure_version, submitted_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    """,
                arguments: [id, try SQLStore.json(answers)] + answerColumns(answers)
                    + [applicant, status.rawValue, procedureVersion, at])
            try insertAttachments(answers.attachments, id, db)

        case .applicationResubmitted(let id, let answers):
            try db.execute(
                sql: """
                    UPDATE application SET answers = ?, department = ?, provider = ?, service = ?, period_start = ?,
                    period_end = ?, status = 'submitted', version = version + 1, \(claimCleared)
                    WHERE id = ?
                    """,
                arguments: [try SQLStore.json(answers)] + answerColumns(answers) + [id])
            // The corrected form's files replace the earlier ones; a termination keeps its own.
            try db.execute(sql: "DELETE FROM application_attachment WHERE application_id = ?", arguments: [id])
            try insertAttachments(answers.attachments, id, db)

        case .editorAdded(let id, let form, let login):
            let table = form == .termination ? "termination_editor" : "application_editor"
            try db.execute(sql: "INSERT INTO \(table) (application_id, login) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [id, login])

        case .applicationWithdrawn(let id):
            try db.execute(
                sql: "UPDATE application SET status = 'withdrawn', version = version + 1, \(claimCleared) WHERE id = ?",
                arguments: [id])

        case .draftDiscarded:
            break

        case .staffAdded(let member, let at):
            try db.execute(
                sql: "INSERT INTO staff (login, name, department, is_administrator, added_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [member.login, member.name, member.department, member.isAdministrator, at])
            try writeReviewerRoles(db, member)
            try writeMail(db, member)
            try writeDeputyships(db, member)

        case .staffUpdated(let member):
            try db.execute(
                sql: "UPDATE staff SET name = ?, department = ?, is_administrator = ? WHERE login = ?",
                arguments: [member.name, member.department, member.isAdministrator, member.login])
            try writeReviewerRoles(db, member)
            try writeMail(db, member)
            try writeDeputyships(db, member)

        case .staffRemoved(let login):
            try db.execute(sql: "DELETE FROM staff WHERE login = ?", arguments: [login])

        case .decided(let id, let decision, let effect):
            try db.execute(
                sql: """
                    INSERT INTO decision (id, application_id, reviewer, reviewer_name, outcome, reason, answers,
                    application_version, decided_at, form) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, decision.applicationID, decision.reviewerLogin, decision.reviewerName, decision.outcome.rawValue,
                    decision.reason, try SQLStore.json(decision.answers), decision.applicationVersion, decision.decidedAt,
                    decision.form.rawValue,
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
                        \(claimCleared) WHERE id = ?
                        """,
                    arguments: [status.rawValue, effect.endedOn?.iso, decision.applicationID])
            }

        case .risksAcknowledged(let acknowledgement):
            try db.execute(
                sql: "INSERT INTO acknowledgement (application_id, login, name, acknowledged_at) VALUES (?, ?, ?, ?)",
                arguments: [acknowledgement.applicationID, acknowledgement.login, acknowledgement.name, acknowledgement.acknowledgedAt])
            try db.execute(
                sql: "UPDATE application SET status = 'in_use', version = version + 1 WHERE id = ?", arguments: [acknowledgement.applicationID])

        case .dutyRecorded(let id, let record):
            try db.execute(
                sql: """
                    INSERT INTO duty_record (id, application_id, kind, done_on, answers, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, record.applicationID, record.kind.rawValue, record.doneOn.iso, try SQLStore.json(record.answers),
                            record.recordedBy, record.recordedAt])

        case .serviceStopped(let id, let stop):
            try db.execute(
                sql: """
                    UPDATE application SET status = 'stopped', stopped_reason = ?, stopped_by = ?, stopped_at = ?, version = version + 1
                    WHERE id = ?
                    """,
                arguments: [stop.reason, stop.stoppedBy, stop.stoppedAt, id])

        case .decisionAlertsClosed(let id, let login, let at):
            try db.execute(
                sql: """
                    UPDATE alert SET acknowledged_at = ?, acknowledged_by = ?
                    WHERE application_id = ? AND needs_decision <> 0 AND acknowledged_at IS NULL
                    """,
                arguments: [at, login, id])

        case .incidentRecorded(let id, let incident):
            try db.execute(
                sql: """
                    INSERT INTO incident (id, application_id, provider, service, occurred_on, what, source, action, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, incident.applicationID, incident.provider, incident.service, incident.occurredOn.iso, incident.what,
                            incident.source, incident.action, incident.recordedBy, incident.recordedAt])

        case .alertRaised(let id, let alert):
            try db.execute(
                sql: """
                    INSERT INTO alert (id, application_id, kind, recipient_login, recipient_name, message, needs_decision, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, alert.applicationID, alert.kind.rawValue, alert.recipientLogin, alert.recipientName,
                            try SQLStore.json(alert.message), alert.needsDecision, alert.createdAt])

        case .alertRead(let id, let login, let at):
            try db.execute(sql: "UPDATE alert SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?", arguments: [at, login, id])

        case .terminationSubmitted(let id, let applicant, let answers, let at):
            // A form sent again after a return files its attachments anew: the last form's go first.
            if let earlier = try SQLStore.loadTermination(db, id: id) {
                for (field, attachment) in earlier.answers.attachments {
                    try db.execute(
                        sql: "DELETE FROM application_attachment WHERE application_id = ? AND field = ? AND sha256 = ?",
                        arguments: [id, field, attachment.sha256])
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO termination (application_id, applicant, status, answers, submitted_at, version)
                    VALUES (?, ?, 'submitted', ?, ?, 1)
                    ON CONFLICT(application_id) DO UPDATE SET status = 'submitted', answers = excluded.answers,
                    version = termination.version + 1
                    """,
                arguments: [id, applicant, try SQLStore.json(answers), at])
            try insertAttachments(answers.attachments, id, db)

        case .retentionHeld(let id, let application, let until, let reason, let login, let at):
            try db.execute(
                sql: "INSERT INTO retention_hold (id, application_id, until, reason, held_by, held_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, application, until.iso, reason, login, at])

        case .purged(let id):
            try db.execute(sql: "DELETE FROM application WHERE id = ?", arguments: [id])

        case .procedureAdopted(let adoption, let entry, let login, let at):
            try db.execute(
                sql: """
                    INSERT INTO procedure_version (version, in_force_from, text, sha256, entry, adopted_by, adopted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [adoption.version, adoption.from.iso, adoption.text, adoption.sha256, entry, login, at])
            // Services keep the version their form was made under: no application's rows change.

        case .keyVouched:
            // Verify reads who vouched for which key from the log itself (AuditVerifier).
            break

        case .countersAdvanced(let counters):
            try db.execute(
                sql: """
                    INSERT INTO record_counter (name, last) VALUES ('application', ?)
                    ON CONFLICT(name) DO UPDATE SET last = excluded.last
                    """,
                arguments: [counters.application])
        }
    }

    /// The answers the ledger keeps in columns of their own, in the order the statements name them.
    private static func answerColumns(_ answers: Answers) -> SQLArguments {
        [
            answers[ApplicationFields.department]?.text ?? "", answers[ApplicationFields.provider]?.text ?? "",
            answers[ApplicationFields.service]?.text ?? "", answers[ApplicationFields.periodStart]?.date?.iso,
            answers[ApplicationFields.periodEnd]?.date?.iso,
        ]
    }

    private static func insertAttachments(_ attachments: [(field: String, attachment: Attachment)], _ id: Int64, _ db: any SQLSession) throws {
        for (field, attachment) in attachments {
            try db.execute(
                sql: """
                    INSERT INTO application_attachment (application_id, field, sha256, file_name, size, added_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                arguments: [id, field, attachment.sha256, attachment.fileName, attachment.size, attachment.addedAt])
        }
    }

    private static func writeMail(_ db: any SQLSession, _ member: StaffMember) throws {
        try db.execute(sql: "DELETE FROM staff_mail WHERE login = ?", arguments: [member.login])
        if let mail = member.mail {
            try db.execute(
                sql: "INSERT INTO staff_mail (login, mail, language) VALUES (?, ?, ?)",
                arguments: [member.login, mail, member.mailLanguage?.rawValue])
        }
    }

    private static func writeDeputyships(_ db: any SQLSession, _ member: StaffMember) throws {
        try db.execute(sql: "DELETE FROM staff_deputy WHERE login = ?", arguments: [member.login])
        for deputyship in member.deputyOf {
            try db.execute(
                sql: "INSERT INTO staff_deputy (login, department, until) VALUES (?, ?, ?)",
                arguments: [member.login, deputyship.department, deputyship.until.iso])
        }
    }

    private static func writeReviewerRoles(_ db: any SQLSession, _ member: StaffMember) throws {
        try db.execute(sql: "DELETE FROM staff_reviewer WHERE login = ?", arguments: [member.login])
        for department in Set(member.reviewerOf).sorted() {
            try db.execute(sql: "INSERT INTO staff_reviewer (login, department) VALUES (?, ?)", arguments: [member.login, department])
        }
    }
}
