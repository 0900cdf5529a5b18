import Foundation
import Testing

@testable import Guide

/// Warnings about the run go to standard error, so that what a command writes on standard
/// output stays only that: an export read by another program must parse whatever yakkan had
/// to say about the store. The real executable, its two streams read apart.
@Suite struct StandardErrorTests {
    struct Streams {
        let status: Int32
        let output: String
        let errors: String
    }

    /// One run of the real `yakkan` in `folder`, standard output and standard error kept apart.
    static func yakkan(_ arguments: [String], in folder: EndToEndFolder) throws -> Streams {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = EndToEnd.environment(home: folder.home)
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let output = folder.path + "/stdout", errors = folder.path + "/stderr"
        for file in [output, errors] { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        process.waitUntilExit()
        return Streams(
            status: process.terminationStatus, output: try String(contentsOfFile: output, encoding: .utf8),
            errors: try String(contentsOfFile: errors, encoding: .utf8))
    }

    /// The store's files (the database and any -wal or -shm beside it).
    static func storeFiles(_ folder: EndToEndFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("yakkan.sqlite") && !$0.hasSuffix(".keys") && !$0.hasSuffix(".lock") && !$0.hasSuffix(".files") }
    }

    @Test func aRollbackWarningLeavesTheJSONExportParseable() throws {
        let folder = try EndToEndFolder()
        let store = ["--store", folder.path + "/yakkan.sqlite"]
        let login = SystemIdentity.login()
        #expect(try Self.yakkan(["staff", "add", login, "--name", "加藤 誠", "--department", "総務課"] + store, in: folder).status == 0)
        // The store as it was, kept aside; one more change is seen (and remembered) by this login.
        let saved = folder.path + "/saved"
        try FileManager.default.createDirectory(atPath: saved, withIntermediateDirectories: true)
        for file in try Self.storeFiles(folder) { try FileManager.default.copyItem(atPath: folder.path + "/" + file, toPath: saved + "/" + file) }
        #expect(try Self.yakkan(["staff", "add", "yamada", "--name", "山田 太郎", "--department", "総務課"] + store, in: folder).status == 0)
        // The store put back as it was: the head this login saw is gone.
        for file in try Self.storeFiles(folder) { try FileManager.default.removeItem(atPath: folder.path + "/" + file) }
        for file in try FileManager.default.contentsOfDirectory(atPath: saved) {
            try FileManager.default.copyItem(atPath: saved + "/" + file, toPath: folder.path + "/" + file)
        }

        let listed = try Self.yakkan(["list", "--format", "json"] + store, in: folder)
        #expect(listed.status == 0)
        // The warning is said, on standard error only; standard output is the JSON alone.
        #expect(listed.errors.contains("巻き戻"), "no rollback warning: \(listed.errors)")
        let parsed = try JSONSerialization.jsonObject(with: Data(listed.output.utf8))
        #expect((parsed as? [Any])?.isEmpty == true, "not JSON: \(listed.output)")
        // A fault that ends the command is said on standard error too.
        let missing = try Self.yakkan(["list", "--format", "json", "--store", folder.path + "/nowhere.sqlite"], in: folder)
        #expect(missing.status == 3 && missing.output.isEmpty && !missing.errors.isEmpty)
    }
}
