import ArgumentParser
import Core
import Foundation

struct DueCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: CommandHelp.due)
    @OptionGroup var common: CommonOptions
    @Flag(help: ArgumentHelp(CommandHelp.dueAll)) var all = false
    @Option(help: ArgumentHelp("text | json", valueName: "format"), completion: .list(["text", "json"])) var format: String = "text"

    func run(in session: Session) throws -> Int32 {
        guard ["text", "json"].contains(format) else {
            throw InputError(message: RenderText.formatNotAvailable(format, "text | json")(common.lang))
        }
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
        case "json": session.output.write(try TodayList.json(items) + "\n")
        case "text":
            session.show(TodayList.text(items, today: today, common.lang))
            var inUse = filter
            inUse.statuses = [.inUse]
            let events = DutyCalendar.events(for: actor, records: try store.schedules(inUse, today: today), today: today, everything: all)
            session.show(DutyCalendar.lines(
                DutyCalendar.upcoming(events, besides: items, today: today), heading: DutyCalendar.comingHeading, common.lang))
        default: throw InputError(message: RenderText.formatNotAvailable(format, "text | json")(common.lang))
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
            // iCalendar is for programs: on a terminal, the dates in words and how to make the file.
            if isatty(STDOUT_FILENO) == 1 {
                session.show(DutyCalendar.lines(events, heading: DutyCalendar.calendarHeading, common.lang))
                session.show(.hint, DutyCalendar.calendarToFile(common.lang))
                return 0
            }
            session.output.write(text)
            return 0
        }
        let path = output.hasPrefix("/") ? output : session.workingDirectory + "/" + output
        if let code = Self.write(text, to: path) {
            // The path given cannot take the file: a bad option value, said in the person's words.
            throw InputError(message: DutyText.calendarNotWritten(output, code)(common.lang))
        }
        session.show(.success, DutyText.calendarWritten(events.count, output)(common.lang))
        return 0
    }

    /// Writes the file whole (a temporary beside it, renamed); the errno of what failed, else nil.
    static func write(_ text: String, to path: String) -> Int32? {
        let temporary = path + ".incoming-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let code = errno
                close(descriptor)
                unlink(temporary)
                return code == 0 ? ENOSPC : code
            }
            offset += written
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            return code
        }
        return nil
    }
}
