import Foundation
import GRDB
import Testing
@testable import Core

/// Opening the store on real files the way an attacker, a typo or a crash leaves them.
/// SQLite only: these are about the file, its folder and its links.
@Suite struct StoreOpeningTests {
    typealias Folder = ScratchFolder

    static let clock = FixedClock(day: Day(year: 2026, month: 4, day: 1)!)

    /// The store as yamada opens it: drafts are signed by their writer, with yamada's key kept
    /// beside the store's folder for the test.
    func open(_ path: String, _ access: StoreAccess = .readWrite, createFolder: Bool = true) throws -> SQLiteStore {
        let keys = KeyRing(folder: (path as NSString).deletingLastPathComponent + "-keys", scope: .only("yamada"))
        return try SQLiteStore(path: path, workingDirectory: "/", clock: Self.clock, keyRing: keys, access: access, createFolder: createFolder)
    }

    func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    @Test func aSymlinkedLockFileIsRefusedAndItsTargetLeftAlone() throws {
        let folder = try Folder()
        let target = folder.path + "/someone-elses-bashrc"
        try "alias ls='ls --color'\n".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(chmod(target, 0o644) == 0)
        #expect(symlink(target, folder.store + ".lock") == 0)

        #expect(throws: StoreError.notARegularFile(path: folder.store + ".lock")) { _ = try open(folder.store) }

        #expect(mode(target) == 0o644, "the target's mode must not change")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "alias ls='ls --color'\n")
        #expect(StoreFiles.isSymbolicLink(folder.store + ".lock"))
        #expect(!FileManager.default.fileExists(atPath: folder.store), "no store is made beside a planted link")
    }

    @Test func symlinkedWalAndShmAreNeitherFollowedNorChmoded() throws {
        let folder = try Folder()
        _ = try open(folder.store)  // the store exists; its -wal and -shm go when it closes
        let target = folder.path + "/target"
        try "private\n".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(chmod(target, 0o640) == 0)
        for suffix in ["-wal", "-shm"] {
            unlink(folder.store + suffix)
            #expect(symlink(target, folder.store + suffix) == 0)
        }
        _ = try? open(folder.store)
        #expect(mode(target) == 0o640)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "private\n")
    }

    @Test func aDanglingSymlinkAsTheStorePathCreatesNothingWhereItPoints() throws {
        let folder = try Folder()
        let elsewhere = folder.path + "/elsewhere.sqlite"
        #expect(symlink(elsewhere, folder.store) == 0)

        #expect(throws: StoreError.notARegularFile(path: folder.store)) { _ = try open(folder.store) }
        #expect(!FileManager.default.fileExists(atPath: elsewhere))
        #expect(try entries(folder.path) == ["yakkan.sqlite"])
    }

    @Test func readingNeverCreatesAStore() throws {
        let folder = try Folder()
        #expect(throws: StoreError.noStore(path: folder.store)) { _ = try open(folder.store, .readOnly) }
        let deeper = folder.path + "/typo/yakkan.sqlite"
        #expect(throws: StoreError.noStore(path: deeper)) { _ = try open(deeper, .readOnly) }
        #expect(try entries(folder.path) == [])
    }

    @Test func aChosenPathInAMissingFolderIsNotMadeWithoutBeingAsked() throws {
        let folder = try Folder()
        let chosen = folder.path + "/srv/yakan/yakkan.sqlite"
        #expect(throws: StoreError.noFolder(path: chosen, folder: folder.path + "/srv/yakan")) {
            _ = try open(chosen, createFolder: false)
        }
        #expect(try entries(folder.path) == [])
        _ = try open(chosen, createFolder: true)
        #expect(FileManager.default.fileExists(atPath: chosen))
    }

    @Test func refusingANewerStoreLeavesTheFolderAsItFoundIt() throws {
        let folder = try Folder()
        do {
            let queue = try DatabaseQueue(path: folder.store)
            try queue.write { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
            }
            try queue.close()
        }
        try "".write(toFile: folder.store + ".lock", atomically: false, encoding: .utf8)
        let before = try entries(folder.path)
        #expect(before == ["yakkan.sqlite", "yakkan.sqlite.lock"])

        for access in [StoreAccess.readWrite, .readOnly] {
            #expect(throws: StoreError.newerStore(unknownMigrations: ["v99-from-the-future"])) { _ = try open(folder.store, access) }
            #expect(try entries(folder.path) == before, "no -wal or -shm left behind (\(access))")
        }
    }

    @Test func aShmLeftWithTheWrongModeIsFixedOnTheNextOpen() throws {
        let folder = try Folder()
        do { _ = try open(folder.store) }
        // What an open of a 0400 store used to leave: a 0400 -shm that kept the store
        // unwritable after its mode was fixed.
        _ = FileManager.default.createFile(atPath: folder.store + "-shm", contents: nil)
        #expect(chmod(folder.store + "-shm", 0o400) == 0)
        let store = try open(folder.store)
        _ = try store.saveDraft(Draft(owner: "yamada", procedureID: "application", state: InterviewState()), at: "2026-04-01T00:00:00Z")
        #expect(mode(folder.store + "-shm") == 0o600)
    }

    @Test func aReaderIsNotBlockedByAWriterHoldingTheLock() throws {
        let folder = try Folder()
        let store = try open(folder.store)
        _ = try store.saveDraft(Draft(owner: "yamada", procedureID: "application", state: InterviewState()), at: "2026-04-01T00:00:00Z")

        // Another connection holds the write lock for the whole test.
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: folder.store, configuration: holding)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "DELETE FROM draft")
        }
        defer { try? holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }

        let reader = try open(folder.store, .readOnly)
        // The snapshot: what was committed, not what the writer has not committed.
        #expect(try reader.drafts(owner: "yamada", procedureID: "application").count == 1)
        #expect(try reader.integrityCheck() == [])
    }

    @Test func sqliteErrorsBecomeTheStoresOwn() {
        #expect(StoreError(classifying: DatabaseError(resultCode: .SQLITE_FULL)) == .writeFailed)
        #expect(StoreError(classifying: DatabaseError(resultCode: .SQLITE_IOERR_WRITE)) == .writeFailed)
        #expect(StoreError(classifying: DatabaseError(resultCode: .SQLITE_BUSY)) == .busy)
        #expect(StoreError(classifying: DatabaseError(resultCode: .SQLITE_CORRUPT)) == .corrupt)
        #expect(StoreError(classifying: DatabaseError(resultCode: .SQLITE_NOTADB)) == .corrupt)
        #expect(StoreError(classifying: DatabaseError(resultCode: .SQLITE_READONLY)) == .notWritable(path: ""))
        #expect(StoreError(classifying: CocoaError(.fileNoSuchFile)) == nil)
        for fault in [StoreError.writeFailed, .busy, .corrupt, .notWritable(path: "/x"), .noStore(path: "/x"), .notCreatedYet(path: "/x"), .noFolder(path: "/x/y", folder: "/x"), .ioFailure(code: 10)] {
            let worded = StoreText.describe(fault)
            #expect(!worded.ja.isEmpty && !worded.en.isEmpty)
            #expect(!worded.en.contains("SQLite error"), "\(fault)")
            #expect(worded.ja.unicodeScalars.contains { $0.value >= 0x3040 }, "Japanese first: \(fault)")
        }
        #expect(StoreError.busy.isTransient && StoreError.writeFailed.isTransient)
        #expect(!StoreError.corrupt.isTransient && !StoreError.draftChangedElsewhere.isTransient)
    }
}
