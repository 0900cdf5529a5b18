import Core
import Foundation
import GRDB
import Testing

@testable import Guide

/// Attacks on `yakkan remind` by a member of the group: an address or a name in the directory
/// made to add headers or recipients to the mail, and two runs at once (cron overlapping a run
/// by hand) made to mail the same item twice the same day.
@Suite struct RemindAttackTests {
    typealias Village = RemindTests.Village

    static let hostileAddresses = [
        "ito@village.example.lg.jp\nBcc: mallory@example.com",
        "ito@village.example.lg.jp\r\nBcc: mallory@example.com",
        "ito@village.example.lg.jp, mallory@example.com",
        "ito@village.example.lg.jp;mallory@example.com",
        "Ito <mallory@example.com>",
        "ito@village.example.lg.jp mallory@example.com",
        "\"mallory@example.com\"@village.example.lg.jp",
        String(repeating: "a", count: 250) + "@x.jp",
    ]

    /// Every header of every mail sent: exactly one recipient header, the directory's own address.
    static func recipients(_ village: Village) throws -> [[String]] {
        try village.mails().map { mail in
            mail.message.components(separatedBy: "\n\n")[0].components(separatedBy: "\n")
                .filter { line in ["to:", "cc:", "bcc:", "reply-to:", "from:"].contains { line.lowercased().hasPrefix($0) } }
        }
    }

    @Test func anAddressThatWouldAddHeadersOrRecipientsIsRefusedAndNothingElseIsMailed() throws {
        let village = try Village()
        for address in Self.hostileAddresses {
            let refused = try village.yakkan("staff", "update", "ito", "--mail", address)
            // Refused by the directory's rule (1), or as a control character on the command line (64).
            #expect([1, 64].contains(refused.status), "\(address.debugDescription): \(refused.lines)")
        }
        // A name cannot carry a line break into the mail either.
        let named = try village.yakkan("staff", "add", "mallory", "--name", "真理 男\nBcc: mallory@example.com", "--department", "総務課")
        #expect(named.status != 0, "\(named.lines)")
        #expect(try village.yakkan("remind").status == 0)
        #expect(try Self.recipients(village) == [["To: ito@village.example.lg.jp"]])
    }

    @Test func anAddressForgedBySQLIsNotMailedAndVerifyNamesIt() throws {
        let village = try Village()
        let queue = try DatabaseQueue(path: village.folder.path + "/yakkan.sqlite")
        try queue.write { db in
            try db.execute(sql: "UPDATE staff_mail SET mail = ? WHERE login = 'ito'", arguments: [Self.hostileAddresses[0]])
        }
        let run = try village.yakkan("remind")
        #expect(run.status == RemindCommand.mailNotHandedOver)
        #expect(run.lines.contains { $0.hasPrefix("伊藤 真（ito）には送りません。") })
        #expect(try village.mails().isEmpty)
        let verify = try village.yakkan("audit", "verify", as: "yamada")
        #expect(verify.status == 1)
        #expect(verify.lines.contains { $0.contains("staff_mail") }, "\(verify.lines)")
    }

    /// Two real `yakkan remind` processes at once: the first holds its mail in sendmail until the
    /// second has run; each item still goes once.
    @Test func twoRunsAtOnceMailEachItemOnce() throws {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        let village = try Village()
        let gate = village.folder.path + "/gate"
        try FileManager.default.createDirectory(atPath: gate, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            touch "\(gate)/arrived-$$"
            while [ ! -e "\(gate)/release" ]; do sleep 0.05; done
            { echo "$*"; cat; } > "\(village.outbox)/mail-$$"
            """
        try script.write(toFile: village.bin + "/sendmail", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: village.bin + "/sendmail")
        var environment = EndToEnd.environment(home: village.folder.path)
        environment["YAKKAN_STORE"] = village.folder.path + "/yakkan.sqlite"
        environment["PATH"] = village.bin + ":/usr/bin:/bin"
        func arrived() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: gate)) ?? []).filter { $0.hasPrefix("arrived-") }.count
        }
        func waitUntil(_ condition: () -> Bool) throws {
            let deadline = Date(timeIntervalSinceNow: EndToEnd.patience)
            while !condition() {
                guard Date() < deadline else { throw YakkanChild.Failure(description: "the runs never got there") }
                usleep(20_000)
            }
        }

        let first = try YakkanChild(executable: executable, arguments: ["remind"], environment: environment, workingDirectory: village.folder.path)
        try waitUntil { arrived() == 1 }
        let second = try YakkanChild(executable: executable, arguments: ["remind"], environment: environment, workingDirectory: village.folder.path)
        // The second either finishes, finding everything taken, or reaches sendmail too.
        try waitUntil { !second.process.isRunning || arrived() == 2 }
        _ = FileManager.default.createFile(atPath: gate + "/release", contents: nil)
        try first.waitForExit()
        try second.waitForExit()
        #expect(first.process.terminationStatus == 0, "\(first.text)")
        #expect(second.process.terminationStatus == 0, "\(second.text)")
        #expect(arrived() == 1)
        #expect(try village.mails().count == 1)
    }
}
