import Foundation
import Testing

@testable import Core

/// A spreadsheet made to be hostile: what nobody could type at the prompt is refused by row and
/// column, and what is only awkward comes in as plain text and goes out formula-safe.
@Suite struct ImportAttackTests {
    typealias Village = StoreVillage
    static let header = WithdrawAndImportTests.spreadsheet.components(separatedBy: "\n")[0]

    /// One row of a service in use whose provider and service cells are `provider` and `service`.
    static func spreadsheet(provider: String, service: String) -> String {
        header + "\n" + CSV.record([
            "", "利用中", "総務課", provider, service, "佐藤 花子", "2025-03-10", "2025-04-01", "2027-03-31", "", "Ⅳ", "いいえ", "3",
            "佐藤 花子", "鈴木 一郎", "承認", "2025-03-20",
        ]).replacingOccurrences(of: "\r\n", with: "\n")
    }

    static func read(_ text: String) -> (services: [ImportedService], problems: [ImportProblem]) {
        ImportActions.read(text, staff: WithdrawAndImportTests.staff, today: Day(iso: "2026-04-01")!)
    }

    @Test func escapeSequencesLineBreaksAndDirectionOverridesAreRefusedByRowAndColumn() {
        for hostile in ["\u{1B}]0;pwned\u{07}Example", "Example\n[要確認] 偽の項目", "Example\rOther", "Exa\u{202E}elpmaxE", "Ex\u{0}ample"] {
            let reading = Self.read(Self.spreadsheet(provider: hostile, service: "Drive"))
            #expect(reading.services.isEmpty, "\(hostile.debugDescription)")
            #expect(reading.problems == [ImportProblem(row: 2, column: "提供会社名", problem: EngineText.lineProblem(.controlCharacter))])
            // The message never repeats the hostile text.
            #expect(reading.problems.allSatisfy { !$0(.ja).unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" } })
        }
    }

    @Test func aHugeCellIsRefusedAsATypedAnswerWouldBe() {
        let reading = Self.read(Self.spreadsheet(provider: "Example", service: String(repeating: "長", count: InputLine.maximumCharacters + 1)))
        #expect(reading.services.isEmpty)
        #expect(reading.problems == [ImportProblem(row: 2, column: "提供サービス名", problem: EngineText.lineProblem(.tooLong(limit: InputLine.maximumCharacters)))])
    }

    @Test(arguments: StoreKind.available)
    func aFormulaComesInAsTextAndGoesOutFormulaSafe(_ kind: StoreKind) throws {
        let formula = "=cmd|' /C calc'!A0"
        let reading = Self.read(Self.spreadsheet(provider: "@SUM(1+1)", service: formula))
        #expect(reading.problems == [])
        let village = try Village(kind)
        let kato = try WithdrawAndImportTests().directory(village)
        let imported = try kato.importServices(reading.services, by: "kato", at: "2026-04-01T01:00:00Z")
        #expect(imported.map(\.service) == [formula])
        #expect(imported.map(\.provider) == ["@SUM(1+1)"])
        let row = try #require(try WithdrawAndImportTests().exported(kato).last)
        #expect(row[3] == "'@SUM(1+1)" && row[4] == "'" + formula)
        #expect(try village.verify(as: "sato").findings == [])
    }

    @Test func aByteOrderMarkAndCRLFAsSpreadsheetsWriteThemAreRead() {
        let windows = "\u{FEFF}" + Self.spreadsheet(provider: "Example", service: "Drive").replacingOccurrences(of: "\n", with: "\r\n")
        let reading = Self.read(windows)
        #expect(reading.problems == [])
        #expect(reading.services.map { $0.answers[ApplicationFields.service]?.text } == ["Drive"])
    }
}
