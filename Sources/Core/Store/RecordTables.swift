/// The tables that hold the procedure's records, with the columns that are the record. Every
/// change to them is captured into the signed log entry of the change, so that `audit verify`
/// can compare each row with what the log says it is. Drafts, remembered profiles, review claims
/// and the ledger's derived columns and indexes are working state, recomputed or personal, and
/// not part of it.
struct RecordTable: Sendable {
    let name: String
    let key: [String]
    let columns: [String]

    static let all: [RecordTable] = [
        RecordTable(name: "application", key: ["id"], columns: [
            "id", "applicant", "status", "procedure_version", "answers", "department", "provider", "service",
            "period_start", "period_end", "submitted_at", "version", "stopped_reason", "stopped_by", "stopped_at", "ended_on",
        ]),
        RecordTable(name: "application_attachment", key: ["application_id", "field", "sha256"], columns: [
            "application_id", "field", "sha256", "file_name", "size", "added_at",
        ]),
        RecordTable(name: "application_editor", key: ["application_id", "login"], columns: ["application_id", "login"]),
        RecordTable(name: "decision", key: ["id"], columns: [
            "id", "application_id", "reviewer", "reviewer_name", "outcome", "reason", "answers", "application_version",
            "decided_at", "form",
        ]),
        RecordTable(name: "acknowledgement", key: ["application_id"], columns: ["application_id", "login", "name", "acknowledged_at"]),
        RecordTable(name: "duty_record", key: ["id"], columns: [
            "id", "application_id", "kind", "done_on", "answers", "recorded_by", "recorded_at",
        ]),
        RecordTable(name: "alert", key: ["id"], columns: [
            "id", "application_id", "kind", "recipient_login", "recipient_name", "message", "needs_decision", "created_at",
            "acknowledged_at", "acknowledged_by",
        ]),
        RecordTable(name: "incident", key: ["id"], columns: [
            "id", "application_id", "provider", "service", "occurred_on", "what", "source", "action", "recorded_by", "recorded_at",
        ]),
        RecordTable(name: "termination", key: ["application_id"], columns: [
            "application_id", "applicant", "status", "answers", "submitted_at", "version",
        ]),
        RecordTable(name: "termination_editor", key: ["application_id", "login"], columns: ["application_id", "login"]),
        RecordTable(name: "retention_hold", key: ["id"], columns: ["id", "application_id", "until", "reason", "held_by", "held_at"]),
        RecordTable(name: "staff", key: ["login"], columns: ["login", "name", "department", "is_administrator", "added_at"]),
        RecordTable(name: "staff_reviewer", key: ["login", "department"], columns: ["login", "department"]),
        RecordTable(name: "staff_mail", key: ["login"], columns: ["login", "mail", "language"]),
    ]

    static func named(_ name: String) -> RecordTable? { all.first { $0.name == name } }

    var keyExpression: (String) -> String {
        { prefix in "json_array(" + key.map { "\(prefix).\($0)" }.joined(separator: ", ") + ")" }
    }
}
