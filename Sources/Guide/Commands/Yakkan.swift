import ArgumentParser
import Core
import Foundation

/// The command line. Each subcommand runs against a Session, so tests run the very same
/// code in-process with their own clock, login and input.
@main
struct Yakkan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yakkan",
        abstract: CommandHelp.yakkan,
        discussion: CommandHelp.examples,
        subcommands: [
            MenuCommand.self, ApplyCommand.self, ReviewCommand.self, AcknowledgeCommand.self, ListCommand.self, ShowCommand.self,
            DueCommand.self, RemindCommand.self, RecordCommand.self, StopCommand.self, ContinuationCommand.self, IncidentCommand.self,
            QueryShellCommand.self, AlertsCommand.self, CalendarCommand.self, TerminateCommand.self, PurgeCommand.self, StaffCommand.self, AuditCommand.self,
            DemoCommand.self, StoreCommand.self, WithdrawCommand.self, ImportCommand.self, ProcedureCommand.self, TermsCommand.self,
        ],
        defaultSubcommand: MenuCommand.self)

    static func main() {
        let session = Session.system()
        let status = run(arguments: Array(CommandLine.arguments.dropFirst()), session: session)
        session.reader.close()
        Foundation.exit(status)
    }

    /// Parses and runs one command line; returns the exit status.
    static func run(arguments: [String], session: Session) -> Int32 {
        do {
            var command = try parseAsRoot(try checked(commonOptionsMoved(arguments), language: language(in: arguments)))
            guard let runnable = command as? SessionCommand else {
                try command.run()
                return 0
            }
            defer { session.finish() }
            // The village's versions of the procedure are learnt when the store is opened.
            return try ProcedureScope.$session.withValue(ProcedureSession()) { try runnable.run(in: session) }
        } catch is BailedOut {
            return 1
        } catch let shown as InterviewLoop.FaultAlreadyShown {
            return shown.fault.isRefusal ? 1 : 3
        } catch let error as InputError {
            session.warn(.error, error.message)
            return 64
        } catch {
            // SQLite's own errors too: worded, and the store's status (3) unless a rule refused (1).
            if let fault = StoreError(classifying: error) {
                session.warn(.error, StoreText.describe(fault)(language(in: arguments)))
                return fault.isRefusal ? 1 : 3
            }
            let message = fullMessage(for: error)
            let status = exitCode(for: error).rawValue
            // Help asked for is what the command writes; anything else is a fault of the run.
            if !message.isEmpty {
                if status == 0 { session.show(.info, message) } else { session.warn(.error, message) }
            }
            return status
        }
    }
}

extension Yakkan {
    /// The language asked for, known even when parsing failed or a command threw.
    static func language(in arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang=en" || (argument == "--lang" && arguments.dropFirst(index + 1).first == "en") {
                return .en
            }
        }
        return .ja
    }
}

extension Yakkan {
    /// `yakkan --lang en apply` as `yakkan apply --lang en`: people put the language first, as
    /// they say it, while the parser takes a subcommand's options only after its name. Options
    /// every command takes (`--lang`, `--store`) given before the first other word are moved to
    /// the end, before a `--` if there is one; nothing else moves.
    static func commonOptionsMoved(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if ["--lang", "--store"].contains(first), rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--lang=") || first.hasPrefix("--store=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        // Nothing after them (the menu), or only help: the root parser reads them where they are.
        guard !leading.isEmpty, let word = rest.first, !word.hasPrefix("-") else { return arguments }
        var moved = Array(rest)
        let end = moved.firstIndex(of: "--") ?? moved.endIndex
        moved.insert(contentsOf: leading, at: end)
        return moved
    }

    /// Every word of the command line gets the checks of a typed answer before anything reads
    /// it: a reason, a name or search words with escape sequences would otherwise be stored
    /// and later printed into someone else's terminal.
    static func checked(_ arguments: [String], language: Language) throws -> [String] {
        try arguments.map { argument in
            switch InputLine.option(argument) {
            case .success(let text): return text
            case .failure(let problem):
                let shown = TerminalText.neutralised(String(argument.prefix(40)))
                throw InputError(message: SessionText.badArgument(shown)(language) + EngineTextBridge.lineProblem(problem)(language))
            }
        }
    }
}

