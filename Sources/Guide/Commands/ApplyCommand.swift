import ArgumentParser
import Core

struct ApplyCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: CommandHelp.apply)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail))
    var bail = false

    func run(in session: Session) throws -> Int32 {
        let store = try common.openStore(session)
        return try ApplyFlow(session: session, store: store, language: common.lang, bail: bail).run()
    }
}
