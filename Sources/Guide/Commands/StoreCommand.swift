import ArgumentParser
import Core
import Foundation

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: CommandHelp.storeGroup, subcommands: [Init.self, Copy.self])

    /// The one way to make a store, and its folders, at a path chosen by hand.
    struct Init: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: CommandHelp.storeInit)
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(CommandHelp.storePath)) var path: String?
        @Flag(name: .customLong("dry-run"), help: ArgumentHelp(CommandHelp.storeInitDryRun)) var dryRun = false

        func run(in session: Session) throws -> Int32 {
            let path = path ?? StoreLocation.resolve(option: common.store, environment: session.environment)
            if ServerAddress.isServer(path) { return try initServer(path, in: session) }
            if dryRun { throw InputError(message: StoreCommandText.dryRunIsForServers(common.lang)) }
            let full = path.hasPrefix("/") ? path : session.workingDirectory + "/" + path
            let existed = FileManager.default.fileExists(atPath: full)
            _ = try SQLiteStore(path: full, workingDirectory: session.workingDirectory, clock: session.clock, createFolder: true)
            session.show(.success, (existed ? StoreCommandText.alreadyThere(full) : StoreCommandText.created(full))(common.lang))
            return 0
        }

        /// A server's schema, roles and rules; with --dry-run, only the SQL, for a DBA to read
        /// first, without connecting.
        private func initServer(_ uri: String, in session: Session) throws -> Int32 {
            if dryRun {
                session.output.writeVerbatim(ServerSchema.initScript)
                return 0
            }
            let link = try PostgresLink(uri: uri)
            let applied = try ServerMigrator.migrate(link)
            let text = applied.isEmpty ? StoreCommandText.serverCurrent(link.address) : StoreCommandText.serverCreated(link.address, applied)
            session.show(.success, text(common.lang))
            return 0
        }
    }

    /// Moves a village to another store (SQLite to a server, usually): the copy, then the
    /// check of the copy, whose verdict is the exit status.
    struct Copy: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "copy", abstract: CommandHelp.storeCopy)
        // Both stores are named on the line: no --store.
        @Option(name: .long, help: ArgumentHelp(CommandHelp.language)) var lang: Language = .ja
        @Argument(help: ArgumentHelp(CommandHelp.storeCopyFrom)) var from: String
        @Argument(help: ArgumentHelp(CommandHelp.storeCopyTo)) var to: String

        func run(in session: Session) throws -> Int32 {
            func open(_ address: String, _ end: StoreCopy.End) throws -> SQLStore {
                try StoreCopy.open(
                    address, as: end, workingDirectory: session.workingDirectory, environment: session.environment, clock: session.clock)
            }
            let source = try open(from, .source)
            let target = try open(to, .target)
            session.show(.info, StoreCopyText.copying(from: from, to: to)(lang))
            let report = try StoreCopy.copy(from: source, to: target)
            session.show(.success, StoreCopyText.copied(report)(lang))
            for line in StoreCopyText.left(report) { session.show(.warning, line(lang)) }
            session.show(.info, StoreCopyText.verifying(lang))
            let status = try AuditCommand.check(target, remembered: nil, in: session, lang)
            session.show(status == 0 ? .success : .error, (status == 0 ? StoreCopyText.verified : StoreCopyText.notVerified)(lang))
            return status
        }
    }
}
