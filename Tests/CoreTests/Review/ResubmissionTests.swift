import Testing

@testable import Core

/// The second double check starts from the first: the reason and the reviewer's own notes and
/// × of the return; and the form says which submission each decision was on, as people count.
@Suite struct ResubmissionTests {
    static func decision(_ outcome: DecisionOutcome, version: Int, answers: Answers = [:], reason: String? = nil) -> Decision {
        Decision(
            applicationID: 1, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: outcome, reason: reason, answers: answers,
            decidedAt: "2026-04-02T01:00:00Z", applicationVersion: version)
    }

    @Test func theSecondCheckShowsTheFirstOnesReasonNotesAndCrosses() {
        var application = ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: .submitted, procedureVersion: "1.0", answers: [:],
            submittedAt: "2026-04-03T00:00:00Z", version: 3)
        application.decisions = [Self.decision(.returned, version: 1, answers: [
            ReviewFields.mark(5): .mark(.no), ReviewFields.note(5): .text("責任の所在が約款のどこにあるか不明"), ReviewFields.mark(1): .mark(.yes),
        ], reason: "確認事項5を確かめ直してください")]
        let text = ReviewText.earlierReview(application, .ja).map(\.text).joined(separator: "\n")
        #expect(text.contains("再提出です"))
        #expect(text.contains("理由：確認事項5を確かめ直してください"))
        #expect(text.contains("確認事項5：×　備考：責任の所在が約款のどこにあるか不明"))
        #expect(!text.contains("確認事項1："), "a plain ○ without a note says nothing new")
        // A first submission has no earlier review.
        application.decisions = []
        #expect(ReviewText.earlierReview(application, .ja).isEmpty)
    }

    @Test func decisionsSayWhichSubmissionNotWhichStoredVersion() {
        let first = Self.decision(.returned, version: 1), second = Self.decision(.approved, version: 3)
        #expect(FormText.onSubmission(first, among: [first, second]).ja == "最初の提出に対して")
        #expect(FormText.onSubmission(second, among: [first, second]).ja == "2回目の提出（再提出）に対して")
        #expect(FormText.onSubmission(second, among: [first, second]).en == "on submission 2 (resubmitted)")
    }
}
