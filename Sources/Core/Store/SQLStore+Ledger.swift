import Foundation

extension SQLStore {
    /// Brings an application's derived columns, dues and search text up to date; of a purged
    /// application, removes what is left of it. The one place that writes them, called in the
    /// transaction of every change.
    static func refreshLedger(_ db: any SQLSession, id: Int64, book: ProcedureBook) throws {
        try db.execute(sql: "DELETE FROM duty_due WHERE application_id = ?", arguments: [id])
        guard let record = try loadApplication(db, id: id) else {
            try removeSearchText(db, id: id)
            return
        }
        // Its retention and duties are those of the version its form was made under.
        try ProcedureScope.forForm(version: record.procedureVersion, in: book) {
            try refreshLedger(db, record)
        }
    }

    /// The versions of the procedure the store's log adopted, in the order of the log.
    static func procedureBook(_ db: any SQLSession) throws -> ProcedureBook {
        var adoptions: [ProcedureAdoption] = []
        try db.each(sql: "SELECT version, in_force_from, text, sha256 FROM procedure_version ORDER BY entry") { row in
            // A day that does not read is no version in force: verify names the row that differs.
            guard let from = Day(iso: row["in_force_from"]) else { return }
            adoptions.append(ProcedureAdoption(version: row["version"], from: from, text: row["text"], sha256: row["sha256"]))
        }
        return ProcedureBook(adoptions: adoptions)
    }

    private static func refreshLedger(_ db: any SQLSession, _ record: ApplicationRecord) throws {
        let id = record.id
        let approved = record.decisions.last { $0.outcome == .approved }.flatMap { Village.day(ofTimestamp: $0.decidedAt) }
        let row = LedgerRow(record)
        try db.execute(
            sql: """
                UPDATE application SET classification = ?, personal_information = ?, approved_on = ?, keep_until = ?,
                manager_key = ?, applicant_name = ?, submitted_on = ?, user_count = ?, service_manager = ?,
                department_head = ?, latest_outcome = ?, decided_on = ? WHERE id = ?
                """,
            arguments: [row.classification?.rawValue, row.personalInformation, approved?.iso, record.keepUntil?.iso,
                        record.serviceManagerLogin, row.applicant, row.submittedOn?.iso, row.userCount,
                        row.serviceManager, row.departmentHead, row.latestOutcome?.rawValue, row.decidedOn?.iso, id])
        if record.status == .inUse, let start = record.inUseFrom {
            for kind in DutyKind.allCases {
                guard let cadence = kind.schedule else { continue }
                let due = DutySchedule.earliestOpenDue(
                    cadence: cadence, inUseFrom: start, doneOn: record.dutyRecords.filter { $0.kind == kind }.map(\.doneOn))
                // Nothing is due once the end date of a termination, or the end of the approved
                // period, has come.
                if let end = record.activeUntil, due >= end { continue }
                try db.execute(
                    sql: "INSERT INTO duty_due (application_id, kind, due_on) VALUES (?, ?, ?)",
                    arguments: [id, kind.rawValue, due.iso])
            }
        }
        let text = searchText(record)
        // An act that leaves the text as it was (most duties recorded) writes neither table
        // again: making the short-search words was 11 % of a whole verify's CPU (perf). A
        // migration that empties a table (to fill it anew) has it written again.
        let unchanged = try db.value(String.self, sql: """
            SELECT content FROM ledger_text WHERE rowid = ? AND EXISTS (SELECT 1 FROM ledger_short_text WHERE rowid = ?)
            """, arguments: [id, id]) == text
        guard !unchanged else { return }
        try removeSearchText(db, id: id)
        try db.execute(sql: "INSERT INTO ledger_text (rowid, content) VALUES (?, ?)", arguments: [id, text])
        try db.execute(sql: "INSERT INTO ledger_short_text (rowid, words) VALUES (?, ?)", arguments: [id, ShortSearch.words(text)])
    }

    private static func removeSearchText(_ db: any SQLSession, id: Int64) throws {
        try db.execute(sql: "DELETE FROM ledger_text WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM ledger_short_text WHERE rowid = ?", arguments: [id])
    }

