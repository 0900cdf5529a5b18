import Foundation
import Testing
@testable import Core

/// The second variant (transcripts/files/procedure-variant-2.0.yaml) reads without a mistake,
/// and says what it changes: ten checks, the guideline's three levels of confidentiality, six-monthly reviews, a weekly backup,
/// and a certificate of deletion that must be attached.
@Suite struct VariantProcedureTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../transcripts/files/procedure-variant-2.0.yaml").standardized.path

    func variant() throws -> ProcedureDocument {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        switch ProcedureFile.read(text) {
        case .document(let document): return document
        case .mistakes(let mistakes):
            Issue.record("\(mistakes.map(\.wording.en))")
            throw CancellationError()
        }
    }

    @Test func itReadsAsARevisedProcedure() throws {
        let document = try variant()
        #expect(document.version.version == "2.0")
        #expect(document.applicationChecks.map(\.number) == Array(1...10))
        #expect(document.classificationScale == ["機密性3", "機密性2", "機密性1"])
        #expect(document.scaleNeedingPermission == ["機密性3", "機密性2"])
        #expect(document.duty(.contentReview)?.cadence == .fiscalHalf)
        #expect(document.duty(.backup)?.cadence == .week)
        #expect(document.terminationChecks.filter(\.evidenceRequired).map(\.number) == [2])
    }

    /// The certificate of deletion: with ○ an empty answer is not accepted; with × it may be left.
    @Test func aCertificateOfDeletionMustBeAttachedToA〇() throws {
        let document = try variant()
        let item = CheckItem(document.terminationChecks[1], prefix: "termination.check")
        let evidence = try #require(CheckFields.fields(for: item, formName: TerminationProcedure.formName).first { $0.id == item.evidenceID })
        #expect(evidence.optional([item.markID: .mark(.yes)]) == false)
        #expect(evidence.optional([item.markID: .mark(.no)]) == true)
        let builtIn = try #require(CheckFields.fields(for: TerminationProcedure.checks[1], formName: TerminationProcedure.formName).first { $0.id == item.evidenceID })
        #expect(builtIn.optional([item.markID: .mark(.yes)]) == true)
    }

    @Test func theNewIntervalsMakeTheirPeriods() {
        let thursday = Day(year: 2026, month: 4, day: 2)!
        #expect(DutySchedule.Cadence.week.period(containing: thursday) == .init(start: Day(year: 2026, month: 3, day: 30)!, end: Day(year: 2026, month: 4, day: 5)!))
        #expect(DutySchedule.Cadence.fiscalHalf.period(containing: Day(year: 2027, month: 2, day: 1)!)
            == .init(start: Day(year: 2026, month: 10, day: 1)!, end: Day(year: 2027, month: 3, day: 31)!))
        #expect(DutySchedule.Cadence.fiscalYear.period(containing: Day(year: 2027, month: 3, day: 31)!)
            == .init(start: Day(year: 2026, month: 4, day: 1)!, end: Day(year: 2027, month: 3, day: 31)!))
        let weeks = DutySchedule.items(cadence: .week, inUseFrom: thursday, doneOn: [Day(year: 2026, month: 4, day: 8)!], today: Day(year: 2026, month: 4, day: 20)!)
        #expect(weeks.map(\.period.start) == [Day(year: 2026, month: 4, day: 13)!, Day(year: 2026, month: 4, day: 20)!])
        #expect(weeks.map(\.status) == [.overdue, .due])
    }
}
