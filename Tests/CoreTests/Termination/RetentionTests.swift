import Foundation
import Testing

@testable import Core

@Suite struct RetentionTests {
    static func d(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: [
        ("2027-03-31", "2030-03-31"),
        ("2028-02-29", "2031-03-01"),
        ("2028-02-28", "2031-02-28"),
        ("2027-12-31", "2030-12-31"),
        ("2029-02-28", "2032-02-28"),
    ])
    func keptThreeYearsAfterTheEnd(end: String, until: String) {
        #expect(Retention.keepUntil(end: Self.d(end)) == Self.d(until))
    }

    @Test func purgeableOnlyFromTheDayAfter() {
        let until = Self.d("2031-03-01")
        #expect(!Retention.mayPurge(keepUntil: until, today: Self.d("2031-02-28")))
        #expect(!Retention.mayPurge(keepUntil: until, today: until))
        #expect(Retention.mayPurge(keepUntil: until, today: Self.d("2031-03-02")))
    }

    @Test func aHoldOnlyLengthens() {
        #expect(Retention.keepUntil(end: Self.d("2027-03-31"), holds: [Self.d("2029-01-01")]) == Self.d("2030-03-31"))
        #expect(Retention.keepUntil(end: Self.d("2027-03-31"), holds: [Self.d("2031-01-01")]) == Self.d("2031-01-01"))
    }

    /// A whole service through the store, each step by its own person: nothing goes before its
    /// date; after it, every row of it and its own attachments go, another service's shared
    /// attachment stays, and the audit chain still verifies with the purge recorded.
    @Test(arguments: StoreKind.available)
    func purgeRemovesEverythingOfTheServiceAndNothingElse(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        defer { try? FileManager.default.removeItem(atPath: village.folder) }
        try Data("only mine".utf8).write(to: URL(fileURLWithPath: village.folder + "/mine.pdf"))
        try Data("shared".utf8).write(to: URL(fileURLWithPath: village.folder + "/shared.pdf"))
        let kato = try village.store(as: "kato")
        let yamada = try village.store(as: "yamada")
        let sato = try village.store(as: "sato")
        _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"]), by: "kato", at: "2026-03-31T00:00:00Z")
        // The service manager acts only while the directory lists them.
        _ = try kato.addStaff(StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"), by: "kato", at: "2026-03-31T00:00:00Z")
        let mine = try yamada.intake.ingest(path: "mine.pdf").get()
        let shared = try yamada.intake.ingest(path: "shared.pdf").get()

        func service(_ files: [Core.Attachment], yearsLater: Int = 0) throws -> Int64 {
            // The second service lives a year after the first: the log's entries follow each other in time.
            func later(_ text: String) -> String { String(Int(text.prefix(4))! + yearsLater) + text.dropFirst(4) }
            let answers: Answers = [
                ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .text("鈴木"),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "佐藤 花子", login: "sato")), ApplicationFields.terms: .files(files),
                ApplicationFields.users: .list(["山田"]),
            ]
            let record = try yamada.submitApplication(
                from: Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: answers)),
                procedureVersion: "1.0", at: later("2026-04-01T00:00:00Z"))
            _ = try kato.decide(Decision(
                applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤", outcome: .approved, reason: nil,
                answers: [:], decidedAt: later("2026-04-02T00:00:00Z"), applicationVersion: record.version))
            _ = try sato.acknowledge(Acknowledgement(applicationID: record.id, login: "sato", name: "sato", acknowledgedAt: later("2026-04-03T00:00:00Z")))
            _ = try sato.recordDuty(record.id, .backup, answers: [DutyFields.doneOn: .date(Self.d(later("2026-05-01")))], by: "sato", at: later("2026-05-01T00:00:00Z"))
            // An incident of its own alerts the 利用責任者: its alerts must go with the service.
            _ = try sato.reportIncident(record.id, answers: [
                EventFields.occurredOn: .date(Self.d(later("2026-05-02"))), EventFields.what: .text("誤送信"), EventFields.action: .text("削除を依頼"),
            ], by: "sato", at: later("2026-05-02T00:00:00Z"))
            _ = try sato.submitTermination(
                from: Draft(owner: "sato", procedureID: "termination", state: InterviewState(answers: [
                    TerminationFields.endDate: .date(Self.d(later("2027-03-31"))), TerminationFields.departmentHead: .text("鈴木"),
                ]), applicationID: record.id),
                at: later("2027-03-31T00:00:00Z"))
            _ = try kato.decide({
                var decision = Decision(
                    applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤", outcome: .confirmed, reason: nil,
                    answers: [:], decidedAt: later("2027-04-01T00:00:00Z"), applicationVersion: 1)
                decision.form = .termination
                return decision
            }())
            return record.id
        }
        let first = try service([mine, shared])
        let second = try service([shared], yearsLater: 1)
        #expect(try kato.application(id: first)?.keepUntil == Self.d("2030-03-31"))

        #expect(throws: StoreError.self) { _ = try kato.purge([first], by: "kato", at: "2030-03-31T00:00:00Z") }
        #expect(try kato.application(id: first) != nil)

        // The store itself asks who purges or holds: nobody but an administrator, whatever the shell did.
        let administratorsOnly = StoreError.refused([TerminationText.administratorsOnly])
        #expect(throws: administratorsOnly) { _ = try sato.purge([first], by: "sato", at: "2030-04-01T00:00:00Z") }
        #expect(throws: administratorsOnly) {
            _ = try sato.holdRetention(first, until: Self.d("2032-01-01"), reason: "r", by: "sato", at: "x")
        }
        #expect(try kato.purge([first], by: "kato", at: "2030-04-01T00:00:00Z") == 1)
        #expect(try kato.application(id: first) == nil)
        for table in ["decision", "acknowledgement", "duty_record", "alert", "incident", "termination", "application_attachment", "application_editor"] {
            let left = try village.asOwner {
                try $0.value(Int64.self, sql: "SELECT COUNT(*) FROM \(table) WHERE application_id = ?", arguments: [first])
            }
            #expect(left == 0, "\(table)")
        }
        #expect(try village.keptAttachments() == [shared.sha256])
        #expect(try kato.application(id: second) != nil)
        let report = try village.verify(as: "sato")
        #expect(report.findings == [])
        #expect(report.entries == (try sato.auditEntries().count))
        #expect(try sato.auditEntries().last?.action == "purge")
        #expect(try sato.auditEntries().filter { $0.subject == "application/\(first)" }.allSatisfy { $0.detail == nil })
    }
}
