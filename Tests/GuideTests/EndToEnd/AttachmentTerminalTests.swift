import Core
import Foundation
import Testing

/// The real binary on a pseudo-terminal, at a file question: a file attached by TAB completing
/// its name (a name with a space gets its quotes), and another by its number in the list of
/// the newest files of the person's ダウンロード folder; each confirmed with its name and size,
/// and kept in the store.
@Suite(.serialized) struct AttachmentTerminalTests {
    @Test func filesAttachedByTabCompletionAndByTheDownloadsList() throws {
        let folder = NSTemporaryDirectory() + "yakkan-attach-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/evidence", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = folder + "/yakkan.sqlite"
        let files = EndToEnd.filesFolder.path
        // The working folder: evidence kept where the person starts yakkan.
        try FileManager.default.copyItem(atPath: files + "/terms copy.pdf", toPath: folder + "/evidence/terms copy.pdf")
        try FileManager.default.copyItem(atPath: files + "/signup.png", toPath: folder + "/evidence/signup.png")
        // The Downloads folder: a screenshot saved a moment ago, and an older file.
        let downloads = folder + "/ダウンロード"
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: files + "/https.png", toPath: downloads + "/スクリーンショット 2026-04-01.png")
        try FileManager.default.copyItem(atPath: files + "/terms.pdf", toPath: downloads + "/old.pdf")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: downloads + "/old.pdf")

        var environment = EndToEnd.environment(home: folder)
        environment["YAKKAN_STORE"] = store
        let me = NSUserName()
        for arguments in [
            ["staff", "add", me, "--name", "山田 太郎", "--department", "総務課"],
            ["staff", "add", "sato", "--name", "佐藤 花子", "--department", "総務課"],
            ["staff", "add", "suzuki", "--name", "鈴木 一郎", "--department", "総務課"],
        ] {
            try DeskHost.run(PseudoTerminal.productsDirectory.appendingPathComponent("yakkan").path, arguments,
                             environment: environment)
        }

        let terminal = try PseudoTerminal(
            executable: PseudoTerminal.productsDirectory.appendingPathComponent("yakkan").path,
            arguments: ["apply", "--store", store],
            environment: ["TERM": "xterm", "HOME": folder, "PATH": "/usr/bin:/bin"],
            workingDirectory: folder, columns: 120)
        for (label, text) in [
            ("申請 1/44", "山田 太郎"), ("申請 2/44", "総務課"), ("申請 3/44", "Example Storage株式会社"),
            ("申請 4/44", "Example Drive 無料プラン"), ("申請 5/44", "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。"),
            ("申請 6/44", "観光イベントの写真を協力団体と共有するため"), ("申請 7/44", "イベント写真"),
            ("申請 8/44", "Ⅳ"), ("申請 9/44", "いいえ"), ("申請 10/44", "いいえ"), ("申請 11/44", "山田 太郎"),
            ("申請 12/44", "R8.4.1"), ("申請 13/44", "R9.3.31"), ("申請 14/44", "佐藤 花子"), ("申請 15/44", "鈴木 一郎"),
            ("申請 16/44", "庁内ファイルサーバ"),
        ] {
            try terminal.answer(label, text)
        }

        // TAB completes a folder, then the file in it. What libedit redraws on the line is cursor
        // movement, not text, so the result is seen in what was attached.
        try terminal.waitFor("申請 17/44")
        try terminal.waitFor(" 1. スクリーンショット 2026-04-01.png（")
        try terminal.waitFor(" 2. old.pdf（")
        try terminal.waitFor("> ")
        try terminal.waitUntilReadingKeys()
        terminal.send("evi\tsignu\t\r")
        try terminal.waitFor("添付しました：signup.png（60 バイト）")

        // A name with a space is completed inside the quotes it needs; the screenshot is number 1.
        try terminal.waitFor("申請 18/44")
        try terminal.waitFor(" 1. スクリーンショット 2026-04-01.png（")
        try terminal.waitFor("> ")
        try terminal.waitUntilReadingKeys()
        // Unquoted, "evidence/terms copy.pdf" would be refused as split by its space.
        terminal.send("evidence/ter\t 1\r")
        try terminal.waitFor("添付しました：terms copy.pdf（47 バイト）")
        try terminal.waitFor("添付しました：スクリーンショット 2026-04-01.png（42 バイト）")
        try terminal.atPrompt("申請 19/44")
        terminal.send(bytes: [0x04])
        try terminal.waitFor("下書きを保存しました")
        #expect(try terminal.waitForExit() == 0)

        let saved = try SQLiteStore(path: store, workingDirectory: folder, clock: SystemClock(),
                                    keyRing: KeyRing(folder: folder + "/test-keys", scope: .everyone))
        let draft = try #require(try saved.drafts(owner: me, procedureID: "application").first)
        let answers = draft.state.answers
        #expect(answers[ApplicationFields.signupRecord]?.files?.map(\.fileName) == ["signup.png"])
        #expect(answers[ApplicationFields.terms]?.files?.map(\.fileName) == ["terms copy.pdf", "スクリーンショット 2026-04-01.png"])
        #expect(answers[ApplicationFields.terms]?.files?.map(\.size) == [47, 42])
    }
}
