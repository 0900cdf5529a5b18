/// An exported application written by `PrettyJSON`: the bytes `JSONEncoder` makes of the same
/// values (its `Encodable` conformances stay, as the reference the tests hold these against).
/// Each object's keys are written in the order of their UTF-8 bytes, and a nil optional is
/// left out, as a synthesised `encode(to:)` leaves it out.
extension ExportedApplication {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let acknowledgement {
            json.key("acknowledgement")
            acknowledgement.write(to: &json)
        }
        json.member("applicant_login", applicant_login)
        json.key("attachments")
        json.array(attachments) { $1.write(to: &$0) }
        json.key("checks")
        json.array(checks) { $1.write(to: &$0) }
        json.key("continuations")
        json.array(continuations) { $1.write(to: &$0) }
        json.key("decisions")
        json.array(decisions) { $1.write(to: &$0) }
        json.key("duty_records")
        json.array(duty_records) { $1.write(to: &$0) }
        json.member("editors", editors)
        json.member("ended_on", ifPresent: ended_on)
        json.key("fields")
        json.object(fields) { $1.write(to: &$0) }
        json.member("id", id)
        json.member("imported", imported)
        json.key("incidents")
        json.array(incidents) { $1.write(to: &$0) }
        json.member("keep_until", ifPresent: keep_until)
        json.member("procedure_version", procedure_version)
        json.member("risks_explained_by", ifPresent: risks_explained_by)
        json.member("status", status)
        if let stop {
            json.key("stop")
            stop.write(to: &json)
        }
        json.member("submitted_at", submitted_at)
        if let termination {
            json.key("termination")
            termination.write(to: &json)
        }
        json.member("user_count", user_count)
        json.member("version", version)
        json.endObject()
    }
}

extension ExportedCheck {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("applicant_mark", ifPresent: applicant_mark)
        json.member("applicant_note", ifPresent: applicant_note)
        json.key("evidence")
        json.array(evidence) { $1.write(to: &$0) }
        json.member("number", number)
        json.member("question", question)
        json.member("reviewer_mark", ifPresent: reviewer_mark)
        json.member("reviewer_note", ifPresent: reviewer_note)
        json.endObject()
    }
}

extension ExportedTermination {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("applicant_login", applicant_login)
        json.key("checks")
        json.array(checks) { $1.write(to: &$0) }
        json.key("decisions")
        json.array(decisions) { $1.write(to: &$0) }
        json.key("fields")
        json.object(fields) { $1.write(to: &$0) }
        json.member("status", status)
        json.member("submitted_at", submitted_at)
        json.member("version", version)
        json.endObject()
    }
}

extension ExportedDuty {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.key("answers")
        answers.write(to: &json)
        json.member("done_on", done_on)
        json.member("kind", kind)
        json.member("recorded_at", recorded_at)
        json.member("recorded_by", recorded_by)
        json.endObject()
    }
}

extension ExportedDecision {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("application_version", application_version)
        json.member("business_need", ifPresent: business_need)
        json.member("classification_permitted", ifPresent: classification_permitted)
        json.member("decided_at", decided_at)
        json.member("outcome", outcome)
        json.member("permission_reason", ifPresent: permission_reason)
        json.member("reason", ifPresent: reason)
        json.member("reviewer_login", reviewer_login)
        json.member("reviewer_name", reviewer_name)
        json.endObject()
    }
}

extension ExportedAttachment {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("added_at", added_at)
        json.member("field", ifPresent: field)
        json.member("file_name", file_name)
        json.member("sha256", sha256)
        json.member("size", size)
        json.endObject()
    }
}

extension ExportedAnswers {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        for member in members {
            json.key(member.id)
            member.value.write(to: &json)
        }
        json.endObject()
    }
}

extension JSONValue {
    func write(to json: inout PrettyJSON) {
        switch self {
        case .string(let text): json.value(text)
        case .strings(let items): json.array(items) { $0.value($1) }
        case .bool(let flag): json.value(flag)
        case .files(let files): json.array(files) { $1.write(to: &$0) }
        case .null: json.null()
        }
    }
}

extension Acknowledgement {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("acknowledgedAt", acknowledgedAt)
        json.member("applicationID", applicationID)
        json.member("login", login)
        json.member("name", name)
        json.endObject()
    }
}

extension Incident {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("action", ifPresent: action)
        if let applicationID { json.member("applicationID", applicationID) }
        if let id { json.member("id", id) }
        json.member("occurredOn", occurredOn.iso)
        json.member("provider", provider)
        json.member("recordedAt", recordedAt)
        json.member("recordedBy", recordedBy)
        json.member("service", service)
        json.member("source", ifPresent: source)
        json.member("what", what)
        json.endObject()
    }
}

extension ServiceStop {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("reason", reason)
        json.member("stoppedAt", stoppedAt)
        json.member("stoppedBy", stoppedBy)
        json.endObject()
    }
}

extension ContinuationDecision {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("continues", continues)
        json.member("decidedAt", decidedAt)
        json.member("decidedBy", decidedBy)
        json.member("reason", reason)
        json.endObject()
    }
}
