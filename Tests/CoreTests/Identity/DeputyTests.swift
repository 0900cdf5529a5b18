import Foundation
import PrivateServer
import Testing

@testable import Core

/// A 代理 stands in as 利用責任者 of a 課 up to their last day, and not a day longer: in the
/// store's decision, in the server's own check, and in verify, which replays each act on its day.
@Suite struct DeputyTests {
    static let department = "総務課"
    static let lastDay = Day(year: 2026, month: 4, day: 10)!

    /// kato, 総務課's 利用責任者, keeps the directory; sato of 企画課 stands in for 総務課 until
    /// 10 April; yamada has applied twice.
    static func village(_ kind: StoreKind) throws -> StoreVillage {
        let village = try StoreVillage(kind)
        let kato = try village.store(as: "kato")
        _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: department, reviewerOf: [department]), by: "kato", at: "2026-04-01T00:00:00Z")
        _ = try kato.addStaff(StaffMember(login: "sato", name: "佐藤 花子", department: "企画課"), by: "kato", at: "2026-04-01T00:01:00Z")
        _ = try kato.updateStaff(
            StaffEntry(login: "sato", deputyOf: [Deputyship(department: department, until: lastDay)]), by: "kato", at: "2026-04-01T00:02:00Z")
        let yamada = try village.store(as: "yamada")
        for minute in 0..<2 {
            let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: [
                ApplicationFields.department: .text(department), ApplicationFields.departmentHead: .text("鈴木 一郎"),
            ]))
            _ = try yamada.submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:0\(minute):00Z")
        }
        return village
    }

    static func returning(_ id: Int64, by login: String, at timestamp: String) -> Decision {
        Decision(
            applicationID: id, reviewerLogin: login, reviewerName: login, outcome: .returned, reason: "直してください",
            answers: [:], decidedAt: timestamp, applicationVersion: 1)
    }

    @Test func aDeputyshipCountsUpToItsLastDay() {
        let sato = StaffMember(login: "sato", name: "佐藤 花子", department: "企画課", deputyOf: [Deputyship(department: Self.department, until: Self.lastDay)])
        #expect(sato.acting(on: Self.lastDay).reviews("総務課"))
        #expect(sato.acting(on: Self.lastDay).reviews("総務 課"), "names compare as people type them")
        #expect(!sato.acting(on: Self.lastDay.adding(days: 1)).reviews("総務課"))
        #expect(!sato.reviews("総務課"), "the standing roles never include a deputyship")
    }

    @Test func aDeputyshipMustNotHaveEndedAlready() {
        let entry = StaffEntry(login: "sato", deputyOf: [Deputyship(department: Self.department, until: Self.lastDay)])
        #expect(Deputies.refusal(entry, today: Self.lastDay) == nil)
        #expect(Deputies.refusal(entry, today: Self.lastDay.adding(days: 1)) != nil)
    }

    @Test(arguments: StoreKind.available)
    func theDeputyDecidesUntilTheLastDayAndNotAfter(_ kind: StoreKind) throws {
        let village = try Self.village(kind)
        let sato = try village.store(as: "sato")
        let returned = try sato.decide(Self.returning(1, by: "sato", at: "2026-04-10T05:00:00Z"))
        #expect(returned.status == .returned)
        #expect(throws: StoreError.self) { try sato.decide(Self.returning(2, by: "sato", at: "2026-04-11T00:00:00Z")) }
        #expect(try sato.application(id: 2)?.status == .submitted)
        // The deputyship has ended since; the decision made within it stays valid.
        #expect(try village.verify(as: "kato").findings == [])
        // The directory keeps the deputyship apart from the standing roles.
        let member = try #require(try sato.staffMember(login: "sato"))
        #expect(member.reviewerOf == [])
        #expect(member.deputyOf == [Deputyship(department: Self.department, until: Self.lastDay)])
    }

    /// The server's own four-eyes check, met by psql as the deputy: a decision after the last
    /// day is refused; one within it passes that check.
    @Test(arguments: StoreKind.available.filter { $0 == .server })
    func theServerKnowsDeputiesByTheDayOfTheDecision(_ kind: StoreKind) throws {
        let village = try Self.village(kind)
        func insert(_ id: Int, at timestamp: String) throws -> PrivateServer.Ran {
            try village.psql(as: "sato", """
                INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, answers, application_version, decided_at)
                VALUES (\(id), 'sato', '佐藤 花子', 'returned', '{}', 1, '\(timestamp)')
                """)
        }
        let late = try insert(2, at: "2026-04-11T00:00:00Z")
        #expect(late.status != 0)
        #expect(late.output.contains("four-eyes"))
        #expect(try insert(1, at: "2026-04-10T05:00:00Z").status == 0)
    }
}
