import Testing

@testable import Core

/// What is over stays over: a stop notice of an ended service leaves the lists, records name
/// who made them, and a period that has already ended is neither submitted nor approved.
@Suite struct StaleStatesTests {
    static let today = Day(iso: "2026-06-20")!
    static let sato = StaffMember(login: "sato", name: "佐藤 花子", department: "総務課")

    static func record(_ status: ApplicationStatus, end: String = "2027-03-31") -> ApplicationRecord {
        ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: status, procedureVersion: "1.0",
            answers: [
                ApplicationFields.applicant: .text("山田 太郎"),
                ApplicationFields.department: .text("総務課"),
                ApplicationFields.service: .text("Example Drive"),
                ApplicationFields.periodStart: .date(Day(iso: "2026-04-01")!),
                ApplicationFields.periodEnd: .date(Day(iso: end)!),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "佐藤 花子", login: "sato")),
            ],
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
    }

    static let stopNotice = Alert(
        id: 3, applicationID: 1, kind: .stopped, recipientLogin: "sato", recipientName: "佐藤 花子",
        message: Localized("停止しました", "stopped"), createdAt: "2026-05-01T00:00:00Z")

    @Test func aStopNoticeLeavesTheListOnceTheServiceHasEnded() {
        let person = Actor(login: "sato", name: "佐藤 花子", member: Self.sato)
        let stopped = TodayList.items(for: person, records: [Self.record(.stopped)], alerts: [Self.stopNotice], today: Self.today)
        #expect(stopped.contains { $0.alertID == 3 })
        let ended = TodayList.items(for: person, records: [Self.record(.ended)], alerts: [Self.stopNotice], today: Self.today)
        #expect(!ended.contains { $0.alertID == 3 })
        // An incident elsewhere is still worth reading after the end.
        var incident = Self.stopNotice
        incident = Alert(id: 4, applicationID: 1, kind: .incidentElsewhere, recipientLogin: "sato", recipientName: nil,
                         message: incident.message, createdAt: incident.createdAt)
        #expect(TodayList.items(for: person, records: [Self.record(.ended)], alerts: [incident], today: Self.today).contains { $0.alertID == 4 })
    }

    @Test func aDutyRecordNamesWhoMadeIt() {
        var record = Self.record(.inUse)
        record.dutyRecords = [DutyRecord(
            applicationID: 1, kind: .backup, doneOn: Day(iso: "2026-05-10")!, answers: [:], recordedBy: "sato", recordedAt: "2026-05-10T01:00:00Z")]
        #expect(ServiceLife.events(record, .ja).first?.by == "佐藤 花子（sato）")
        #expect(ServiceLife.events(record, .en).first?.by == "佐藤 花子 (sato)")
        #expect(ApplicationForm.text(record, applicant: nil, today: Self.today, .ja).contains("佐藤 花子（sato）"))
        // Someone the form does not name is still shown, by login.
        #expect(ServiceLife.who("tanaka", in: record, .ja) == "tanaka")
    }

    @Test func aPeriodAlreadyOverIsNeitherSubmittedNorApproved() {
        let over = Self.record(.submitted, end: "2026-05-31")
        #expect(ApprovalRules.periodBlockers(over, today: Self.today).first?.ja.contains("利用期間が既に終わっています") == true)
        #expect(ApprovalRules.periodBlockers(Self.record(.submitted), today: Self.today).isEmpty)
        #expect(ApprovalRules.periodBlockers(over, today: nil).isEmpty)
        #expect(ApprovalRules.endedPeriod(over.answers, today: Self.today) != nil)
        #expect(ApprovalRules.endedPeriod(over.answers, today: Day(iso: "2026-05-31")!) == nil, "the last day is still in the period")
    }
}
