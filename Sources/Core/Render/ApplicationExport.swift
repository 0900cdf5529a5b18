import Foundation

/// An application as JSON for scripts: every field, every mark and every attachment hash.
public enum ApplicationExport {
    public static func json(_ records: [ApplicationRecord]) throws -> String {
        guard !records.isEmpty else { return "[]" }
        var json = PrettyJSON()
        json.array(records) { ExportedApplication($1).write(to: &$0) }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    public static func json(_ record: ApplicationRecord) throws -> String {
        var json = PrettyJSON()
        ExportedApplication(record).write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoded(value), as: UTF8.self)
    }

    static func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// One application as an element of the pretty-printed array `json(_ records:)` writes,
    /// one level in, for an export written a service at a time.
    static func arrayElement(_ record: ApplicationRecord) -> String {
        String(decoding: arrayElement(record, after: ""), as: UTF8.self)
    }

    /// A service as the store gives it to the export, as UTF-8 bytes after `separator`: an
    /// export makes no String of them.
    static func arrayElement(_ exported: ExportedRecord, after separator: StaticString) -> [UInt8] {
        // An application of the 10,000-service lifetime is 13 KB on average: few reallocations.
        var json = PrettyJSON(depth: 1, after: separator, capacity: 16_384)
        ExportedApplication(exported.record, duties: exported.duties).write(to: &json)
        return json.bytes
    }

    static func arrayElement(_ record: ApplicationRecord, after separator: StaticString) -> [UInt8] {
        arrayElement(ExportedRecord(record), after: separator)
    }

    /// Any value as an element of a pretty-printed array, from the encoder's bytes: every line
    /// but empty ones indented by two more spaces. Bytes, not lines of a String.
    static func arrayElement<T: Encodable>(_ value: T) throws -> String {
        let data = try encoded(value)
        var indented = [UInt8]()
        indented.reserveCapacity(data.count + data.count / 4)
        indented += [0x20, 0x20]
        var previous: UInt8 = 0
        for byte in data {
            if previous == 0x0A && byte != 0x0A { indented += [0x20, 0x20] }
            indented.append(byte)
            previous = byte
        }
        return String(decoding: indented, as: UTF8.self)
    }
}

struct ExportedApplication: Encodable {
    let id: Int64
    let status: String
    let applicant_login: String
    let procedure_version: String
    let submitted_at: String
    let user_count: Int
    let fields: [String: JSONValue]
    let checks: [ExportedCheck]
    let attachments: [ExportedAttachment]
    let version: Int
    let editors: [String]
    let decisions: [ExportedDecision]
    let acknowledgement: Acknowledgement?
    let duty_records: [ExportedDuty]
    let incidents: [Incident]
    let stop: ServiceStop?
    let continuations: [ContinuationDecision]
    let risks_explained_by: String?
    let imported: Bool
    let termination: ExportedTermination?
    let ended_on: String?
    let keep_until: String?

    /// Its checks as the version it was made under numbers and words them; its duty records
    /// `duties` when the store gave them as the export writes them, else from the record's.
    init(_ record: ApplicationRecord, duties: [ExportedDuty]? = nil) {
        self = ProcedureScope.forForm(record) { ExportedApplication(underItsVersion: record, duties: duties) }
    }

    private init(underItsVersion record: ApplicationRecord, duties: [ExportedDuty]?) {
        id = record.id
        status = record.status.rawValue
        applicant_login = record.applicantLogin
        procedure_version = record.procedureVersion
        submitted_at = record.submittedAt
        user_count = record.userCount
        // The version's checks made once: each is four strings, and the list is read twice.
        let items = ApplicationChecks.items
        fields = ExportedCheck.fields(record.answers, without: items)
        let review = record.latestDecision?.answers ?? [:]
        checks = ExportedCheck.all(items, record.answers, review, mark: ReviewFields.mark, note: ReviewFields.note)
        attachments = record.attachments.map { ExportedAttachment(field: $0.field, $0.attachment) }
        version = record.version
        editors = record.editors
        decisions = record.decisions.map(ExportedDecision.init)
        acknowledgement = record.acknowledgement
        duty_records = duties ?? record.dutyRecords.map { ExportedDuty($0, answers: ExportedAnswers($0.answers)) }
        incidents = record.incidents
        stop = record.stop
        continuations = record.continuations
        risks_explained_by = record.acknowledgement == nil ? nil : record.approval?.reviewerLogin
        imported = record.isImported
        ended_on = record.endDay?.iso
        keep_until = record.keepUntil?.iso
        termination = record.termination.map { termination in
            let review = termination.latestDecision?.answers ?? [:]
            let items = TerminationProcedure.checks
            return ExportedTermination(
                status: termination.status.rawValue, applicant_login: termination.applicantLogin,
                submitted_at: termination.submittedAt, version: termination.version,
                fields: ExportedCheck.fields(termination.answers, without: items),
                checks: ExportedCheck.all(
                    items, termination.answers, review,
                    mark: ReviewFields.terminationMark, note: ReviewFields.terminationNote),
                decisions: termination.decisions.map(ExportedDecision.init))
        }
    }
}

