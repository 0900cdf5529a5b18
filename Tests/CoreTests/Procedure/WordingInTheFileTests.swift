import Foundation
import Testing
@testable import Core

/// The procedure's wording lives in its file: no Swift source of yakkan holds the text of an
/// application question, its help or notices, a check, a risk, the marks' legend or a class's definition (what `grep -rn` of Sources
/// would show, done here over every .swift file).
@Suite struct WordingInTheFileTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources").standardized

    static func swiftSources() throws -> [(path: String, text: String)] {
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "swift" }.map { ($0.path, try String(contentsOf: $0, encoding: .utf8)) }
    }

    static var wording: [String] {
        let document = BuiltInProcedure.document
        let questions = document.applicationQuestions.flatMap { question in
            [question.question, question.help] + question.notices.map(\.text) + [question.stopsSubmission?.text, question.notBefore?.refusal].compactMap { $0 }
        }
        let checks = (document.applicationChecks + document.terminationChecks).flatMap { [$0.text, $0.help] }
        let risks = document.risks.map(\.text) + [document.riskHeading, document.riskQuestion.question, document.riskQuestion.help, document.markLegend,
            document.eachRiskQuestion.question, document.eachRiskQuestion.help]
        // Each line of the classes' definitions (the guide is several lines in the file).
        let classes = document.classificationGuide.ja.split(separator: "\n").map(String.init)
            + document.classificationGuide.en.split(separator: "\n").map(String.init)
        return (questions + checks + risks).flatMap { [$0.ja, $0.en] } + classes
    }

    @Test func noSwiftSourceHoldsTheProcedureWording() throws {
        let sources = try Self.swiftSources()
        #expect(sources.count > 100, "the sources were found at \(Self.sources.path)")
        let wording = Self.wording
        #expect(wording.count > 100)
        for text in wording {
            let holders = sources.filter { $0.text.contains(text) }.map(\.path)
            #expect(holders.isEmpty, "\(text) is in \(holders)")
        }
    }
}
