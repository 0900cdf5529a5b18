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
        subcommands: [
            MenuCommand.self, ApplyCommand.self, ReviewCommand.self, AcknowledgeCommand.self, ListCommand.self, ShowCommand.self,
            DueCommand.self, RecordCommand.self, StopCommand.self, ContinuationCommand.self, IncidentCommand.self,
            QueryShellCommand.self, AlertsCommand.self, CalendarCommand.self, TerminateCommand.self, PurgeCommand.self, StaffCommand.self, AuditCommand.self,
            DemoCommand.self,
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
            var command = try parseAsRoot(arguments)
            guard let runnable = command as? SessionCommand else {
                try command.run()
                return 0
            }
            return try runnable.run(in: session)
        } catch is BailedOut {
            return 1
        } catch let error as InputError {
            session.show(.error, error.message)
            return 64
        } catch let error as StoreError {
            session.show(.error, StoreText.describe(error)(language(in: arguments)))
            return 3
        } catch {
            let message = fullMessage(for: error)
            let status = exitCode(for: error).rawValue
            if !message.isEmpty { session.show(status == 0 ? .info : .error, message) }
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

    func openStore(_ session: Session) throws -> any Store {
        let limit: Int64
        switch AttachmentLimit.resolve(environment: session.environment) {
        case .failure(let problem): throw InputError(message: problem(lang))
        case .success(let bytes): limit = bytes
        }
        return try SQLiteStore(
            path: StoreLocation.resolve(option: store, environment: session.environment),
            workingDirectory: session.workingDirectory, clock: session.clock, attachmentLimit: limit)
    }
}

extension Language: ExpressibleByArgument {}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, text, line, json, html, csv
}
