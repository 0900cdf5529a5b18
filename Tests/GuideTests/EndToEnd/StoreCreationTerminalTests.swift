import Core
import Foundation
import Testing

@testable import Guide

/// A store path chosen by hand whose folder does not exist: at a terminal yakkan asks before
/// creating anything, and says where the store is once it is made.
@Suite(.serialized) struct StoreCreationTerminalTests {
    func start(_ folder: String, store: String) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: PseudoTerminal.productsDirectory.appendingPathComponent("yakkan").path,
            arguments: ["apply", "--store", store],
            environment: ["TERM": "xterm", "HOME": folder, "PATH": "/usr/bin:/bin"],
            workingDirectory: folder)
    }

    @Test func aMissingFolderIsMadeOnlyWhenThePersonSaysSo() throws {
        let folder = NSTemporaryDirectory() + "yakkan-pty-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = folder + "/srv/yakan/yakkan.sqlite"

        // Enter is "no": nothing is made, and the way to make it is named.
        let declined = try start(folder, store: store)
        _ = try declined.waitFor("作成して、そこに新しい保管庫を作りますか")
        try declined.waitUntilReadingKeys()
        declined.send("\r")
        _ = try declined.waitFor("yakkan store init")
        #expect(try declined.waitForExit() == 3)
        #expect(!FileManager.default.fileExists(atPath: folder + "/srv"))

        let accepted = try start(folder, store: store)
        _ = try accepted.waitFor("作成して、そこに新しい保管庫を作りますか")
        try accepted.waitUntilReadingKeys()
        accepted.send("y\r")
        _ = try accepted.waitFor("保管庫を作成しました: \(store)")
        _ = try accepted.waitFor("申請 1/")
        try accepted.waitUntilReadingKeys()
        accepted.send(bytes: [0x04])
        #expect(try accepted.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: store))
    }
}

/// Commands that only read, on the default location before anything was written there.
@Suite struct DefaultStoreNotMadeYetTests {
    @Test func readingTheDefaultStoreBeforeItExistsSaysHowItIsMadeAndMakesNothing() throws {
        let home = try TemporaryFolder()
        for arguments in [["list"], ["due"], ["staff", "list"], ["audit", "verify"], ["show", "1"]] {
            let output = BufferedOutput()
            let session = Session(
                environment: ["HOME": home.path], workingDirectory: home.path, login: "yamada",
                clock: FixedClock(day: Day(iso: "2026-04-01")!),
                reader: PlainLineReader(source: ScriptedSource(lines: []), echo: output), output: output,
                palette: Palette(enabled: false))
            #expect(Yakkan.run(arguments: arguments, session: session) == 3)
            #expect(output.text == "保管庫はまだありません（\(home.path)/.local/share/yakkan/yakkan.sqlite）。最初の申請（yakkan apply）か yakkan store init で作られます。\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path) == [])
    }
}
