import Foundation
import Testing
@testable import Core

/// Attachments are hashed and copied a block at a time, and refused over the size limit.
@Suite("File vault streaming")
struct FileVaultStreamingTests {
    final class Folder {
        let path = NSTemporaryDirectory() + "yakkan-vault-test-" + UUID().uuidString
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func vault(limit: Int64) -> FileVault {
            FileVault(folder: path + "/store.files", workingDirectory: path, clock: FixedClock(day: Day(year: 2026, month: 4, day: 1)!), sizeLimit: limit)
        }

        /// A file of `size` bytes that differ block to block, so a lost or repeated block shows.
        func write(_ name: String, size: Int) throws -> (path: String, contents: Data) {
            var generator = SystemRandomNumberGenerator()
            let contents = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let file = path + "/" + name
            try contents.write(to: URL(fileURLWithPath: file))
            return (file, contents)
        }

        /// What the vault holds besides its hash-named copies: nothing, however an intake ended.
        func leftovers() throws -> [String] {
            guard FileManager.default.fileExists(atPath: path + "/store.files") else { return [] }
            return try FileManager.default.subpathsOfDirectory(atPath: path + "/store.files").filter { $0.contains(".incoming") }
        }
    }

    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test func aFileOfManyBlocksIsCopiedWholeUnderItsHashAndExtension() throws {
        let folder = try Folder()
        let (file, contents) = try folder.write("minutes.pdf", size: 3 * 1_048_576 + 17)
        let kept = try folder.vault(limit: 10 * 1_048_576).ingest(path: file).get()
        #expect(kept.sha256 == (try Self.sha256sum(file)))
        #expect(kept.size == Int64(contents.count))
        let copy = folder.vault(limit: 1).storedPath(of: kept)
        // The copy keeps the original's extension, so it opens in the program its kind needs.
        #expect(copy.hasSuffix("/" + kept.sha256 + ".pdf"))
        #expect(FileManager.default.contents(atPath: copy) == contents)
        #expect(try folder.leftovers().isEmpty)
    }

    @Test func aFileOverTheLimitIsRefusedAndNothingIsKept() throws {
        let folder = try Folder()
        let limit: Int64 = 1_048_576
        let (exact, _) = try folder.write("exact.bin", size: Int(limit))
        let (over, _) = try folder.write("over.bin", size: Int(limit) + 1)
        let vault = folder.vault(limit: limit)
        #expect(try vault.ingest(path: "exact.bin").get().size == limit)
        #expect(vault.ingest(path: "over.bin") == .failure(.tooLarge(path: "over.bin", size: limit + 1, limit: limit)))
        #expect(try folder.leftovers().isEmpty)
        let stored = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/store.files").filter { FileVault.digest(inName: ($0 as NSString).lastPathComponent).count == 64 }
        #expect(stored.count == 1)
        _ = (exact, over)
        let message = EngineText.attachmentProblem(.tooLarge(path: "over.bin", size: limit + 1, limit: limit))
        #expect(message.ja == "ファイルが大きすぎます（2 MB、上限 1 MB）: over.bin")
        #expect(message.en == "The file is too large (2 MB, the limit is 1 MB): over.bin")
    }

    @Test func theLimitComesFromTheEnvironmentOrIsAHundredMegabytes() {
        #expect(AttachmentLimit.resolve(environment: [:]) == .success(100 * 1_048_576))
        #expect(AttachmentLimit.resolve(environment: ["YAKKAN_MAX_ATTACHMENT_MB": "5"]) == .success(5 * 1_048_576))
        for bad in ["0", "-1", "5MB", "many"] {
            guard case .failure(let problem) = AttachmentLimit.resolve(environment: ["YAKKAN_MAX_ATTACHMENT_MB": bad]) else {
                Issue.record("\(bad) was taken")
                continue
            }
            #expect(problem.ja.contains(bad) && problem.en.contains("YAKKAN_MAX_ATTACHMENT_MB"))
        }
    }
}
