import Foundation

/// What the four-eyes rule reads of a service besides the columns every list holds: who edited
/// its application and its termination form, and the 所属長 named on an application under
/// review. The 所属長 is kept only in the application's answers: it is read alone, so that a
/// review queue of thousands of applications decodes none of them whole.
struct ReviewFacts {
    var editors: [Int64: [String]] = [:]
    var terminationEditors: [Int64: [String]] = [:]

    /// Of the services `ids`.
    static func read(_ session: any SQLSession, ids: [Int64]) throws -> ReviewFacts {
        var facts = ReviewFacts()
        guard !ids.isEmpty else { return facts }
        let list = "(" + ids.map { _ in "?" }.joined(separator: ",") + ")"
        let arguments: SQLArguments = ids
        try session.each(sql: "SELECT application_id, login FROM application_editor WHERE application_id IN \(list) ORDER BY application_id, login", arguments: arguments) { row in
            facts.editors[row[0], default: []].append(row[1])
        }
        try session.each(sql: "SELECT application_id, login FROM termination_editor WHERE application_id IN \(list) ORDER BY application_id, login", arguments: arguments) { row in
            facts.terminationEditors[row[0], default: []].append(row[1])
        }
        return facts
    }

    /// A column to select beside the application's own, for answers not read whole: the
    /// 所属長 named on an application under review, as the JSON of its answer.
    static func departmentHeadColumn(_ dialect: SQLDialect) -> String {
        "CASE WHEN status = 'submitted' THEN \(answer(ApplicationFields.departmentHead, dialect)) END AS \(departmentHeadAnswer)"
    }

    static let departmentHeadAnswer = "department_head_answer"

    /// The answer that column holds, if any.
    static func departmentHead(_ json: String?) throws -> AnswerValue? {
        // Not readable: no 所属長 is known to keep out of the check (the service itself is set aside).
        json.flatMap { try? JSONDecoder().decode(AnswerValue.self, from: Data($0.utf8)) }
    }

    /// One field of the answers, as the JSON of its value: the answers are a JSON object keyed
    /// by field id (`Answers`), in a text column of either database.
    static func answer(_ field: String, _ dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: return "json_extract(answers, '$.\(field)')"
        case .postgresql: return "(answers::jsonb -> '\(field)')::text"
        }
    }

    /// Gives the record what was read of it.
    func complete(_ record: inout ApplicationRecord) {
        record.editors = editors[record.id] ?? []
        record.termination?.editors = terminationEditors[record.id] ?? []
    }
}