    /// Everything a person might search a service by.
    static func searchText(_ record: ApplicationRecord) -> String {
        // In the order of the answers' ids: a dictionary's own order differs from one process to
        // the next, and verify rebuilds this text in another process than the one that wrote it.
        var parts = record.answers.sorted { $0.key < $1.key }.map(\.value).flatMap { value -> [String] in
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
        parts += record.dutyRecords.flatMap { $0.answers.sorted { $0.key < $1.key }.compactMap(\.value.text) }
        parts += record.incidents.map(\.what)
        parts += record.termination.map { $0.answers.sorted { $0.key < $1.key }.compactMap(\.value.text) } ?? []
        return parts.joined(separator: "\n")
    }

    public func query(_ filter: LedgerFilter, today: Day) throws -> [ApplicationRecord] {
        try database.read { db in try Self.loadRecords(db, ids: try Self.matchingIDs(db, filter, today: today), parts: .whole, setAside: setAside) }
    }

    /// The matching services for a list: the application, its decisions, termination and
    /// holds, read in batches; not their duty records, incidents or attachments.
    public func summaries(_ filter: LedgerFilter, today: Day) throws -> [ApplicationRecord] {
        try database.read { db in try Self.loadRecords(db, ids: try Self.matchingIDs(db, filter, today: today), parts: .summary, setAside: setAside) }
    }

    public func schedules(_ filter: LedgerFilter, today: Day) throws -> [ApplicationRecord] {
        try database.read { db in try Self.loadRecords(db, ids: try Self.matchingIDs(db, filter, today: today), parts: .schedule, setAside: setAside, today: today) }
    }

    public func schedules(ids: [Int64], today: Day) throws -> [ApplicationRecord] {
        try database.read { db in try Self.loadRecords(db, ids: ids, parts: .schedule, setAside: setAside, today: today) }
    }

    public func eachSchedule(_ filter: LedgerFilter, today: Day, _ body: ([ApplicationRecord]) throws -> Void) throws {
        try database.read { db in
            let ids = try Self.matchingIDs(db, filter, today: today)
            for start in stride(from: 0, to: ids.count, by: Self.batch) {
                try body(try Self.loadRecords(
                    db, ids: Array(ids[start..<min(start + Self.batch, ids.count)]), parts: .schedule, setAside: setAside, today: today))
            }
        }
    }

    public func eachExportedRecord(_ filter: LedgerFilter, today: Day, _ body: (ExportedRecord) throws -> Void) throws {
        try database.read { db in
            let ids = try Self.matchingIDs(db, filter, today: today)
            for start in stride(from: 0, to: ids.count, by: Self.wholeBatch) {
                let batchIDs = Array(ids[start..<min(start + Self.wholeBatch, ids.count)])
                var unreadable = Set<Int64>()
                let duties = try Self.exportedDuties(db, ids: Self.padded(batchIDs), unreadable: &unreadable)
                for record in try Self.loadRecords(db, ids: batchIDs, parts: .exported, setAside: setAside)
                where !unreadable.contains(record.id) {
                    try body(ExportedRecord(record, duties: duties[record.id] ?? []))
                }
                for id in unreadable.sorted() { setAside.note("application/\(id)") }
            }
        }
    }

    /// The batch's duty records as the export writes them, their answers in the order stored
    /// when they are in yakkan's own shape (else decoded and sorted); a service with one that
    /// reads neither way goes into `unreadable`, as `loadRecords` sets such a service aside.
    static func exportedDuties(_ db: any SQLSession, ids: [Int64], unreadable: inout Set<Int64>) throws -> [Int64: [ExportedDuty]] {
        var duties: [Int64: [ExportedDuty]] = [:]
        try db.each(
            sql: dutyRecordsSQL(services: ids.count),
            arguments: ids
        ) { row in
            let duty = dutyRecord(row, answers: [:])
            // NULL reads as no answers, as `dutyRecord` reads it.
            let text: String = row["answers"] ?? "{}"
            do {
                let answers = try StoredAnswers.inOrder(text).map(ExportedAnswers.init(inOrder:))
                    ?? ExportedAnswers(decoded(Answers.self, text, of: "application/\(duty.applicationID)"))
                duties[duty.applicationID, default: []].append(ExportedDuty(duty, answers: answers))
            } catch StoreError.unreadable {
                unreadable.insert(duty.applicationID)
            }
        }
        return duties
    }

    public func eachLedgerRow(_ filter: LedgerFilter, today: Day, _ body: (LedgerRow) throws -> Void) throws {
        try database.read { db in
            let (conditions, arguments) = Self.matchingConditions(filter, today: today, dialect: db.dialect)
            let sql = """
                SELECT id, status, department, provider, service, applicant_name, submitted_on, period_start, period_end,
                classification, personal_information, user_count, service_manager, department_head, latest_outcome, decided_on,
                ended_on, procedure_version
                FROM application
                """ + Self.whereOrderLimit(conditions, filter, db.dialect)
            try db.each(sql: sql, arguments: arguments) { row in
                try body(LedgerRow(
                    id: row[0], status: ApplicationStatus(rawValue: row[1]) ?? .submitted, department: row[2], provider: row[3],
                    service: row[4], applicant: row[5] ?? "", submittedOn: (row[6] as String?).flatMap(Day.init(iso:)),
                    periodStart: (row[7] as String?).flatMap(Day.init(iso:)), periodEnd: (row[8] as String?).flatMap(Day.init(iso:)),
                    classification: (row[9] as Int?).flatMap(Classification.init(rawValue:)), personalInformation: row[10],
                    userCount: row[11] ?? 0, serviceManager: row[12] ?? "", departmentHead: row[13] ?? "",
                    latestOutcome: (row[14] as String?).flatMap(DecisionOutcome.init(rawValue:)),
                    decidedOn: (row[15] as String?).flatMap(Day.init(iso:)), endedOn: (row[16] as String?).flatMap(Day.init(iso:)),
                    procedureVersion: row[17]))
            }
        }
    }

    public func distinctValues(_ column: LedgerColumn) throws -> [String] {
        try database.read { db in
            try db.values(String.self, sql: "SELECT DISTINCT \(column.rawValue) FROM application ORDER BY \(column.rawValue)")
        }
    }

    /// How much of each service is read: what a list shows, what the duty schedule needs, or
    /// everything. The schedule reads neither the application's answers nor its duty records' or
    /// decisions' (decoding them was most of `due --all` at 100,000 services): its answers are only the
    /// fields kept in columns (`listedAnswers`) and, of an application under review, its 所属長
    /// (`ReviewFacts`). Every part holds the editors the four-eyes rule reads.
    /// `columns` is the schedule without duty records or acknowledgement: whom a service waits
    /// on, for the list of what waits on nobody.
    /// `exported` is `whole` but for the duty records, which the export reads as it writes them.
    enum RecordParts {
        case summary, columns, schedule, whole, exported

        var isWhole: Bool { self == .whole || self == .exported }
    }

    static func scheduleColumns(_ dialect: SQLDialect) -> String {
        """
        id, applicant, status, procedure_version, submitted_at, version, reviewing_by, reviewing_since, stopped_reason,
        stopped_by, stopped_at, department, provider, service, service_manager, manager_key, period_start, period_end,
        """ + ReviewFacts.departmentHeadColumn(dialect)
    }

    /// The answers kept in the application's own columns: 課, provider, service, service
    /// manager and period; and the 所属長 of an application under review.
    static func listedAnswers(_ row: SQLRow) throws -> Answers {
        typealias F = ApplicationFields
        var answers: Answers = [
            F.department: .text(row["department"]), F.provider: .text(row["provider"]), F.service: .text(row["service"]),
            // The manager's login is kept beside the name: every role goes with the login.
            F.serviceManager: .person(NamedPerson(name: row["service_manager"] ?? "", login: row["manager_key"])),
        ]
        if let start = (row["period_start"] as String?).flatMap(Day.init(iso:)) { answers[F.periodStart] = .date(start) }
        if let end = (row["period_end"] as String?).flatMap(Day.init(iso:)) { answers[F.periodEnd] = .date(end) }
        if let head = try ReviewFacts.departmentHead(row[ReviewFacts.departmentHeadAnswer]) { answers[F.departmentHead] = head }
        return answers
    }

    /// Records are read this many at a time: a few queries per batch instead of several per service.
    static let batch = 500
    /// Whole records (every duty record and decision) fewer at a time: 500 of them held at once
    /// were most of a JSON export's memory (perf record -e page-faults, 10,000 services).
    static let wholeBatch = 100

    /// The reason a continuation decision's command gives (its entry's detail is the command).
    static func continuationReason(_ detail: String) -> String? {
        guard case .decideContinuation(_, let answers)? = ActEntry.decode(detail) else { return nil }
        return answers[EventFields.reason]?.text
    }

    /// Decodes a stored value; one that does not decode is named, never a crash.
    static func decoded<T: Decodable>(_ type: T.Type, _ text: String, of what: String) throws -> T {
        if type == Answers.self, let memo = ActMemo.current {
            return try memo.answers(text) { try decodedNow(Answers.self, text, of: what) } as! T
        }
        return try decodedNow(type, text, of: what)
    }

    private static func decodedNow<T: Decodable>(_ type: T.Type, _ text: String, of what: String) throws -> T {
        if type == Answers.self, let answers = StoredAnswers.read(text) { return answers as! T }
        if type == Localized.self, let localized = StoredAnswers.localized(text) { return localized as! T }
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.unreadable(what)
        }
    }

