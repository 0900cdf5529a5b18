import ArgumentParser
import Core

struct MenuCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "menu", abstract: CommandHelp.menu)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail))
    var bail = false

    func run(in session: Session) throws -> Int32 {
        try MenuFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail).run()
    }
}
