import Foundation
import Testing

@testable import Core

/// The export's writer against Foundation's `JSONEncoder` (pretty-printed, sorted keys, slashes
/// as they are), kept here as the reference: the same bytes for every service of the demo
/// village and for values made to be awkward.
@Suite("Application JSON")
struct ApplicationJSONTests {
    static let today = DemoVillageTests.today

    /// The export before the writer: the encoder's bytes, an array's element re-indented.
    func encoded(_ record: ApplicationRecord) throws -> String { try ApplicationExport.encode(ExportedApplication(record)) }
    func encodedElement(_ record: ApplicationRecord) throws -> String { try ApplicationExport.arrayElement(ExportedApplication(record)) }

    func expectSameBytes(_ records: [ApplicationRecord]) throws {
        for record in records {
            #expect(try ApplicationExport.json(record) == encoded(record), "service \(record.id)")
            #expect(try ApplicationExport.arrayElement(record) == encodedElement(record), "service \(record.id)")
        }
        #expect(try ApplicationExport.json(records) == ApplicationExport.encode(records.map { ExportedApplication($0) }))
    }

    @Test func everyServiceOfTheDemoVillageIsWrittenAsTheEncoderWritesIt() throws {
        let built = try DemoVillageTests.Built.shared(.sqlite)
        let records = try built.store.query(LedgerFilter(), today: Self.today)
        // The village has what the writer must get right, so that the comparison covers it.
        #expect(records.count >= 12)
        #expect(records.contains { $0.termination != nil })
        #expect(records.contains { $0.acknowledgement != nil })
        #expect(records.contains { !$0.dutyRecords.isEmpty })
        #expect(records.contains { !$0.decisions.isEmpty })
        #expect(records.contains { !$0.attachments.isEmpty })
        try expectSameBytes(records)
    }

    static let awkward = "quote \" backslash \\ slash / tab \t line\nreturn\r bell \u{07} backspace \u{08} form \u{0C} "
        + "unit \u{1F} nul \u{00} delete \u{7F} 日本語 é 🗾 👩‍💻 \u{2028} \u{FEFF}"

    static func attachment(_ name: String, size: Int64) -> Core.Attachment {
        Core.Attachment(sha256: String(repeating: "ab", count: 32), fileName: name, size: size, addedAt: "2026-04-01T09:00:00+09:00")
    }

    static func decision(_ form: Decision.Form, reason: String?, answers: Answers) -> Decision {
        var decision = Decision(
            applicationID: 7, reviewerLogin: "sato", reviewerName: Self.awkward, outcome: .approved, reason: reason,
            answers: answers, decidedAt: "2026-04-02T10:00:00+09:00", applicationVersion: 3)
        decision.form = form
        return decision
    }

    /// Every kind of answer, keys the byte order sorts unlike a person would, every optional set.
    static var everythingSet: ApplicationRecord {
        let answers: Answers = [
            "b": .text(Self.awkward), "B": .list([]), "_under": .list(["一", "", Self.awkward]), "check10": .date(Day(year: 2026, month: 12, day: 31)!),
            "check2": .flag(true), "a-dash": .flag(false), "é": .classification(.two), "Z9": .mark(.notApplicable),
            "aa": .choice("yes/no"), "files": .files([attachment("a/b \"c\".pdf", size: 0), attachment("🗾.png", size: .max)]),
            "empty files": .files([]), "skipped": .skipped, "": .text(""),
            "person": .person(NamedPerson(name: "山田 太郎", login: "yamada")), "people": .people([NamedPerson(name: "外部", login: nil)]),
            "check1": .mark(.yes), "check1.note": .text("注\n記"), "check1.evidence": .files([attachment("証跡.png", size: 12)]),
        ]
        var record = ApplicationRecord(
            id: 7, applicantLogin: "yamada", status: .ended, procedureVersion: "1.0", answers: answers,
            submittedAt: "2026-04-01T09:00:00+09:00", version: 3)
        record.editors = ["yamada", Self.awkward]
        record.decisions = [
            decision(.application, reason: Self.awkward, answers: [
                ReviewFields.businessNeed: .flag(true), ReviewFields.permitClassification: .flag(false),
                ReviewFields.permitReason: .text("理由"), ReviewFields.mark(1): .mark(.no), ReviewFields.note(1): .text("note"),
            ]),
        ]
        record.acknowledgement = Acknowledgement(applicationID: 7, login: "suzuki", name: "鈴木", acknowledgedAt: "2026-04-03T09:00:00+09:00")
        record.dutyRecords = [
            DutyRecord(applicationID: 7, kind: .backup, doneOn: Day(year: 2026, month: 5, day: 1)!, answers: [:], recordedBy: "yamada", recordedAt: "t"),
            DutyRecord(id: 2, applicationID: 7, kind: .inventory, doneOn: Day(year: 2026, month: 6, day: 1)!,
                       answers: ["list": .list(["a", "b"]), "none": .skipped], recordedBy: "yamada", recordedAt: Self.awkward),
        ]
        record.incidents = [
            Incident(id: -5, applicationID: 7, provider: "P", service: "S", occurredOn: Day(year: 2026, month: 7, day: 1)!,
                     what: Self.awkward, source: "news/1", action: "止めた", recordedBy: "yamada", recordedAt: "t"),
            Incident(applicationID: nil, provider: "", service: "", occurredOn: Day(year: 2026, month: 7, day: 2)!,
                     what: "", source: nil, action: nil, recordedBy: "yamada", recordedAt: "t"),
        ]
        record.stop = ServiceStop(reason: Self.awkward, stoppedBy: "sato", stoppedAt: "2026-08-01T09:00:00+09:00")
        record.continuations = [
            ContinuationDecision(continues: true, reason: "続ける", decidedBy: "sato", decidedAt: "t"),
            ContinuationDecision(continues: false, reason: "", decidedBy: "sato", decidedAt: "t"),
        ]
        var termination = TerminationRecord(
            applicationID: 7, applicantLogin: "yamada", status: .confirmed,
            answers: [TerminationFields.endDate: .date(Day(year: 2026, month: 9, day: 30)!), "note": .text(Self.awkward)],
            submittedAt: "2026-09-01T09:00:00+09:00", version: 2)
        termination.decisions = [decision(.termination, reason: nil, answers: [:])]
        record.termination = termination
        record.holds = [Day(year: 2031, month: 3, day: 31)!]
        return record
    }

    /// Nothing but what a record must have: empty answers, lists and objects, every optional nil.
    static var nothingSet: ApplicationRecord {
        ApplicationRecord(id: 0, applicantLogin: "", status: .submitted, procedureVersion: "1.0", answers: [:], submittedAt: "", version: 0)
    }

    @Test func awkwardValuesAreWrittenAsTheEncoderWritesThem() throws {
        let everything = Self.everythingSet
        // The record reaches every optional of the export, so that each is compared set.
        let exported = ExportedApplication(everything)
        #expect(exported.termination != nil && exported.ended_on != nil && exported.keep_until != nil)
        #expect(exported.risks_explained_by != nil && exported.stop != nil && exported.acknowledgement != nil)
        #expect(exported.decisions.first?.business_need != nil && exported.decisions.first?.permission_reason != nil)
        #expect(exported.checks.contains { $0.applicant_note != nil && $0.reviewer_mark != nil && !$0.evidence.isEmpty })
        try expectSameBytes([everything])
        try expectSameBytes([Self.nothingSet])
        try expectSameBytes([everything, Self.nothingSet, everything])
    }

    @Test func anEmptyListIsTheEmptyArray() throws {
        #expect(try ApplicationExport.json([]) == "[]")
    }
}
