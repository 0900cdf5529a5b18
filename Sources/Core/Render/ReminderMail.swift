import Foundation

/// The mail `yakkan remind` hands to `sendmail -t`: what waits for one person, in their
/// language (Japanese when it is not known), as a UTF-8 text message with its subject encoded
/// as RFC 2047 words so that every mail program shows it.
public enum ReminderMail {
    public static func message(to member: StaffMember, address: String, items: [TodayItem], today: Day) -> String {
        let language = member.mailLanguage ?? .ja
        let headers = [
            "To: " + address,
            "Subject: " + encodedWords(subject(count: items.count, today: today)(language)),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            // RFC 3834: tells vacation responders and mailing lists not to answer.
            "Auto-Submitted: auto-generated",
        ]
        var body = [Localized("\(member.name) さん", "Dear \(member.name),")(language), ""]
        body += TodayList.text(items, today: today, language).map(\.text)
        body += ["", Localized(
            "yakkan を起動するか、yakkan due で確認してください。このメールは yakkan remind が自動で送っています（同じ項目は1日1回まで）。",
            "Start yakkan, or run yakkan due, to see them. This mail was sent by yakkan remind (each item at most once a day).")(language)]
        let lines = body.flatMap { $0.components(separatedBy: "\n") }.map(TerminalText.neutralised).flatMap { folded($0) }
        return (headers + [""] + lines).joined(separator: "\n") + "\n"
    }

    /// RFC 5322 allows at most 998 octets on a line, whatever the transfer encoding says; an
    /// item with a long title (an incident's whole description) is longer in Japanese. Folded
    /// between characters, after 。、 or a space where one is near the end, each continuation
    /// indented so that it reads as the same item.
    public static let lineLimit = 998

    public static func folded(_ line: String, limit: Int = lineLimit) -> [String] {
        guard line.utf8.count > limit else { return [line] }
        let indent = "    "
        var lines: [String] = []
        var rest = Substring(line)
        var room = limit
        while rest.utf8.count > room {
            var end = rest.startIndex
            var used = 0
            var lastBreak: String.Index?
            for index in rest.indices {
                let size = rest[index].utf8.count
                guard used + size <= room else { break }
                used += size
                end = rest.index(after: index)
                // A break worth taking is one in the last fifth of the line.
                if "。、 ，,".contains(rest[index]), used > room * 4 / 5 { lastBreak = end }
            }
            let cut = lastBreak ?? end
            lines.append((lines.isEmpty ? "" : indent) + rest[..<cut])
            rest = rest[cut...]
            room = limit - indent.utf8.count
        }
        if !rest.isEmpty { lines.append((lines.isEmpty ? "" : indent) + rest) }
        return lines
    }

    /// For the administrators: the people `remind` could not mail for want of an address, so
    /// that someone tells them or adds their address. Each is one item, kept apart by login.
    public static func unreachable(_ people: [(member: StaffMember, count: Int)]) -> [TodayItem] {
        people.map { member, count in
            TodayItem(
                kind: .stranded, applicationID: nil, duty: nil, service: "",
                title: Localized(
                    "\(member.name)（\(member.login)）にはメールアドレスがないため、\(count)件がメールで届いていません（yakkan staff update \(member.login) --mail ADDRESS）",
                    "\(member.name) (\(member.login)) has no mail address, so \(count) item(s) were not mailed to them (yakkan staff update \(member.login) --mail ADDRESS)"),
                dueDate: nil, overduePeriods: 0, alertID: nil, subject: unreachableSubject(member.login))
        }
    }

    public static func unreachableSubject(_ login: String) -> String { "no-mail:" + login }

    /// The items not yet mailed to this person today.
    public static func unsent(_ items: [TodayItem], sent: Set<String>) -> [TodayItem] {
        items.filter { !sent.contains($0.key) }
    }

    public static func subject(count: Int, today: Day) -> Localized {
        Localized(
            "[yakkan] 今日のやること・お知らせ \(count)件（\(JapaneseDate.wareki(today))）",
            "[yakkan] \(count) item(s) waiting for you (\(JapaneseDate.english(today)))")
    }

    /// RFC 2047 "B" words of at most 75 characters each, split between characters, never inside
    /// one; plain ASCII is left as it is.
    public static func encodedWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        // 45 bytes make 60 characters of base64; with "=?UTF-8?B?" and "?=" a word is 72.
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(chunk.base64EncodedString())
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append(chunk.base64EncodedString()) }
        // Folded onto continuation lines; the space between encoded words is not displayed.
        return words.map { "=?UTF-8?B?\($0)?=" }.joined(separator: "\n ")
    }
}

/// What `yakkan remind` says about each person.
public enum RemindText {
    public static func sent(_ member: StaffMember, _ address: String, _ count: Int) -> Localized {
        Localized("\(member.name)（\(member.login)）に \(count)件を送りました：\(address)", "Mailed \(count) item(s) to \(member.name) (\(member.login)) at \(address)")
    }
    public static func noAddress(_ member: StaffMember, _ count: Int) -> Localized {
        Localized(
            "\(member.name)（\(member.login)）にはメールアドレスがないため、\(count)件を送れません（yakkan staff update \(member.login) --mail ADDRESS）",
            "\(member.name) (\(member.login)) has no mail address, so \(count) item(s) were not sent (yakkan staff update \(member.login) --mail ADDRESS)")
    }
    public static func notSent(_ member: StaffMember, _ problem: String) -> Localized {
        Localized(
            "\(member.name)（\(member.login)）へのメールを sendmail が受け付けませんでした（\(problem)）。次に実行したときに送り直します。",
            "sendmail did not take the mail to \(member.name) (\(member.login)) (\(problem)); the next run sends it again.")
    }
    public static func unusableAddress(_ member: StaffMember, _ refusal: Localized) -> Localized {
        Localized(
            "\(member.name)（\(member.login)）には送りません。\(refusal.ja)（yakkan audit verify で、誰が書いたか確かめてください）",
            "Not mailing \(member.name) (\(member.login)). \(refusal.en) (yakkan audit verify tells who wrote it.)")
    }
    public static let noSendmail = Localized(
        "sendmail が見つかりません（PATH、/usr/sbin、/usr/lib）。postfix・exim・msmtp-mta などを入れてください。",
        "No sendmail found (on PATH, in /usr/sbin or /usr/lib). Install postfix, exim or msmtp-mta, which provide it.")
}
