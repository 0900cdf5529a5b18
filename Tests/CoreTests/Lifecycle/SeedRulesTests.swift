import Testing

@testable import Core

/// The seed's rules that live in Core alone: who decides after a change (6(1)), who must be
/// told by other means (6(2), 6(7)), and the approved period's first and last days.
@Suite struct SeedRulesTests {
    static let kato = StaffMember(login: "kato", name: "加藤 誠", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"])
    static let suzuki = StaffMember(login: "suzuki", name: "鈴木 一郎", department: "総務課", reviewerOf: ["総務課"])
    static let yamada = StaffMember(login: "yamada", name: "山田 太郎", department: "総務課", reviewerOf: ["総務課"])

    /// Applied for by yamada, head of department suzuki, kept by sato; both yamada and suzuki
    /// are 利用責任者 of the 課 as well.
    static func service(start: String = "2026-05-01", end: String = "2026-06-30", acknowledged: String? = "2026-04-03T00:00:00Z") -> ApplicationRecord {
        var record = ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0",
            answers: [
                ApplicationFields.department: .text("総務課"), ApplicationFields.provider: .text("Example"),
                ApplicationFields.service: .text("Drive"),
                ApplicationFields.periodStart: .date(Day(iso: start)!), ApplicationFields.periodEnd: .date(Day(iso: end)!),
                ApplicationFields.users: .people([NamedPerson(name: "佐藤 花子", login: "sato"), NamedPerson(name: "ジョン・スミス", login: nil)]),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "佐藤 花子", login: "sato")),
                ApplicationFields.departmentHead: .person(NamedPerson(name: "鈴木 一郎", login: "suzuki")),
            ],
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
        record.acknowledgement = acknowledged.map { Acknowledgement(applicationID: 1, login: "sato", name: "佐藤 花子", acknowledgedAt: $0) }
        return record
    }

    @Test func theContinuationIsNeitherTheApplicantsNorTheHeadOfDepartmentsDecision() {
        let record = Self.service()
        #expect(DutyRules.mayDecideContinuation(login: "yamada", member: Self.yamada, application: record)?.ja.contains("申請者") == true)
        #expect(DutyRules.mayDecideContinuation(login: "suzuki", member: Self.suzuki, application: record)?.ja.contains("所属長") == true)
        #expect(DutyRules.mayDecideContinuation(login: "sato", member: nil, application: record) != nil)
        #expect(DutyRules.mayDecideContinuation(login: "kato", member: Self.kato, application: record) == nil)
    }

    @Test func usersNotInTheDirectoryAreNamedToThe利用責任者ToBeToldOtherwise() {
        let directory = Directory(staff: [Self.kato, Self.suzuki])
        let alerts = Notifications.stopped(
            Self.service(), ServiceStop(reason: "海外経由", stoppedBy: "sato", stoppedAt: "2026-05-10T00:00:00Z"), directory)
        let otherwise = alerts.filter { $0.kind == .tellOtherwise }
        #expect(Set(otherwise.compactMap(\.recipientLogin)) == ["kato", "suzuki"])
        #expect(otherwise.allSatisfy { $0.message.ja.contains("ジョン・スミス") && $0.message.ja.contains("海外経由") })
        #expect(DutyText.alerted(alerts).ja.hasSuffix("名簿にない利用者（ジョン・スミス）にはお知らせが届かないため、利用責任者に別の方法で伝えるよう依頼しました。"))
        // Nobody unlisted, nothing to tell otherwise.
        var listed = Self.service()
        listed = ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0",
            answers: listed.answers.merging([ApplicationFields.users: .people([NamedPerson(name: "佐藤 花子", login: "sato")])]) { $1 },
            submittedAt: listed.submittedAt, version: 1)
        #expect(Notifications.stopped(listed, ServiceStop(reason: "x", stoppedBy: "sato", stoppedAt: "2026-05-10T00:00:00Z"), directory)
            .allSatisfy { $0.kind != .tellOtherwise })
    }

    @Test func theAcknowledgementSaysFromWhichDayTheServiceIsInUse() {
        #expect(ReviewText.acknowledged(Self.service()).ja.contains("利用期間の初日 令和8年5月1日 から利用中になります"))
        #expect(ReviewText.acknowledged(Self.service()).en.contains("in use from the first day of its period, 1 May 2026"))
        #expect(ReviewText.acknowledged(Self.service(start: "2026-04-01")).ja.hasSuffix("は利用中になりました。"))
    }

    @Test func inUseFromThePeriodsFirstDayAndAskedAboutItsEnd() {
        let record = Self.service()
        #expect(record.inUseFrom == Day(iso: "2026-05-01"), "acknowledged on 3 April, the period starts on 1 May")
        #expect(Self.service(start: "2026-04-01").inUseFrom == Day(iso: "2026-04-03"))
        #expect(record.activeUntil == Day(iso: "2026-07-01"))
        let person = Actor(login: "sato", name: "佐藤 花子", member: StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"))
        func periodItems(_ today: String) -> [TodayItem] {
            TodayList.items(for: person, records: [record], alerts: [], today: Day(iso: today)!).filter { $0.duty == nil }
        }
        #expect(TodayList.items(for: person, records: [record], alerts: [], today: Day(iso: "2026-04-20")!).isEmpty)
        #expect(periodItems("2026-05-30").isEmpty)
        #expect(periodItems("2026-05-31").map(\.kind) == [.due])
        #expect(periodItems("2026-07-01").map(\.kind) == [.overdue])
        #expect(TodayList.items(for: person, records: [record], alerts: [], today: Day(iso: "2026-07-01")!).allSatisfy { $0.duty == nil })
        var terminated = record
        terminated.termination = TerminationRecord(
            applicationID: 1, applicantLogin: "sato", status: .submitted, answers: [:], submittedAt: "2026-06-20T00:00:00Z", version: 1)
        #expect(TodayList.items(for: person, records: [terminated], alerts: [], today: Day(iso: "2026-07-01")!).isEmpty)
    }
}
