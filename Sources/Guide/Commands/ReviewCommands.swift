import ArgumentParser
import Core

struct ReviewCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: CommandHelp.review)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail))
    var bail = false

    @Argument(help: ArgumentHelp(CommandHelp.applicationFromInbox))
    var id: Int64?

    func run(in session: Session) throws -> Int32 {
        try ReviewFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail)
            .run(applicationID: id)
    }
}

struct AcknowledgeCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge",
        abstract: CommandHelp.acknowledge)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail))
    var bail = false

    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber))
    var id: Int64?

    func run(in session: Session) throws -> Int32 {
        try AcknowledgeFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail)
            .run(applicationID: id)
    }
}