    /// Each service whose rows all read, in order: one whose stored values cannot be read is left
    /// out of every list (verify names it, and `setAside` keeps it for the shell to name), so
    /// that it never stops anyone else's work.
    static func loadRecords(
        _ db: any SQLSession, ids: [Int64], parts: RecordParts, setAside: SetAside? = nil, today: Day? = nil
    ) throws -> [ApplicationRecord] {
        var records: [ApplicationRecord] = []
        var unreadable = Set<Int64>()
        /// Reads one row about `id`, setting the service aside if it cannot be read.
        func reading(_ id: Int64, _ body: () throws -> Void) throws {
            do { try body() } catch StoreError.unreadable { unreadable.insert(id) }
        }
        for start in stride(from: 0, to: ids.count, by: batch) {
            // The ids as parameters, not in the text: a statement is kept prepared by its text, and
            // a text of its own for every batch kept one more for each (116 MB instead of 45 MB for
            // the JSON of 46,023 services).
            let batchIDs = Self.padded(Array(ids[start..<min(start + batch, ids.count)]))
            let list = batchIDs.map { _ in "?" }.joined(separator: ",")
            func each(_ sql: String, _ body: (SQLRow) throws -> Void) throws {
                try db.each(sql: sql, arguments: batchIDs, body)
            }
            var decisions: [Int64: [Decision]] = [:]
            let scheduled = parts == .schedule || parts == .columns
            try each("SELECT \(scheduled ? scheduledDecisionColumns : "*") FROM decision WHERE application_id IN (\(list)) ORDER BY id") { row in
                try reading(row["application_id"]) {
                    let decision = scheduled ? scheduledDecision(row) : try decisionRow(row)
                    decisions[decision.applicationID, default: []].append(decision)
                }
            }
            var terminations: [Int64: TerminationRecord] = [:]
            try each("SELECT * FROM termination WHERE application_id IN (\(list))") { row in
                let answers: String = row["answers"]
                let id: Int64 = row["application_id"]
                try reading(id) {
                    terminations[id] = TerminationRecord(
                        applicationID: id, applicantLogin: row["applicant"], status: TerminationStatus(rawValue: row["status"]) ?? .submitted,
                        answers: try decoded(Answers.self, answers, of: "application/\(id)"), submittedAt: row["submitted_at"], version: row["version"])
                }
            }
            var holds: [Int64: [Day]] = [:]
            try each("SELECT application_id, until FROM retention_hold WHERE application_id IN (\(list)) ORDER BY id") { row in
                if let day = Day(iso: row["until"]) { holds[row["application_id"], default: []].append(day) }
            }
            var acknowledgements: [Int64: Acknowledgement] = [:]
            var duties: [Int64: [DutyRecord]] = [:]
            var dues: [Int64: [DutyKind: Day]] = [:]
            if parts == .schedule || parts.isWhole {
                try each("SELECT * FROM acknowledgement WHERE application_id IN (\(list))") { row in
                    let id: Int64 = row["application_id"]
                    acknowledgements[id] = Acknowledgement(applicationID: id, login: row["login"], name: row["name"], acknowledgedAt: row["acknowledged_at"])
                }
                if parts == .whole {
                    try each(dutyRecordsSQL(services: batchIDs.count)) { row in
                        try reading(row["application_id"]) {
                            let duty = try dutyRecord(row)
                            duties[duty.applicationID, default: []].append(duty)
                        }
                    }
                } else if parts == .schedule {
                    try each("SELECT application_id, kind, due_on FROM duty_due WHERE application_id IN (\(list))") { row in
                        if let kind = DutyKind(rawValue: row[1]), let day = Day(iso: row[2]) { dues[row[0], default: [:]][kind] = day }
                    }
                }
            }
            // What the four-eyes rule needs, for every list that may hold a review queue.
            let reviewFacts = try ReviewFacts.read(db, ids: batchIDs)
            var incidents: [Int64: [Incident]] = [:]
            var continuations: [Int64: [ContinuationDecision]] = [:]
            if parts.isWhole {
                let actions = ContinuationDecision.actions
                try db.each(sql: """
                    SELECT subject, action, actor, detail, at FROM audit
                    WHERE subject IN (\(list)) AND action IN ('\(actions.continues)', '\(actions.stops)') ORDER BY sequence
                    """, arguments: batchIDs.map { "application/\($0)" }) { row in
                    let subject: String = row["subject"]
                    guard let id = Int64(subject.dropFirst("application/".count)) else { return }
                    continuations[id, default: []].append(ContinuationDecision(
                        continues: (row["action"] as String) == actions.continues, reason: (row["detail"] as String?).flatMap(Self.continuationReason) ?? "", decidedBy: row["actor"], decidedAt: row["at"]))
                }
                try each("SELECT * FROM incident WHERE application_id IN (\(list)) ORDER BY occurred_on, id") { row in
                    let incident = try incident(row)
                    if let id = incident.applicationID { incidents[id, default: []].append(incident) }
                }
            }
            try each("SELECT \(scheduled ? scheduleColumns(db.dialect) : "*") FROM application WHERE id IN (\(list)) ORDER BY id") { row in
                let id: Int64 = row["id"]
                guard !unreadable.contains(id) else { return }
                var record: ApplicationRecord
                do { record = try applicationRow(row) } catch StoreError.unreadable { unreadable.insert(id); return }
                let all = decisions[record.id] ?? []
                record.decisions = all.filter { $0.form == .application }
                record.termination = terminations[record.id]
                record.termination?.decisions = all.filter { $0.form == .termination }
                record.holds = holds[record.id] ?? []
                record.acknowledgement = acknowledgements[record.id]
                record.dutyRecords = duties[record.id] ?? []
                if parts == .schedule { record.openDues = dues[record.id] ?? [:] }
                reviewFacts.complete(&record)
                record.incidents = incidents[record.id] ?? []
                record.continuations = continuations[record.id] ?? []
                records.append(record)
            }
        }
        for id in unreadable.sorted() { setAside?.note("application/\(id)") }
        if parts == .schedule { try readRecordsWithoutDue(db, &records, today: today) }
        return records
    }

