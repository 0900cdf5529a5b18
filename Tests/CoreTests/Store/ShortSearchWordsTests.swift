import Testing
@testable import Core

/// The words of a text are the same whichever way they are found: as numbers for a text of plain
/// scalars, by canonical equivalence for any other (combining marks, variation selectors, emoji).
@Suite struct ShortSearchWordsTests {
    static let texts = [
        "名簿の更新、PC",
        "住民名簿の保管\nExample Drive 無料プラン\nＥｘａｍｐｌｅ　ストレージ（ＡＢＣ）",
        "データ DATA data Ⅱ ② 12月 ｶﾀｶﾅ カタカナ",
        "Straße ÉCOLE école İstanbul",
        "👩‍💻 の作業 🇯🇵",
        "豈 更",
        "※確認事項（凡例：可→○、不可→×、該当なし→／）①②Ⅱ 々 ー・～ — “引用” ｶﾞｲﾄﾞ",
        "cafe\u{301} ｶ\u{FF9E} \u{3099}の 葛\u{E0100}城",
        "ÀÉÎõü ǅ ǈ ß ẞ Ω Å Ǎ",
    ]

    @Test func aTextOfPlainScalarsGivesTheCanonicalWords() {
        for text in Self.texts {
            #expect(ShortSearch.words(text) == ShortSearch.canonicalWords(text.lowercased()), "\(text)")
        }
    }

    /// が typed as か and a combining mark, and the compatibility ideograph 豈 (U+F900): the
    /// canonical way, so that が in either form is one word.
    @Test func aDecomposedTextIsReadCanonically() {
        let decomposed = "か\u{3099}いしゃ が \u{F900}"
        let words = ShortSearch.words(decomposed)
        #expect(words == ShortSearch.canonicalWords(decomposed))
        #expect(words.split(separator: " ").filter { $0 == "が" }.count == 1)
    }
}
