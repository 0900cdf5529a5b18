import Foundation
import Testing

@testable import Core

/// Reducing terms to text, and the difference between two texts.
@Suite struct TermsTextTests {
    @Test func htmlBecomesItsVisibleTextOneBlockALine() throws {
        let page = "<html><head><title>x</title></head><body><!-- note --><div>第1条&#12288;適用</div><ul><li>A &amp; B</li><li>&#x3042;</li></ul><noscript>n</noscript><br>end</body></html>"
        let text = try TermsText.reduce(Data(page.utf8)).get()
        #expect(text == "第1条 適用\nA & B\nあ\nend")
    }

    @Test func aShiftJISPageIsReadInItsCharset() throws {
        let page = "<html><head><meta charset=\"Shift_JIS\"></head><body><p>利用規約</p></body></html>"
        let data = try #require(page.data(using: .shiftJIS))
        #expect(try TermsText.reduce(data).get() == "利用規約")
    }

    @Test func aPageWithNoTextSaysSo() {
        let page = "<html><body><script>render()</script></body></html>"
        guard case .failure(let failure) = TermsText.reduce(Data(page.utf8)) else { Issue.record("no failure"); return }
        #expect(failure == .noText)
        #expect(failure.text.en.contains("a page drawn by scripts cannot be read"))
    }

    @Test func aPDFWithoutReadableTextIsNamedAsSuch() {
        let pdf = Data("%PDF-1.4\n1 0 obj\n<< /Length 20 >>\nstream\nBT <0102> Tj ET\nendstream\nendobj\n".utf8)
        guard case .failure(let failure) = TermsText.reduce(pdf) else { Issue.record("no failure"); return }
        #expect(failure == .unreadablePDF)
    }

    @Test func theDiffShowsChangesWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 5", with: "line five") + "\nline 11"
        #expect(TermsDiff.lines(from: old, to: new) == [
            "  line 3", "  line 4", "- line 5", "+ line five", "  line 6", "  line 7", "…", "  line 9", "  line 10", "+ line 11",
        ])
        #expect(TermsDiff.lines(from: old, to: old).isEmpty)
    }

    @Test func ignoreRulesAreReadFromTheAddressItem() {
        let address = TermsAddress.parse("https://example.com/terms 除外:最終更新日 ignore:visitor count")
        #expect(address == TermsAddress(address: "https://example.com/terms", ignoring: ["最終更新日", "visitor count"]))
        #expect(address?.kept("a\n最終更新日 2026\nvisitor count 12\nb") == "a\nb")
        #expect(TermsAddress.problem("drive.example.com/terms")?.ja == "「drive.example.com/terms」はアドレスとして読めません。https:// で始まるアドレスを入力してください。")
    }
}
