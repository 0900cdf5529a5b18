import Testing

@testable import Core

@Suite struct TerminationHTMLTests {
    @Test func theTerminationFormFollowsTheApplication() throws {
        var record = ApplicationRecord(
            id: 7, applicantLogin: "yamada", status: .ended, procedureVersion: "1.0",
            answers: [ApplicationFields.service: .text("Example Drive")], submittedAt: "2026-04-01T00:00:00Z", version: 5)
        var termination = TerminationRecord(
            applicationID: 7, applicantLogin: "sato", status: .confirmed,
            answers: [
                TerminationFields.service: .text("Example Drive <旧>"), TerminationFields.reason: .text("期間満了"),
                TerminationFields.endDate: .date(Day(iso: "2027-03-31")!), "termination.check2": .mark(.yes),
            ],
            submittedAt: "2027-03-31T00:00:00Z", version: 2)
        var decision = Decision(
            applicationID: 7, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .confirmed, reason: nil,
            answers: [ReviewFields.terminationMark(2): .mark(.no)], decidedAt: "2027-04-01T00:00:00Z", applicationVersion: 1)
        decision.form = .termination
        termination.decisions = [decision]
        record.termination = termination
        let html = FormHTML.document(record, today: Day(iso: "2026-11-27")!, .ja)
        let application = try #require(html.range(of: "約款による外部サービス利用申請書</h1>"))
        let ending = try #require(html.range(of: "約款による外部サービス終了確認書</h1>"))
        #expect(application.upperBound < ending.lowerBound)
        for item in TerminationProcedure.checks { #expect(html.contains(FormHTML.escape(item.text.ja))) }
        #expect(html.contains("Example Drive &lt;旧&gt;"))
        #expect(html.contains("令和12年3月31日"))
        // The second check: ○ by the service manager, × by the reviewer, in that order.
        let row = try #require(html.range(of: FormHTML.escape(TerminationProcedure.checks[1].text.ja)))
        let after = html[row.upperBound...]
        let yes = try #require(after.range(of: "○"))
        let no = try #require(after.range(of: "×"))
        #expect(yes.lowerBound < no.lowerBound)
    }

    @Test func noTerminationNoSecondForm() {
        let record = ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0", answers: [:],
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
        #expect(FormHTML.terminationForm(record, .ja) == nil)
        #expect(!FormHTML.document(record, today: Day(iso: "2026-11-27")!, .ja).contains("終了確認書</h1>"))
    }
}
