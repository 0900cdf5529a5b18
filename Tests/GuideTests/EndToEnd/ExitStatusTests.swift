import Core
import Foundation
import Testing

@testable import Guide

/// The statuses the README promises, whichever command says no: 1 when a rule of the procedure
/// refuses (even when the store is the one that checks it), 3 when the store itself fails,
/// 64 for a bad option value.
@Suite struct ExitStatusTests {
    static func yakkan(_ arguments: [String], as login: String, in folder: TemporaryFolder, input: [String] = []) -> Int32? {
        let run = Transcript.Run(
            login: login, today: "2026-04-02", environment: [:], arguments: arguments, headerLines: [],
            commandLine: "$ yakkan " + arguments.joined(separator: " "), expected: input.map { "> " + $0 }, expectedStatus: 0,
            trailingLines: [])
        return TranscriptRunner.run(run, storeFolder: folder.path).status
    }

    @Test func refusalsAreOneAndTheStoresFaultsThree() throws {
        let folder = try TemporaryFolder()
        // The store's: nothing there yet to read.
        #expect(Self.yakkan(["list", "--store", folder.path + "/nowhere.sqlite"], as: "kato", in: folder) == 3)
        #expect(Self.yakkan(["staff", "add", "kato", "--name", "加藤 誠", "--department", "総務課"], as: "kato", in: folder) == 0)
        // Rules, checked by the store inside its transaction.
        #expect(Self.yakkan(["staff", "add", "yamada", "--name", "山田 太郎", "--department", "総務課"], as: "yamada", in: folder) == 1)
        #expect(Self.yakkan(["staff", "set-role", "kato", "--no-admin"], as: "kato", in: folder) == 1)
        #expect(Self.yakkan(["staff", "add", "sato", "--name", "佐藤 花子", "--department", "総務課", "--mail", "sato"], as: "kato", in: folder) == 1)
        // Rules checked before the store is asked.
        #expect(Self.yakkan(["show", "99"], as: "kato", in: folder) == 1)
        #expect(Self.yakkan(["review", "99"], as: "kato", in: folder) == 1)
        #expect(Self.yakkan(["due", "--all"], as: "yamada", in: folder) == 1)
        // A bad option value.
        #expect(Self.yakkan(["due", "--format", "pdf"], as: "kato", in: folder) == 64)
        // A damaged store file is the store's fault.
        let damaged = folder.path + "/damaged.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: damaged))
        #expect(Self.yakkan(["list", "--store", damaged], as: "kato", in: folder) == 3)
    }
}
