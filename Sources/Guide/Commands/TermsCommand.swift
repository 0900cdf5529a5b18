import ArgumentParser
import Core

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms", abstract: CommandHelp.terms, subcommands: [TermsCheckCommand.self])
}

struct TermsCheckCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: CommandHelp.termsCheck)
    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp(CommandHelp.termsIDs)) var ids: [Int64] = []
    @Option(help: ArgumentHelp(CommandHelp.termsFile, valueName: "COPY")) var file: String?
    @Option(help: ArgumentHelp(CommandHelp.termsAddress, valueName: "ADDRESS")) var address: String?
    @Flag(help: ArgumentHelp(CommandHelp.termsAllowHTTP)) var allowHTTP = false

    func run(in session: Session) throws -> Int32 {
        try TermsFlow(session: session, store: common.openStore(session), language: common.lang)
            .check(ids, file: file, address: address, allowHTTP: allowHTTP)
    }
}