    /// The duty records of `count` services, their ids bound in turn, in the order a record
    /// lists them: the one statement whole records, exports and schedules read them by.
    static func dutyRecordsSQL(_ columns: String = "*", services count: Int) -> String {
        "SELECT \(columns) FROM duty_record WHERE application_id IN (\(Array(repeating: "?", count: count).joined(separator: ",")))"
            + " ORDER BY application_id, done_on, id"
    }

    /// A batch's ids, the last repeated up to a power of two (an id twice in `IN` is one). A
    /// statement is kept prepared by its text, and a text for every length of batch kept one
    /// more for each: `remind`, whose every person's list ends in a batch of its own length,
    /// grew by 16 MB at 10,000 services.
    static func padded(_ ids: [Int64]) -> [Int64] {
        guard let last = ids.last, ids.count > 1 else { return ids }
        var length = 1
        while length < ids.count { length *= 2 }
        return ids + Array(repeating: last, count: length - ids.count)
    }

    /// The store keeps no due row for a duty whose earliest open period ends on or after the day
    /// the service stops being active (refreshLedger); while that day has not come, its current
    /// period may still be open, so the schedule of those few services is read from their records.
    static func readRecordsWithoutDue(_ db: any SQLSession, _ records: inout [ApplicationRecord], today: Day?) throws {
        let scheduled = DutyKind.allCases.filter { $0.schedule != nil }
        let positions = records.indices.filter { index in
            let record = records[index]
            guard record.status == .inUse, record.inUseFrom != nil, let end = record.activeUntil, let dues = record.openDues else { return false }
            return today.map { $0 < end } != false && scheduled.contains { dues[$0] == nil }
        }
        for start in stride(from: 0, to: positions.count, by: batch) {
            let chosen = Array(positions[start..<min(start + batch, positions.count)])
            var duties: [Int64: [DutyRecord]] = [:]
            let chosenIDs = padded(chosen.map { records[$0].id })
            try db.each(
                sql: dutyRecordsSQL(scheduledDutyColumns, services: chosenIDs.count),
                arguments: chosenIDs
            ) { row in
                let duty = scheduledDuty(row)
                duties[duty.applicationID, default: []].append(duty)
            }
            for index in chosen {
                records[index].openDues = nil
                records[index].dutyRecords = duties[records[index].id] ?? []
            }
        }
    }

