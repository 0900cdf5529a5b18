import Foundation
import Testing
@testable import Core

/// A new application's draft keeps the version it was begun under, in the state a store saves;
/// resumed under another version it goes on under that one with every answer, and says so.
@Suite struct DraftVersionTests {
    static let v1 = BuiltInProcedure.document.version
    static let v2 = ProcedureVersion(version: "2.0", enacted: Day(year: 2025, month: 4, day: 1)!, reason: Localized("改正", "revised"))

    func begun(answers: Answers) -> Draft {
        var draft = DraftVersion.begun(Draft.fresh(owner: "yamada", procedureID: "application"), under: Self.v1)
        draft.state.answers = answers
        return draft
    }

    @Test func aDraftKeepsItsVersionThroughASave() throws {
        let draft = begun(answers: [ApplicationFields.provider: .text("Example Storage株式会社")])
        #expect(draft.state.procedureVersion == "1.0")
        let saved = try JSONDecoder().decode(InterviewState.self, from: JSONEncoder().encode(draft.state))
        #expect(saved.procedureVersion == "1.0")
        // A draft saved before drafts kept their version reads as one without it.
        let older = try JSONDecoder().decode(InterviewState.self, from: Data(#"{"answers":{},"order":[]}"#.utf8))
        #expect(older.procedureVersion == nil)
    }

    @Test func underTheSameVersionNothingIsSaid() {
        let (draft, notice) = DraftVersion.resumed(begun(answers: [:]), under: Self.v1)
        #expect(notice == nil)
        #expect(draft.state.procedureVersion == "1.0")
    }

    @Test func underAnotherVersionItMovesOverWithEveryAnswerAndSaysSo() throws {
        let answers: Answers = [ApplicationFields.provider: .text("Example Storage株式会社"), "check1": .mark(.yes)]
        let (draft, notice) = DraftVersion.resumed(begun(answers: answers), under: Self.v2)
        #expect(draft.state.answers == answers)
        #expect(draft.state.procedureVersion == "2.0")
        let said = try #require(notice)
        #expect(said.ja.contains("手順書 1.0 版で始めたもの") && said.ja.contains("2.0 版の問いで続けます"))
        #expect(said.en.contains("begun under procedure version 1.0") && said.en.contains("Every answer given is kept"))
    }

    /// A class answered on 1.0's scale is asked again under 2.0's (機密性3 to 機密性1): its rank
    /// would name another label there. Every other answer is kept.
    @Test func aClassOnAnotherScaleIsAskedAgain() throws {
        let variant = try String(contentsOfFile: VariantProcedureTests.path, encoding: .utf8)
        let book = ProcedureBook(adoptions: [
            ProcedureAdoption(version: "2.0", from: Day(iso: "2026-04-01")!, text: variant, sha256: ProcedureAdoption.digest(of: variant)),
        ])
        let answers: Answers = [ApplicationFields.provider: .text("Example Storage株式会社"), ApplicationFields.classification: .classification(.four)]
        let (draft, notice) = DraftVersion.resumed(begun(answers: answers), under: Self.v2, book: book)
        #expect(draft.state.answers == [ApplicationFields.provider: .text("Example Storage株式会社")])
        let said = try #require(notice)
        #expect(said.ja.contains("重要性分類は分類のしかたが変わったため（機密性3・機密性2・機密性1）、答え直してください"))
        #expect(said.en.contains("The classification is asked again"))
    }

    /// A returned form is corrected under the version of the form it corrects, not moved.
    @Test func aReturnedFormIsLeftUnderItsOwnVersion() {
        let returned = Draft.fresh(owner: "yamada", procedureID: "application", about: 3, version: 1)
        let (draft, notice) = DraftVersion.resumed(returned, under: Self.v2)
        #expect(notice == nil && draft.state.procedureVersion == nil)
    }
}
