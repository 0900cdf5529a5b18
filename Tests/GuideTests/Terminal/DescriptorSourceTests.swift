import Foundation
import Testing

@testable import Guide

/// Lines piped in come out whole and in order, however long and however many, across the
/// reads of a real pipe.
@Suite("Piped lines")
struct DescriptorSourceTests {
    /// Writes `bytes` into a pipe from another thread and reads every line back.
    static func lines(of bytes: [UInt8]) throws -> [[UInt8]] {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (reading, writing) = (ends[0], ends[1])
        let writer = Thread {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(writing, $0.baseAddress, min($0.count, 100_003)) }
                if written <= 0 { break }
                offset += written
            }
            close(writing)
        }
        writer.start()
        defer { close(reading) }
        let source = DescriptorSource(descriptor: reading)
        var lines: [[UInt8]] = []
        while let line = source.nextLine() { lines.append(line) }
        return lines
    }

    @Test func aLongLineBetweenShortOnesComesOutWhole() throws {
        let long = [UInt8](repeating: 0x41, count: 900_000) + Array("名簿".utf8)
        let lines = try Self.lines(of: Array("first\n".utf8) + long + [0x0A] + Array("last".utf8))
        #expect(lines.count == 3)
        #expect(lines[0] == Array("first".utf8))
        #expect(lines[1] == long)
        #expect(lines[2] == Array("last".utf8))
    }

    /// Longer than any answer may be: kept only to the limit, cut between characters, so it
    /// is refused as too long (not as broken UTF-8), and the next line is intact.
    @Test func aHugeLineIsCutBetweenCharactersAndTheNextLineIsIntact() throws {
        let huge = Array(String(repeating: "名簿", count: 1_000_000).utf8)  // 6 MB
        let lines = try Self.lines(of: huge + [0x0A] + Array("next".utf8) + [0x0A] + huge)
        #expect(lines.count == 3)
        for line in [lines[0], lines[2]] {
            #expect(line.count <= DescriptorSource.longestLine && line.count > DescriptorSource.longestLine - 3)
            #expect(String(validating: line, as: UTF8.self) != nil)
            #expect(Array(huge.prefix(line.count)) == line)
        }
        #expect(lines[1] == Array("next".utf8))
    }

    @Test func manyLinesComeOutInOrder() throws {
        let sent = (0..<200_000).map { Array("\($0) 行目".utf8) }
        let lines = try Self.lines(of: sent.flatMap { $0 + [0x0A] })
        #expect(lines == sent)
    }

    @Test func emptyLinesAndAFinalLineWithoutABreakAreKept() throws {
        #expect(try Self.lines(of: Array("\n\na\r\n\nb".utf8)) == [[], [], Array("a\r".utf8), [], Array("b".utf8)])
        #expect(try Self.lines(of: []) == [])
    }
}
