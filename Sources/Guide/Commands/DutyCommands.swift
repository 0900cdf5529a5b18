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
        if all { return try everything(actor: actor, filter: filter, store: store, today: today, in: session) }
        let items = try WaitingWork.items(for: actor, matching: filter, store: store, today: today)
        switch format {
        case "json": session.output.write(try TodayList.json(items) + "\n")
        default:
            var inUse = filter
            inUse.statuses = [.inUse]
            let events = DutyCalendar.events(for: actor, records: try store.schedules(inUse, today: today), today: today)
            let upcoming = DutyCalendar.upcoming(events, besides: items, today: today)
            var written = ChunkedWriting { session.output.writeVerbatim(bytes: $0) }
            for message in TodayList.text(items, today: today, common.lang) + DutyCalendar.lines(upcoming, heading: DutyCalendar.comingHeading, common.lang) {
                written.write(session.rendered(message))
            }
            written.flush()
        }
        return 0
    }

    /// The whole village's list, a batch of services at a time: each item's line (or JSON) is
    /// made as its batch goes by and only its place in the list is held, as are the coming
    /// duties picked from each batch's events beside the items made of the same services.
    private func everything(actor: Actor, filter: LedgerFilter, store: any Store, today: Day, in session: Session) throws -> Int32 {
        let json = format == "json"
        let listed = SortedLines<TodayItem.Order>()
        let coming = SortedLines<DutyEvent.Order>()
        func list(_ items: [TodayItem]) throws {
            for item in items {
                listed.add(item.order, json ? try TodayList.jsonElement(item) : session.rendered(TodayList.line(item, common.lang)))
            }
        }
        try WaitingWork.everything(for: actor, matching: filter, store: store, today: today, eachBatch: { batch, made in
            try list(made)
            guard !json else { return }
            for event in DutyCalendar.upcoming(DutyCalendar.events(for: actor, records: batch, today: today, everything: true), besides: made, today: today) {
                coming.add(event.order, session.rendered(DutyCalendar.line(event, common.lang)))
            }
        }, besides: list)
        var written = ChunkedWriting { session.output.writeVerbatim(bytes: $0) }
        if json {
            // As TodayList.json writes the whole list: an empty array, or the pretty-printed one.
            var first = true
            listed.each { element in
                written.write((first ? "[\n" : ",\n") + TerminalText.neutralised(element))
                first = false
            }
            written.write(first ? "[]\n" : "\n]\n")
        } else {
            written.write(session.rendered(TodayList.heading(today: today, common.lang)))
            if listed.isEmpty { written.write(session.rendered(TodayList.nothingDue(today: today, common.lang))) }
            listed.each { written.write($0) }
            if !coming.isEmpty {
                written.write(session.rendered(Message(.heading, DutyCalendar.comingHeading(common.lang))))
                coming.each { written.write($0) }
            }
        }
        written.flush()
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
        // A batch of services is scheduled and written before the next is read: a calendar of the
        // whole village held 466 MB at 100,000 services when every schedule was read first.
        func eachEvent(_ body: (DutyEvent) -> Void) throws {
            try store.eachSchedule(filter, today: today) { batch in
                DutyCalendar.events(for: actor, records: batch, today: today, everything: all).forEach(body)
            }
        }
        let dtstamp = ICalendar.utcStamp(session.clock.now)
        guard let output else {
            var written = ChunkedWriting { session.output.writeVerbatim(bytes: $0) }
            // iCalendar is for programs: on a terminal, the dates in words and how to make the file.
            if isatty(STDOUT_FILENO) == 1 {
                var any = false
                try eachEvent { event in
                    if !any { written.write(session.rendered(Message(.heading, DutyCalendar.calendarHeading(common.lang)))) }
                    any = true
                    written.write(session.rendered(DutyCalendar.line(event, common.lang)))
                }
                written.flush()
                session.show(.hint, DutyCalendar.calendarToFile(common.lang))
                return 0
            }
            written.write(ICalendar.header)
            try eachEvent { written.write(TerminalText.neutralised(ICalendar.text(of: $0, dtstamp: dtstamp, language: common.lang))) }
            written.write(ICalendar.footer)
            written.flush()
            return 0
        }
        let path = output.hasPrefix("/") ? output : session.workingDirectory + "/" + output
        let file = WholeFile(path: path)
        var written = ChunkedWriting { file.append(bytes: $0) }
        var count = 0
        written.write(ICalendar.header)
        do {
            try eachEvent { event in
                count += 1
                written.write(ICalendar.text(of: event, dtstamp: dtstamp, language: common.lang))
            }
        } catch {
            file.discard()
            throw error
        }
        written.write(ICalendar.footer)
        written.flush()
        if let code = file.finish() {
            // The path given cannot take the file: a bad option value, said in the person's words.
            throw InputError(message: DutyText.calendarNotWritten(output, code)(common.lang))
        }
        session.show(.success, DutyText.calendarWritten(count, output)(common.lang))
        return 0
    }
}
