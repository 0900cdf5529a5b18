import ArgumentParser
import Core
import Foundation

/// The applicant takes back an application nobody has decided yet.
struct WithdrawCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: CommandHelp.withdraw)
    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber)) var id: Int64

    func run(in session: Session) throws -> Int32 {
        let store = try common.openStore(session)
        guard let application = try store.application(id: id) else { throw StoreError.notFound(id: id) }
        if let refusal = DraftActions.mayWithdraw(application, login: session.login) {
            session.show(.error, refusal(common.lang))
            return 1
        }
        let record = try store.withdraw(id, by: session.login, at: Village.timestamp(session.clock.now))
        session.show(.success, DraftActions.withdrawn(record)(common.lang))
        return 0
    }
}

/// Services already in use, registered from a spreadsheet with the columns of the CSV export.
struct ImportCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: CommandHelp.importServices)
    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp(CommandHelp.importFile)) var file: String

    func run(in session: Session) throws -> Int32 {
        let store = try common.openStore(session)
        let actor = try session.actor(store)
        if let refusal = ImportActions.mayImport(member: actor.member) {
            session.show(.error, refusal(common.lang))
            return 1
        }
        let path = file.hasPrefix("/") ? file : session.workingDirectory + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else {
            session.show(.error, ImportText.unreadable(file)(common.lang))
            return 1
        }
        guard let text = String(data: data, encoding: .utf8) else {
            session.show(.error, ImportText.notUTF8(file, data)(common.lang))
            return 1
        }
        let reading = ImportActions.read(text, staff: try store.staff(), today: Village.today(session.clock))
        guard reading.problems.isEmpty else {
            for problem in reading.problems { session.show(.error, problem(common.lang)) }
            session.show(.error, ImportText.refused(reading.problems.count)(common.lang))
            return 1
        }
        let records = try store.importServices(reading.services, by: session.login, at: Village.timestamp(session.clock.now))
        session.show(.success, ImportText.imported(records)(common.lang))
        return 0
    }
}
