import Core
import Foundation
import PrivateServer
import Testing

@testable import Guide

/// One alert row written behind yakkan's back with a message that is not JSON (by sqlite3 on
/// the file, by psql on the server) must stop nobody: everyone's menu, `due`, `alerts` and
/// `remind` still work; what reads the row names it (its recipient's menu, `due` and `alerts`,
/// and `remind`, which makes everyone's list), and `audit verify` names it too. A person reads
/// only the alerts addressed to them, so the others' lists neither read it nor name it.
@Suite struct UnreadableRowTests {
    static let fixture = Transcript.folder + "/fixtures/submitted.transcript"
    static let id: Int64 = 777

    static var kinds: [String] { PrivateServer.installedBinaries() == nil ? ["sqlite"] : ["sqlite", "server"] }

    /// The row; `no` is how the database writes false (SQLite's 0, PostgreSQL's false).
    static func insert(no: String) -> String {
        """
        INSERT INTO alert (id, application_id, kind, recipient_login, recipient_name, message, needs_decision, created_at)
        VALUES (\(id), 1, 'incident', 'yamada', '山田 太郎', 'this is not JSON', \(no), '2026-04-02T00:00:00Z')
        """
    }

    static func run(_ arguments: [String], as login: String, in store: TranscriptStore) -> (lines: [String], status: Int32?) {
        let run = Transcript.Run(
            login: login, today: "2026-04-02", environment: [:], arguments: arguments, headerLines: [],
            commandLine: "$ yakkan " + arguments.joined(separator: " "), expected: [], expectedStatus: 0, trailingLines: [])
        return TranscriptRunner.run(run, store: store)
    }

    @Test(arguments: kinds)
    func aMalformedAlertStopsNobodyAndIsNamed(_ kind: String) throws {
        let folder = try TemporaryFolder()
        let store: TranscriptStore
        if kind == "server" {
            let server = try PrivateServer.shared()
            store = TranscriptStore(
                folder: folder.path, server: (server, try server.newStoreDatabase(logins: Transcript.logins, administrators: Transcript.administrators)))
        } else {
            store = TranscriptStore(folder: folder.path, server: nil)
        }
        let problems = TranscriptRunner.replay(try Transcript.load(Self.fixture), store: store)
        #expect(problems.isEmpty, "\(problems)")
        // Written as a member of staff who can reach the tables would: with the database's own client.
        if let (server, database) = store.server {
            let ran = try server.psql(as: nil, database: database, Self.insert(no: "0"))
            #expect(ran.status == 0, "\(ran.output)")
        } else {
            let ran = try Self.sqlite3(folder.path + "/yakkan.sqlite", Self.insert(no: "0"))
            #expect(ran.status == 0, "\(ran.output)")
        }
        let named = StoreText.setAside(["alert/\(Self.id)"])(.ja)
        for login in ["kato", "ito", "yamada", "sato"] {
            for arguments in [[], ["due"], ["alerts"], ["remind", "--dry-run"]] {
                let (lines, status) = Self.run(arguments, as: login, in: store)
                #expect(status == 0, "yakkan \(arguments.joined(separator: " ")) as \(login):\n\(lines.joined(separator: "\n"))")
                let reads = login == "yamada" || arguments.first == "remind"
                #expect(lines.contains(named) == reads, "yakkan \(arguments.joined(separator: " ")) as \(login): \(reads ? "does not name" : "names") the row")
            }
        }
        // What the others may still do: kato's double check is still listed first in kato's day.
        #expect(Self.run(["due"], as: "kato", in: store).lines.contains { $0.contains("yakkan review 1") })
        let (verified, status) = Self.run(["audit", "verify"], as: "kato", in: store)
        #expect(status == 1)
        #expect(verified.contains { $0.contains("alert \(Self.id)") }, "\(verified.joined(separator: "\n"))")
    }

    /// The sqlite3 shell on the file.
    static func sqlite3(_ path: String, _ sql: String) throws -> PrivateServer.Ran {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PrivateServer.Ran(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
