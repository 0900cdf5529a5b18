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
        let writer = Thread {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(ends[1], $0.baseAddress, min($0.count, 100_003)) }
                if written <= 0 { break }
                offset += written
            }
            close(ends[1])
        }
        writer.start()
        defer { close(ends[0]) }
        let source = DescriptorSource(descriptor: ends[0])
        var lines: [[UInt8]] = []
        while let line = source.nextLine() { lines.append(line) }
        return lines
    }

    @Test func aLongLineBetweenShortOnesComesOutWhole() throws {
        let long = [UInt8](repeating: 0x41, count: 5_000_000) + Array("名簿".utf8)
        let lines = try Self.lines(of: Array("first\n".utf8) + long + [0x0A] + Array("last".utf8))
        #expect(lines.count == 3)
        #expect(lines[0] == Array("first".utf8))
        #expect(lines[1] == long)
        #expect(lines[2] == Array("last".utf8))
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
