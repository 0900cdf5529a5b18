import Core
import Foundation
import Testing

@testable import Guide

/// `yakkan remind` hands each person's mail to the `sendmail` first on PATH. Here that is a
/// stand-in script that keeps what it is given (its arguments and the message), so the test
/// reads the very bytes a real MTA would receive.
@Suite struct RemindTests {
    final class Village {
        let folder: TemporaryFolder
        let outbox: String
        let bin: String

        init() throws {
            folder = try TemporaryFolder()
            outbox = folder.path + "/outbox"
            bin = folder.path + "/bin"
            for path in [outbox, bin] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
            try standIn(exitStatus: 0)
            // Applications 1 (yamada's) and 2 (kato's own) wait for 総務課's 利用責任者, kato and ito.
            let fixture = try Transcript.load(Transcript.folder + "/fixtures/submitted.transcript")
            let problems = TranscriptRunner.replay(fixture, store: TranscriptStore(folder: folder.path, server: nil))
            #expect(problems.isEmpty, "\(problems)")
            #expect(try yakkan("staff", "update", "ito", "--mail", "ito@village.example.lg.jp").status == 0)
            #expect(try yakkan("staff", "update", "yamada", "--mail", "yamada@village.example.lg.jp").status == 0)
        }

        /// A sendmail that writes its arguments, then the message, to a new file of the outbox.
        func standIn(exitStatus: Int32) throws {
            let script = """
                #!/bin/sh
                file="\(outbox)/mail-$(ls "\(outbox)" | wc -l | tr -d ' ')"
                { echo "$*"; cat; } > "$file.tmp" && mv "$file.tmp" "$file"
                [ \(exitStatus) -eq 0 ] || rm "$file"
                exit \(exitStatus)
                """
            try script.write(toFile: bin + "/sendmail", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/sendmail")
        }

        @discardableResult
        func yakkan(_ arguments: String..., as login: String = "kato", on day: String = "2026-04-02") throws -> (status: Int32?, lines: [String]) {
            let run = Transcript.Run(
                login: login, today: day, environment: ["PATH": bin + ":/usr/bin:/bin"], arguments: arguments, headerLines: [],
                commandLine: "$ yakkan " + arguments.joined(separator: " "), expected: [], expectedStatus: 0, trailingLines: [])
            let (lines, status) = TranscriptRunner.run(run, storeFolder: folder.path)
            return (status, lines)
        }

        /// The mails sent so far: the arguments sendmail was given, and the message.
        func mails() throws -> [(arguments: String, message: String)] {
            try FileManager.default.contentsOfDirectory(atPath: outbox).filter { !$0.hasSuffix(".tmp") }.sorted().map { name in
                let text = try String(contentsOfFile: outbox + "/" + name, encoding: .utf8)
                let split = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(split[0]), split.count > 1 ? String(split[1]) : "")
            }
        }
    }

    static func header(_ name: String, of message: String) -> String? {
        var value: String?
        for line in message.components(separatedBy: "\n") {
            if line.isEmpty { break }
            if line.hasPrefix(name + ": ") {
                value = String(line.dropFirst(name.count + 2))
            } else if line.hasPrefix(" "), value != nil, !(value!.isEmpty) {
                if let current = value, current.hasPrefix("=?") { value = current + line }
            }
        }
        return value
    }

    /// The subject as a mail program shows it: each "=?UTF-8?B?…?=" word decoded and joined.
    static func decodedSubject(_ message: String) throws -> String {
        let raw = try #require(header("Subject", of: message))
        // Plain ASCII goes as it is.
        guard raw.hasPrefix("=?") else { return raw }
        return try raw.components(separatedBy: " ").filter { !$0.isEmpty }.map { word in
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            return try #require(String(data: data, encoding: .utf8))
        }.joined()
    }

    static func body(_ message: String) -> String {
        message.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
    }

    @Test func eachPersonIsMailedTheirOwnWorkOncePerDay() throws {
        let village = try Village()
        let first = try village.yakkan("remind")
        #expect(first.status == 0, "\(first.lines)")
        let mails = try village.mails()
        // ito reviews both applications; yamada has nothing waiting; kato has no address.
        #expect(mails.count == 1)
        let mail = try #require(mails.first)
        #expect(mail.arguments == "-t -i")
        #expect(Self.header("To", of: mail.message) == "ito@village.example.lg.jp")
        #expect(Self.header("MIME-Version", of: mail.message) == "1.0")
        #expect(Self.header("Content-Type", of: mail.message) == "text/plain; charset=UTF-8")
        #expect(Self.header("Content-Transfer-Encoding", of: mail.message) == "8bit")
        #expect(try Self.decodedSubject(mail.message) == "[yakkan] 今日のやること・お知らせ 2件（令和8年4月2日）")
        let body = Self.body(mail.message)
        #expect(body.hasPrefix("伊藤 真 さん\n"))
        #expect(body.contains("[要確認] 申請1 Example Drive 無料プラン — 利用申請書のダブルチェック（yakkan review 1）"))
        #expect(body.contains("[要確認] 申請2 Example Drive 無料プラン — 利用申請書のダブルチェック（yakkan review 2）"))
        #expect(first.lines.contains("伊藤 真（ito）に 2件を送りました：ito@village.example.lg.jp"))
        #expect(first.lines.contains { $0.hasPrefix("加藤 誠（kato）にはメールアドレスがないため、1件を送れません") })

        // The same day again: every item was sent already, so nothing goes.
        let again = try village.yakkan("remind")
        #expect(again.status == 0)
        #expect(try village.mails().count == 1)

        // kato gets an address and English (from another administrator: nobody changes their
        // own entry): only his queue, never his own application 2.
        #expect(try village.yakkan("staff", "set-role", "ito", "--admin").status == 0)
        #expect(try village.yakkan("staff", "update", "kato", "--mail", "kato@village.example.lg.jp", "--mail-language", "en", as: "ito").status == 0)
        #expect(try village.yakkan("remind").status == 0)
        let kato = try #require(try village.mails().last)
        #expect(Self.header("To", of: kato.message) == "kato@village.example.lg.jp")
        #expect(try Self.decodedSubject(kato.message) == "[yakkan] 1 item(s) waiting for you (2 April 2026)")
        #expect(Self.body(kato.message).contains("[REVIEW] #1 Example Drive 無料プラン — Double-check the application (yakkan review 1)"))
        #expect(!Self.body(kato.message).contains("#2"))
        #expect(try village.mails().count == 2)

        // The next day the items still wait, and are mailed once more.
        #expect(try village.yakkan("remind", on: "2026-04-03").status == 0)
        #expect(try village.mails().count == 4)
    }

