import Foundation
import Testing

@testable import Core

@Suite struct HexTests {
    /// Every byte is written as Foundation's "%02x" writes it, so digests stored before read the same.
    @Test func everyByteIsWrittenAsBefore() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(Hex.string(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(Hex.string([UInt8]()) == "")
    }
}
