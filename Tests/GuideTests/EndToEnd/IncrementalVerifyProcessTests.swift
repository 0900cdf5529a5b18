import Foundation
import Testing

/// The morning's `remind` and a person's own `audit verify --incremental` at the same moment,
/// both the same login's and so going on from the same kept verify: real processes on a real
/// store. Each must find the store intact; the one that waited goes on from where the other
/// ended, rather than replaying the same entries into the same rebuild a second time.
@Suite struct IncrementalVerifyProcessTests {
    static let processes = 4

    @Test func verifiesOfOnePersonAtOnceEachGoOnFromWhereTheLastEnded() throws {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        let folder = try EndToEndFolder()
        let store = folder.path + "/demo.sqlite"
        func run(_ arguments: [String]) throws -> YakkanChild {
            let child = try YakkanChild(
                executable: executable, arguments: arguments, environment: EndToEnd.environment(home: folder.home),
                workingDirectory: folder.path)
            try child.closeInput()
            return child
        }
        for arguments in [["demo", store], ["audit", "verify", "--store", store]] {
            let child = try run(arguments)
            try child.waitForExit()
            #expect(child.process.terminationStatus == 0, "\(arguments.joined(separator: " ")):\n\(child.text)")
        }
        let added = try run(["staff", "add", "newcomer", "--name", "新人 太郎", "--department", "総務課", "--store", store])
        try added.waitForExit()
        #expect(added.process.terminationStatus == 0, "\(added.text)")

        // All started before any is waited for.
        let children = try (0..<Self.processes).map { _ in try run(["audit", "verify", "--incremental", "--store", store]) }
        var appended: [String] = []
        for child in children {
            try child.waitForExit()
            #expect(child.process.terminationStatus == 0, "\(child.text)")
            #expect(child.text.contains("追加された記録は正常です"), "\(child.text)")
            appended += child.text.split(separator: "\n").filter { $0.contains("の後に追加された") }.map(String.init)
        }
        // The entry appended was replayed once; every other verify found nothing more to replay.
        #expect(appended.filter { $0.contains("追加された 1 件") }.count == 1, "\(appended)")
        #expect(appended.filter { $0.contains("追加された 0 件") }.count == Self.processes - 1, "\(appended)")
    }
}
