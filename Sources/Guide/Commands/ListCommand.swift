import ArgumentParser
import Core

struct ListCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: CommandHelp.list)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "table | json | csv")
    var format: OutputFormat = .table

    func run(in session: Session) throws -> Int32 {
        let records = try common.openStore(session).applications()
        switch format {
        case .json:
            session.output.write(try ApplicationExport.json(records) + "\n")
        case .csv:
            session.output.write(LedgerCSV.document(records, common.lang))
        case .html:
            throw ValidationError(RenderText.formatNotAvailable("html", "table | json | csv")(common.lang))
        case .table, .text:
            if records.isEmpty {
                session.show(.info, SessionText.noApplications(common.lang))
            } else {
                session.output.write(Ledger.table(records, common.lang) + "\n")
            }
        }
        return 0
    }
}
