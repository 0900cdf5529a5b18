import ArgumentParser
import Core

struct ShowCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: CommandHelp.show)

    @OptionGroup var common: CommonOptions

    @Flag(help: ArgumentHelp(CommandHelp.history)) var history = false

    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber))
    var id: Int64

    @Option(name: .long, help: "text | json | html")
    var format: OutputFormat = .text

    func run(in session: Session) throws -> Int32 {
        let store = try common.readStore(session)
        guard let record = try store.application(id: id) else { throw StoreError.notFound(id: id) }
        switch format {
        case .json:
            session.output.write(try ApplicationExport.json(record) + "\n")
        case .html:
            session.output.write(FormHTML.document(record, today: Village.today(session.clock), common.lang))
        case .line:
            session.output.write(Ledger.expanded([record], common.lang) + "\n")
        case .csv:
            throw InputError(message: RenderText.formatNotAvailable("csv", "text | json | html")(common.lang))
        case .table, .text:
            let applicant = try store.person(login: record.applicantLogin)
            session.output.write(ApplicationForm.text(record, applicant: applicant, today: Village.today(session.clock), common.lang) + "\n")
            if history {
                session.output.write(StaffText.history(try store.auditEntries(), of: record.id, common.lang) + "\n")
            }
        }
        return 0
    }
}
