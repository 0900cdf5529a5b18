import ArgumentParser
import Core

struct ShowCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: CommandHelp.show)

    @OptionGroup var common: CommonOptions

    @Flag(help: ArgumentHelp(CommandHelp.history)) var history = false

    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber))
    var id: Int64

    @Option(name: .long, help: ArgumentHelp("text | line | json | html", valueName: "format"), completion: .list(ShowCommand.formats))
    var format: String = "text"
    static let formats = ["text", "line", "json", "html"]

    func run(in session: Session) throws -> Int32 {
        let store = try common.readStore(session)
        guard let record = try store.application(id: id) else { throw StoreError.notFound(id: id) }
        guard let format = OutputFormat(rawValue: format), Self.formats.contains(format.rawValue) else {
            throw InputError(message: RenderText.formatNotAvailable(format, Self.formats.joined(separator: " | "))(common.lang))
        }
        switch format {
        case .json:
            session.output.write(try ApplicationExport.json(record) + "\n")
        case .html:
            session.output.write(FormHTML.document(record, today: Village.today(session.clock), common.lang))
        case .line:
            session.output.write(Ledger.expanded([record], common.lang) + "\n")
        case .csv, .table, .text:
            let applicant = try store.person(login: record.applicantLogin)
            session.output.write(ApplicationForm.text(record, applicant: applicant, today: Village.today(session.clock), common.lang) + "\n")
            if history {
                session.output.write(StaffText.history(try store.auditEntries(), of: record.id, common.lang) + "\n")
            }
        }
        return 0
    }
}
