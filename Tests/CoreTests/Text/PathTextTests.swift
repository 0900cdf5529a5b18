import Testing

@testable import Core

/// Paths of one character ("a", "7") are what made Foundation trap when a store was chosen as
/// `--store a`; the parts must come out as `dirname` and `basename` give them.
@Suite struct PathTextTests {
    @Test(arguments: [
        ("a", "", "a"), ("7", "", "7"), ("/", "/", "/"), ("/a", "/", "a"), ("a/b", "a", "b"), ("a/b/", "a", "b"),
        ("./a", ".", "a"), ("../a", "..", "a"), ("/x/y.sqlite", "/x", "y.sqlite"), ("a//b", "a", "b"), ("", "", ""),
    ])
    func partsOfAPath(path: String, folder: String, last: String) {
        #expect(PathText.folder(of: path) == folder)
        #expect(PathText.lastComponent(of: path) == last)
    }

    @Test(arguments: [("terms.pdf", "pdf"), ("a", ""), ("a.b.gz", "gz"), (".profile", ""), ("dir.d/file", ""), ("x.", "")])
    func extensions(name: String, fileExtension: String) {
        #expect(PathText.fileExtension(of: name) == fileExtension)
    }

    @Test func aTildeIsTheHomeFolderOnlyAtTheStart() {
        #expect(PathText.expandingTilde("~/a.pdf", home: "/home/k") == "/home/k/a.pdf")
        #expect(PathText.expandingTilde("~", home: "/home/k") == "/home/k")
        #expect(PathText.expandingTilde("a~/b", home: "/home/k") == "a~/b")
        #expect(PathText.expandingTilde("~/a", home: nil) == "~/a")
    }
}
