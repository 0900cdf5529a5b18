import ArgumentParser
import Core

struct ApplyCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "利用申請書を一問ずつ作成して提出します / Fill in and submit an application, one question at a time.")

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "最初に受け付けられなかった回答で終了します / Exit non-zero at the first refused answer.")
    var bail = false

    func run(in session: Session) throws -> Int32 {
        let store = try common.openStore(session)
        return try ApplyFlow(session: session, store: store, language: common.lang, bail: bail).run()
    }
}
