import Core
import Foundation
import Testing

/// The real binary under a pseudo-terminal, so that libedit itself is exercised: Japanese
/// typed with no locale set, backspace, the left arrow, TAB completing a mark, Ctrl-C
/// dropping a half-typed answer, TAB completing names from the staff directory, Ctrl-D
/// leaving; then what reached the store is checked.
@Suite(.serialized) struct TerminalSessionTests {
    static let files = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("transcripts/files").path

    @Test func anInterviewTypedAtATerminal() throws {
        let folder = NSTemporaryDirectory() + "yakkan-pty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = folder + "/yakkan.sqlite"
        // The directory the form's names are chosen from; whoever runs the test is its first member.
        // Signed with the same key the binary below uses, as the same login with the same home.
        let directory = try SQLiteStore(
            path: store, workingDirectory: folder, clock: SystemClock(),
            keyRing: KeyRing.personal(login: NSUserName(), environment: ["HOME": folder]))
        for member in [
            StaffMember(login: NSUserName(), name: "山田 太郎", department: "総務課"),
            StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"),
            StaffMember(login: "suzuki", name: "鈴木 一郎", department: "総務課"),
        ] {
            _ = try directory.addStaff(member, by: NSUserName(), at: "2026-04-01T00:00:00Z")
        }
        let terminal = try PseudoTerminal(
            executable: PseudoTerminal.productsDirectory.appendingPathComponent("yakkan").path,
            arguments: ["apply", "--store", store],
            environment: ["TERM": "xterm", "HOME": folder, "PATH": "/usr/bin:/bin"],
            workingDirectory: Self.files)


        // Japanese, then a wrong last character taken back with backspace.
        try terminal.atPrompt("申請 1/44")
        terminal.send("山田 太郎X")
        terminal.send(bytes: [0x7F])
        terminal.send("\r")
        // A missing character put in the middle with the left arrow.
        try terminal.atPrompt("申請 2/44")
        terminal.send("総課")
        terminal.send("\u{1b}[D")
        terminal.send("務\r")
        // Ctrl-C drops the half-typed answer and asks the same question again.
        try terminal.atPrompt("申請 3/44")
        terminal.send("途中まで")
        terminal.send(bytes: [0x03])
        try terminal.waitFor("入力を取り消しました")
        try terminal.answer("申請 3/44", "Example Storage株式会社")
        try terminal.answer("申請 4/44", "Example Drive 無料プラン")
        try terminal.answer("申請 5/44", "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。")
        try terminal.answer("申請 6/44", "観光イベントの写真を協力団体と共有するため")
        try terminal.answer("申請 7/44", "イベント写真、公開済みのチラシ")
        try terminal.answer("申請 8/44", "Ⅳ")
        // TAB completes a yes/no word from its first character.
        try terminal.atPrompt("申請 9/44")
        terminal.send("いい\t\r")
        try terminal.answer("申請 10/44", "いいえ")
        try terminal.answer("申請 11/44", "山田 太郎、佐藤 花子")
        try terminal.answer("申請 12/44", "R8.4.1")
        try terminal.answer("申請 13/44", "令和９年３月３１日")
        // TAB completes a name with a space in it, and a login.
        try terminal.answer("申請 14/44", "佐藤 花\t")
        try terminal.answer("申請 15/44", "suz\t")
        try terminal.answer("申請 16/44", "庁内ファイルサーバ")
        try terminal.answer("申請 17/44", "signup.png")
        try terminal.answer("申請 18/44", "terms.pdf")
        try terminal.answer("申請 19/44", "")
        // TAB completes a mark: 該 → 該当なし, which is ／.
        try terminal.atPrompt("申請 20/44")
        terminal.send("該\t\r")
        try terminal.answer("確認事項1の備考", "HTTPS の説明ページなし")
        try terminal.answer("申請 22/44", "")
        // Ctrl-D at the next question leaves, keeping the draft.
        try terminal.atPrompt("申請 23/44")
        terminal.send(bytes: [0x04])
        try terminal.waitFor("下書きを保存しました")
        #expect(try terminal.waitForExit() == 0)

        let saved = try SQLiteStore(path: store, workingDirectory: folder, clock: SystemClock(), keyRing: KeyRing(folder: folder + "/test-keys", scope: .everyone))
        let draft = try #require(try saved.drafts(owner: NSUserName(), procedureID: "application").first)
        let answers = draft.state.answers
        #expect(answers[ApplicationFields.applicant] == .text("山田 太郎"))
        #expect(answers[ApplicationFields.department] == .text("総務課"))
        #expect(answers[ApplicationFields.provider] == .text("Example Storage株式会社"))
        #expect(answers[ApplicationFields.personalInformation] == .flag(false))
        #expect(answers[ApplicationFields.periodEnd] == .date(Day(year: 2027, month: 3, day: 31)!))
        #expect(answers[ApplicationFields.serviceManager] == .person(NamedPerson(name: "佐藤 花子", login: "sato")))
        #expect(answers[ApplicationFields.departmentHead] == .person(NamedPerson(name: "鈴木 一郎", login: "suzuki")))
        #expect(answers[ApplicationFields.users]?.people?.map(\.login) == [NSUserName(), "sato"])
        #expect(answers["check1"] == .mark(.notApplicable))
        #expect(answers["check1.note"] == .text("HTTPS の説明ページなし"))
        #expect(answers["check2"] == nil)
        #expect(answers.count == 22)
        #expect(answers[ApplicationFields.termsAddresses] == .skipped, "the address of the terms left empty")
        let history = try String(contentsOfFile: folder + "/.local/state/yakkan/history", encoding: .utf8)
        // libedit's history file escapes spaces; what was cancelled with Ctrl-C is not kept.
        #expect(history.contains("Example\\040Storage株式会社"))
        #expect(history.contains("総務課"))
        #expect(!history.contains("途中まで"))
    }
}
