import Foundation
import Testing
@testable import Core

/// The procedure's wording lives in its file: no Swift source of yakkan holds the text of a
/// question of any form (the application, the double checks, the termination form, the duties'
/// records, the events), its help or notices, a check, a risk, the marks' legend, a class's
/// definition, the words yakkan adds to the questions or the printed forms' titles and remarks (what `grep -rn` of Sources would show,
/// done here over every .swift file).
@Suite struct WordingInTheFileTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources").standardized

    static func swiftSources() throws -> [(path: String, text: String)] {
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "swift" }.map { ($0.path, try String(contentsOf: $0, encoding: .utf8)) }
    }

    static var wording: [String] {
        let document = BuiltInProcedure.document
        let forms = FormName.allCases.flatMap { document.questions($0) }
        let questions = (document.applicationQuestions + forms).flatMap { question in
            (isBoxName(question) ? [] : [question.question]) + [question.help] + question.notices.map(\.text)
                + [question.stopsSubmission?.text, question.notBefore?.refusal, fixedText(question.startsWith)].compactMap { $0 }
        }
        let checks = (document.applicationChecks + document.terminationChecks).flatMap { [$0.text, $0.help] }
        let risks = document.risks.map(\.text) + [document.riskHeading, document.riskQuestion.question, document.riskQuestion.help, document.markLegend,
            document.eachRiskQuestion.question, document.eachRiskQuestion.help]
        // Each line of the classes' definitions (the guide is several lines in the file).
        let classes = document.classificationGuide.ja.split(separator: "\n").map(String.init)
            + document.classificationGuide.en.split(separator: "\n").map(String.init)
        let added = [document.wording.staffMemberHelp, document.wording.peopleHelp]
        let total = [document.wording.usersTotal.ja, document.wording.usersTotal.en].flatMap { $0.components(separatedBy: "{count}") }.filter { $0.count > 2 }
        // The questions asked of each check, between the places of the check's number and words.
        let perCheck = document.checkQuestions
        let asked: [QuestionWords] = [perCheck.mark, perCheck.proceed, perCheck.note, perCheck.evidence, perCheck.reviewerMark, perCheck.reviewerNote]
        let texts: [String] = asked.flatMap { [$0.label, $0.question, $0.help] }.flatMap { [$0.ja, $0.en] }
        let pieces: [String] = texts.flatMap { text in text.split { $0 == "{" || $0 == "}" }.map(String.init) }
        let placeholders: Set<String> = ["number", "check", "help", "legend", "form"]
        // A remark in brackets alone, "(screenshots are fine)", is the printed forms' footnote too.
        let remark = { (piece: String) in piece.trimmingCharacters(in: .whitespaces).hasPrefix("(") && piece.hasSuffix(")") }
        let checkWords = pieces.filter { $0.count >= 8 && !placeholders.contains($0) && !remark($0) }
        // The 様式's own words: its titles, sentences and remarks (short box names such as 申請日
        // head columns of the ledgers too).
        let printed = [document.printedForms.application, document.printedForms.termination].flatMap { words in
            [words.title, words.lead, words.detailRemark, words.attachRemark, words.checksInstruction, words.evidenceRemark, words.decision]
        } + [FormText.keptUntil]
        let printedWords = printed.flatMap { [$0.ja, $0.en] }.filter { $0.count >= 8 }
        return (questions + checks + risks + added).flatMap { [$0.ja, $0.en] } + classes + total + checkWords + printedWords
    }

    /// A question that is only its box's name (提供サービス名, "The service manager") names a
    /// box the ledgers and printed forms head their columns with, not wording of the procedure.
    static func isBoxName(_ question: QuestionDefinition) -> Bool {
        let name = question.label.en.prefix(1).lowercased() + question.label.en.dropFirst()
        return question.question.ja == question.label.ja || question.question.en == "The " + name
    }

    static func fixedText(_ answer: DefaultAnswer?) -> Localized? {
        if case .text(let text)? = answer { return text }
        return nil
    }

    @Test func noSwiftSourceHoldsTheProcedureWording() throws {
        let sources = try Self.swiftSources()
        #expect(sources.count > 100, "the sources were found at \(Self.sources.path)")
        let wording = Self.wording
        #expect(wording.count > 250)
        for text in wording {
            let holders = sources.filter { $0.text.contains(text) }.map(\.path)
            #expect(holders.isEmpty, "\(text) is in \(holders)")
        }
    }
}
