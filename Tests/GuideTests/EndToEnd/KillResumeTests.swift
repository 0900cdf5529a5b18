import Foundation
import Testing

/// Every accepted answer is saved before the next question is asked, so a process killed
/// outright (power cut, closed window, SIGKILL) loses nothing that was answered.
@Suite struct KillResumeTests {
    static let answers = [
        "山田 太郎",
        "総務課",
        "Example Storage株式会社",
        "Example Drive 無料プラン",
        "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。無料プランは15GBまで。",
        "観光イベントの写真を協力団体と共有するため",
    ]

    static let labels = ["申請者", "利用する組織名", "提供会社名", "提供サービス名", "サービス内容", "利用目的"]

    @Test func aKilledApplicationResumesWithEveryAnswerGiven() throws {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        let folder = try EndToEndFolder()
        let store = folder.path + "/yakkan.sqlite"
        let environment = EndToEnd.environment(home: folder.home)
        let workingDirectory = EndToEnd.filesFolder.path
        #expect(FileManager.default.fileExists(atPath: workingDirectory + "/signup.png"))

        let first = try YakkanChild(
            executable: executable, arguments: ["apply", "--store", store],
            environment: environment, workingDirectory: workingDirectory)
        try first.waitFor("申請 1/44 · ")
        for (offset, answer) in Self.answers.enumerated() {
            try first.write(answer + "\n")
            try first.waitFor("申請 \(offset + 2)/44 · ")
        }
        // The 7th question is on the screen, so the 6th answer has been saved: kill it now.
        #expect(kill(first.pid, SIGKILL) == 0)
        try first.waitForExit()
        #expect(first.process.terminationReason == .uncaughtSignal)
        #expect(first.process.terminationStatus == SIGKILL)
        #expect(!first.text.contains("下書きを保存しました"), "it had no chance to say goodbye")

        let second = try YakkanChild(
            executable: executable, arguments: ["apply", "--store", store],
            environment: environment, workingDirectory: workingDirectory)
        try second.write("\n:review\n:quit\n")
        try second.closeInput()
        try second.waitForExit()
        let output = second.text
        #expect(second.process.terminationReason == .exit)
        #expect(second.process.terminationStatus == 0, "\(output)")

        #expect(output.contains("途中の下書きが1件あります"), "\(output)")
        #expect(output.contains("  1. Example Storage株式会社 / Example Drive 無料プラン — 6/44 回答済み"), "\(output)")
        #expect(output.contains("前回の続きから再開します。"))
        let lines = output.components(separatedBy: "\n")
        let reviewStart = try #require(lines.firstIndex { $0.hasSuffix("入力内容の確認 ──") }, "\(output)")
        let review = Array(lines[(reviewStart + 1)...].prefix { $0.hasPrefix(" ") && !$0.hasPrefix("  選択肢") })
        let expected = zip(Self.labels, Self.answers).enumerated().map { offset, pair in
            "  \(offset + 1). \(pair.0)：\(pair.1)"
        }
        #expect(Array(review.prefix(6)) == expected, "\(output)")
        #expect(!review.contains { $0.hasPrefix("  7. ") }, "nothing beyond the six answers: \(review)")
        #expect(output.contains("（未回答：あと38問）"))
        // After the review the interview goes on at the 7th question, and :quit keeps the draft.
        #expect(output.components(separatedBy: "申請 7/44 · ").count == 3, "asked once before and once after :review")
        #expect(output.contains("下書きを保存しました。"))

        // The draft is still there for the next run, with the same six answers.
        let third = try YakkanChild(
            executable: executable, arguments: ["apply", "--store", store],
            environment: environment, workingDirectory: workingDirectory)
        try third.closeInput()
        try third.waitForExit()
        #expect(third.text.contains("途中の下書きが1件あります"))
        #expect(third.text.contains("6/44 回答済み"))
    }
}
