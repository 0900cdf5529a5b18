import Foundation

/// The files of one store (the database, its `-wal` and `-shm`, its lock), opened so that a
/// symbolic link planted beside them is never followed, and a file is never visible to
/// another login with a mode it should not have.
enum StoreFiles {
    static let companions = ["", "-wal", "-shm"]

    /// The kind of thing at `path`, without following a symbolic link.
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    static func isSymbolicLink(_ path: String) -> Bool { kind(path) == S_IFLNK }

    /// A symbolic link whose target does not exist: creating through it would put a store
    /// wherever it points.
    static func isDanglingLink(_ path: String) -> Bool {
        var info = stat()
        return isSymbolicLink(path) && stat(path, &info) != 0
    }

    /// Makes the folder and any missing parents, private to their owner (a setgid parent gives
    /// them its group and bit, as mkdir does); an error is the store's own, in words.
    static func createFolders(_ folder: String) throws {
        var made = ""
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            made += (made.isEmpty && !folder.hasPrefix("/") ? "" : "/") + component
            if mkdir(made, 0o700) != 0 && errno != EEXIST { throw failure(made, errno) }
        }
    }

    /// Runs `body` with a umask that keeps the group's bits of `mode`, so that what SQLite
    /// creates (`-wal`, `-shm`) has its final mode from the start instead of being fixed with
    /// fchmod after another login may already have tried to open it.
    static func withModeKept<T>(_ mode: mode_t, _ body: () throws -> T) rethrows -> T {
        let previous = umask(0)
        umask(previous & ~mode & 0o777)
        defer { umask(previous) }
        return try body()
    }

    /// Opens the lock file, creating it with exactly `mode` when missing, and holds `operation`
    /// (LOCK_EX or LOCK_SH) on it while `body` runs. A symbolic link is refused, never followed.
    /// Nil `mode` means the lock is not created: a reader of a store made by an older yakkan
    /// (with no lock file) reads without it.
    static func withLock<T>(_ lockPath: String, mode: mode_t?, operation: Int32, _ body: () throws -> T) throws -> T {
        guard let descriptor = try openLock(lockPath, mode: mode, operation: operation) else { return try body() }
        defer {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        return try body()
    }

    /// The locked descriptor. A lock file removed and made again while this process waited is
    /// another file: the lock is taken again on the one now at the path.
    private static func openLock(_ lockPath: String, mode: mode_t?, operation: Int32) throws -> Int32? {
        while true {
            var descriptor = open(lockPath, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
            if descriptor < 0 && errno == ENOENT {
                guard let mode else { return nil }
                descriptor = withModeKept(mode) { open(lockPath, O_CREAT | O_EXCL | O_RDWR | O_NOFOLLOW | O_CLOEXEC, mode) }
                if descriptor < 0 && errno == EEXIST { continue }
            } else if descriptor < 0 && errno == EACCES {
                // A reader needs no write access for a shared lock.
                descriptor = open(lockPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard descriptor >= 0 else { throw failure(lockPath, errno) }
            var opened = stat()
            guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                throw StoreError.notARegularFile(path: lockPath)
            }
            while flock(descriptor, operation) != 0 {
                guard errno == EINTR else {
                    let error = errno
                    close(descriptor)
                    throw failure(lockPath, error)
                }
            }
            var current = stat()
            if lstat(lockPath, &current) == 0, current.st_dev == opened.st_dev, current.st_ino == opened.st_ino {
                return descriptor
            }
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    /// Creates the database file with exactly `mode`. Refuses to go through a symbolic link.
    static func createDatabase(_ path: String, mode: mode_t) throws {
        let descriptor = withModeKept(mode) { open(path, O_CREAT | O_EXCL | O_RDWR | O_NOFOLLOW | O_CLOEXEC, mode) }
        if descriptor < 0 && errno == EEXIST { return }
        guard descriptor >= 0 else { throw failure(path, errno) }
        close(descriptor)
    }

    /// An existing store this login may write: SQLite would otherwise open it read-only without
    /// a word and fail at the first answer saved.
    static func requireWritable(_ path: String) throws {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notARegularFile(path: path) }
    }

    /// The contents of a plain file, opened without following a link (a link swapped in after
    /// it was checked fails here) and checked with fstat.
    static func readRegularFile(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return try? handle.readToEnd() ?? Data()
    }

    /// Gives an existing file of the store `mode`, if this login owns it: a `-shm` left with
    /// the mode of a store that could not be written would otherwise keep it unwritable after
    /// its mode is fixed. The file is opened without following a link and checked with fstat,
    /// so nothing outside the store is ever changed.
    static func fixMode(_ path: String, mode: mode_t) {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
              info.st_mode & 0o777 != mode else { return }
        fchmod(descriptor, mode)
    }

    /// Which of the store's files exist now, to remove after a refused open those it made.
    static func existing(_ path: String) -> Set<String> {
        Set(companions.map { path + $0 }.filter { kind($0) != nil })
    }

    /// Removes the regular files that were not there before; called with the lock held, when
    /// no other yakkan can be opening the store.
    static func removeCreated(_ path: String, before: Set<String>) {
        for file in companions.map({ path + $0 }) where !before.contains(file) && kind(file) == S_IFREG {
            unlink(file)
        }
    }

    static func failure(_ path: String, _ code: Int32) -> StoreError {
        switch code {
        case ELOOP: return .notARegularFile(path: path)
        case EACCES, EPERM, EROFS: return .notWritable(path: path)
        case ENOSPC, EFBIG, EDQUOT: return .writeFailed
        default: return .cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
    }
}