    /// The whole service, or the fault that names what of it cannot be read.
    static func loadApplication(_ db: any SQLSession, id: Int64) throws -> ApplicationRecord? {
        if let record = try loadRecords(db, ids: [id], parts: .whole).first { return record }
        guard try db.value(Int64.self, sql: "SELECT id FROM application WHERE id = ?", arguments: [id]) == nil else {
            throw StoreError.unreadable("application/\(id)")
        }
        return nil
    }

    /// Only the ids, for counting and for the benchmark.
    public func queryIDs(_ filter: LedgerFilter, today: Day) throws -> [Int64] {
        try database.read { db in try Self.matchingIDs(db, filter, today: today) }
    }

    static func matchingIDs(_ db: any SQLSession, _ filter: LedgerFilter, today: Day) throws -> [Int64] {
        var withoutText = filter
        withoutText.text = nil
        withoutText.limit = nil
        if withoutText.isEmpty, let text = filter.text.flatMap({ textSearch($0, dialect: db.dialect) }) {
            // Text alone: the ids straight from the search table, each of which is a service (a
            // purge deletes its text with it), without looking every one up in `application`
            // (名簿 at 100,000 services: 10 ms from the index, 60 ms with the lookups).
            return try db.steeredToIndexes {
                try db.values(
                    Int64.self, sql: "SELECT rowid FROM \(text.table) WHERE \(text.condition) ORDER BY rowid" + (filter.limit.map { " LIMIT \($0)" } ?? ""),
                    arguments: [text.argument])
            }
        }
        let (conditions, arguments) = matchingConditions(filter, today: today, dialect: db.dialect)
        return try db.values(Int64.self, sql: "SELECT id FROM application" + whereOrderLimit(conditions, filter, db.dialect), arguments: (arguments))
    }

