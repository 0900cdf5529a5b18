import Foundation
import Testing
@testable import Core

/// An application's number is given inside the transaction that records it (from
/// `record_counter`, never a server SEQUENCE), so a submit that is refused or fails leaves no
/// gap: the next one recorded takes the number the failed one would have had.
@Suite(.serialized) struct ApplicationNumberTests {
    @Test(arguments: StoreKind.available)
    func numbersRunWithoutAGapAfterRefusedAndFailedSubmits(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let first = try village.applicationSubmitted()
        #expect(first.id == 1)
        let yamada = try village.store(as: "yamada")
        let answers = try #require(try yamada.application(id: first.id)).answers

        // Refused by the rules: nobody in the directory may double-check for 企画課.
        var elsewhere = answers
        elsewhere[ApplicationFields.department] = .text("企画課")
        do {
            _ = try yamada.submitApplication(from: Self.draft(elsewhere, owner: "yamada"), procedureVersion: "1.0", at: "2026-04-01T02:00:00Z")
            Issue.record("a submission nobody can review was recorded")
        } catch let error as StoreError {
            #expect(error.isRefusal, "\(error)")
        }

        // Failed inside its transaction, after the rules gave it number 2: an entry in
        // suzuki's name from yamada's store, whose keys sign for yamada only (on the server,
        // the server refuses an entry in another login's name first). All of it rolls back.
        #expect(throws: (any Error).self) {
            _ = try yamada.submitApplication(from: Self.draft(answers, owner: "suzuki"), procedureVersion: "1.0", at: "2026-04-01T03:00:00Z")
        }

        let second = try yamada.submitApplication(from: Self.draft(answers, owner: "yamada"), procedureVersion: "1.0", at: "2026-04-01T04:00:00Z")
        #expect(second.id == 2)
        #expect(try yamada.applications().map(\.id) == [1, 2])
        #expect(try village.verify(as: "kato").findings.isEmpty)
    }

    static func draft(_ answers: Answers, owner: String) -> Draft {
        Draft(owner: owner, procedureID: ApplicationProcedure.procedure.id, state: InterviewState(answers: answers))
    }
}
