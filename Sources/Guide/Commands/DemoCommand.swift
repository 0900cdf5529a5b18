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
        if ServerAddress.isServer(path) { return try buildOnServer(in: session) }
        let expanded = PathText.expandingTilde(path, home: session.environment["HOME"])
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
        return try build(into: store, shownAs: path, in: session)
    }

    /// Into a database made by `yakkan store init`, by the role that owns its tables: the
    /// server lets that role alone write the village's people's entries. The visitor is the
    /// login the server authenticated.
    private func buildOnServer(in session: Session) throws -> Int32 {
        let shown = ServerAddress.redacted(path)
        let store = try ServerStore(
            uri: path, personalFolders: session.environment, workingDirectory: session.workingDirectory, clock: session.clock,
            keyRing: { login, address in DemoVillage.keyRing(onServer: address, visitor: login, environment: session.environment) },
            writingForOthers: true)
        session.actAs(store)
        if let refusal = try DemoVillage.refusal(toBuildOnServer: store, shownAs: shown) {
            session.show(.error, refusal(common.lang))
            return 1
        }
        session.show(.info, DemoText.building(shown)(common.lang))
        // Login roles belong to the whole server: the villagers' are named apart from anyone's.
        return try build(into: store, shownAs: shown, loginPrefix: DemoVillage.serverLoginPrefix, in: session)
    }

    private func build(into store: any Store, shownAs shown: String, loginPrefix: String = "", in session: Session) throws -> Int32 {
        let summary = try DemoVillage.build(
            into: store, today: Village.today(session.clock), visitor: DemoVillage.visitor(login: session.login), loginPrefix: loginPrefix)
        session.show(.success, DemoText.summary(summary, path: shown)(common.lang))
        session.output.write(DemoText.tryThese(path: shown)(common.lang) + "\n")
        return 0
    }
}
