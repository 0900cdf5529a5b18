import ArgumentParser
import Core
import Foundation

struct DueCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: CommandHelp.due)
    @OptionGroup var common: CommonOptions
    @Flag(help: ArgumentHelp(CommandHelp.dueAll)) var all = false
    @Option(help: "text | json") var format: OutputFormat = .text

    func run(in session: Session) throws -> Int32 {
        let store = try common.readStore(session)
        let actor = try session.actor(store)
        if all, let refusal = DutyRules.maySeeEverything(member: actor.member) {
            session.show(.error, refusal(common.lang))
            return 1
        }
        let today = Village.today(session.clock)
        var filter = actor.involvedServices
        if all { filter.involving = nil }
        let items = try WaitingWork.items(for: actor, matching: filter, everything: all, store: store, today: today)
        switch format {
        case .json: session.output.write(try TodayList.json(items) + "\n")
        case .text, .table: session.show(TodayList.text(items, today: today, common.lang))
        case .html, .csv, .line: throw InputError(message: RenderText.formatNotAvailable(format.rawValue, "text | json")(common.lang))
        }
        return 0
    }
}

struct RecordCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: CommandHelp.record)
    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail)) var bail = false
    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber)) var id: Int64
    @Argument(help: "review | backup | confirm | alternative | inventory") var duty: String?

    func run(in session: Session) throws -> Int32 {
        var kind: DutyKind?
        if let duty {
            guard let named = DutyKind.named(duty) else { throw ValidationError("review | backup | confirm | alternative | inventory") }
            kind = named
        }
        return try DutyFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail).record(id, kind)
    }
}

struct StopCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: CommandHelp.stop)
    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail)) var bail = false
    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber)) var id: Int64
    @Option(help: ArgumentHelp(CommandHelp.stopReason)) var reason: String?

    func run(in session: Session) throws -> Int32 {
        try DutyFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail).stop(id, reason: reason)
    }
}

struct ContinuationCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "continuation", abstract: CommandHelp.continuation)
    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail)) var bail = false
    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber)) var id: Int64

    func run(in session: Session) throws -> Int32 {
        try DutyFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail).continuation(id)
    }
}

struct IncidentCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "incident", abstract: CommandHelp.incident)
    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail)) var bail = false
    @Flag(help: ArgumentHelp(CommandHelp.incidentElsewhere)) var elsewhere = false
    @Argument(help: ArgumentHelp(CommandHelp.applicationNumber)) var id: Int64?

    func validate() throws {
        if elsewhere == (id != nil) { throw ValidationError(CommandHelp.incidentUsage) }
    }

    func run(in session: Session) throws -> Int32 {
        try DutyFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail).incident(id)
    }
}

struct AlertsCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: CommandHelp.alerts)
    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: ArgumentHelp(CommandHelp.bail)) var bail = false

    func run(in session: Session) throws -> Int32 {
        try DutyFlow(session: session, store: common.openStore(session), language: common.lang, bail: bail).alerts()
    }
}

struct CalendarCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: CommandHelp.calendar)
    @OptionGroup var common: CommonOptions
    @Flag(help: ArgumentHelp(CommandHelp.dueAll)) var all = false
    @Option(help: ArgumentHelp(CommandHelp.calendarOutput)) var output: String?

    func run(in session: Session) throws -> Int32 {
        let store = try common.readStore(session)
        let actor = try session.actor(store)
        var filter = actor.involvedServices
        filter.statuses = [.inUse]
        if all { filter.involving = nil }
        let today = Village.today(session.clock)
        let events = DutyCalendar.events(for: actor, records: try store.schedules(filter, today: today), today: today, everything: all)
        let text = ICalendar.document(events, stamp: session.clock.now, language: common.lang)
        guard let output else {
            session.output.write(text)
            return 0
        }
        let path = output.hasPrefix("/") ? output : session.workingDirectory + "/" + output
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        session.show(.success, DutyText.calendarWritten(events.count, output)(common.lang))
        return 0
    }
}
