import Testing

@testable import Core

/// The menu offers every procedure the person may start, numbered without gaps, and `?`
/// explains each.
@Suite struct MainMenuTests {
    static let kato = StaffMember(login: "kato", name: "加藤 誠", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"])
    static let sato = StaffMember(login: "sato", name: "佐藤 花子", department: "総務課")

    static func service(_ status: ApplicationStatus) -> ApplicationRecord {
        ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: status, procedureVersion: "1.0",
            answers: [
                ApplicationFields.department: .text("総務課"),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "佐藤 花子", login: "sato")),
            ],
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
    }

    static func situation(_ member: StaffMember, services: [ApplicationRecord]) -> MainMenu.Situation {
        var situation = MainMenu.Situation(name: member.name, reviewer: member, drafts: [], returned: [], waitingForReview: 0, toAcknowledge: [])
        situation.services = services
        return situation
    }

    @Test func theManagerIsOfferedEveryStepOfTheirService() {
        let entries = MainMenu.entries(Self.situation(Self.sato, services: [Self.service(.inUse)]))
        let items = entries.map(\.item)
        for item: MainMenu.Item in [.apply, .record, .incident, .stop, .terminate, .due, .alerts, .calendar, .list, .query, .quit] {
            #expect(items.contains(item), "\(item)")
        }
        #expect(!items.contains(.review) && !items.contains(.incidentElsewhere))
        #expect(entries.dropLast().map(\.key) == (1...entries.count - 1).map(String.init), "numbered without gaps")
        #expect(entries.last?.key == "q")
    }

    @Test func theReviewerChecksAndAlertsButDoesNotTerminateAnothersService() {
        let items = MainMenu.entries(Self.situation(Self.kato, services: [Self.service(.inUse)])).map(\.item)
        #expect(items.contains(.review) && items.contains(.incidentElsewhere) && items.contains(.stop))
        #expect(!items.contains(.terminate), "the service manager submits the termination form (7(1))")
    }

    @Test func aQuestionMarkExplainsEachEntry() throws {
        let entries = MainMenu.entries(Self.situation(Self.sato, services: [Self.service(.inUse)]))
        #expect(try MainMenu.interpret("?", entries, default: .apply).get() == .help)
        #expect(try MainMenu.interpret("？", entries, default: .apply).get() == .help)
        let shown = MainMenu.explanation(entries, .ja).map(\.text).joined(separator: "\n")
        #expect(shown.contains("手順書7") && shown.contains("手順書6(2)") && shown.contains("手順書6(8)"))
        for entry in entries { #expect(!entry.explanation.ja.isEmpty && !entry.explanation.en.isEmpty, "\(entry.item)") }
        #expect(try MainMenu.interpret("terminate", entries, default: .apply).get() == .terminate)
    }
}
