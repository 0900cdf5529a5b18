@testable import Core
import Foundation
import PrivateServer
import Testing

@testable import Guide

/// A backup restored over newer work is named to everyone, also to a person who never saw the
/// newer head: each person's yakkan leaves a signed witness of the head it saw beside the store.
@Suite struct WitnessTests {
    static func yakkan(_ arguments: [String], as login: String, in folder: TemporaryFolder, state: String? = nil) -> (lines: [String], status: Int32?) {
        // Each person's own state folder: what they remember of the head is theirs alone.
        let environment = ["XDG_STATE_HOME": folder.path + "/state-" + (state ?? login)]
        let run = Transcript.Run(
            login: login, today: "2026-04-02", environment: environment, arguments: arguments, headerLines: [],
            commandLine: "$ yakkan " + arguments.joined(separator: " "), expected: [], expectedStatus: 0, trailingLines: [])
        return TranscriptRunner.run(run, storeFolder: folder.path)
    }

    @Test func aRestoredBackupIsNamedToSomeoneWhoNeverSawTheNewerHead() throws {
        let folder = try TemporaryFolder()
        let store = folder.path + "/yakkan.sqlite"
        #expect(Self.yakkan(["staff", "add", "kato", "--name", "加藤 誠", "--department", "総務課", "--reviewer-of", "総務課"], as: "kato", in: folder).status == 0)
        #expect(Self.yakkan(["staff", "add", "sato", "--name", "佐藤 花子", "--department", "総務課"], as: "kato", in: folder).status == 0)
        // The backup, taken while nobody works (the store's file alone is what a backup restores).
        let backup = folder.path + "/backup.sqlite"
        try FileManager.default.copyItem(atPath: store, toPath: backup)
        #expect(Self.yakkan(["staff", "add", "yamada", "--name", "山田 太郎", "--department", "総務課"], as: "kato", in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: store + ".witnesses/kato.head"))
        // Restored over the newer work.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: store)

        // sato has never used the store: nothing of their own tells them.
        let listed = Self.yakkan(["staff", "list"], as: "sato", in: folder)
        #expect(listed.lines.joined().contains("kato さん（4番）が見たと署名して残した監査記録がありません"))
        let verified = Self.yakkan(["audit", "verify"], as: "sato", in: folder)
        #expect(verified.status == 1)
        #expect(verified.lines.joined().contains("kato さんが署名して残した確認"))
    }

    @Test func aWitnessSignedByAnotherSaysNothing() throws {
        let folder = try TemporaryFolder()
        let store = folder.path + "/yakkan.sqlite"
        #expect(Self.yakkan(["staff", "add", "kato", "--name", "加藤 誠", "--department", "総務課"], as: "kato", in: folder).status == 0)
        #expect(Self.yakkan(["staff", "add", "sato", "--name", "佐藤 花子", "--department", "総務課"], as: "kato", in: folder).status == 0)
        // A member plants a witness in kato's name of an entry that never was, to cry wolf.
        let forged = Witness(login: "kato", sequence: 99, hash: String(repeating: "0", count: 64), signature: "AAAA")
        try JSONEncoder().encode(forged).write(to: URL(fileURLWithPath: store + ".witnesses/kato.head"))
        let verified = Self.yakkan(["audit", "verify"], as: "sato", in: folder)
        #expect(verified.status == 0)
        #expect(!verified.lines.joined().contains("署名して残した"))
    }

    /// On a server each login writes only its own witness row; the owner's tables refuse others.
    @Test(.enabled(if: PrivateServer.installedBinaries() != nil))
    func onTheServerNobodyWritesAnothersWitness() throws {
        let server = try PrivateServer.shared()
        let database = try server.newStoreDatabase(logins: ["kato", "mallory"], administrators: ["kato"])
        let own = try server.psql(as: "mallory", database: database,
            "INSERT INTO log_witness (login, sequence, hash, signature) VALUES ('mallory', 1, 'x', 'y')")
        #expect(own.status == 0)
        let others = try server.psql(as: "mallory", database: database,
            "INSERT INTO log_witness (login, sequence, hash, signature) VALUES ('kato', 1, 'x', 'y')")
        #expect(others.status != 0)
        #expect(others.output.contains("a witness is written only by its own login"))
        let moved = try server.psql(as: "mallory", database: database, "UPDATE log_witness SET login = 'kato' WHERE login = 'mallory'")
        #expect(moved.status != 0)
        let deleted = try server.psql(as: "mallory", database: database, "DELETE FROM log_witness")
        #expect(deleted.status != 0)
    }
}
