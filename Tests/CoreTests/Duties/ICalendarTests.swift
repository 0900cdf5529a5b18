import Foundation
import Testing

@testable import Core

@Suite struct ICalendarTests {
    static func service(_ id: Int64, name: String, manager: String, managerLogin: String, inUse: String, records: [DutyRecord] = []) -> ApplicationRecord {
        var record = ApplicationRecord(
            id: id, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0",
            answers: [
                ApplicationFields.service: .text(name), ApplicationFields.serviceManager: .person(NamedPerson(name: manager, login: managerLogin)),
                ApplicationFields.department: .text("総務課"),
            ],
            submittedAt: "2026-04-01T00:00:00Z", version: 3)
        record.acknowledgement = Acknowledgement(applicationID: id, login: "sato", name: manager, acknowledgedAt: inUse)
        record.dutyRecords = records
        return record
    }

    static let records = [
        service(1, name: "Example Drive, 無料プラン; 共有用\\テスト", manager: "佐藤 花子", managerLogin: "sato", inUse: "2026-04-06T00:00:00Z",
                records: [DutyRecord(applicationID: 1, kind: .backup, doneOn: Day(iso: "2026-05-10")!, answers: [:], recordedBy: "sato", recordedAt: "x")]),
        service(2, name: "Example Mail", manager: "佐藤 花子", managerLogin: "sato", inUse: "2026-04-20T00:00:00Z"),
        service(3, name: "Someone else's", manager: "田中 一郎", managerLogin: "tanaka", inUse: "2026-04-20T00:00:00Z"),
    ]

    static let person = Actor(login: "sato", name: "佐藤 花子", member: StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"))
    static let today = Day(iso: "2026-05-20")!

    /// Reads the document back: unfolds lines and groups the properties of each event.
    static func parse(_ document: String) -> [[String: String]] {
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in ICalendar.contentLines(document) {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT" { events.append(current!); current = nil; continue }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            current![String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        return events
    }

    static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    @Test func oneEventPerUpcomingDutyOfThePersonsServices() throws {
        let events = DutyCalendar.events(for: Self.person, records: Self.records, today: Self.today)
        // Two services kept by this person, three recurring duties each.
        #expect(events.count == 6)
        let document = ICalendar.document(events, stamp: Date(timeIntervalSince1970: 1_780_000_000), language: .ja)
        let parsed = Self.parse(document)
        #expect(parsed.count == 6)
        let backup = try #require(parsed.first { $0["UID"] == "yakkan-1-backup-20260630@yakkan" })
        // May's backup is done, so the next is June's, due on its last day, as an all-day event.
        #expect(backup["DTSTART;VALUE=DATE"] == "20260630")
        #expect(backup["DTEND;VALUE=DATE"] == "20260701")
        #expect(Self.unescape(backup["SUMMARY"] ?? "").hasSuffix("Example Drive, 無料プラン; 共有用\\テスト"))
        // April was the month of coming into use; May's confirmation is open and due 31 May.
        #expect(parsed.contains { $0["UID"] == "yakkan-1-user_confirmation-20260531@yakkan" && $0["DTSTART;VALUE=DATE"] == "20260531" })
        #expect(parsed.contains { $0["UID"] == "yakkan-2-content_review-20260930@yakkan" })
        #expect(!parsed.contains { $0["SUMMARY"]?.contains("Someone else") == true })
    }

    @Test func theTextFollowsRFC5545() {
        let events = DutyCalendar.events(for: Self.person, records: Self.records, today: Self.today)
        let document = ICalendar.document(events, stamp: Date(timeIntervalSince1970: 1_780_000_000), language: .ja)
        #expect(document.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(document.hasSuffix("END:VCALENDAR\r\n"))
        // No bare LF, and no physical line longer than 75 octets.
        #expect(!document.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in document.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line)")
        }
        #expect(document.contains("DTSTAMP:20260528T202640Z\r\n"))
        let unfolded = ICalendar.contentLines(document)
        #expect(unfolded.contains { $0.hasSuffix("Example Drive\\, 無料プラン\\; 共有用\\\\テスト") })
    }

    @Test func foldingNeverSplitsACharacterAndUnfoldsBack() {
        let long = "SUMMARY:" + String(repeating: "約款による外部サービス", count: 8)
        let folded = ICalendar.fold(long)
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
    }

    @Test func uidsAreStableAcrossExports() {
        let first = DutyCalendar.events(for: Self.person, records: Self.records, today: Self.today)
        let again = DutyCalendar.events(for: Self.person, records: Self.records, today: Self.today.adding(days: 3))
        let uids = { (events: [DutyEvent]) in Self.parse(ICalendar.document(events, stamp: Date(), language: .en)).compactMap { $0["UID"] } }
        #expect(uids(first) == uids(again))
        #expect(Set(uids(first)).count == 6)
    }
}
