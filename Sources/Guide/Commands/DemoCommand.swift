import ArgumentParser
import Core
import Foundation

/// Writes a lived-in demo village into a new store, for newcomers to look around in.
struct DemoCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: CommandHelp.demo)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(CommandHelp.demoPath))
    var path: String

    func run(in session: Session) throws -> Int32 {
        let expanded = (path as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : session.workingDirectory + "/" + expanded
        let attachments = SQLiteStore.attachmentFolder(for: full)
        guard !FileManager.default.fileExists(atPath: full), !FileManager.default.fileExists(atPath: attachments) else {
            session.show(.error, DemoText.exists(path)(common.lang))
            return 1
        }
        session.show(.info, DemoText.building(path)(common.lang))
        // The demo plays every person of the village with keys of its own, kept beside it; the
        // visitor signs with their own key, as they will when they go on using the store.
        let store = try SQLiteStore(
            path: full, workingDirectory: session.workingDirectory, clock: session.clock,
            keyRing: KeyRing(
                folder: full + ".demo-keys", scope: .everyone,
                elsewhere: [session.login: KeyRing.personal(login: session.login, environment: session.environment).folder]))
        let summary = try DemoVillage.build(
            into: store, today: Village.today(session.clock), visitor: DemoVillage.visitor(login: session.login))
        session.show(.success, DemoText.summary(summary, path: path)(common.lang))
        session.output.write(DemoText.tryThese(path: path)(common.lang) + "\n")
        return 0
    }
}
