import Core
import Foundation
import Testing

@testable import Guide

/// `yakkan remind` also runs `audit verify` and mails each administrator every new finding,
/// once: the stand-in sendmail keeps each mail, so the test reads what an administrator gets.
@Suite struct RemindFindingsTests {
    typealias Village = RemindTests.Village

    /// The mails whose subject says they are about the audit trail, and the rest.
    static func findingMails(_ village: Village) throws -> [(arguments: String, message: String)] {
        try village.mails().filter { try RemindTests.decodedSubject($0.message).contains("監査記録") }
    }

    @Test func aRowChangedBehindYakkansBackIsMailedToTheAdministratorsOnce() throws {
        let village = try Village()
        // ito, with an address, keeps the directory too; kato, the other administrator, has none.
        #expect(try village.yakkan("staff", "update", "ito", "--admin").status == 0)
        #expect(try village.yakkan("remind").status == 0)
        #expect(try Self.findingMails(village).isEmpty, "a store that verifies mails no finding")

        // An alert written with sqlite3, its message not even JSON.
        let store = village.folder.path + "/yakkan.sqlite"
        #expect(try UnreadableRowTests.sqlite3(store, UnreadableRowTests.insert(no: "0")).status == 0)
        let (status, lines) = try village.yakkan("remind", on: "2026-04-03")
        #expect(status == 0, "\(lines.joined(separator: "\n"))")
        let first = try Self.findingMails(village)
        #expect(first.count == 1)
        let mail = try #require(first.first)
        #expect(mail.arguments == "-t -i")
        #expect(RemindTests.header("To", of: mail.message) == "ito@village.example.lg.jp")
        #expect(mail.message.contains("alert \(UnreadableRowTests.id) が監査記録にない内容に変わっています"))
        // kato, without an address, is told on the screen how many were not mailed.
        #expect(lines.contains(FindingText.noAddress(StaffMember(login: "kato", name: "加藤 誠", department: "総務課"), 1)(.ja)))

        // The next runs, the same day and the next, mail it no more.
        #expect(try village.yakkan("remind", on: "2026-04-03").status == 0)
        #expect(try village.yakkan("remind", on: "2026-04-04").status == 0)
        #expect(try Self.findingMails(village).count == 1)

        // A second change is new: only it is mailed.
        #expect(try UnreadableRowTests.sqlite3(store, "UPDATE application SET service = 'Renamed' WHERE id = 2").status == 0)
        #expect(try village.yakkan("remind", on: "2026-04-05").status == 0)
        let second = try #require(try Self.findingMails(village).dropFirst().first)
        #expect(second.message.contains("application 2"))
        #expect(!second.message.contains("alert \(UnreadableRowTests.id)"))
        #expect(try Self.findingMails(village).count == 2)
    }

    @Test func aFindingSendmailRefusedIsMailedByTheNextRun() throws {
        let village = try Village()
        #expect(try village.yakkan("staff", "update", "ito", "--admin").status == 0)
        #expect(try UnreadableRowTests.sqlite3(village.folder.path + "/yakkan.sqlite", UnreadableRowTests.insert(no: "0")).status == 0)
        try village.standIn(exitStatus: 75)
        #expect(try village.yakkan("remind").status == RemindCommand.mailNotHandedOver)
        #expect(try Self.findingMails(village).isEmpty)
        try village.standIn(exitStatus: 0)
        #expect(try village.yakkan("remind").status == 0)
        #expect(try Self.findingMails(village).count == 1)
    }
}
