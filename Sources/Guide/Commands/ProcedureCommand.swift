import ArgumentParser
import Core
import Foundation

/// `yakkan procedure show | check FILE`: the procedure in force, and a file's mistakes by line,
/// written as the command's output (as a linter writes its findings), so they can be kept or compared.
struct ProcedureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedure", abstract: ProcedureText.group, subcommands: [Show.self, Check.self])

    struct Show: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: ProcedureText.show)
        @OptionGroup var common: CommonOptions
        @Option(name: .long, help: ArgumentHelp(ProcedureText.format, valueName: "format")) var format: String = "text"

        func run(in session: Session) throws -> Int32 {
            switch format {
            case "text": session.output.write(ProcedureSummary.text(BuiltInProcedure.document, common.lang) + "\n")
            case "yaml": session.output.write(BuiltInProcedure.text)
            default: throw InputError(message: RenderText.formatNotAvailable(format, ProcedureText.format)(common.lang))
            }
            return 0
        }
    }

    struct Check: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: ProcedureText.check)
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(ProcedureText.file)) var file: String

        func run(in session: Session) throws -> Int32 {
            let path = file.hasPrefix("/") ? file : session.workingDirectory + "/" + file
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw InputError(message: ProcedureText.cannotRead(file)(common.lang))
            }
            switch ProcedureFile.read(text, knownQuestions: BuiltInProcedure.applicationQuestions) {
            case .document(let document):
                session.show(.success, ProcedureText.noMistakes(file, document)(common.lang))
                return 0
            case .mistakes(let mistakes):
                for mistake in mistakes { session.show(.error, ProcedureText.mistake(file, mistake)(common.lang)) }
                session.show(.error, ProcedureText.mistakes(file, mistakes.count)(common.lang))
                return 1
            }
        }
    }
}
