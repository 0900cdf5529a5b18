import Foundation

extension SQLStore {
    static func loadTermination(_ db: any SQLSession, id: Int64) throws -> TerminationRecord? {
        guard let row = try db.row(sql: "SELECT * FROM termination WHERE application_id = ?", arguments: [id]) else { return nil }
        let answers: String = row["answers"]
        var record = TerminationRecord(
            applicationID: id, applicantLogin: row["applicant"], status: TerminationStatus(rawValue: row["status"]) ?? .submitted,
            answers: try decoded(Answers.self, answers, of: "application/\(id)"),
            submittedAt: row["submitted_at"], version: row["version"])
        record.editors = try db.values(String.self, sql: "SELECT login FROM termination_editor WHERE application_id = ? ORDER BY login", arguments: [id])
        return record
    }

}