    /// Where a search for `text` looks, and how: nil for blank text. SQLite's fts5 tables; the
    /// server keeps the text in plain tables, where a trigram index, if the server has one,
    /// serves LIKE of three or more characters.
    static func textSearch(_ text: String, dialect: SQLDialect) -> (table: String, condition: String, argument: String)? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if dialect == .sqlite && text.count >= 3 {
            // The trigram index finds any run of three or more characters, Japanese too.
            return ("ledger_text", "ledger_text MATCH ?", "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        } else if dialect == .sqlite && ShortSearch.isIndexed(text) {
            return ("ledger_short_text", "ledger_short_text MATCH ?", "\"" + text + "\"")
        } else if ShortSearch.isIndexed(text) {
            // The server's index is on the words as lexemes (ServerSchema's pg11).
            return ("ledger_short_text", "lexemes @@ CAST(? AS tsquery)", ShortSearch.lexeme(text))
        }
        return ("ledger_text", "content \(dialect.like) ? ESCAPE '\\'", "%" + escapeLike(text) + "%")
    }

    static func whereOrderLimit(_ conditions: [String], _ filter: LedgerFilter, _ dialect: SQLDialect) -> String {
        var sql = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        // With a condition on an indexed column, SQLite's "+id" lets its planner use that index and sort
        // what it finds, instead of walking the whole table in id order. Without one (parts of
        // names, text, a termination's status), walking in id order is what finds the first 50
        // soonest: measured at 100,000 services, provider LIKE with LIMIT 50 took 230 ms sorted
        // and 6 ms walked. The overdue condition is walked too: services in use, in id order,
        // each looked up among those with an overdue duty (the first 50: 336 ms sorted, 86 ms walked).
        sql += sortsWhatItFinds(filter) ? " ORDER BY \(dialect.idSortedAfterFinding)" : " ORDER BY id"
        if let limit = filter.limit { sql += " LIMIT \(limit)" }
        return sql
    }

