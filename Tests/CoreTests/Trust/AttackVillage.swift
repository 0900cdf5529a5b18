import Foundation
import GRDB
import Testing

@testable import Core

/// What the attack suites share: the findings of `audit verify` read as rules and rows, plain
/// SQL of the tables' owner, and a village whose service went through its whole life.
extension StoreVillage {
    /// The reason of every signed command that `audit verify` run by `login` found the rules refuse.
    func rulesBroken(verifiedBy login: String = "sato") throws -> [Localized] {
        Self.rulesBroken(try verify(as: login))
    }

    static func rulesBroken(_ report: AuditReport) -> [Localized] {
        report.findings.compactMap { finding -> Localized? in
            if case .ruleBroken(let reason) = finding.kind { return reason }
            return nil
        }
    }

    /// A refusal as verify words it: the rule functions' texts, as `StoreText` joins them.
    static func refused(_ reasons: Localized?...) -> Localized {
        StoreText.describe(.refused(reasons.compactMap { $0 }))
    }

    /// The finding of a command the rules refuse: its entry, what it is about, who signed it.
    static func ruleBroken(_ reason: Localized, sequence: Int64, subject: String, signer: String) -> AuditFinding {
        AuditFinding(.ruleBroken(reason), sequence: sequence, subject: "\(subject) (\(signer))")
    }

    /// A row whose cells are not what the log makes: the table, its key, and the columns that differ.
    static func rowNotInLog(_ subject: String) -> AuditFinding {
        AuditFinding(.rowNotInLog, sequence: nil, subject: subject)
    }

    static func rowMissing(_ subject: String) -> AuditFinding {
        AuditFinding(.rowMissing, sequence: nil, subject: subject)
    }

    /// The number the next entry of the log will have.
    func nextSequence() throws -> Int64 {
        try asOwner { try AuditTrail.headSequence($0) } + 1
    }

    /// Plain SQL of the tables' owner with every check of the database out of the way: on
    /// SQLite foreign keys too, so that a key column can be changed like any other.
    func edit(_ sql: String, _ arguments: SQLArguments = []) throws {
        switch server {
        case nil:
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.write { db in
                try db.execute(sql: "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;")
                _ = try GRDBSession(db).execute(sql: sql, arguments: arguments)
            }
        case .some:
            try tamper { _ = try $0.execute(sql: sql, arguments: arguments) }
        }
    }

    func edit(_ sql: String, _ values: [SQLValue]) throws {
        try edit(sql, values.map { $0 as (any SQLBindable)? })
    }

    /// An application by yamada for 総務課, reviewed by kato and kept by suzuki, naming a user
    /// who is not in the directory (alerts for them go to the 利用責任者 to pass on).
    func submitted(service: String = "Example Drive", by login: String = "yamada", at: String? = nil) throws -> ApplicationRecord {
        let at = try at ?? notBefore("2026-04-01T01:00:00Z")
        let answers: Answers = [
            ApplicationFields.department: .text("総務課"), ApplicationFields.provider: .text("Example Storage株式会社"),
            ApplicationFields.service: .text(service),
            ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
            ApplicationFields.users: .people([NamedPerson(name: "ジョン・スミス", login: nil)]),
            ApplicationFields.periodStart: .date(Day(iso: "2026-04-01")!), ApplicationFields.periodEnd: .date(Day(iso: "2027-03-31")!),
        ]
        let draft = Draft(owner: login, procedureID: "application", state: InterviewState(answers: answers))
        return try store(as: login).submitApplication(from: draft, procedureVersion: "1.0", at: at)
    }

    /// kato (administrator, 総務課's 利用責任者), yamada and suzuki of 総務課, and ito, 利用責任者 of
    /// 企画課 and 代理 for 税務課 for the year.
    func directory() throws {
        let kato = try store(as: "kato")
        _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:00:00Z")
        _ = try kato.addStaff(StaffMember(login: "yamada", name: "山田 太郎", department: "総務課"), by: "kato", at: "2026-04-01T00:01:00Z")
        _ = try kato.addStaff(StaffMember(login: "suzuki", name: "鈴木 花子", department: "総務課"), by: "kato", at: "2026-04-01T00:02:00Z")
        _ = try kato.addStaff(
            StaffMember(login: "ito", name: "伊藤 一", department: "企画課", reviewerOf: ["企画課"], mail: "ito@example.lg.jp", mailLanguage: .ja,
                        deputyOf: [Deputyship(department: "税務課", until: Day(year: 2027, month: 3, day: 31)!)]),
            by: "kato", at: "2026-04-01T00:03:00Z")
    }

