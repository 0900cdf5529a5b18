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

    static let returnedAnswers: Answers = [
        ApplicationFields.alternative: .text("共有フォルダで受け渡す"),
        ApplicationChecks.items[0].markID: .mark(.yes), ApplicationChecks.items[4].markID: .mark(.yes),
    ]

    static func returned(by reviewer: String) -> Decision {
        Decision(
            applicationID: 1, reviewerLogin: reviewer, reviewerName: reviewer, outcome: .returned, reason: "直してください",
            answers: [ReviewFields.mark(1): .mark(.yes), ReviewFields.note(1): .text("HTTPSを確認"), ReviewFields.note(2): .skipped,
                      ReviewFields.mark(5): .mark(.no)],
            decidedAt: "2026-04-02T01:00:00Z", applicationVersion: 1)
    }

    static func resubmitted(_ answers: Answers, returnedBy reviewer: String = "kato") -> ApplicationRecord {
        var application = ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: .submitted, procedureVersion: "1.0", answers: answers,
            submittedAt: "2026-04-03T00:00:00Z", version: 3)
        application.decisions = [returned(by: reviewer)]
        return application
    }

    @Test func onlyTheChangedAnswersAreShownAndTheUnchangedChecksKeepTheirMarks() throws {
        var corrected = Self.returnedAnswers
        corrected[ApplicationFields.alternative] = .text("総務課共有フォルダで受け渡す")
        corrected[ApplicationChecks.items[4].noteID] = .text("利用規約第12条で確認")
        let resubmission = try #require(Resubmission.of(Self.resubmitted(corrected), filings: [Self.returnedAnswers, corrected]))
        #expect(resubmission.changes().map(\.field.id) == [ApplicationFields.alternative, ApplicationChecks.items[4].noteID])
        #expect(!resubmission.unchangedChecks.contains { $0.number == 5 })
        let kept = resubmission.keptMarks(for: "kato")
        #expect(kept[ReviewFields.mark(1)] == .mark(.yes))
        #expect(kept[ReviewFields.note(1)] == .text("HTTPSを確認"))
        #expect(kept[ReviewFields.note(2)] == nil, "an empty note is no default")
        #expect(kept[ReviewFields.mark(5)] == nil, "check 5 changed: it is marked again")
        let text = resubmission.changeLines(.ja).map(\.text).joined(separator: "\n")
        #expect(text.contains("差し戻した版からの変更（2項目）"))
        #expect(text.contains("前：共有フォルダで受け渡す") && text.contains("今：総務課共有フォルダで受け渡す"))
    }

    @Test func anotherReviewerInheritsNoMarks() throws {
        let resubmission = try #require(Resubmission.of(
            Self.resubmitted(Self.returnedAnswers, returnedBy: "suzuki"), filings: [Self.returnedAnswers, Self.returnedAnswers]))
        #expect(resubmission.keptMarks(for: "kato").isEmpty)
        #expect(resubmission.keptLine(for: "kato", .ja) == nil)
        #expect(resubmission.changes().isEmpty)
        #expect(resubmission.changeLines(.ja).map(\.text).joined().contains("何も変更せずに再提出"))
    }

    @Test func aLogMissingAFilingClaimsNothing() {
        // Two returns need three filings; with two, which version was returned is unknown.
        var application = Self.resubmitted(Self.returnedAnswers)
        application.decisions.append(Self.returned(by: "kato"))
        #expect(Resubmission.of(application, filings: [Self.returnedAnswers, Self.returnedAnswers]) == nil)
        #expect(Resubmission.of(Self.resubmitted(Self.returnedAnswers), filings: [Self.returnedAnswers]) == nil)
    }

    /// The versions come from the log's own commands, on either store.
    @Test(arguments: StoreKind.available)
    func theStoreGivesEveryFilingFromTheLog(_ kind: StoreKind) throws {
        let village = try AuditTrailTests.honestStore(kind)
        let yamada = try village.store(as: "yamada")
        let returned = try #require(try yamada.application(id: 1))
        var draft = try #require(ReviewActions.returnedDraft(of: returned, procedureID: ApplicationProcedure.procedure.id))
        draft.state.answers[ApplicationFields.departmentHead] = .text("鈴木 次郎")
        _ = try yamada.submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-03T01:00:00Z")
        let filings = try yamada.filings(of: 1)
        #expect(filings.map { $0[ApplicationFields.departmentHead] } == [.text("鈴木 一郎"), .text("鈴木 次郎")])
        let resubmitted = try #require(try yamada.application(id: 1))
        let resubmission = try #require(Resubmission.of(resubmitted, filings: filings))
        #expect(resubmission.changes().map(\.field.id) == [ApplicationFields.departmentHead])
        #expect(try yamada.filings(of: 2).isEmpty)
    }
}
