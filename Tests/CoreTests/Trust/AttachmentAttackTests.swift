import Foundation
import Testing

@testable import Core

/// Attacks on the stored attachments (named HASH.ext beside the store): a file name whose
/// extension would escape the folder or rewrite a terminal, a link planted as the attachment
/// folder or one of its shards, and a FIFO or a device planted as a copy to stall `audit verify`.
@Suite struct AttachmentAttackTests {
    typealias Village = StoreVillage

    static func file(_ name: String, in village: Village, content: String) throws -> String {
        let path = village.folder + "/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: Data(content.utf8)), "\(name.debugDescription)")
        return path
    }

    @Test func anExtensionIsKeptOnlyWhenItIsAShortRunOfLettersAndDigits() throws {
        let village = try Village(.sqlite)
        let store = try #require(try village.store(as: "yamada") as? SQLiteStore)
        let names: [(name: String, kept: String)] = [
            ("terms.pdf", ".pdf"), ("terms.pdf\nBcc: x", ""), ("terms.p\u{1B}[2Jdf", ""), ("terms." + String(repeating: "a", count: 200), ""),
            ("terms.ｐｄｆ", ""), ("terms.", ""), ("terms.pdf ", ""), ("terms.tar.gz", ".gz"), ("terms.p%2F..", ""),
        ]
        for (index, (name, kept)) in names.enumerated() {
            let attachment = try store.intake.ingest(path: try Self.file(name, in: village, content: "terms \(index)")).get()
            let stored = store.storedPath(of: attachment)
            let shard = store.fileVault.folder + "/" + attachment.sha256.prefix(2)
            #expect(stored == shard + "/" + attachment.sha256 + kept, "\(name.debugDescription)")
            #expect(StoreFiles.kind(stored) == S_IFREG)
            // The name as given stays in the record, for people to read; it never makes a path.
            #expect(attachment.fileName == name)
        }
        // Names a file cannot have on disk, but a signed row could carry.
        for forged in ["x.pdf/../../../etc/passwd", "x/..", "x.\u{0}pdf", "x.pdf\r\n"] {
            #expect(FileVault.fileExtension(of: forged) == "", "\(forged.debugDescription)")
        }
        #expect(try village.verify(as: "sato").findings == [])
    }

    @Test func aLinkPlantedAsTheAttachmentFolderIsRefusedAndNamed() throws {
        let village = try Village(.sqlite)
        let store = try #require(try village.store(as: "yamada") as? SQLiteStore)
        let elsewhere = village.folder + "/mallory-files"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: store.fileVault.folder, withDestinationPath: elsewhere)
        #expect(throws: AttachmentProblem.self) { try store.intake.ingest(path: try Self.file("terms.pdf", in: village, content: "terms")).get() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        #expect(try village.verify(as: "sato").findings == [AuditFinding(.attachmentChanged, sequence: nil, subject: store.fileVault.folder)])
    }

    @Test func aFIFOADeviceLinkAndALinkedShardPlantedAmongTheCopiesAreNamedAndVerifyEnds() throws {
        let village = try Village(.sqlite)
        let store = try #require(try village.store(as: "yamada") as? SQLiteStore)
        let attachment = try store.intake.ingest(path: try Self.file("terms.pdf", in: village, content: "terms")).get()
        let shard = store.fileVault.folder + "/" + attachment.sha256.prefix(2)
        // A copy replaced by a FIFO: opened for reading, it would wait for a writer for ever.
        let stored = store.storedPath(of: attachment)
        unlink(stored)
        #expect(mkfifo(stored, 0o600) == 0)
        // A copy that is a link to a device that never ends.
        let zero = shard + "/" + String(repeating: "0", count: 64) + ".bin"
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        // A shard that is a link to a folder of someone else's choosing.
        let elsewhere = village.folder + "/mallory-shard"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: store.fileVault.folder + "/ff", withDestinationPath: elsewhere)
        let findings = try village.verify(as: "sato").findings
        #expect(findings.count == 3, "\(findings)")
        for subject in [stored, zero, store.fileVault.folder + "/ff"] {
            #expect(findings.contains(AuditFinding(.attachmentChanged, sequence: nil, subject: subject)), "\(subject)")
        }
    }
}
