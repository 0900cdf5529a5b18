import Foundation
import Testing

@testable import Core

/// A termination form returned and sent again keeps the files of the form as sent last, once
/// each: before, SQLite kept the first form's rows beside the second's, and the server refused
/// the second form outright (its key forbids the same file twice).
@Suite struct TerminationAttachmentTests {
    @Test(arguments: StoreKind.available)
    func aFormSentAgainFilesItsAttachmentsOnce(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        defer { try? FileManager.default.removeItem(atPath: village.folder) }
        for name in ["agreed.png", "disposed.pdf"] {
            try Data(name.utf8).write(to: URL(fileURLWithPath: village.folder + "/" + name))
        }
        let kato = try village.store(as: "kato")
        let yamada = try village.store(as: "yamada")
        let sato = try village.store(as: "sato")
        _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"]), by: "kato", at: "t0")
        let agreed = try sato.intake.ingest(path: "agreed.png").get()
        let disposed = try sato.intake.ingest(path: "disposed.pdf").get()
        let record = try yamada.submitApplication(
            from: Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: [
                ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .text("鈴木"),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "佐藤 花子", login: "sato")),
            ])),
            procedureVersion: "1.0", at: "2026-04-01T00:00:00Z")
        _ = try kato.decide(Decision(
            applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤", outcome: .approved, reason: nil,
            answers: [:], decidedAt: "2026-04-02T00:00:00Z", applicationVersion: record.version))
        _ = try sato.acknowledge(Acknowledgement(applicationID: record.id, login: "sato", name: "sato", acknowledgedAt: "2026-04-03T00:00:00Z"))

        func terminate(_ files: [Core.Attachment], at timestamp: String) throws {
            _ = try sato.submitTermination(
                from: Draft(owner: "sato", procedureID: "termination", state: InterviewState(answers: [
                    TerminationFields.endDate: .date(Day(iso: "2027-03-31")!), TerminationFields.departmentHead: .text("鈴木"),
                    TerminationFields.agreement: .files(files),
                ]), applicationID: record.id),
                at: timestamp)
        }
        func filed() throws -> [String] {
            try village.asOwner {
                try $0.values(String.self, sql: "SELECT sha256 FROM application_attachment WHERE application_id = ? ORDER BY sha256", arguments: [record.id])
            }
        }
        try terminate([agreed, disposed], at: "2027-03-31T00:00:00Z")
        var returned = Decision(
            applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤", outcome: .returned, reason: "証明が足りません",
            answers: [:], decidedAt: "2027-04-01T00:00:00Z", applicationVersion: 1)
        returned.form = .termination
        _ = try kato.decide(returned)

        try terminate([agreed], at: "2027-04-02T00:00:00Z")
        let filedNow = try filed()
        #expect(filedNow == [agreed.sha256], "\(filedNow)")
        #expect(try kato.application(id: record.id)?.termination?.status == .submitted)
        #expect(try village.verify(as: "kato").findings == [])
    }
}
