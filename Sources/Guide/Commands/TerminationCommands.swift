import ArgumentParser
import Core

struct TerminateCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "terminate", abstract: CommandHelp.terminate)
    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail)) var bail = false
    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber)) var id: Int64

    func run(in session: Session) throws -> Int32 {
        try TerminateFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail).run(id)
    }
}

struct PurgeCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "purge", abstract: CommandHelp.purge)
    @OptionGroup var common: CommonOptions
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(CommandHelp.purgeDryRun)) var dryRun = false
    @Option(help: ArgumentHelp(CommandHelp.purgeHold)) var hold: Int64?
    @Option(help: ArgumentHelp(CommandHelp.purgeUntil)) var until: String?
    @Option(help: ArgumentHelp(CommandHelp.purgeReason)) var reason: String?

    func run(in session: Session) throws -> Int32 {
        // A dry run only reads: it never waits for a writer.
        let store = try dryRun && hold == nil ? common.readStore(session) : common.openStore(session)
        let language = common.lang
        let actor = try session.actor(store)
        if let refusal = TerminationActions.mayKeepRecords(member: actor.member) {
            session.show(.error, refusal(language))
            return 1
        }
        let now = Village.timestamp(session.clock.now)
        let today = Village.today(session.clock)
        if let hold {
            guard let text = until, case .success(let day) = JapaneseDate.parse(text), let reason, !reason.isEmpty else {
                throw ValidationError(CommandHelp.purgeHoldUsage)
            }
            let record = try store.holdRetention(hold, until: day, reason: reason, by: actor.login, at: now)
            session.show(.success, TerminationText.held(record)(language))
            return 0
        }
        let ended = try store.summaries(.ended, today: today).filter { $0.keepUntil != nil }
        guard !ended.isEmpty else {
            session.show(.info, TerminationText.nothingEnded(language))
            return 0
        }
        session.output.write(TerminationText.eligible(ended, today: today, language) + "\n")
        let eligible = TerminationActions.purgeable(ended, today: today)
        guard !eligible.isEmpty else {
            session.show(.info, TerminationText.nothingToPurge(language))
            return 0
        }
        if dryRun {
            session.show(.info, TerminationText.dryRun(eligible.count)(language))
            return 0
        }
        session.show(.warning, TerminationText.confirmPurge(eligible.count)(language))
        guard case .line(let bytes) = session.reader.read(prompt: "> ", completions: []),
              InputLine.halfwidthASCII(String(decoding: bytes, as: UTF8.self)).trimmingCharacters(in: .whitespaces) == "\(eligible.count)"
        else {
            session.show(.info, TerminationText.purgeCancelled(language))
            return 1
        }
        let count = try store.purge(eligible.map(\.id), by: actor.login, at: now)
        session.show(.success, TerminationText.purged(count)(language))
        return 0
    }
}
