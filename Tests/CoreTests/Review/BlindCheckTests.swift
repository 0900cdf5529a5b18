import Testing

@testable import Core

/// The double check is blind: before the 利用責任者 marks a check, nothing the applicant
/// concluded about it is shown, neither the mark nor the note; the evidence is.
@Suite struct BlindCheckTests {
    @Test func theApplicantsNoteComesAfterTheReviewersMark() throws {
        let item = ApplicationChecks.items[0]
        let evidence = Attachment(sha256: String(repeating: "a", count: 64), fileName: "https.png", size: 60, addedAt: "2026-04-01T00:00:00Z")
        let answers: Answers = [
            item.markID: .mark(.yes), item.noteID: .text("証明書の発行元を画面で確かめた"), item.evidenceID: .files([evidence]),
        ]
        let fields = ReviewProcedure.checkFields(
            item, answers, { _ in "/store.files/aa/aaaa.png" }, mark: ReviewFields.mark, note: ReviewFields.note)
        let before = (fields[0].preamble?.ja ?? "") + fields[0].question.ja + fields[0].help.ja
        let beforeEnglish = (fields[0].preamble?.en ?? "") + fields[0].question.en
        #expect(!before.contains("証明書の発行元を画面で確かめた"))
        #expect(!before.contains("申請者の備考") && !beforeEnglish.contains("Applicant's note"))
        #expect(before.contains("https.png"), "the evidence is what the reviewer judges from")
        let after = try #require(fields[0].notices.first?(.mark(.no), [:]))
        #expect(after.ja.contains("申請者の記入：○"))
        #expect(after.ja.contains("申請者の備考：証明書の発行元を画面で確かめた"))
    }
}
