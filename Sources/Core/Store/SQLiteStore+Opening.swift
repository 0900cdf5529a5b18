import Foundation
import GRDB

/// What a command needs of the store: reading never creates, changes or waits.
public enum StoreAccess: Sendable {
    case readOnly
    case readWrite
}

extension SQLiteStore {
    struct Opened {
        let pool: DatabasePool
        /// The folder is shared through a setgid group: files are group read/write.
        let shared: Bool
    }

    static func open(_ path: String, access: StoreAccess, createFolder: Bool) throws -> Opened {
        // Creating through a link that points nowhere would put a store wherever it points.
        if StoreFiles.isDanglingLink(path) { throw StoreError.notARegularFile(path: path) }
        do {
            switch access {
            case .readOnly: return try openForReading(path) ?? openForWriting(path, createFolder: false)
            case .readWrite: return try openForWriting(path, createFolder: createFolder)
            }
        } catch {
            switch StoreError(classifying: error) {
            case .notWritable(path: "")?: throw StoreError.notWritable(path: path)
            case let known?: throw known
            case nil: throw StoreError.cannotOpen(path: path, reason: "\(error)")
            }
        }
    }

    static func folder(of path: String) -> String {
        let folder = PathText.folder(of: path)
        return folder.isEmpty ? "." : folder
    }

    static func isShared(_ folder: String) -> Bool {
        var info = stat()
        return stat(folder, &info) == 0 && (info.st_mode & S_ISGID) != 0
    }

    /// How long a write waits for the others before the store is reported busy.
    static let busyTimeout: TimeInterval = 10

    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        return configuration
    }

    /// A read-only pool on the store as it is: each read sees a snapshot of the WAL, so a
    /// writer holding its lock for long never blocks it. Nil when the store needs migrating,
    /// which only a writer may do.
    static func openForReading(_ path: String) throws -> Opened? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw errno == ENOENT ? StoreError.noStore(path: path) : StoreFiles.failure(path, errno)
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notARegularFile(path: path) }
        // Shared, and only while opening: it waits for someone creating or migrating the store,
        // never for a writer.
        return try StoreFiles.withLock(path + ".lock", mode: nil, operation: LOCK_SH) {
            // A reader may be the one that creates the -shm: with the store's mode from the start.
            try StoreFiles.withModeKept(info.st_mode & 0o777) {
                let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
                guard try pool.read(isCurrent) else { return nil }
                return Opened(pool: pool, shared: isShared(folder(of: path)))
            }
        }
    }

    /// Opens (creating when needed) the store, under an exclusive lock so that two first opens
    /// never race (setting the journal mode ignores the busy handler; the migrator could run
    /// twice). An open that is refused removes whatever it created.
    static func openForWriting(_ path: String, createFolder: Bool) throws -> Opened {
        let folder = folder(of: path)
        if StoreFiles.kind(folder) == nil {
            guard createFolder else { throw StoreError.noFolder(path: path, folder: folder) }
            try StoreFiles.createFolders(folder)
        }
        let shared = isShared(folder)
        let mode: mode_t = shared ? 0o660 : 0o600
        let lock = path + ".lock"
        let lockExisted = StoreFiles.kind(lock) != nil
        return try StoreFiles.withLock(lock, mode: mode, operation: LOCK_EX) {
            let before = StoreFiles.existing(path)
            do {
                let pool = try StoreFiles.withModeKept(mode) { try openPool(path, mode: mode, existed: before.contains(path)) }
                return Opened(pool: pool, shared: shared)
            } catch {
                StoreFiles.removeCreated(path, before: before)
                // Anyone waiting for this lock file finds it gone and takes the lock again.
                if !lockExisted && !before.contains(path) { unlink(lock) }
                throw error
            }
        }
    }

    private static func openPool(_ path: String, mode: mode_t, existed: Bool) throws -> DatabasePool {
        if existed {
            try StoreFiles.requireWritable(path)
            for suffix in ["-wal", "-shm"] { StoreFiles.fixMode(path + suffix, mode: mode) }
            // Refuse a newer store before anything opens it for writing: opening a writer may
            // touch the file even when nothing is migrated.
            try refuseNewerStore(at: path)
        } else {
            try StoreFiles.createDatabase(path, mode: mode)
        }
        let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
        // The pool sets NORMAL for WAL on its writer; a power cut must never take back what
        // someone submitted, so the one writing connection is set to FULL here.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        // Migrating takes the write lock: only when there is something to migrate.
        if try !pool.read(isCurrent) { try Schema.migrator.migrate(pool) }
        return pool
    }

    /// Whether every migration is applied; a store with migrations this yakkan does not know
    /// was written by a newer one and is refused.
    static func isCurrent(_ db: Database) throws -> Bool {
        guard try db.tableExists("grdb_migrations") else { return false }
        let migrator = Schema.migrator
        let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
        if !unknown.isEmpty { throw StoreError.newerStore(unknownMigrations: unknown.sorted()) }
        return try migrator.hasCompletedMigrations(db)
    }

    /// Reads the applied migrations of an existing store without writing a byte to it.
    static func refuseNewerStore(at path: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
        _ = try queue.read(isCurrent)
    }
}