    static func sortsWhatItFinds(_ filter: LedgerFilter) -> Bool {
        !filter.statuses.isEmpty || filter.department != nil || !filter.classifications.isEmpty
            || filter.retentionPassed || filter.personalInformation != nil || filter.approvedFrom != nil || filter.approvedTo != nil
            || filter.involving != nil
    }

    static func matchingConditions(
        _ filter: LedgerFilter, today: Day, dialect: SQLDialect
    ) -> (conditions: [String], arguments: SQLArguments) {
        var conditions: [String] = []
        var arguments: SQLArguments = []
        if !filter.statuses.isEmpty {
            conditions.append("status IN (" + filter.statuses.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += filter.statuses.map(\.rawValue)
        }
        if let department = filter.department {
            conditions.append("department = ?")
            arguments.append(department)
        }
        if let provider = filter.provider {
            conditions.append("provider \(dialect.like) ? ESCAPE '\\'")
            arguments.append("%" + escapeLike(provider) + "%")
        }
        if let service = filter.service {
            conditions.append("service \(dialect.like) ? ESCAPE '\\'")
            arguments.append("%" + escapeLike(service) + "%")
        }
        if !filter.classifications.isEmpty {
            conditions.append("(" + filter.classifications.map { _ in "(procedure_version = ? AND classification = ?)" }.joined(separator: " OR ") + ")")
            for named in filter.classifications {
                arguments.append(named.version)
                arguments.append(named.classification.rawValue)
            }
        }
        if filter.overdue {
            // As `due` says it: nothing of section 6 is due once the approved period has ended;
            // what is overdue then is the service itself, until a termination form is filed
            // (TodayList.periodEnding), however the service came to outlive its period.
            conditions.append(
                "((status = 'in_use' AND (period_end IS NULL OR period_end >= ?) AND id IN (SELECT application_id FROM duty_due WHERE due_on < ?))"
                    + " OR (status IN ('in_use', 'stopped') AND period_end < ?"
                    + " AND id NOT IN (SELECT application_id FROM termination WHERE status <> 'returned')))")
            arguments += [today.iso, today.iso, today.iso]
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
            // Only the lists that hold something; none at all matches nothing ("0 = 1", which
            // both databases read alike).
            let among = [("manager_key", involving.managers), ("department", involving.departments)].filter { !$0.1.isEmpty }
            conditions.append(among.isEmpty ? "0 = 1" : "(" + among.map { column, values in
                column + " IN (" + values.map { _ in "?" }.joined(separator: ",") + ")"
            }.joined(separator: " OR ") + ")")
            arguments += among.flatMap(\.1).map { $0 as (any SQLBindable)? }
        }
        if let applicant = filter.applicant {
            conditions.append("applicant = ?")
            arguments.append(applicant)
        }
        if let termination = filter.terminationStatus {
            conditions.append("id IN (SELECT application_id FROM termination WHERE status = ?)")
            arguments.append(termination.rawValue)
        }
        if let text = filter.text.flatMap({ textSearch($0, dialect: dialect) }) {
            conditions.append("id IN (SELECT rowid FROM \(text.table) WHERE \(text.condition))")
            arguments.append(text.argument)
        }
        return (conditions, arguments)
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// How many services there are in each status, or in each 課.
    public func counts(by grouping: LedgerGrouping) throws -> [(key: String, count: Int)] {
        try database.read { db in
            let column = grouping == .status ? "status" : "department"
            return try db.rows(sql: "SELECT \(column) AS key, COUNT(*) AS n FROM application GROUP BY \(column) ORDER BY \(column)")
                .map { (key: $0["key"], count: $0["n"]) }
        }
    }
}
