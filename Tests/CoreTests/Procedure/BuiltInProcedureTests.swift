import Testing
@testable import Core

/// The built-in file read into the same procedure the Swift literals gave: every text, every
/// interval, and what the one conditional check does with each answer.
@Suite struct BuiltInProcedureTests {
    let document = BuiltInProcedure.document

    @Test func versionRetentionAndClassesAreThoseOf1_0() {
        #expect(document.version == ProcedureVersion.current)
        #expect(document.retentionMonths == 36)
        #expect(document.classificationScale == Classification.allCases.map(\.numeral))
        #expect(document.classesNeedingPermission == Set(Classification.allCases.filter(\.needsExplicitPermission).map(\.numeral)))
    }

    @Test func theChecksReadAsTheFormsHadThem() {
        #expect(document.applicationChecks.map(\.number) == ApplicationChecks.items.map(\.number))
        #expect(document.applicationChecks.map(\.text) == ApplicationChecks.items.map(\.text))
        #expect(document.applicationChecks.map(\.help) == ApplicationChecks.items.map(\.help))
        #expect(document.terminationChecks.map(\.text) == TerminationProcedure.checks.map(\.text))
        #expect(document.terminationChecks.map(\.help) == TerminationProcedure.checks.map(\.help))
        #expect(document.terminationChecks.filter(\.blocks).map(\.number) == TerminationProcedure.blockingChecks)
        #expect(document.applicationChecks.compactMap(\.showsIncidentsWithinMonths) == [36])
    }

    @Test func theNoticesReadAsTheFormHadThem() {
        #expect(document.riskHeading == RiskNotice.heading)
        #expect(document.risks.map(\.text) == RiskNotice.risks)
        #expect(document.risks.firstIndex { $0.correction != nil } == RiskNotice.correctedRisk)
        #expect(document.risks[RiskNotice.correctedRisk].correction == SourceNotes.thirdRiskCorrection)
        #expect(document.breach == SourceNotes.breach)
    }

    @Test func theDutiesKeepTheirIntervalsTitlesAndSections() {
        for kind in DutyKind.allCases {
            let duty = document.duty(kind)
            #expect(duty?.cadence == kind.schedule)
            #expect(duty?.title == kind.title)
            #expect(duty?.section == kind.section)
        }
    }

    /// Check 3's rule, default mark and default note, from the file's conditions, against the
    /// closures they replace, for every answer to the question on personal information.
    @Test func check3sConditionsBehaveAsTheClosuresDid() {
        let literal = ApplicationChecks.items[2]
        guard let rule = document.applicationChecks[2].notApplicable else { Issue.record("check 3 has no rule for ／"); return }
        let context = InterviewContext(language: .en, today: Day(year: 2026, month: 4, day: 1)!, person: nil, intake: StubIntake())
        for personal: AnswerValue? in [.flag(true), .flag(false), nil] {
            for mark in Mark.allCases {
                var answers: Answers = [:]
                answers[ApplicationFields.personalInformation] = personal
                let refused = literal.markRules.compactMap { $0(.mark(mark), answers) }.first
                let fileRefuses = mark == .notApplicable && rule.refusedWhen?.holds(answers) == true
                #expect((refused != nil) == fileRefuses)
                if fileRefuses { #expect(refused == rule.refusal) }
                #expect(literal.defaultMark?(answers, context) == (rule.defaultWhen?.holds(answers) == true ? .mark(.notApplicable) : nil))
                answers["check3"] = .mark(mark)
                let note = literal.defaultNote?(answers, context)
                let fileNote = rule.defaultWhen?.holds(answers) == true && mark == .notApplicable ? rule.defaultNote.map { AnswerValue.text($0.en) } : nil
                #expect(note == fileNote)
            }
        }
    }
}