    /// The directory and two services in use, Example Drive and Example Mail: one that an
    /// attack aims at and one whose work must go on.
    func twoInUse() throws -> (first: ApplicationRecord, second: ApplicationRecord) {
        try directory()
        return (try inUse(), try inUse(service: "Example Mail"))
    }

    /// yamada's application approved by kato and acknowledged by suzuki, its manager.
    func inUse(service: String = "Example Drive") throws -> ApplicationRecord {
        let submitted = try submitted(service: service)
        let approved = try approve(submitted)
        return try store(as: "suzuki").acknowledge(Acknowledgement(
            applicationID: approved.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: try notBefore("2026-04-03T01:00:00Z")))
    }

    /// Every kind of record: a service that lived its whole life (applied with an attachment,
    /// returned and corrected, approved, acknowledged, a backup recorded, an incident that
    /// alerted, stopped, terminated and confirmed, its records held longer) and a second one
    /// still in use with its duties due. Returns the ids of both.
    func fullLifecycle() throws -> (ended: Int64, inUse: Int64) {
        try directory()
        let file = folder + "/terms.pdf"
        try Data("the terms of service".utf8).write(to: URL(fileURLWithPath: file))
        let yamada = try store(as: "yamada"), kato = try store(as: "kato"), suzuki = try store(as: "suzuki")
        let terms = try yamada.intake.ingest(path: file).get()
        var answers = try submitted().answers
        let first = try #require(try yamada.applications().first)
        _ = try kato.decide(Decision(
            applicationID: first.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .returned, reason: "規約を添付してください",
            answers: [:], decidedAt: "2026-04-01T02:00:00Z", applicationVersion: first.version))
        var draft = try #require(try yamada.drafts(owner: "yamada", procedureID: "application").first)
        answers[ApplicationFields.terms] = .files([terms])
        draft.state.answers = answers
        let corrected = try yamada.submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T03:00:00Z")
        _ = try approve(corrected)
        _ = try suzuki.acknowledge(Acknowledgement(applicationID: first.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-03T01:00:00Z"))
        try suzuki.recordDuty(first.id, .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-05-01")!)], by: "suzuki", at: "2026-05-01T00:00:00Z")
        try suzuki.reportIncident(first.id, answers: [
            EventFields.occurredOn: .date(Day(iso: "2026-05-02")!), EventFields.what: .text("誤送信"), EventFields.action: .text("削除を依頼"),
        ], by: "suzuki", at: "2026-05-02T00:00:00Z")
        try suzuki.stopService(first.id, reason: "海外経由と判明", by: "suzuki", at: "2026-05-03T00:00:00Z")
        let read = try #require(try kato.openAlerts(for: nil).first { $0.recipientLogin == "kato" && !$0.needsDecision })
        try kato.acknowledgeAlert(id: try #require(read.id), by: "kato", at: "2026-05-03T01:00:00Z")
        _ = try suzuki.submitTermination(
            from: Draft(owner: "suzuki", procedureID: "termination", state: InterviewState(answers: [
                TerminationFields.endDate: .date(Day(iso: "2026-05-31")!), TerminationFields.departmentHead: .text("田中 部長"),
            ]), applicationID: first.id),
            at: "2026-05-10T00:00:00Z")
        var confirmation = Decision(
            applicationID: first.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .confirmed, reason: nil,
            answers: [:], decidedAt: "2026-06-01T00:00:00Z", applicationVersion: 1)
        confirmation.form = .termination
        _ = try kato.decide(confirmation)
        _ = try kato.holdRetention(first.id, until: Day(iso: "2030-12-31")!, reason: "訴訟対応", by: "kato", at: "2026-06-02T00:00:00Z")
        let second = try inUse(service: "Example Mail")
        // A second version of the procedure, adopted for next fiscal year.
        let variant = try String(contentsOfFile: VariantProcedureTests.path, encoding: .utf8)
        try kato.adoptProcedure(variant, version: "2.0", from: Day(iso: "2027-04-01")!, by: "kato", at: "2026-06-03T00:00:00Z")
        return (first.id, second.id)
    }
}
