import ArgumentParser
import Core
import Foundation

/// `yakkan procedure show | check FILE | adopt FILE`: the procedure in force, a file's mistakes by
/// line (written as the command's output, as a linter writes its findings, so they can be kept or
/// compared), and a new version adopted by a signed act.
struct ProcedureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedure", abstract: ProcedureText.group, subcommands: [Show.self, Check.self, Adopt.self])

    struct Show: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: ProcedureText.show)
        @OptionGroup var common: CommonOptions
        @Option(name: .long, help: ArgumentHelp(ProcedureText.format, valueName: "format")) var format: String = "text"
        @Option(name: .long, help: ArgumentHelp(ProcedureText.version, valueName: "version")) var version: String?

        func run(in session: Session) throws -> Int32 {
            // The village's versions, when it has a store; before that, the built-in one.
            do { _ = try common.readStore(session) } catch StoreError.notCreatedYet, StoreError.noStore {}
            let book = ProcedureScope.book
            if let version, !book.has(version: version) { throw InputError(message: ProcedureText.unknownVersion(version)(common.lang)) }
            let document = version.map(book.document) ?? ProcedureScope.document
            switch format {
            case "text": session.output.write(ProcedureSummary.text(document, common.lang) + "\n")
            case "yaml": session.output.write(book.text(of: document.version.version))
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
            guard let document = try checked(file, session, common.lang) else { return 1 }
            session.show(.success, ProcedureText.noMistakes(file, document)(common.lang))
            return 0
        }
    }

    struct Adopt: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "adopt", abstract: ProcedureText.adopt)
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(ProcedureText.file)) var file: String
        @Option(name: .long, help: ArgumentHelp(ProcedureText.from, valueName: "date")) var from: String?

        func run(in session: Session) throws -> Int32 {
            let today = Village.today(session.clock)
            var first = today
            if let from {
                switch JapaneseDate.parse(from) {
                case .success(let day): first = day
                case .failure(let problem): throw InputError(message: EngineTextBridge.dateProblem(problem)(common.lang))
                }
            }
            guard let document = try checked(file, session, common.lang) else { return 1 }
            let store = try common.openStore(session)
            try store.adoptProcedure(
                try text(of: file, session, common.lang), version: document.version.version, from: first, by: session.login,
                at: Village.timestamp(session.clock.now))
            session.show(.success, ProcedureText.adopted(document.version, from: first, today: today)(common.lang))
            return 0
        }
    }

    /// The file's document, or nil once its mistakes are shown.
    private static func checked(_ file: String, _ session: Session, _ language: Language) throws -> ProcedureDocument? {
        switch ProcedureFile.read(try text(of: file, session, language)) {
        case .document(let document):
            return document
        case .mistakes(let mistakes):
            for mistake in mistakes { session.show(.error, ProcedureText.mistake(file, mistake)(language)) }
            session.show(.error, ProcedureText.mistakes(file, mistakes.count)(language))
            return nil
        }
    }

    private static func text(of file: String, _ session: Session, _ language: Language) throws -> String {
        let path = file.hasPrefix("/") ? file : session.workingDirectory + "/" + file
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputError(message: ProcedureText.cannotRead(file)(language))
        }
        return text
    }
}
