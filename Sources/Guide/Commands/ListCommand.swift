import ArgumentParser
import Core

struct ListCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: CommandHelp.list)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("table | line | csv | json", valueName: "format"), completion: .list(ListCommand.formats))
    var format: String = "table"
    static let formats = ["table", "line", "csv", "json"]

    @Option(help: ArgumentHelp(CommandHelp.filterStatus)) var status: String?
    @Option(name: [.customLong("department"), .customLong(CommandHelp.departmentOptionInJapanese)], help: ArgumentHelp(CommandHelp.filterDepartment)) var department: String?
    @Option(help: ArgumentHelp(CommandHelp.filterProvider)) var provider: String?
    @Option(help: ArgumentHelp(CommandHelp.filterService)) var service: String?
    @Option(name: .customLong("class"), help: ArgumentHelp(CommandHelp.filterClass)) var classification: String?
    @Flag(help: ArgumentHelp(CommandHelp.filterOverdue)) var overdue = false
    @Flag(name: .customLong("retention-passed"), help: ArgumentHelp(CommandHelp.filterRetention)) var retentionPassed = false
    @Option(help: ArgumentHelp(CommandHelp.filterPersonal)) var personal: String?
    @Option(name: .customLong("approved"), help: ArgumentHelp(CommandHelp.filterApproved)) var approved: String?
    @Option(name: .customLong("search"), help: ArgumentHelp(CommandHelp.filterText)) var text: String?
    @Option(help: ArgumentHelp(CommandHelp.filterLimit)) var limit: Int?

    /// The options as words of the query language, so the shell and the options share one parser.
    var words: [String] {
        var words: [String] = []
        if let status { words.append("status=" + status) }
        if let department { words.append("department=" + department) }
        if let provider { words.append("provider=" + provider) }
        if let service { words.append("service=" + service) }
        if let classification { words.append("class=" + classification) }
        if overdue { words.append("overdue") }
        if retentionPassed { words.append("retention-passed") }
        if let personal { words.append("personal=" + personal) }
        if let approved { words.append("approved=" + approved) }
        if let limit { words.append("limit=\(limit)") }
        return words
    }

    func run(in session: Session) throws -> Int32 {
        // Opened first: the store's versions of the procedure name the classes `--class` takes.
        let store = try common.readStore(session)
        var filter: LedgerFilter
        switch QueryLanguage.filter(words) {
        case .failure(let problem): throw InputError(message: problem(common.lang))
        case .success(let parsed): filter = parsed
        }
        filter.text = text
        let mode: OutputMode
        // Only what this command writes is offered (help, completion) and taken.
        switch OutputFormat(rawValue: format) {
        case .table?: mode = .table
        case .line?: mode = .line
        case .csv?: mode = .csv
        case .json?: mode = .json
        default: throw InputError(message: RenderText.formatNotAvailable(format, Self.formats.joined(separator: " | "))(common.lang))
        }
        let notice = mode == .table ? (filter.isEmpty ? SessionText.noApplications : SessionText.noMatches) : nil
        try session.writeLedger(filter, mode: mode, store: store, emptyNotice: notice, common.lang)
        return 0
    }
}

struct QueryShellCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: CommandHelp.query)
    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail)) var bail = false

    func run(in session: Session) throws -> Int32 {
        try QueryFlow(session: session, store: common.readStore(session), language: common.lang, bail: bail).run()
    }
}
