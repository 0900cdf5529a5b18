import PrivateServer
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

    /// The kana and kanji taken as letters without their category are letters by it, one by one.
    @Test func theKanaAndKanjiTakenAtSightAreLettersByTheirCategory() {
        let ranges: [ClosedRange<UInt32>] = [0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF]
        let notLetters = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init).filter {
            ![.otherLetter, .modifierLetter].contains($0.properties.generalCategory)
        }
        #expect(notLetters.isEmpty, "\(notLetters.prefix(10).map { String($0.value, radix: 16) })")
        #expect(ShortSearch.isWordScalar("あ") && ShortSearch.isWordScalar("ー") && !ShortSearch.isWordScalar("、"))
    }

    /// Every scalar folded at sight folds to what lowering it gives.
    @Test func aScalarFoldedAtSightIsItsLowerCase() {
        let wrong = (UInt32(0)...0xFFFF).compactMap { value -> UInt32? in
            guard let folded = ShortSearch.foldedAtSight(value), let scalar = Unicode.Scalar(value) else { return nil }
            return String(scalar).lowercased().unicodeScalars.map(\.value) == [folded] ? nil : value
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
        #expect(ShortSearch.foldedAtSight(0x41) == 0x61 && ShortSearch.foldedAtSight(0xFF21) == 0xFF41)
        #expect(ShortSearch.foldedAtSight(0xC9) == nil && ShortSearch.foldedAtSight(0x2160) == nil)
    }

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

    /// Every scalar the fast way takes, below U+10000 (kanji and all).
    static let plainScalars: [Unicode.Scalar] = (UInt32(0)...0xFFFF).filter(ShortSearch.isPlain).compactMap(Unicode.Scalar.init)

    /// The plain scalars but the two blocks of kanji, whose scalars all behave alike.
    static let plainNotKanji = plainScalars.filter { !(0x3400...0x9FFF).contains($0.value) }

    static func text(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Each plain scalar alone, twice over, and between neighbours that could join it into one
    /// character (a line break, a space, letters and kana of each width, a kanji, 々), then runs
    /// of consecutive scalars and random runs from a fixed seed. A scalar that joined a
    /// neighbour, composed with one or lowered into another would give other words the fast way.
    @Test func everyPlainScalarAloneAndAmongOthersGivesTheCanonicalWords() {
        let neighbours: [Unicode.Scalar] = ["a", "Z", "0", " ", "\r", "\n", "\u{00A0}", "ß", "あ", "ア", "ｶ", "ﾝ", "漢", "々", "ー", "Ａ", "、", "①"]
        var failures: [String] = []
        func check(_ text: String) {
            // Byte for byte, as the stored words are compared.
            if !ShortSearch.words(text).utf8.elementsEqual(ShortSearch.canonicalWords(text.lowercased()).utf8) {
                failures.append(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
        }
        for scalar in Self.plainScalars {
            check(Self.text([scalar]))
            check(Self.text([scalar, scalar]))
        }
        for scalar in Self.plainNotKanji {
            check(Self.text(neighbours.flatMap { [$0, scalar] } + [scalar]))
        }
        for start in stride(from: 0, to: Self.plainScalars.count, by: 6) {
            check(Self.text(Self.plainScalars[start..<min(start + 8, Self.plainScalars.count)]))
        }
        var random = SplitMix64(state: 0x5EA2C4)
        for _ in 0..<20_000 {
            let run = (0..<random.int(2..<6)).map { _ in
                random.chance(0.9) ? random.pick(Self.plainNotKanji) : random.pick(Self.plainScalars)
            }
            check(Self.text(run))
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }
}
