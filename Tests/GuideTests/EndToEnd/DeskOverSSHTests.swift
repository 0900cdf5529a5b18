import Core
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A member of staff at their own desk reaches yakkan on the village host over a real SSH
/// connection, as their own login: Japanese typed and edited through libedit on the host, the
/// connection dropped halfway, the draft found again at the next login with every answer, and a
/// file copied from the desk with `scp` attached by its number; the store holds it all under
/// that login.
final class DeskOverSSHTests: XCTestCase {
    func testADeskAppliesOverSSHLosesTheConnectionAndAttachesAFileCopiedWithScp() throws {
        if let reason = DeskHost.whyNot { throw XCTSkip(reason) }
        guard EndToEndBinary.path != nil else { throw XCTSkip("the yakkan executable was not built") }
        // The recipe's drop-in: the store for everyone who logs in over SSH, keys only.
        let host = try DeskHost(settings: ["SetEnv YAKKAN_STORE=$STORE", "PasswordAuthentication no"])
        defer { host.tearDown() }

        // The directory, kept by IT's administrator (here the account running the tests).
        let admin = host.folder + "/admin"
        try FileManager.default.createDirectory(atPath: admin, withIntermediateDirectories: true)
        var environment = EndToEnd.environment(home: admin)
        environment["YAKKAN_STORE"] = host.store
        let me = NSUserName()
        for arguments in [
            ["staff", "add", me, "--name", "加藤 誠", "--department", "総務課", "--reviewer-of", "総務課"],
            ["staff", "add", host.login, "--name", "佐藤 花子", "--department", "総務課"],
            ["staff", "add", "suzuki", "--name", "鈴木 一郎", "--department", "総務課"],
        ] {
            try DeskHost.run(host.yakkan, arguments, environment: environment)
        }

        // The first login: the desk's terminal, yakkan on the host, no locale sent along.
        var terminal = try host.connect([host.yakkan, "apply"])
        func atPrompt(_ label: String) throws { try terminal.atPrompt(label, timeout: EndToEnd.patience, readingKeys: false) }
        func answer(_ label: String, _ text: String) throws {
            try terminal.answer(label, text, timeout: EndToEnd.patience, readingKeys: false)
        }
        // Backspace takes back a wide character.
        try atPrompt("申請 1/44")
        terminal.send("佐藤 花子子")
        terminal.send(bytes: [0x7F])
        terminal.send("\r")
        // The left arrow moves over wide characters, to put one in the middle.
        try atPrompt("申請 2/44")
        terminal.send("総課")
        terminal.send("\u{1b}[D")
        terminal.send("務\r")
        try answer("申請 3/44", "Example Storage株式会社")
        // Left three times over プラン, the missing word in, then right to the end for the rest.
        try atPrompt("申請 4/44")
        terminal.send("Example Driveプラン")
        terminal.send("\u{1b}[D\u{1b}[D\u{1b}[D")
        terminal.send("無料")
        terminal.send("\u{1b}[C\u{1b}[C\u{1b}[C")
        terminal.send("（個人）\r")
        try answer("申請 5/44", "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。")
        try answer("申請 6/44", "観光イベントの写真を協力団体と共有するため")
        // Half an answer typed, then the connection is lost (the desk's ssh is killed, as a cut
        // network or a closed laptop ends it).
        try atPrompt("申請 7/44")
        terminal.send("イベント写")
        try terminal.waitFor("イベント写")
        kill(terminal.pid, SIGKILL)
        XCTAssertEqual(try terminal.waitForExit(timeout: EndToEnd.patience), 128 + SIGKILL)
        // The host ends that login's yakkan with the connection: nothing is left running.
        try waitUntil("the login's processes end after the connection dropped") { host.processes().isEmpty }

        // From the desk, a screenshot copied into the login's desk folder with scp.
        let screenshot = EndToEnd.filesFolder.appendingPathComponent("signup.png").path
        try host.copy(screenshot, to: "desk/")

        // The second login finds the draft with every answer and goes on.
        terminal = try host.connect([host.yakkan, "apply"])
        try terminal.waitFor("途中の下書きが1件あります。", timeout: EndToEnd.patience)
        try terminal.waitFor("Example Storage株式会社 / Example Drive無料プラン（個人） — 6/44 回答済み")
        try answer("再開する番号", "1")
        try answer("申請 7/44", ":review")
        for shown in ["申請者：佐藤 花子", "利用する組織名：総務課", "提供会社名：Example Storage株式会社",
                      "提供サービス名：Example Drive無料プラン（個人）", "観光イベントの写真を協力団体と共有するため"] {
            try terminal.waitFor(shown)
        }
        try answer("申請 7/44", "イベント写真、公開済みのチラシ")
        try answer("申請 8/44", "Ⅳ")
        try answer("申請 9/44", "いいえ")
        try answer("申請 10/44", "いいえ")
        try answer("申請 11/44", "佐藤 花子")
        try answer("申請 12/44", "R8.4.1")
        try answer("申請 13/44", "令和９年３月３１日")
        try answer("申請 14/44", "佐藤 花子")
        try answer("申請 15/44", "鈴木 一郎")
        try answer("申請 16/44", "庁内ファイルサーバ")
        // The file copied from the desk is the first of the list, one number away.
        try terminal.waitFor("申請 17/44")
        try terminal.waitFor("最近のファイル")
        try terminal.waitFor(" 1. signup.png（")
        try terminal.waitFor("desk）")
        try terminal.waitFor("> ")
        terminal.send("1\r")
        let size = try FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int64 ?? 0
        try terminal.waitFor("添付しました：signup.png（\(FileChoice.size(size, .ja))）")
        try atPrompt("申請 18/44")
        terminal.send(bytes: [0x04])
        try terminal.waitFor("下書きを保存しました")
        XCTAssertEqual(try terminal.waitForExit(timeout: EndToEnd.patience), 0)

        // The store: the draft is the login's, with every answer and the file's copy.
        let saved = try SQLiteStore(
            path: host.store, workingDirectory: host.folder, clock: SystemClock(),
            keyRing: KeyRing(folder: host.folder + "/reader-keys", scope: .everyone))
        let drafts = try saved.drafts(owner: host.login, procedureID: "application")
        XCTAssertEqual(drafts.count, 1)
        let answers = try XCTUnwrap(drafts.first).state.answers
        XCTAssertEqual(answers[ApplicationFields.applicant], .text("佐藤 花子"))
        XCTAssertEqual(answers[ApplicationFields.department], .text("総務課"))
        XCTAssertEqual(answers[ApplicationFields.provider], .text("Example Storage株式会社"))
        XCTAssertEqual(answers[ApplicationFields.service], .text("Example Drive無料プラン（個人）"))
        XCTAssertEqual(answers[ApplicationFields.purpose], .text("観光イベントの写真を協力団体と共有するため"))
        XCTAssertEqual(answers[ApplicationFields.periodEnd], .date(Day(year: 2027, month: 3, day: 31)!))
        XCTAssertEqual(answers[ApplicationFields.serviceManager], .person(NamedPerson(name: "佐藤 花子", login: host.login)))
        XCTAssertEqual(answers.count, 17)
        let attached = try XCTUnwrap(answers[ApplicationFields.signupRecord]?.files?.first)
        let original = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        XCTAssertEqual(attached.fileName, "signup.png")
        let digest = try DeskHost.run("/usr/bin/sha256sum", [screenshot]).prefix(64)
        XCTAssertEqual(attached.sha256, String(digest))
        // The copy in the store was written by the login itself, on the host.
        let copy = host.store + ".files/" + attached.sha256.prefix(2) + "/" + attached.sha256 + ".png"
        var status = stat()
        XCTAssertEqual(stat(copy, &status), 0, "no stored copy at \(copy)")
        XCTAssertEqual(status.st_uid, host.uid)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), original)
        // Nobody else's name is on it: the only drafts are the login's.
        XCTAssertEqual(try saved.drafts(procedureID: "application").map(\.owner), [host.login])
    }

    /// Waits for something the test cannot be told about (a process ending on another host's
    /// side); the time is a safety net against a hang, never what is checked.
    private func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(EndToEnd.patience)
        while !condition() {
            guard Date() < deadline else { throw DeskHost.Failure(description: "never happened: \(what)") }
            usleep(50_000)
        }
    }
}
