import Testing
@testable import Core

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

struct InputLineTests {
    @Test(arguments: [
        [0xFF], [0xC3], [0xE3, 0x81], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x61, 0x80, 0x62],
    ] as [[UInt8]])
    func invalidUTF8IsRefused(input: [UInt8]) {
        #expect(InputLine.decode(input) == .failure(.invalidUTF8))
    }

    @Test func megabyteOfInvalidBytesDoesNotCrash() {
        let input = [UInt8](repeating: 0xFF, count: 1_048_576)
        #expect(InputLine.decode(input) == .failure(.tooLong(limit: 4000)))
        let shortInvalid = [UInt8](repeating: 0xFF, count: 16_000)
        #expect(InputLine.decode(shortInvalid) == .failure(.invalidUTF8))
    }

    @Test func megabyteLineIsTooLong() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_048_576)
        #expect(InputLine.decode(input) == .failure(.tooLong(limit: InputLine.maximumCharacters)))
    }

    @Test func limitIsCountedInCharacters() {
        #expect(InputLine.maximumCharacters == 4000)
        let atLimit = String(repeating: "申", count: 4000)
        #expect(InputLine.decode(bytes(atLimit)) == .success(atLimit))
        let overLimit = String(repeating: "a", count: 4001)
        #expect(InputLine.decode(bytes(overLimit)) == .failure(.tooLong(limit: 4000)))
    }

    @Test(arguments: [
        "\u{1B}[2J", "a\u{0}b", "bell\u{7}", "del\u{7F}", "abc\u{202E}cba", "a\u{2066}b", "line\u{2028}sep",
        "a\u{85}b", "a\nb", "a\rb",
    ])
    func controlCharactersAreRefused(text: String) {
        #expect(InputLine.decode(bytes(text)) == .failure(.controlCharacter))
    }

    @Test(arguments: [
        ("山田\t太郎", "山田 太郎"),
        ("はい\r", "はい"),
        ("はい\r\n", "はい"),
        ("\u{3000}山田　太郎\u{3000}", "山田　太郎"),
        ("  yes  ", "yes"),
        ("\t\tyes", "yes"),
        ("", ""),
        ("\u{3000}\u{3000}", ""),
        ("\u{FEFF}はい", "はい"),
        ("ｱｲｳ", "ｱｲｳ"),
    ])
    func acceptedLines(input: String, expected: String) {
        #expect(InputLine.decode(bytes(input)) == .success(expected))
    }

    @Test func resultIsNFC() throws {
        let decomposed = "\u{304B}\u{3099}"  // か + combining dakuten
        let result = try InputLine.decode(bytes(decomposed)).get()
        #expect(Array(result.unicodeScalars) == ["\u{304C}"])
    }

    @Test(arguments: [
        ("ＡＢＣ１２３", "ABC123"),
        ("Ｒ８．４．１", "R8.4.1"),
        ("２０２６－０４－０１", "2026-04-01"),
        ("山田\u{3000}太郎", "山田 太郎"),
        ("ｱｲｳｴｵ", "ｱｲｳｴｵ"),
        ("アイウ漢字", "アイウ漢字"),
        ("！～", "!~"),
    ])
    func halfwidthASCII(input: String, expected: String) {
        #expect(InputLine.halfwidthASCII(input) == expected)
    }
}
