import Foundation
import Testing
@testable import Core

/// How a file question's line is read: quotes of either kind, `\ `, numbers of the recent list,
/// and the refusals that say what to do.
@Suite struct FileChoiceTests {
    static let recent = [
        RecentFile(path: "/home/sato/desk/スクリーンショット 2026-04-01.png", name: "スクリーンショット 2026-04-01.png",
                   size: 245_000, modified: Date(timeIntervalSince1970: 1_775_000_000), folder: "desk"),
        RecentFile(path: "/home/sato/ダウンロード/terms.pdf", name: "terms.pdf", size: 812,
                   modified: Date(timeIntervalSince1970: 1_774_990_000), folder: "ダウンロード"),
    ]

    @Test func pathsArePastedInQuotesOfEitherKind() {
        #expect(FileChoice.tokens("'/home/sato/My File.png'") == ["/home/sato/My File.png"])
        #expect(FileChoice.tokens("\"C D.pdf\" 'E F.png' plain.txt") == ["C D.pdf", "E F.png", "plain.txt"])
        #expect(FileChoice.tokens("terms\\ copy.pdf signup.png") == ["terms copy.pdf", "signup.png"])
        #expect(FileChoice.tokens("　a.png　 b.png ") == ["a.png", "b.png"])
    }

    @Test func anApostropheInsideANameIsPartOfIt() {
        #expect(FileChoice.tokens("O'Brien.pdf") == ["O'Brien.pdf"])
        #expect(FileChoice.tokens("'it's here.pdf'") == ["it's here.pdf"])
        #expect(FileChoice.tokens("\"say \"hi\".txt\"") == ["say \"hi\".txt"])
    }

    @Test func everyPathIsQuotedSoThatItIsReadBackWhole() throws {
        for path in ["a b.png", "it's.pdf", "say \"hi\".txt", "Bob' s.pdf", "end'", "plain.txt"] {
            let written = try #require(FileChoice.quoted(path))
            #expect(FileChoice.tokens(written) == [path])
        }
        #expect(FileChoice.quoted("a' \"b\" c'") == nil)
    }

    @Test func aNumberChoosesAFileOfTheList() throws {
        let line = try FileChoice.resolve("1 ２", offered: Self.recent, exists: { _ in false }).get()
        #expect(FileChoice.tokens(line) == Self.recent.map(\.path))
        let mixed = try FileChoice.resolve("2 other.pdf", offered: Self.recent, exists: { $0 == "other.pdf" }).get()
        #expect(FileChoice.tokens(mixed) == ["/home/sato/ダウンロード/terms.pdf", "other.pdf"])
    }

    @Test func aNumberOffTheListIsRefusedWithTheRange() throws {
        guard case .failure(let reason) = FileChoice.resolve("3", offered: Self.recent, exists: { _ in true }) else {
            Issue.record("3 was accepted from a list of 2")
            return
        }
        #expect(reason.ja.contains("1〜2"))
        #expect(reason.en.contains("from 1 to 2"))
        #expect(reason.en.contains("./3"))
    }

    @Test func withoutAListANumberIsAPath() throws {
        #expect(try FileChoice.resolve("3", offered: [], exists: { _ in true }).get() == "'3'")
    }

    @Test func aPathSplitByItsSpacesIsExplained() throws {
        let exists: (String) -> Bool = { $0 == "terms copy.pdf" }
        guard case .failure(let reason) = FileChoice.resolve("terms copy.pdf", offered: [], exists: exists) else {
            Issue.record("the split path was accepted")
            return
        }
        #expect(reason.ja.contains("「terms」と「copy.pdf」"))
        #expect(reason.ja.contains("'terms copy.pdf'"))
        #expect(reason.en.contains("\"terms\" and \"copy.pdf\""))
        // Quoted, it is one file.
        #expect(try FileChoice.resolve("\"terms copy.pdf\"", offered: [], exists: exists).get() == "'terms copy.pdf'")
    }

    @Test func aPathOfTheWindowsDeskIsExplained() {
        for pasted in ["\"C:\\Users\\sato\\Downloads\\shot.png\"", "\\\\fileserver\\share\\shot.png"] {
            guard case .failure(let reason) = FileChoice.resolve(pasted, offered: Self.recent, exists: { _ in false }) else {
                Issue.record("a Windows path was passed on: \(pasted)")
                continue
            }
            #expect(reason.ja.contains("Windows"))
            #expect(reason.en.contains("desk folder"))
        }
    }

    @Test func aMissingPathIsLeftForTheInterviewToName() throws {
        #expect(try FileChoice.resolve("nothing.png", offered: [], exists: { _ in false }).get() == "'nothing.png'")
    }

    @Test func theListShowsNameSizeTimeAndFolderNewestFirst() {
        let ja = FileChoice.listing(Self.recent, language: .ja).map(\.text)
        #expect(ja.count == 3)
        #expect(ja[1] == "   1. スクリーンショット 2026-04-01.png（240 KB・4月1日 08:33・desk）")
        #expect(ja[2] == "   2. terms.pdf（812 バイト・4月1日 05:46・ダウンロード）")
        let en = FileChoice.listing(Self.recent, language: .en).map(\.text)
        #expect(en[1] == "   1. スクリーンショット 2026-04-01.png (240 KB, 1 Apr 08:33, desk)")
        #expect(FileChoice.listing([], language: .ja).isEmpty)
    }

    @Test func eachAttachmentIsConfirmedWithItsNameAndSize() {
        let attachment = Attachment(sha256: "00", fileName: "signup.png", size: 3 * 1_048_576 + 1, addedAt: "2026-04-01T00:00:00Z")
        #expect(FileChoice.confirmation([attachment], language: .ja).map(\.text) == ["添付しました：signup.png（3.1 MB）"])
        #expect(FileChoice.confirmation([attachment], language: .en).map(\.text) == ["Attached: signup.png (3.1 MB)"])
    }

    @Test func sizesNeverRoundDownToNothing() {
        #expect(FileChoice.size(1, .ja) == "1 バイト")
        #expect(FileChoice.size(1025, .en) == "2 KB")
        #expect(FileChoice.size(1_048_576, .en) == "1.0 MB")
    }
}
