import Foundation

/// One upcoming duty as a calendar event.
public struct DutyEvent: Sendable, Equatable {
    public let applicationID: Int64
    public let duty: DutyKind
    public let service: String
    public let due: Day
    public let overdue: Bool

    /// Where the event goes in a list: soonest first, then by service and duty.
    public var order: Order { Order(due: due, applicationID: applicationID, duty: duty.rawValue) }

    public struct Order: ByteOrdered, Sendable {
        let due: Day
        let applicationID: Int64
        let duty: String

        public static func < (a: Order, b: Order) -> Bool { (a.due, a.applicationID, a.duty) < (b.due, b.applicationID, b.duty) }

        /// The duty's name last: its ASCII letters compare as bytes as they do as a String.
        public func appendOrderBytes(to bytes: inout [UInt8]) {
            bytes.appendOrdered(Int64((due.year * 100 + due.month) * 100 + due.day))
            bytes.appendOrdered(applicationID)
            bytes += duty.utf8
        }
    }
}

/// The next due date of every recurring duty of the services a person keeps or oversees.
public enum DutyCalendar {
    public static func events(for person: Actor, records: [ApplicationRecord], today: Day, everything: Bool = false) -> [DutyEvent] {
        records.filter { record in
            record.status == .inUse
                && (everything || CurrentEntry.actsAsManager(login: person.login, member: person.member, of: record)
                    || person.member?.reviews(record.department) == true)
        }.flatMap { record -> [DutyEvent] in
            // Its duties are those of the version its form was made under.
            ProcedureScope.forForm(record) {
                DutyKind.allCases.compactMap { kind in
                    record.calendarDue(of: kind, today: today).map {
                        DutyEvent(applicationID: record.id, duty: kind, service: record.service, due: $0.due, overdue: $0.overdue)
                    }
                }
            }
        }
    }
}

/// RFC 5545 text that groupware calendars import: all-day events with stable UIDs,
/// CRLF line ends, text escaped and lines folded at 75 octets.
public enum ICalendar {
    public static func document(_ events: [DutyEvent], stamp: Date, language: Language) -> String {
        let dtstamp = utcStamp(stamp)
        return header + events.map { text(of: $0, dtstamp: dtstamp, language: language) }.joined() + footer
    }

    /// A document is its header, each event's text and its footer: a calendar of a whole village
    /// is written an event at a time.
    public static let header = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//yakkan//duties//JA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        .map { $0 + "\r\n" }.joined()
    public static let footer = "END:VCALENDAR\r\n"

    /// One event's lines, folded, each ending in CRLF; `dtstamp` is `utcStamp` of the export's time.
    public static func text(of event: DutyEvent, dtstamp: String, language: Language) -> String {
        let summary = (event.overdue ? Localized("【期限切れ】", "[OVERDUE] ")(language) : "")
            + event.duty.title(language) + " — " + event.service
        let description = Localized(
            "申請番号 \(event.applicationID)・手順書\(event.duty.section)。記録は yakkan record \(event.applicationID) で行います。",
            "Application \(event.applicationID), section \(event.duty.section). Record it with yakkan record \(event.applicationID).")(language)
        let lines = [
            "BEGIN:VEVENT",
            // Stable across exports: the same duty of the same service for the same due day.
            "UID:yakkan-\(event.applicationID)-\(event.duty.rawValue)-\(compact(event.due))@yakkan",
            "DTSTAMP:\(dtstamp)",
            "DTSTART;VALUE=DATE:\(compact(event.due))",
            "DTEND;VALUE=DATE:\(compact(event.due.adding(days: 1)))",
            "SUMMARY:" + escape(summary),
            "DESCRIPTION:" + escape(description),
            "CATEGORIES:" + escape("yakkan"),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    static func compact(_ day: Day) -> String { String(day.iso.unicodeScalars.filter { $0 != "-" }) }

    public static func utcStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11); a lone CR
    /// is a line break too, or it would split the content line.
    public static func escape(_ text: String) -> String {
        // One pass over the text: a calendar of every service escapes a million texts, and five
        // Foundation replacements each were half of `calendar --all` at 100,000 services.
        // CRLF, LF and a lone CR each end a line of the text: each becomes one escaped newline.
        var escaped = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case ";": escaped.append(contentsOf: "\\;".unicodeScalars)
            case ",": escaped.append(contentsOf: "\\,".unicodeScalars)
            case "\r": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { escaped.append(contentsOf: "\\n".unicodeScalars) }
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// Lines longer than 75 octets continue on lines that start with a space, never
    /// splitting a UTF-8 character (RFC 5545 3.1).
    public static func fold(_ line: String) -> String {
        // Most lines are short: their characters are not walked (a fifth of `calendar --all`'s
        // CPU time at 1,000 services went to folding, perf).
        if line.utf8.count <= 75 { return line }
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = character.utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    /// Unfolds and splits a document back into its content lines (used by the tests).
    public static func contentLines(_ document: String) -> [String] {
        document.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }
}

extension DutyCalendar {
    public static let horizonDays = 30

    /// The duties falling due within the next 30 days that today's list does not already show,
    /// so that a manager who has just started sees what comes before it is due.
    public static func upcoming(_ events: [DutyEvent], besides items: [TodayItem], today: Day) -> [DutyEvent] {
        let shown = Set(items.compactMap { item in item.duty.map { "\(item.applicationID ?? 0)/\($0.rawValue)" } })
        let horizon = today.adding(days: horizonDays)
        return byDue(events.filter { !$0.overdue && $0.due <= horizon && !shown.contains("\($0.applicationID)/\($0.duty.rawValue)") })
    }

    /// Soonest first, then by service and duty.
    public static func byDue(_ events: [DutyEvent]) -> [DutyEvent] {
        events.sorted { $0.order < $1.order }
    }

    /// Events as lines to read on a terminal (`due`, and `calendar` without a file).
    public static func lines(_ events: [DutyEvent], heading: Localized, _ language: Language) -> [Message] {
        guard !events.isEmpty else { return [] }
        return [Message(.heading, heading(language))] + events.map { line($0, language) }
    }

    public static func line(_ event: DutyEvent, _ language: Language) -> Message {
        Message(.info, "  " + AnswerFormat.date(event.due, language) + "  "
            + Localized("申請\(event.applicationID)", "#\(event.applicationID)")(language) + " " + event.service + " — "
            + event.duty.title(language) + (event.overdue ? Localized("（期限切れ）", " (overdue)")(language) : ""))
    }

    public static let comingHeading = Localized("これから30日以内の期限", "Falling due within 30 days")
    public static let calendarHeading = Localized("今後の期限", "Coming duties")
    public static let calendarToFile = Localized(
        "カレンダーに取り込むファイル（iCalendar）は yakkan calendar --output ~/yakkan.ics で書き出せます。",
        "To import them into a calendar, write the file: yakkan calendar --output ~/yakkan.ics")
}
