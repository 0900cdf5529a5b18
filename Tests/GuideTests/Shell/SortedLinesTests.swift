import Testing

@testable import Guide

/// `due --all` holds a run of lines; past its limit each run is sorted on disk and the runs merged.
@Suite struct SortedLinesTests {
    /// Every line a run of its own (a limit of 0 bytes), runs of a few dozen lines, and
    /// everything in memory.
    @Test(arguments: [0, 4_096, 1 << 20]) func linesComeInTheKeysOrderAndEqualKeysAsAdded(memoryLimit: Int) {
        let lines = SortedLines<Int>(memoryLimit: memoryLimit)
        let keys = (0..<2_000).map { ($0 * 7_919) % 97 }
        for (number, key) in keys.enumerated() {
            lines.add(key, "申請\(key) — 第\(number)行 \(String(repeating: "期", count: number % 5))\n")
        }
        var written: [String] = []
        lines.each { written.append($0) }
        let expected = keys.enumerated()
            .sorted { $0.element < $1.element || ($0.element == $1.element && $0.offset < $1.offset) }
            .map { "申請\($0.element) — 第\($0.offset)行 \(String(repeating: "期", count: $0.offset % 5))\n" }
        #expect(written == expected)
    }

    @Test func nothingAddedWritesNothing() {
        let lines = SortedLines<Int>(memoryLimit: 0)
        var written: [String] = []
        lines.each { written.append($0) }
        #expect(lines.isEmpty && written.isEmpty)
    }
}
