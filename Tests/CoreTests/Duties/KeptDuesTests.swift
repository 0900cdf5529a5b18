import Foundation
import Testing
@testable import Core

/// The schedule is read from the dues the store keeps per duty; where it keeps none because the
/// approved period ends inside the open period, the records say what is still due until then.
@Suite("Kept dues")
struct KeptDuesTests {
    @Test(arguments: StoreKind.available)
    func aPeriodEndingInsideTheOpenPeriodIsReadFromTheRecords(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        try village.directory()
        let answers: Answers = [
            ApplicationFields.department: .text("総務課"), ApplicationFields.provider: .text("Example Storage株式会社"),
            ApplicationFields.service: .text("Example Drive"),
            ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
            ApplicationFields.users: .people([NamedPerson(name: "ジョン・スミス", login: nil)]),
            ApplicationFields.periodStart: .date(Day(iso: "2026-04-01")!), ApplicationFields.periodEnd: .date(Day(iso: "2026-06-15")!),
        ]
        let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: answers))
        let submitted = try village.store(as: "yamada").submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
        let approved = try village.approve(submitted)
        let suzuki = try village.store(as: "suzuki")
        _ = try suzuki.acknowledge(Acknowledgement(
            applicationID: approved.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-03T01:00:00Z"))
        // May's backup is done: June's ends after the approved period, and so does the first quarter of
        // content review (July to September): no due is kept for either.
        _ = try suzuki.recordDuty(approved.id, .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-05-10")!)], by: "suzuki", at: "2026-05-10T00:00:00Z")
        var filter = LedgerFilter()
        filter.statuses = TodayList.statuses
        let kato = Actor(login: "kato", name: "加藤 誠", member: try suzuki.staffMember(login: "kato"))
        for (day, fromRecords) in [("2026-06-10", true), ("2026-06-16", false), ("2026-05-20", true)] {
            let today = Day(iso: day)!
            let schedule = try #require(try suzuki.schedules(filter, today: today).first { $0.id == approved.id })
            let whole = try #require(try suzuki.query(filter, today: today).first { $0.id == approved.id })
            #expect((schedule.openDues == nil) == fromRecords, "\(day)")
            #expect(schedule.dutyRecords.isEmpty != fromRecords, "\(day)")
            let items = TodayList.items(for: kato, records: [schedule], alerts: [], today: today, everything: true)
            #expect(items == TodayList.items(for: kato, records: [whole], alerts: [], today: today, everything: true), "\(day)")
            #expect(DutyCalendar.events(for: kato, records: [schedule], today: today, everything: true)
                == DutyCalendar.events(for: kato, records: [whole], today: today, everything: true), "\(day)")
            // Before the period ends June's backup is due; from its end nothing is.
            #expect(items.contains { $0.duty == .backup && $0.kind == .due && $0.dueDate == Day(iso: "2026-06-30") } == (day == "2026-06-10"), "\(day)")
        }
    }
}
