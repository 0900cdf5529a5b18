import Foundation
import Testing

@testable import Guide

/// The files offered by number under a file question: the newest plain files of the person's
/// own folders, never a link, a hidden or empty file or a folder.
@Suite struct RecentFilesTests {
    let home: String

    init() throws {
        home = NSTemporaryDirectory() + "yakkan-recent-" + UUID().uuidString
        for folder in ["ダウンロード", "desk", "elsewhere"] {
            try FileManager.default.createDirectory(atPath: home + "/" + folder, withIntermediateDirectories: true)
        }
    }

    func make(_ path: String, minutesAgo: Double, contents: String = "x") throws {
        _ = FileManager.default.createFile(atPath: home + "/" + path, contents: Data(contents.utf8))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60 * minutesAgo)],
                                              ofItemAtPath: home + "/" + path)
    }

    @Test func newestFirstAcrossTheFolders() throws {
        try make("ダウンロード/older.pdf", minutesAgo: 30)
        try make("desk/screenshot.png", minutesAgo: 1)
        try make("ダウンロード/terms.pdf", minutesAgo: 10)
        try make("elsewhere/not-offered.txt", minutesAgo: 0)
        let found = RecentFiles.scan(home: home)
        #expect(found.map(\.name) == ["screenshot.png", "terms.pdf", "older.pdf"])
        #expect(found.map(\.folder) == ["desk", "ダウンロード", "ダウンロード"])
        #expect(found.first?.path == home + "/desk/screenshot.png")
    }

    @Test func atMostNine() throws {
        for index in 0..<12 { try make("desk/file\(index).txt", minutesAgo: Double(index)) }
        let found = RecentFiles.scan(home: home)
        #expect(found.count == 9)
        #expect(found.first?.name == "file0.txt")
    }

    /// A link planted in someone's Downloads (to a file they may not read, or another's) is never
    /// offered; nor are hidden or empty files, or folders.
    @Test func linksHiddenEmptyFilesAndFoldersAreNotOffered() throws {
        try make("desk/real.png", minutesAgo: 5)
        try FileManager.default.createSymbolicLink(atPath: home + "/desk/shadow", withDestinationPath: "/etc/shadow")
        try FileManager.default.createSymbolicLink(atPath: home + "/desk/link.png", withDestinationPath: home + "/desk/real.png")
        try make("desk/.hidden", minutesAgo: 0)
        try make("desk/empty.txt", minutesAgo: 0, contents: "")
        try FileManager.default.createDirectory(atPath: home + "/desk/folder", withIntermediateDirectories: true)
        #expect(RecentFiles.scan(home: home).map(\.name) == ["real.png"])
    }

    /// ダウンロード and Downloads as one folder under two names is listed once.
    @Test func oneFolderUnderTwoNamesIsListedOnce() throws {
        try make("ダウンロード/a.png", minutesAgo: 1)
        try FileManager.default.createSymbolicLink(atPath: home + "/Downloads", withDestinationPath: home + "/ダウンロード")
        #expect(RecentFiles.scan(home: home).map(\.name) == ["a.png"])
    }

    @Test func noHomeNoList() {
        #expect(RecentFiles.scan(home: nil).isEmpty)
        #expect(RecentFiles.scan(home: "relative/home").isEmpty)
        #expect(RecentFiles.scan(home: home + "/missing").isEmpty)
    }
}
