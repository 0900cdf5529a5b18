import Testing
@testable import Core

struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0),
        ("ABC", 3),
        ("申請", 4),
        ("ｱ", 1),
        ("ｶﾞ", 2),
        ("あいう", 6),
        ("カタカナ", 8),
        ("申請ABC", 7),
        ("令和8年", 7),
        ("ＡＢＣ", 6),
        ("\u{3000}", 2),
        ("、。", 4),
        ("○", 2),
        ("／", 2),
        ("×", 1),
        ("é", 1),
        ("e\u{301}", 1),
        ("か\u{3099}", 2),
        ("a\u{200B}b", 2),
        ("한국", 4),
        ("😀", 2),
        ("𠮷", 2),
        ("…", 1),
    ])
    func widths(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test(arguments: [
        ("申請", 6, "申請  "),
        ("ABC", 5, "ABC  "),
        ("申請ABC", 7, "申請ABC"),
        ("申請ABC", 3, "申請ABC"),
        ("", 2, "  "),
    ])
    func padded(text: String, width: Int, expected: String) {
        let result = DisplayWidth.padded(text, to: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) == max(width, DisplayWidth.of(text)))
    }

    @Test(arguments: [
        ("申請書類", 8, "申請書類"),
        ("申請書類", 7, "申請書…"),
        ("申請書類", 6, "申請…"),
        ("申請書類", 5, "申請…"),
        ("ABCDEF", 4, "ABC…"),
        ("A申請", 4, "A申…"),
        ("A申請", 3, "A…"),
        ("申請", 1, "…"),
        ("申請", 0, ""),
    ])
    func truncated(text: String, width: Int, expected: String) {
        let result = DisplayWidth.truncated(text, to: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= width)
    }

    @Test func paddedColumnsLineUp() {
        let names = ["住民票", "ID", "ｶﾅ名", "印鑑登録証明書"]
        let widths = names.map { DisplayWidth.of(DisplayWidth.padded(DisplayWidth.truncated($0, to: 10), to: 10)) }
        #expect(widths == [10, 10, 10, 10])
    }
}
