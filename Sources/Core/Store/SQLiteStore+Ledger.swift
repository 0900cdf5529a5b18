import Foundation
import GRDB

/// The questions the ledger answers: which services, in what state, by whom, overdue or not.
public struct LedgerFilter: Sendable, Equatable {
    public var statuses: [ApplicationStatus] = []
    public var department: String?
    /// Part of the provider's name.
    public var provider: String?
    /// Part of the service's name.
    public var service: String?
    public var classifications: [Classification] = []
    public var overdue = false
    public var retentionPassed = false
    public var personalInformation: Bool?
    public var approvedFrom: Day?
    public var approvedTo: Day?
    /// Words found anywhere in the service's records: names, purposes, notes.
    public var text: String?
    public var limit: Int?
    /// Services kept by these people (logins) or in these 課.
    public var involving: Involvement?
    public var terminationStatus: TerminationStatus?

    public init() {}

    public var isEmpty: Bool { self == LedgerFilter() }
}

extension SQLiteStore {
    /// Brings an application's derived columns, dues and search text up to date.
    static func refreshLedger(_ db: Database, id: Int64) throws {
        guard let record = try loadApplication(db, id: id) else { return }
        let approved = record.decisions.last { $0.outcome == .approved }.flatMap { Village.day(ofTimestamp: $0.decidedAt) }
        try db.execute(
            sql: """
                UPDATE application SET classification = ?, personal_information = ?, approved_on = ?, keep_until = ?,
                manager_key = ? WHERE id = ?
                """,
            arguments: [record.classification?.rawValue, record.answers[ApplicationFields.personalInformation]?.flag,
                        approved?.iso, record.keepUntil?.iso, record.serviceManagerLogin, id])
        try db.execute(sql: "DELETE FROM duty_due WHERE application_id = ?", arguments: [id])
        if record.status == .inUse, let start = record.inUseFrom {
            for kind in DutyKind.allCases {
                guard let cadence = kind.schedule else { continue }
                let due = DutySchedule.earliestOpenDue(
                    cadence: cadence, inUseFrom: start, doneOn: record.dutyRecords.filter { $0.kind == kind }.map(\.doneOn))
                // Nothing is due once the end date of a termination has come.
                if let end = record.termination?.endDate, due >= end { continue }
                try db.execute(
                    sql: "INSERT INTO duty_due (application_id, kind, due_on) VALUES (?, ?, ?)",
                    arguments: [id, kind.rawValue, due.iso])
            }
        }
        try db.execute(sql: "DELETE FROM ledger_text WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO ledger_text (rowid, content) VALUES (?, ?)", arguments: [id, searchText(record)])
    }

    /// Everything a person might search a service by.
    static func searchText(_ record: ApplicationRecord) -> String {
        var parts = record.answers.values.flatMap { value -> [String] in
            switch value {
            case .text(let text): return [text]
            case .list(let items): return items
            case .files(let files): return files.map(\.fileName)
            case .person(let person): return [person.name]
            case .people(let people): return people.map(\.name)
            default: return []
            }
        }
        parts += record.decisions.compactMap(\.reason)
        parts += record.dutyRecords.flatMap { $0.answers.values.compactMap(\.text) }
        parts += record.incidents.map(\.what)
        parts += record.termination.map { $0.answers.values.compactMap(\.text) } ?? []
        return parts.joined(separator: "\n")
    }

    public func query(_ filter: LedgerFilter, today: Day) throws -> [ApplicationRecord] {
        try database.read { db in
            try Self.matchingIDs(db, filter, today: today).compactMap { try Self.loadApplication(db, id: $0) }
        }
    }

    /// The matching services for a list: the application, its decisions, termination and
    /// holds, read in batches; not their duty records, incidents or attachments.
    public func summaries(_ filter: LedgerFilter, today: Day) throws -> [ApplicationRecord] {
        try database.read { db in try Self.loadSummaries(db, ids: try Self.matchingIDs(db, filter, today: today)) }
    }

