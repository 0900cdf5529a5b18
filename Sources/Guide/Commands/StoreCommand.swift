import ArgumentParser
import Core
import Foundation

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: CommandHelp.storeGroup, subcommands: [Init.self])

    /// The one way to make a store, and its folders, at a path chosen by hand.
    struct Init: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: CommandHelp.storeInit)
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(CommandHelp.storePath)) var path: String?

        func run(in session: Session) throws -> Int32 {
            let path = path ?? StoreLocation.resolve(option: common.store, environment: session.environment)
            let full = path.hasPrefix("/") ? path : session.workingDirectory + "/" + path
            let existed = FileManager.default.fileExists(atPath: full)
            _ = try SQLiteStore(path: full, workingDirectory: session.workingDirectory, clock: session.clock, createFolder: true)
            session.show(.success, (existed ? StoreCommandText.alreadyThere(full) : StoreCommandText.created(full))(common.lang))
            return 0
        }
    }
}
