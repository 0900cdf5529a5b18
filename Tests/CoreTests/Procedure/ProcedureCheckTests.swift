import Foundation
import Testing
@testable import Core

/// `procedure check`: each kind of mistake, made in a copy of the built-in file, is named at
/// the line where it was made, in both languages.
@Suite struct ProcedureCheckTests {
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let from: String
        let to: String
        let expected: @Sendable (ProcedureMistake.Kind) -> Bool
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "not YAML (a tab)", from: "  ja: 新規制定", to: "\tja: 新規制定") { if case .notReadable = $0 { true } else { false } },
        Edit(name: "a key written twice", from: "version: \"1.0\"", to: "version: \"1.0\"\nversion: \"1.1\"") {
            $0 == .duplicateKey("version")
        },
        Edit(name: "unknown key", from: "    blocks: true", to: "    blocked: true") {
            if case .unknownKey("blocked", _) = $0 { true } else { false }
        },
        Edit(name: "missing translation", from: "      en: \"Is stored data protected by passwords, encryption or similar measures?\"\n", to: "") {
            $0 == .missingTranslation("en")
        },
        Edit(name: "empty text", from: "  ja: 新規制定", to: "  ja: \"\"") { $0 == .emptyText },
        Edit(name: "text of spaces only, a full-width one and a tab", from: "  ja: 新規制定", to: "  ja: \"\u{3000} \\t\"") { $0 == .emptyText },
        Edit(name: "condition on an unknown question", from: "refused_when: {answer: personal_information", to: "refused_when: {answer: personal_info") {
            $0 == .unknownQuestion("personal_info")
        },
        Edit(name: "unknown word in a condition", from: "default_when: {answer: personal_information, is: no}", to: "default_when: {answer: personal_information, equals: no}") {
            $0 == .unknownConditionWord("equals")
        },
        Edit(name: "duplicate check number", from: "  - number: 2\n", to: "  - number: 1\n") { $0 == .duplicateNumber(1) },
        Edit(name: "check number out of order", from: "  - number: 5\n", to: "  - number: 9\n") {
            $0 == .numberOutOfOrder(expected: 5, found: 9)
        },
        Edit(name: "unreadable interval", from: "every: quarterly", to: "every: every three months") {
            $0 == .unreadableInterval("every three months")
        },
        Edit(name: "unreadable date", from: "enacted: 2017-11-30", to: "enacted: 2017-13-45") { $0 == .unreadableDate("2017-13-45") },
        Edit(name: "unreadable period", from: "retention: 3 years", to: "retention: three years") { $0 == .unreadablePeriod("three years") },
        Edit(name: "unknown duty", from: "  - id: backup", to: "  - id: backups") { $0 == .unknownDuty("backups") },
        Edit(name: "duplicate duty", from: "  - id: inventory", to: "  - id: backup") { $0 == .duplicateDuty("backup") },
        Edit(name: "unknown role", from: "    who: service_manager\n    every: monthly", to: "    who: manager\n    every: monthly") {
            $0 == .unknownRole("manager")
        },
        Edit(name: "class not on the scale", from: "needs_permission: [Ⅰ, Ⅱ]", to: "needs_permission: [Ⅰ, Ⅴ]") { $0 == .unknownClass("Ⅴ") },
        Edit(name: "a class twice on the scale", from: "scale: [Ⅰ, Ⅱ, Ⅲ, Ⅳ]", to: "scale: [Ⅰ, Ⅱ, Ⅲ, Ⅱ]") { $0 == .duplicateClass("Ⅱ") },
        Edit(name: "an empty scale", from: "scale: [Ⅰ, Ⅱ, Ⅲ, Ⅳ]", to: "scale: []") { $0 == .emptyScale },
        Edit(name: "not yes or no", from: "    blocks: true", to: "    blocks: maybe") { $0 == .notYesNo("maybe") },
        Edit(name: "unreadable evidence", from: "    blocks: true\n  - number: 2", to: "    evidence: always\n  - number: 2") {
            $0 == .unreadableEvidence("always")
        },
        Edit(name: "not a number", from: "  - number: 3\n", to: "  - number: three\n") { $0 == .notNumber("three") },
        Edit(name: "duplicate question id", from: "  - id: service\n", to: "  - id: provider\n") { $0 == .duplicateQuestion("provider") },
        Edit(name: "unknown answer kind", from: "    answer: class\n", to: "    answer: klass\n") {
            if case .unknownAnswerKind("klass", _) = $0 { true } else { false }
        },
        Edit(name: "a question's missing translation", from: "      en: \"Your name, as the applicant.\"\n", to: "") {
            $0 == .missingTranslation("en")
        },
        Edit(name: "a notice's condition on an unknown question", from: "      - when: {answer: overseas, is: yes}", to: "      - when: {answer: abroad, is: yes}") {
            $0 == .unknownQuestion("abroad")
        },
        Edit(name: "a date compared with an unknown question", from: "      answer: period_start\n", to: "      answer: period_begin\n") {
            $0 == .unknownQuestion("period_begin")
        },
        Edit(name: "unknown default", from: "    default: today\n", to: "    default: now\n") {
            if case .unknownWord("default", "now", _) = $0 { true } else { false }
        },
        Edit(name: "unknown key of a question", from: "    min_length: 20\n", to: "    minimum: 20\n") {
            if case .unknownKey("minimum", _) = $0 { true } else { false }
        },
        // The forms other than the application: their defaults, conditions and sections.
        Edit(name: "a default from an unknown source", from: "default: {from: application, question: provider}", to: "default: {from: archive, question: provider}") {
            if case .unknownSource("archive", _) = $0 { true } else { false }
        },
        Edit(name: "a default from a question the application does not ask", from: "default: {from: application, question: service}",
             to: "default: {from: application, question: service_title}") { $0 == .unknownApplicationQuestion("service_title") },
        Edit(name: "a default from an unknown record", from: "default: {from: record, value: stop reason}", to: "default: {from: record, value: stop cause}") {
            if case .unknownWord("value", "stop cause", _) = $0 { true } else { false }
        },
        Edit(name: "a preamble from an unknown source", from: "shows: {from: application, question: purpose}", to: "shows: {from: review, question: purpose}") {
            if case .unknownSource("review", _) = $0 { true } else { false }
        },
        Edit(name: "a duty form's condition on an unknown question", from: "- {answer: terms_changed, is: yes}", to: "- {answer: terms_change, is: yes}") {
            $0 == .unknownFormQuestion("terms_change")
        },
        Edit(name: "needs_permission of an unknown question", from: "asked_when: {needs_permission: classification}", to: "asked_when: {needs_permission: class}") {
            $0 == .unknownFormQuestion("class")
        },
        Edit(name: "asked for each of something unknown", from: "      each: user\n", to: "      each: member\n") {
            if case .unknownWord("each", "member", _) = $0 { true } else { false }
        },
        Edit(name: "an unknown duty's form", from: "  inventory:\n    - id: inventory\n", to: "  inventories:\n    - id: inventory\n") {
            if case .unknownKey("inventories", _) = $0 { true } else { false }
        },
        Edit(name: "a form's question the rules read, missing", from: "  - id: business_need\n", to: "  - id: business\n") {
            $0 == .missingQuestions(["business_need"])
        },
        Edit(name: "the users' total without its number", from: "    ja: （合計人数：{count}名）", to: "    ja: （合計人数：名）") {
            $0 == .missingPlaceholder("{count}")
        },
        Edit(name: "the printed form's retention without its place", from: "    kept_until: {ja: \"保管期限（終了日から{retention}）\"", to: "    kept_until: {ja: \"保管期限（終了日から3年）\"") {
            $0 == .missingPlaceholder("{retention}")
        },
        Edit(name: "a printed form's remark in one language", from: "    detail_remark: {ja: ※詳しく記載のこと, en: \"※ in detail\"}", to: "    detail_remark: {ja: ※詳しく記載のこと}") {
            $0 == .missingTranslation("en")
        },
    ]

    /// The 1-based line of the edit's first line in the edited text.
    static func line(of edit: Edit, in text: String) -> Int {
        let prefix = text.components(separatedBy: edit.from)[0]
        return prefix.components(separatedBy: "\n").count
    }

    @Test(arguments: edits) func eachMistakeIsNamedAtItsLine(edit: Edit) throws {
        let original = BuiltInProcedure.text
        try #require(original.contains(edit.from), "the built-in file no longer has \(edit.from)")
        let edited = original.replacingOccurrences(of: edit.from, with: edit.to, options: [], range: original.range(of: edit.from))
        let line = Self.line(of: edit, in: original)
        guard case .mistakes(let mistakes) = ProcedureFile.read(edited) else {
            Issue.record("\(edit.name): the edited file was accepted")
            return
        }
        let found = try #require(mistakes.first { edit.expected($0.kind) }, "\(edit.name): \(mistakes)")
        // A removed line is reported where the text it belonged to begins, one line up.
        #expect(found.line == line || (edit.to.isEmpty && found.line == line - 1), "\(edit.name): \(found)")
        #expect(found.wording.ja.hasPrefix("\(found.line)行目："))
        #expect(found.wording.en.hasPrefix("line \(found.line): "))
    }

    /// A question the rules read, renamed away, is named where the questions begin.
    @Test func aQuestionTheRulesReadMustBeAsked() throws {
        let original = BuiltInProcedure.text
        let edited = original.replacingOccurrences(of: "  - id: purpose\n", with: "  - id: goal\n")
        guard case .mistakes(let mistakes) = ProcedureFile.read(edited) else {
            Issue.record("accepted")
            return
        }
        // The double check's preamble names the application's purpose too.
        #expect(mistakes.map(\.kind) == [.missingQuestions(["purpose"]), .unknownApplicationQuestion("purpose")])
        let firstQuestion = original.components(separatedBy: "  - id: applicant\n")[0].components(separatedBy: "\n").count
        #expect(mistakes.first?.line == firstQuestion)
        #expect(mistakes.first?.wording.en.contains("purpose") == true)
    }

    @Test func theBuiltInFileHasNoMistakes() {
        guard case .mistakes(let mistakes) = ProcedureFile.read(BuiltInProcedure.text) else { return }
        Issue.record("\(mistakes.map(\.wording.en))")
    }

    @Test func everyMistakeOfAFileIsListedInOrder() {
        let edited = BuiltInProcedure.text
            .replacingOccurrences(of: "retention: 3 years", with: "retention: soon")
            .replacingOccurrences(of: "every: quarterly", with: "every: often")
        guard case .mistakes(let mistakes) = ProcedureFile.read(edited) else {
            Issue.record("accepted")
            return
        }
        #expect(mistakes.map(\.kind) == [.unreadablePeriod("soon"), .unreadableInterval("often")])
        #expect(mistakes.map(\.line) == mistakes.map(\.line).sorted())
    }
}
