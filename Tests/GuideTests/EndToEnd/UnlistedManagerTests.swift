import Core
import Foundation
import Testing

@testable import Guide

/// An attack by a member of the group: someone who is not in the staff directory tells yakkan,
/// the first time, that their name is the service manager's. Roles go with the login kept on
/// the form, so the real `yakkan` run under their own operating-system login is refused every
/// time and leaves the store as it was; the manager's own login then does the same things.
@Suite struct UnlistedManagerTests {
    static let transcript = Transcript.folder + "/review/approve-and-acknowledge.transcript"
    /// Everyone the transcript names: the attacker must be none of them.
    static let cast: Set<String> = ["kato", "suzuki", "sato", "yamada"]

    /// What an attack could change: every service with its decisions, duties and stop, the
    /// alerts, the audit trail, the directory, the profiles, and drafts of the attacker.
    struct Snapshot: Equatable {
        let applications: [ApplicationRecord]
        let alerts: [Alert]
        let audit: [AuditEntry]
        let staff: [StaffMember]
        let people: [Person]
        let attackerDrafts: [Draft]

        init(_ path: String, attacker: String) throws {
            let store = try SQLiteStore(path: path, workingDirectory: "/", clock: SystemClock(), keyRing: KeyRing(folder: "/nonexistent", scope: .only("reader")))
            applications = try store.applications()
            alerts = try store.alerts()
            audit = try store.auditEntries()
            staff = try store.staff()
            people = try store.people()
            attackerDrafts = try ["acknowledgement", "duty.backup", "stop", ApplicationProcedure.procedure.id]
                .flatMap { try store.drafts(owner: attacker, procedureID: $0) }
        }
    }

    @Test func anUnlistedLoginNamedLikeTheManagerCanNeitherAcknowledgeNorRecordNorStop() throws {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        let attacker = SystemIdentity.login()
        try #require(!Self.cast.contains(attacker), "the test runs under a login the transcript does not use")
        let folder = try TemporaryFolder()
        let storePath = folder.path + "/yakkan.sqlite"
        let runs = try Transcript.load(Self.transcript).runs

        // The administrator lists kato, suzuki and sato; yamada applies naming sato (佐藤 花子)
        // as service manager; kato approves. Each run and act as the transcript has it.
        // sato, the manager, opens the menu and acknowledges the risks from there.
        let acknowledgement = try #require(runs.firstIndex { $0.login == "sato" })
        let problems = TranscriptRunner.replay(runs[..<acknowledgement], store: TranscriptStore(folder: folder.path, server: nil))
        #expect(problems.isEmpty, "\(problems)")
        let approved = try #require(try Snapshot(storePath, attacker: attacker).applications.first)
        #expect(approved.status == .approved)
        #expect(approved.serviceManager == "佐藤 花子")
        #expect(approved.serviceManagerLogin == "sato")

        // The attacker's first run: they give the manager's name and 課 as their own.
        let introduction = try yakkan(executable, ["apply"], store: storePath, input: "佐藤 花子\n総務課\n:quit\n", home: folder.path)
        #expect(introduction.status == 0, "\(introduction.output)")
        let profile = try #require(try Snapshot(storePath, attacker: attacker).people.first { $0.login == attacker })
        #expect(profile.name == "佐藤 花子")
        #expect(try Snapshot(storePath, attacker: attacker).staff.allSatisfy { $0.login != attacker })

        let beforeAcknowledging = try Snapshot(storePath, attacker: attacker)
        let acknowledge = try yakkan(executable, ["acknowledge", "1"], store: storePath, input: "はい\nはい\nはい\nはい\nはい\n", home: folder.path)
        #expect(acknowledge.status == 1, "\(acknowledge.output)")
        #expect(acknowledge.output.contains("サービス管理担当者（佐藤 花子）本人が、自分のログインで行います"), "\(acknowledge.output)")
        #expect(try Snapshot(storePath, attacker: attacker) == beforeAcknowledging)

        // The manager's own login acknowledges: the service is in use.
        let (_, acknowledged) = TranscriptRunner.run(runs[acknowledgement], storeFolder: folder.path)
        #expect(acknowledged == 0)
        #expect(try Snapshot(storePath, attacker: attacker).applications.first?.status == .inUse)

        let inUse = try Snapshot(storePath, attacker: attacker)
        let record = try yakkan(executable, ["record", "1", "backup"], store: storePath, input: "\n全ファイル\n庁内ファイルサーバ\nはい\n", home: folder.path)
        #expect(record.status == 1, "\(record.output)")
        #expect(record.output.contains("この記録はサービス管理担当者（佐藤 花子）か、総務課の利用責任者が行います。"), "\(record.output)")
        let stop = try yakkan(executable, ["stop", "1", "--reason", "海外のサーバを経由していた"], store: storePath, input: "", home: folder.path)
        #expect(stop.status == 1, "\(stop.output)")
        #expect(try Snapshot(storePath, attacker: attacker) == inUse, "neither attempt changed the store")

        // The manager's own login records and stops.
        let managerRecords = TranscriptRunner.run(
            run(as: "sato", ["record", "1", "backup"], typing: ["2026-04-10", "共有フォルダ内の全ファイル", "庁内ファイルサーバ", "はい"]),
            storeFolder: folder.path)
        #expect(managerRecords.status == 0, "\(managerRecords.lines.joined(separator: "\n"))")
        let managerStops = TranscriptRunner.run(
            run(as: "sato", ["stop", "1", "--reason", "海外のサーバを経由していた"], typing: []), storeFolder: folder.path)
        #expect(managerStops.status == 0, "\(managerStops.lines.joined(separator: "\n"))")
        let after = try #require(try Snapshot(storePath, attacker: attacker).applications.first)
        #expect(after.dutyRecords.map(\.recordedBy) == ["sato"])
        #expect(after.status == .stopped)
        #expect(after.stop?.stoppedBy == "sato")
    }

    /// The real executable under the test's own operating-system login.
    func yakkan(_ executable: String, _ arguments: [String], store: String, input: String, home: String) throws -> (status: Int32, output: String) {
        let child = try YakkanChild(
            executable: executable, arguments: arguments + ["--store", store],
            environment: EndToEnd.environment(home: home + "/attacker-home"), workingDirectory: EndToEnd.filesFolder.path)
        try child.write(input)
        try child.closeInput()
        try child.waitForExit()
        return (child.process.terminationStatus, child.text)
    }

    /// One run through the identity seam, as a transcript would write it.
    func run(as login: String, _ arguments: [String], typing lines: [String]) -> Transcript.Run {
        Transcript.Run(
            login: login, today: "2026-04-10", environment: [:], arguments: arguments, headerLines: [],
            commandLine: "$ yakkan " + arguments.joined(separator: " "), expected: lines.map { "> " + $0 },
            expectedStatus: 0, trailingLines: [])
    }
}