struct ExportedCheck: Encodable {
    let number: Int
    let question: String
    let applicant_mark: String?
    let applicant_note: String?
    let reviewer_mark: String?
    let reviewer_note: String?
    let evidence: [ExportedAttachment]

    /// A form's answers but those of its checks, which `all` gives. The checks' answers taken
    /// out of a copy: a set of their ids, then every answer looked up in it, hashed twice as much.
    static func fields(_ answers: Answers, without items: [CheckItem]) -> [String: JSONValue] {
        var fields = answers
        for item in items {
            for id in [item.markID, item.proceedID, item.noteID, item.evidenceID] { fields.removeValue(forKey: id) }
        }
        return fields.mapValues(JSONValue.init)
    }

    /// Both columns of a form's checks: the applicant's answers and the reviewer's.
    static func all(_ items: [CheckItem], _ answers: Answers, _ review: Answers, mark: (Int) -> String, note: (Int) -> String) -> [ExportedCheck] {
        items.map { item in
            ExportedCheck(
                number: item.number, question: item.text.ja,
                applicant_mark: answers[item.markID]?.mark?.symbol,
                applicant_note: answers[item.noteID]?.text,
                reviewer_mark: review[mark(item.number)]?.mark?.symbol,
                reviewer_note: review[note(item.number)]?.text,
                evidence: (answers[item.evidenceID]?.files ?? []).map { ExportedAttachment(field: item.evidenceID, $0) })
        }
    }
}

struct ExportedTermination: Encodable {
    let status: String
    let applicant_login: String
    let submitted_at: String
    let version: Int
    let fields: [String: JSONValue]
    let checks: [ExportedCheck]
    let decisions: [ExportedDecision]
}

struct ExportedDuty: Encodable {
    let kind: String
    let done_on: String
    let recorded_by: String
    let recorded_at: String
    let answers: ExportedAnswers

    /// The record's answers are not read: `answers` are.
    init(_ duty: DutyRecord, answers: ExportedAnswers) {
        kind = duty.kind.rawValue
        done_on = duty.doneOn.iso
        recorded_by = duty.recordedBy
        recorded_at = duty.recordedAt
        self.answers = answers
    }
}

/// A service as the store reads it for the JSON export: its duty records already as the export
/// writes them, their answers in order as stored (`StoredAnswers.inOrder`).
public struct ExportedRecord {
    public let record: ApplicationRecord
    let duties: [ExportedDuty]?

    init(_ record: ApplicationRecord, duties: [ExportedDuty]? = nil) {
        self.record = record
        self.duties = duties
    }
}

/// Answers as plain JSON in the order the export writes an object's keys: their UTF-8 bytes.
struct ExportedAnswers: Encodable {
    let members: [(id: String, value: JSONValue)]

    init(_ answers: Answers) {
        members = answers.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, JSONValue($0.value)) }
    }

    /// Answers already in that order.
    init(inOrder answers: [(id: String, value: AnswerValue)]) {
        members = answers.map { ($0.id, JSONValue($0.value)) }
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for member in members { try container.encode(member.value, forKey: Key(stringValue: member.id)) }
    }
}

struct ExportedDecision: Encodable {
    let outcome: String
    let reviewer_login: String
    let reviewer_name: String
    let reason: String?
    let decided_at: String
    let application_version: Int
    let business_need: Bool?
    let classification_permitted: Bool?
    let permission_reason: String?

    init(_ decision: Decision) {
        outcome = decision.outcome.rawValue
        reviewer_login = decision.reviewerLogin
        reviewer_name = decision.reviewerName
        reason = decision.reason
        decided_at = decision.decidedAt
        application_version = decision.applicationVersion
        business_need = decision.answers[ReviewFields.businessNeed]?.flag
        classification_permitted = decision.answers[ReviewFields.permitClassification]?.flag
        permission_reason = decision.answers[ReviewFields.permitReason]?.text
    }
}

struct ExportedAttachment: Encodable {
    let field: String?
    let file_name: String
    let size: Int64
    let sha256: String
    let added_at: String

    init(field: String?, _ attachment: Attachment) {
        self.field = field
        file_name = attachment.fileName
        size = attachment.size
        sha256 = attachment.sha256
        added_at = attachment.addedAt
    }
}

/// An answer as plain JSON: strings, arrays, booleans, null.
enum JSONValue: Encodable {
    case string(String), strings([String]), bool(Bool), files([ExportedAttachment]), null

    init(_ value: AnswerValue) {
        switch value {
        case .text(let text): self = .string(text)
        case .list(let items): self = .strings(items)
        case .date(let day): self = .string(day.iso)
        case .flag(let flag): self = .bool(flag)
        case .classification(let level): self = .string(level.label)
        case .mark(let mark): self = .string(mark.symbol)
        case .choice(let value): self = .string(value)
        case .files(let files): self = .files(files.map { ExportedAttachment(field: nil, $0) })
        case .skipped: self = .null
        case .person(let person): self = .string(person.name)
        case .people(let people): self = .strings(people.map(\.name))
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .strings(let items): try container.encode(items)
        case .bool(let flag): try container.encode(flag)
        case .files(let files): try container.encode(files)
        case .null: try container.encodeNil()
        }
    }
}
