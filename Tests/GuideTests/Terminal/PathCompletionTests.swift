import Foundation
import Testing

@testable import Guide

/// TAB on a file question completes the path being typed from its folder, adding the quotes a
/// name with spaces needs.
@Suite struct PathCompletionTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "yakkan-paths-" + UUID().uuidString
        for path in ["evidence/signup.png", "evidence/signature.png", "terms copy.pdf", "terms.pdf", "it's.txt", ".hidden"] {
            let full = folder + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data("x".utf8))
        }
    }

    func complete(_ typed: String) -> (replacement: String, matches: [String])? {
        PathCompletion.complete(typed, workingDirectory: folder, home: folder)
    }

    @Test func aFolderIsCompletedWithItsSlashThenAFileInIt() {
        #expect(complete("evi")?.replacement == "evidence/")
        #expect(complete("evidence/signu")?.replacement == "evidence/signup.png")
    }

    @Test func namesSharedByTwoStopWhereTheyDifferAndAreListed() {
        let completed = complete("evidence/s")
        #expect(completed?.replacement == "evidence/sign")
        #expect(completed?.matches == ["signature.png", "signup.png"])
    }

    @Test func aNameWithASpaceGetsQuotes() {
        #expect(complete("terms ")?.replacement != nil)  // the second path, from nothing: every name
        #expect(complete("terms\\ c")?.replacement == "'terms copy.pdf'")
        #expect(complete("'terms c")?.replacement == "'terms copy.pdf'")
        #expect(complete("\"terms c")?.replacement == "\"terms copy.pdf\"")
        // Two names share "terms": the quote is opened, since one of them has a space to come.
        #expect(complete("ter")?.replacement == "terms")
    }

    @Test func theLastPathOfTheLineIsCompletedAndTheOthersKept() {
        #expect(complete("terms.pdf 'it")?.replacement == "terms.pdf 'it's.txt'")
        #expect(complete("terms.pdf ~/evidence/signa")?.replacement == "terms.pdf ~/evidence/signature.png")
    }

    @Test func hiddenFilesOnlyWhenAskedFor() {
        #expect(complete(".h")?.replacement == ".hidden")
        #expect(complete("")?.matches.contains(".hidden") == false)
    }

    @Test func aClosedQuoteOrNothingFittingCompletesNothing() {
        #expect(complete("'terms copy.pdf'") == nil)
        #expect(complete("zzz") == nil)
    }
}
