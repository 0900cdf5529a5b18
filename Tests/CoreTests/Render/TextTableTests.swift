import Foundation
import Testing

@testable import Core

@Suite struct TextTableTests {
    /// Lines lose the same trailing space the regular expression `\s+$` took off before.
    @Test func trailingSpaceIsTrimmedAsBefore() {
        for text in ["", " ", "a", "a  ", "  a", "住民課　", "a \t\n", "a\u{3000} b  ", "申請 1 ", "x\u{00A0}"] {
            let before = text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            #expect(TextTable.trimmingTrailingSpace(text) == before, "\(text.debugDescription)")
        }
        let table = TextTable(headers: ["番号", "課"], rows: [["1", "住民課"], ["22", ""]]).render()
        #expect(table == "番号  課\n----  ------\n1     住民課\n22")
    }
}
