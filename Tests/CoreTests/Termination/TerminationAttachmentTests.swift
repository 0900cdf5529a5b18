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
        for name in ["terms.pdf", "agreed.png", "disposed.pdf"] {
            try Data(name.utf8).write(to: URL(fileURLWithPath: village.folder + "/" + name))
        }
        let terms = try village.store(as: "yamada").intake.ingest(path: "terms.pdf").get()
        let record = try village.approve(try village.applicationSubmitted(attachment: terms))
        let kato = try village.store(as: "kato")
        let suzuki = try village.store(as: "suzuki")
        _ = try suzuki.acknowledge(Acknowledgement(applicationID: record.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-04-03T00:00:00Z"))
        let agreed = try suzuki.intake.ingest(path: "agreed.png").get()
        let disposed = try suzuki.intake.ingest(path: "disposed.pdf").get()

        func terminate(_ files: [Core.Attachment], at timestamp: String) throws {
            _ = try suzuki.submitTermination(
                from: Draft(owner: "suzuki", procedureID: "termination", state: InterviewState(answers: [
                    TerminationFields.endDate: .date(Day(iso: "2027-03-31")!), TerminationFields.departmentHead: .text("田中 部長"),
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
            applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .returned, reason: "証明が足りません",
            answers: [:], decidedAt: "2027-04-01T00:00:00Z", applicationVersion: 1)
        returned.form = .termination
        _ = try kato.decide(returned)

        try terminate([agreed], at: "2027-04-02T00:00:00Z")
        let filedNow = try filed()
        // The application's own file stays; of the termination's, the last form's.
        #expect(filedNow == [terms.sha256, agreed.sha256].sorted(), "\(filedNow)")
        #expect(try kato.application(id: record.id)?.termination?.status == .submitted)
        #expect(try village.verify(as: "kato").findings == [])
    }
}
