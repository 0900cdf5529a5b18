import Testing
@testable import Core

/// Text that tries to hide, or to drive the terminal of whoever reads it later.
@Suite struct HostileTextTests {
    @Test(arguments: ["\u{00AD}", "\u{200B}\u{200B}", " \u{200C}\u{200D}\u{2060} ", "\u{FEFF}\u{3164}", "\u{3000}\u{200B}"])
    func anAnswerOfOnlyInvisibleCharactersIsEmpty(_ typed: String) {
        #expect(InputLine.decode(Array(typed.utf8)) == .success(""))
    }

    @Test func invisibleCharactersAtTheEndsAreTrimmedAndVisibleTextKept() {
        #expect(InputLine.decode(Array("\u{200B}山田\u{00AD}".utf8)) == .success("山田"))
        // A joiner inside is part of the text (emoji sequences, some scripts).
        #expect(InputLine.decode(Array("a\u{200D}b".utf8)) == .success("a\u{200D}b"))
    }

    @Test func optionTextGetsTheChecksOfATypedAnswer() {
        #expect(InputLine.option("理由\u{1B}[2J") == .failure(.controlCharacter))
        #expect(InputLine.option("\u{9B}31m") == .failure(.controlCharacter))
        #expect(InputLine.option("bad\u{FFFD}bytes") == .failure(.invalidUTF8))
        #expect(InputLine.option(String(repeating: "あ", count: 4001)) == .failure(.tooLong(limit: 4000)))
        #expect(InputLine.option("  加藤 誠 ") == .success("加藤 誠"))
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        let stored = "a\u{1B}]0;pwned\u{07}b\u{9B}2Jc\rd\u{202E}e\u{7F}"
        let shown = TerminalText.neutralised(stored)
        #expect(!shown.unicodeScalars.contains { TerminalText.isControl($0) })
        #expect(shown == "a\u{FFFD}]0;pwned\u{FFFD}b\u{FFFD}2Jc\u{FFFD}d\u{FFFD}e\u{FFFD}")
        // Layout survives: lines, tabs, and the CRLF of CSV and iCalendar.
        #expect(TerminalText.neutralised("a\tb\r\nc\n") == "a\tb\r\nc\n")
    }

    /// The check read from bytes finds exactly the scalars the definition names, wherever they
    /// stand (eight bytes are read at once: at every place in and across them), and a CR only
    /// when no LF follows it.
    @Test func theByteCheckFindsEveryControlAndNothingElse() {
        let pads = (0..<9).map { String(repeating: "x", count: $0) }
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value), value != 0x0D else { continue }
            let control = TerminalText.isControl(scalar)
            for text in ["\(scalar)", "あ\(scalar)", "\(scalar)あ", "a\(scalar)\r\n"] + pads.map({ $0 + "\(scalar)" + "yyyyyyyyy" }) {
                #expect(TerminalText.needsNeutralising(text) == control, "U+\(String(value, radix: 16))")
            }
        }
        #expect(!TerminalText.needsNeutralising("1,a\r\n2,b\r\n"))
        for text in ["a\rb", "a\r", "\r\r\n"] { #expect(TerminalText.needsNeutralising(text), "\(text.debugDescription)") }
        for pad in pads {
            #expect(!TerminalText.needsNeutralising(pad + "\r\n" + "yyyyyyyyy"))
            #expect(TerminalText.needsNeutralising(pad + "\r" + "yyyyyyyyy"))
        }
    }

    @Test func aLoneCarriageReturnDoesNotSplitAnICalendarLine() {
        #expect(ICalendar.escape("before\rafter") == "before\\nafter")
        #expect(ICalendar.escape("a\r\nb\nc") == "a\\nb\\nc")
    }

    @Test func theReviewInProgressMessageInEnglishHasAWesternDate() {
        let message = ReviewText.heldBy("sato", since: "2026-04-01T03:00:00Z")
        #expect(!message.en.contains("令和"), "\(message.en)")
        #expect(message.en.contains("2026"))
        #expect(message.ja.contains("令和8年4月1日"))
    }
}
