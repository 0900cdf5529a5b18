import Foundation
import PrivateServer
import Testing

@testable import Core

/// What only a server shows: two people on two PCs, each their own login on their own
/// connection, writing at the same moment. Nothing is lost and nothing is recorded twice: a
/// transaction that loses the race runs again on what the other committed (serializable), and
/// a decision made on a version someone else has just changed is refused as stale.
@Suite(.enabled(if: PrivateServer.installedBinaries() != nil, "PostgreSQL is not installed: scripts/setup --test installs it"))
struct ConcurrentLoginsTests {
    /// kato and ito are both 利用責任者 of 総務課; yamada and suzuki apply.
    static func village() throws -> StoreVillage {
        let village = try StoreVillage(.server)
        let kato = try village.store(as: "kato")
        _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:00:00Z")
        _ = try kato.addStaff(StaffMember(login: "ito", name: "伊藤 真", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:01:00Z")
        _ = try kato.addStaff(StaffMember(login: "yamada", name: "山田 太郎", department: "総務課"), by: "kato", at: "2026-04-01T00:02:00Z")
        _ = try kato.addStaff(StaffMember(login: "suzuki", name: "鈴木 花子", department: "総務課"), by: "kato", at: "2026-04-01T00:03:00Z")
        return village
    }

    static func draft(of login: String, service: String) -> Draft {
        Draft(owner: login, procedureID: "application", state: InterviewState(answers: [
            ApplicationFields.department: .text("総務課"), ApplicationFields.service: .text(service),
            ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
        ]))
    }

    /// Runs `writers` at once, each on its own thread, while the owner's transaction holds the
    /// log's head row: each has read what it decides on before the first of them can commit,
    /// so they truly overlap whatever the machine's speed. Returns what each one got.
    static func atOnce<T>(in village: StoreVillage, _ writers: [() throws -> T]) throws -> [Result<T, any Error>] {
        let (server, database) = try #require(village.server)
        let holder = try PostgresLink(uri: server.uri(database: database))
        try holder.execute("BEGIN")
        try holder.execute("SELECT * FROM audit_head FOR UPDATE")
        let outcomes = Outcomes<T>()
        let done = DispatchGroup()
        for (index, writer) in writers.enumerated() {
            done.enter()
            let thread = Thread {
                let result = Result { try writer() }
                outcomes.lock.withLock { outcomes.results[index] = result }
                done.leave()
            }
            thread.start()
        }
        // Until every writer waits for a lock (the head row, or a row another writer changed);
        // the deadline is only a safety net for a writer that never gets there.
        let watcher = try PostgresLink(uri: server.uri(database: database))
        let deadline = Date().addingTimeInterval(120)
        var waiting = 0
        while waiting < writers.count && Date() < deadline {
            usleep(10_000)
            let rows = try watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").rows
            waiting = Int(rows.first?.first.flatMap { $0 } ?? "0") ?? 0
        }
        #expect(waiting == writers.count, "the writers did not all reach the log's head")
        try holder.execute("COMMIT")
        done.wait()
        return (0..<writers.count).map { index in outcomes.lock.withLock { outcomes.results[index]! } }
    }

    /// What each writer got, written from its own thread.
    final class Outcomes<T>: @unchecked Sendable {
        let lock = NSLock()
        var results: [Int: Result<T, any Error>] = [:]
    }

    @Test func twoReviewersDecidingTheSameApplicationAtOnceRecordOneAndRefuseTheOtherAsStale() throws {
        let village = try Self.village()
        let submitted = try village.store(as: "yamada").submitApplication(
            from: Self.draft(of: "yamada", service: "Example Drive"), procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
        let kato = try village.store(as: "kato")
        let ito = try village.store(as: "ito")
        func decision(_ login: String, _ name: String, _ outcome: DecisionOutcome) -> Decision {
            Decision(
                applicationID: submitted.id, reviewerLogin: login, reviewerName: name, outcome: outcome,
                reason: outcome == .approved ? nil : "期間を直してください", answers: [:], decidedAt: "2026-04-02T01:00:00Z",
                applicationVersion: submitted.version)
        }
        let results = try Self.atOnce(in: village, [
            { try kato.decide(decision("kato", "加藤 誠", .approved)) },
            { try ito.decide(decision("ito", "伊藤 真", .returned)) },
        ])
        let recorded = results.compactMap { try? $0.get() }
        #expect(recorded.count == 1, "\(results)")
        let refusals = results.compactMap { result -> (any Error)? in
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(refusals.count == 1)
        #expect(refusals.allSatisfy { ($0 as? StoreError) == .staleVersion(current: submitted.version + 1) }, "\(refusals)")

        // The one recorded is the whole story: one decision, one entry, and the log verifies.
        let sato = try village.store(as: "sato")
        let now = try #require(try sato.application(id: submitted.id))
        #expect(now.decisions.count == 1)
        #expect(now.status == recorded.first?.status)
        #expect(now.version == submitted.version + 1)
        #expect(try sato.auditEntries().filter { $0.action.hasPrefix("decide-") }.count == 1)
        #expect(try village.verify(as: "sato", accounts: .system).findings == [])
    }

    @Test func twoApplicantsSubmittingAtOnceAreBothRecordedOneAfterTheOther() throws {
        let village = try Self.village()
        let yamada = try village.store(as: "yamada")
        let suzuki = try village.store(as: "suzuki")
        let before = try #require(try village.store(as: "sato").head())
        let results = try Self.atOnce(in: village, [
            { try yamada.submitApplication(from: Self.draft(of: "yamada", service: "Example Drive"), procedureVersion: "1.0", at: "2026-04-01T01:00:00Z") },
            { try suzuki.submitApplication(from: Self.draft(of: "suzuki", service: "Example Mail"), procedureVersion: "1.0", at: "2026-04-01T01:00:00Z") },
        ])
        // Both waited on the same head: the one that lost ran again after the other committed.
        let records = try results.map { try $0.get() }
        #expect(Set(records.map(\.applicantLogin)) == ["yamada", "suzuki"])
        #expect(Set(records.map(\.id)).count == 2)

        let sato = try village.store(as: "sato")
        #expect(try sato.applications().map(\.service).sorted() == ["Example Drive", "Example Mail"])
        let entries = try sato.auditEntries().filter { $0.sequence > before.sequence }
        // Each submission and each applicant's first key, in one unbroken chain.
        #expect(entries.filter { $0.action == "submit" }.map(\.actor).sorted() == ["suzuki", "yamada"])
        #expect(entries.map(\.sequence) == Array((before.sequence + 1)...(before.sequence + Int64(entries.count))))
        #expect(try village.verify(as: "sato", accounts: .system).findings == [])
    }
}