    public func distinctValues(_ column: LedgerColumn) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT \(column.rawValue) FROM application ORDER BY \(column.rawValue)")
        }
    }

    static func loadSummaries(_ db: Database, ids: [Int64]) throws -> [ApplicationRecord] {
        var records: [ApplicationRecord] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let list = chunk.map(String.init).joined(separator: ",")
            var decisions: [Int64: [Decision]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM decision WHERE application_id IN (\(list)) ORDER BY id") {
                let decision = try decisionRow(row)
                decisions[decision.applicationID, default: []].append(decision)
            }
            var terminations: [Int64: TerminationRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM termination WHERE application_id IN (\(list))") {
                let answers: String = row["answers"]
                let id: Int64 = row["application_id"]
                terminations[id] = TerminationRecord(
                    applicationID: id, applicantLogin: row["applicant"], status: TerminationStatus(rawValue: row["status"]) ?? .submitted,
                    answers: try JSONDecoder().decode(Answers.self, from: Data(answers.utf8)), submittedAt: row["submitted_at"], version: row["version"])
            }
            var holds: [Int64: [Day]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT application_id, until FROM retention_hold WHERE application_id IN (\(list))") {
                if let day = Day(iso: row["until"]) { holds[row["application_id"], default: []].append(day) }
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM application WHERE id IN (\(list)) ORDER BY id") {
                var record = try applicationRow(row)
                let all = decisions[record.id] ?? []
                record.decisions = all.filter { $0.form == .application }
                record.termination = terminations[record.id]
                record.termination?.decisions = all.filter { $0.form == .termination }
                record.holds = holds[record.id] ?? []
                records.append(record)
            }
        }
        return records
    }

    /// Only the ids, for counting and for the benchmark.
    public func queryIDs(_ filter: LedgerFilter, today: Day) throws -> [Int64] {
        try database.read { db in try Self.matchingIDs(db, filter, today: today) }
    }

    static func matchingIDs(_ db: Database, _ filter: LedgerFilter, today: Day) throws -> [Int64] {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        if !filter.statuses.isEmpty {
            conditions.append("status IN (" + filter.statuses.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += filter.statuses.map(\.rawValue)
        }
        if let department = filter.department {
            conditions.append("department = ?")
            arguments.append(department)
        }
        if let provider = filter.provider {
            conditions.append("provider LIKE ? ESCAPE '\\'")
            arguments.append("%" + escapeLike(provider) + "%")
        }
        if let service = filter.service {
            conditions.append("service LIKE ? ESCAPE '\\'")
            arguments.append("%" + escapeLike(service) + "%")
        }
        if !filter.classifications.isEmpty {
            conditions.append("classification IN (" + filter.classifications.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += filter.classifications.map(\.rawValue)
        }
        if filter.overdue {
            conditions.append("status = 'in_use' AND id IN (SELECT application_id FROM duty_due WHERE due_on < ?)")
            arguments.append(today.iso)
        }
        if filter.retentionPassed {
            conditions.append("keep_until < ?")
            arguments.append(today.iso)
        }
        if let personal = filter.personalInformation {
            // A third of the services handle personal information: with any other condition,
            // "+" keeps the planner on that condition's more selective index.
            conditions.append(conditions.isEmpty && filter.department == nil ? "personal_information = ?" : "+personal_information = ?")
            arguments.append(personal)
        }
        if let from = filter.approvedFrom {
            conditions.append("approved_on >= ?")
            arguments.append(from.iso)
        }
        if let to = filter.approvedTo {
            conditions.append("approved_on <= ?")
            arguments.append(to.iso)
        }
        if let involving = filter.involving {
            let managers = involving.managers.isEmpty ? ["\u{0}"] : involving.managers
            let departments = involving.departments.isEmpty ? ["\u{0}"] : involving.departments
            conditions.append("(manager_key IN (" + managers.map { _ in "?" }.joined(separator: ",") + ") OR department IN ("
                + departments.map { _ in "?" }.joined(separator: ",") + "))")
            arguments += managers as [DatabaseValueConvertible?]
            arguments += departments as [DatabaseValueConvertible?]
        }
        if let termination = filter.terminationStatus {
            conditions.append("id IN (SELECT application_id FROM termination WHERE status = ?)")
            arguments.append(termination.rawValue)
        }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if text.count >= 3 {
                // The trigram index finds any run of three or more characters, Japanese too.
                conditions.append("id IN (SELECT rowid FROM ledger_text WHERE ledger_text MATCH ?)")
                arguments.append("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            } else {
                conditions.append("id IN (SELECT rowid FROM ledger_text WHERE content LIKE ? ESCAPE '\\')")
                arguments.append("%" + escapeLike(text) + "%")
            }
        }
        var sql = "SELECT id FROM application"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        // With conditions, "+id" lets the planner use their indexes and sort what it finds,
        // instead of walking the whole table in id order.
        sql += conditions.isEmpty ? " ORDER BY id" : " ORDER BY +id"
        if let limit = filter.limit { sql += " LIMIT \(limit)" }
        return try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// How many services there are in each status, or in each 課.
    public func counts(by grouping: LedgerGrouping) throws -> [(key: String, count: Int)] {
        try database.read { db in
            let column = grouping == .status ? "status" : "department"
            return try Row.fetchAll(db, sql: "SELECT \(column) AS key, COUNT(*) AS n FROM application GROUP BY \(column) ORDER BY \(column)")
                .map { (key: $0["key"], count: $0["n"]) }
        }
    }
}

/// The services a person has a part in: those they keep, and those of the 課 they oversee.
public struct Involvement: Sendable, Equatable {
    public var managers: [String]
    public var departments: [String]

    /// The services a login keeps, found by the login named as their manager, never by a name.
    public init(login: String?, departments: [String]) {
        managers = login.map { [$0] } ?? []
        self.departments = departments
    }
}

/// Columns whose values the query shell completes.
public enum LedgerColumn: String, Sendable {
    case department, provider, service
}

public enum LedgerGrouping: String, Sendable {
    case status, department
}