    @Test func aMailSendmailRefusedIsSentAgainNextRun() throws {
        let village = try Village()
        try village.standIn(exitStatus: 1)
        let refused = try village.yakkan("remind")
        #expect(refused.status == RemindCommand.mailNotHandedOver)
        #expect(refused.lines.contains { $0.contains("sendmail が受け付けませんでした（exit 1") })
        #expect(try village.mails().isEmpty)
        try village.standIn(exitStatus: 0)
        #expect(try village.yakkan("remind").status == 0)
        #expect(try village.mails().count == 1)
    }

    @Test func withoutSendmailNothingIsRememberedAsSent() throws {
        let village = try Village()
        try FileManager.default.removeItem(atPath: village.bin + "/sendmail")
        guard Sendmail.find(environment: ["PATH": village.bin + ":/usr/bin:/bin"]) == nil else { return }
        let missing = try village.yakkan("remind")
        #expect(missing.status == RemindCommand.mailNotHandedOver)
        #expect(missing.lines.first?.hasPrefix("sendmail が見つかりません") == true)
        // A dry run shows the mail without sending or remembering it.
        let shown = try village.yakkan("remind", "--dry-run")
        #expect(shown.status == 0)
        #expect(shown.lines.contains("To: ito@village.example.lg.jp"))
        try village.standIn(exitStatus: 0)
        #expect(try village.yakkan("remind").status == 0)
        #expect(try village.mails().count == 1)
    }

    /// The system's own MTA (`scripts/setup --test` installs exim where no MTA is), taking the
    /// mail for the login that runs the tests and delivering it to that login's mailbox.
    static let systemSendmail = "/usr/sbin/sendmail"
    static var mailboxes: [String] { ["/var/mail/" + NSUserName(), "/var/mail/mail"] }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: systemSendmail), "no MTA on this machine"))
    func theSystemsMTADeliversTheMailToTheMailbox() throws {
        let village = try Village()
        let address = NSUserName() + "@localhost"
        #expect(try village.yakkan("staff", "update", "ito", "--mail", address).status == 0)
        let before = Dictionary(uniqueKeysWithValues: Self.mailboxes.map { ($0, Self.size(of: $0)) })
        let run = Transcript.Run(
            login: "kato", today: "2026-04-02", environment: ["PATH": "/usr/sbin:/usr/bin:/bin"], arguments: ["remind"],
            headerLines: [], commandLine: "$ yakkan remind", expected: [], expectedStatus: 0, trailingLines: [])
        let (lines, status) = TranscriptRunner.run(run, storeFolder: village.folder.path)
        #expect(status == 0, "\(lines)")
        #expect(lines.contains("伊藤 真（ito）に 2件を送りました：\(address)"), "\(lines)")
        // The MTA delivers in its own time: wait for the mailbox (a wait, not a measurement).
        var delivered: String?
        for _ in 0..<600 where delivered == nil {
            delivered = Self.mailboxes.lazy.compactMap { Self.added(to: $0, after: before[$0] ?? 0) }
                .first { $0.contains("伊藤 真 さん") }
            if delivered == nil { usleep(100_000) }
        }
        let message = try #require(delivered, "nothing reached \(Self.mailboxes)")
        #expect(Self.header("To", of: message) == address)
        #expect(try Self.decodedSubject(message) == "[yakkan] 今日のやること・お知らせ 2件（令和8年4月2日）")
        #expect(Self.body(message).contains("[要確認] 申請1 Example Drive 無料プラン — 利用申請書のダブルチェック（yakkan review 1）"))
    }

    static func size(of path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
    }

    /// What a mailbox gained after `offset`: the messages delivered since, from their "From " line.
    static func added(to path: String, after offset: UInt64) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd(), !data.isEmpty else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // The mbox's own "From " line comes before the headers.
        return text.split(separator: "\n", maxSplits: 1).dropFirst().first.map(String.init)
    }

    /// An administrator's mail names the people remind could not reach for want of an address,
    /// so that someone tells them or adds it; an administrator without one is told on the screen.
    @Test func theAdministratorsMailNamesWhoHasNoAddress() throws {
        let village = try Village()
        #expect(try village.yakkan("staff", "update", "ito", "--admin").status == 0)
        let ran = try village.yakkan("remind")
        #expect(ran.status == 0, "\(ran.lines)")
        let toIto = try village.mails().first { $0.message.contains("To: ito@village.example.lg.jp") }
        let message = try #require(toIto?.message)
        #expect(message.contains("加藤 誠（kato）にはメールアドレスがないため"), "\(message)")
        #expect(message.contains("yakkan staff update kato --mail ADDRESS"))
        for line in message.components(separatedBy: "\n") { #expect(line.utf8.count <= 998) }
    }
}
