import Foundation
import Testing
@testable import Core

/// The one-pass escape gives what the RFC's replacements, one after another, give (a lone CR
/// ends a line too, so it is escaped as one).
@Suite struct ICalendarEscapeTests {
    static func replaced(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    @Test(arguments: [
        "", "Example Drive, 無料プラン; 共有用\\テスト", "一行目\r\n二行目\n三行目", "\r", "a\rb", "\r\r\n", "末尾\r",
        "\\;,\\n", "改行なし", "👨‍👩‍👧 family, 🇯🇵",
    ])
    func escapesAsTheReplacementsDo(_ text: String) {
        #expect(ICalendar.escape(text) == Self.replaced(text))
    }

    @Test func compactDaysHaveNoDashes() {
        #expect(ICalendar.compact(Day(year: 2026, month: 4, day: 1)!) == "20260401")
    }
}
