import Core
import Foundation
import Testing

@testable import Guide

/// A long table is measured in one pass and written in a second; it is the same table as one
/// written from the rows the first pass held.
@Suite struct LedgerTableTests {
    @Test(arguments: [Language.ja, .en]) func aTableWrittenInTwoPassesIsTheTableWrittenFromHeldRows(language: Language) throws {
        let folder = NSTemporaryDirectory() + "yakkan-table-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let today = Day(iso: "2026-04-01")!
        let store = try SQLiteStore(
            path: folder + "/village.sqlite", workingDirectory: folder, clock: FixedClock(day: today),
            keyRing: KeyRing(folder: folder + "/keys", scope: .everyone))
        _ = try DemoVillage.build(into: store, today: today)

        func table(heldTableBytes: Int) throws -> (text: String, count: Int) {
            let output = BufferedOutput()
            let session = Session(
                environment: ["HOME": folder], workingDirectory: folder, login: "kato", clock: FixedClock(day: today),
                reader: PlainLineReader(source: ScriptedSource(lines: []), echo: output), output: output, palette: Palette(enabled: false))
            let count = try session.writeLedger(
                LedgerFilter(), mode: .table, store: store, emptyNotice: nil, language, heldTableBytes: heldTableBytes)
            return (output.text, count)
        }
        let held = try table(heldTableBytes: 4 << 20)
        let twoPasses = try table(heldTableBytes: 1)
        #expect(held.count > 1)
        #expect(twoPasses.count == held.count)
        #expect(twoPasses.text == held.text)
        let lines = held.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == held.count + 3, "heading, rule, a line a service, and the last line break")
        #expect(lines[1].allSatisfy { $0 == "-" || $0 == " " })
        let records = try store.summaries(LedgerFilter(), today: today)
        #expect(held.text == Ledger.table(rows: records.map(LedgerRow.init), today: today, language) + "\n")
    }
}
