import Testing
@testable import Core

/// The built-in file is the village's 1.0: its version, its eight and four checks, its intervals,
/// and what the one conditional check does with each answer. (Before the Swift literals were
/// removed, this suite compared the file with them text by text; the transcripts still show
/// every text in full.)
@Suite struct BuiltInProcedureTests {
    let document = BuiltInProcedure.document

    @Test func versionRetentionAndClassesAreThoseOf1_0() {
        #expect(document.version.version == "1.0")
        #expect(document.version.enacted == Day(year: 2017, month: 11, day: 30))
        #expect(document.retentionMonths == 36)
        #expect(document.classificationScale == ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"])
        #expect(Classification.scale.filter(\.needsExplicitPermission) == [.one, .two])
    }

    @Test func theFormsHaveTheirChecks() {
        #expect(ApplicationChecks.items.map(\.number) == Array(1...8))
        #expect(ApplicationChecks.items.map(\.markID) == (1...8).map { "check\($0)" })
        #expect(TerminationProcedure.checks.map(\.markID) == (1...4).map { "termination.check\($0)" })
        #expect(TerminationProcedure.blockingChecks == [1, 2])
        #expect(document.applicationChecks.compactMap(\.showsIncidentsWithinMonths) == [36])
        #expect(RiskNotice.risks.count == 4)
        #expect(RiskNotice.correction(2) != nil && [0, 1, 3].allSatisfy { RiskNotice.correction($0) == nil })
    }

    @Test func theDutiesKeepTheirIntervals() {
        #expect(DutyKind.contentReview.schedule == .fiscalQuarter)
        #expect(DutyKind.backup.schedule == .month)
        #expect(DutyKind.userConfirmation.schedule == .month)
        #expect(DutyKind.alternative.schedule == nil && DutyKind.inventory.schedule == nil && DutyKind.termsCheck.schedule == nil)
        #expect(DutyKind.allCases.map(\.section) == ["6(1)", "6(5)", "6(6)", "6(3)", "6(4)", "6(1)"])
        #expect(DutyKind.termsCheck.title == Localized("約款の確認", "Terms check"))
    }

    /// Check 3, from the file's conditions: ／ refused with personal information, offered with
    /// its note without it, and asked again when that answer changes.
    @Test func check3sConditions() {
        let check = ApplicationChecks.items[2]
        let context = InterviewContext(language: .en, today: Day(year: 2026, month: 4, day: 1)!, person: nil, intake: StubIntake())
        #expect(check.dependsOn == [ApplicationFields.personalInformation])
        for personal: Bool? in [true, false, nil] {
            for mark in Mark.allCases {
                var answers: Answers = [:]
                answers[ApplicationFields.personalInformation] = personal.map(AnswerValue.flag)
                let refused = check.markRules.compactMap { $0(.mark(mark), answers) }.first
                #expect((refused != nil) == (mark == .notApplicable && personal == true))
                #expect(check.defaultMark?(answers, context) == (personal == false ? .mark(.notApplicable) : nil))
                answers["check3"] = .mark(mark)
                let note = check.defaultNote?(answers, context)
                #expect(note == (personal == false && mark == .notApplicable ? .text("No personal information is handled") : nil))
            }
        }
    }
}