/// A bad option value, worded in the user's language; shown without the usage text.
struct InputError: Error {
    let message: String
}

/// A subcommand that talks through a Session.
protocol SessionCommand {
    func run(in session: Session) throws -> Int32
}

/// Options every subcommand takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CommandHelp.language))
    var lang: Language = .ja

    @Option(name: .long, help: ArgumentHelp(CommandHelp.store))
    var store: String?

    /// Opens the store for a command that may change it, creating it when missing. A folder
    /// that does not exist is made only for the default location, or when the person says
    /// so on a terminal; otherwise `yakkan store init PATH` is the way. A server's address
    /// opens the store on that server, made beforehand by `yakkan store init URI`.
    func openStore(_ session: Session) throws -> any Store {
        let path = StoreLocation.resolve(option: store, environment: session.environment)
        let limit: Int64
        switch AttachmentLimit.resolve(environment: session.environment) {
        case .failure(let problem): throw InputError(message: problem(lang))
        case .success(let bytes): limit = bytes
        }
        if ServerAddress.isServer(path) { return try openServer(path, session, attachmentLimit: limit) }
        let keyRing = KeyRing.personal(login: session.login, environment: session.environment)
        let opened: SQLiteStore
        do {
            opened = try SQLiteStore(
                path: path, workingDirectory: session.workingDirectory, clock: session.clock, keyRing: keyRing,
                createFolder: !StoreLocation.isChosen(option: store, environment: session.environment), attachmentLimit: limit)
        } catch StoreError.noFolder(let path, let folder) where session.isTerminal {
            let create = try session.ask(
                [Message(.question, StoreCommandText.createFolder(folder)(lang))], completions: ["y", "n"], bail: false,
                language: lang, interpret: StoreCommandText.interpretYesNo)
            guard create == true else { throw StoreError.noFolder(path: path, folder: folder) }
            opened = try SQLiteStore(path: path, workingDirectory: session.workingDirectory, clock: session.clock, keyRing: keyRing, attachmentLimit: limit)
            session.warn(.success, StoreCommandText.created(path)(lang))
        }
        watch(opened, path, session)
        return opened
    }

    /// What every opened store gets: the log's head compared with the one last seen, and at
    /// the end of the run, the records its reads left out named (on standard error).
    private func watch(_ store: any Store, _ path: String, _ session: Session) {
        if let book = try? store.procedureBook() { ProcedureScope.session?.read(book, today: Village.today(session.clock)) }
        HeadWatch(session: session, store: store, path: path, language: lang).start()
        let lang = lang
        session.onFinish.append {
            let left = store.setAside.noted
            if !left.isEmpty { session.warn(.warning, StoreText.setAside(left)(lang)) }
        }
    }

    /// Opens the store for a command that only reads: never creates it, never waits for a writer.
    func readStore(_ session: Session) throws -> any Store {
        let path = StoreLocation.resolve(option: store, environment: session.environment)
        // Nothing is taken in by a command that reads: the size limit does not come into it.
        if ServerAddress.isServer(path) { return try openServer(path, session, attachmentLimit: FileVault.defaultSizeLimit) }
        let opened: SQLiteStore
        do {
            opened = try SQLiteStore(
                path: path, workingDirectory: session.workingDirectory, clock: session.clock, access: .readOnly)
        } catch StoreError.noStore(let path) where !StoreLocation.isChosen(option: store, environment: session.environment) {
            // Nothing was mistyped: the default place is simply still empty.
            throw StoreError.notCreatedYet(path: path)
        }
        watch(opened, path, session)
        return opened
    }

    /// The store on a server, as the login the server authenticated: from here on the session
    /// acts as that login, whatever the operating system's login is.
    private func openServer(_ uri: String, _ session: Session, attachmentLimit: Int64) throws -> any Store {
        let opened = try ServerStore(
            uri: uri, personalFolders: session.environment, workingDirectory: session.workingDirectory,
            clock: session.clock, attachmentLimit: attachmentLimit)
        session.actAs(opened)
        watch(opened, uri, session)
        return opened
    }
}

extension Language: ExpressibleByArgument {}

/// The formats commands write; each command takes and offers only its own (see its `formats`).
enum OutputFormat: String, CaseIterable {
    case table, text, line, json, html, csv
}
