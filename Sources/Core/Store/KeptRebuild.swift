import Foundation
import GRDB

/// A person's last clean verify of a store, kept in their own state folder: the records the log
/// made, rebuilt, and the entry of the log they were rebuilt to. `audit verify --incremental`
/// goes on from there, so that a daily check replays what was appended since rather than years
/// of the log (a whole verify of 10,000 services' lifetime was 884 s of CPU).
///
/// Kept only after a verify that found nothing, and used only by the same build of yakkan:
/// another build may decide or project differently, so its rebuild is no measure of this one.
/// The folder is the person's own (0700): nobody else can change what their next check trusts.
public struct KeptRebuild: Sendable, Equatable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// `$XDG_STATE_HOME/yakkan/verified/STORE`, else under `~/.local/state`; a store is named
    /// as its remembered head is (`HeadMemory`).
    public static func personal(environment: [String: String], storePath: String) -> KeptRebuild {
        KeptRebuild(folder: PersonalFolder.state(environment) + "/verified/" + HeadMemory.name(of: storePath))
    }

    var database: String { folder + "/rebuild.sqlite" }
    /// A whole verify builds here, and becomes `database` only if it finds nothing.
    var incoming: String { folder + "/rebuild.sqlite.incoming" }

    /// Why an incremental verify checked the whole log instead.
    public enum Unusable: Error, Equatable, Sendable {
        /// No verify of this store by this person has found it intact yet.
        case none
        /// The kept rebuild was made by another build of yakkan.
        case otherBuild
        /// The kept rebuild cannot be read (removed or damaged while nobody was checking).
        case unreadable
        /// The last whole verify is older than the caller accepts (`remind` checks the whole log weekly).
        case wholeDue(days: Int)
    }

    /// The point reached, or why there is none to go on from: with `wholeEvery`, also when the
    /// whole log was last checked longer ago than that many days before `now`.
    func point(wholeEvery days: Int? = nil, now: Moment? = nil) -> Result<VerifiedPoint, Unusable> {
        guard FileManager.default.fileExists(atPath: database) else { return .failure(.none) }
        guard let queue = try? DatabaseQueue(path: database),
              let text = try? queue.read({ db in try String.fetchOne(db, sql: "SELECT point FROM \(VerifiedPoint.table) WHERE id = 1") }),
              let point = try? JSONDecoder().decode(VerifiedPoint.self, from: Data(text.utf8)) else {
            return .failure(.unreadable)
        }
        guard !point.builtBy.isEmpty, point.builtBy == VerifiedPoint.thisBuild else { return .failure(.otherBuild) }
        if let days, let now, Moment(iso: point.wholeAt).map({ $0.adding(seconds: Int64(days) * 86_400) < now }) ?? true {
            return .failure(.wholeDue(days: days))
        }
        return .success(point)
    }

    /// Whether an incremental verify can go on from here.
    public var isUsable: Bool {
        if case .success = point() { return true }
        return false
    }

    /// Holds the folder for one verify at a time, until `body` returns: two verifies of the same
    /// person at once (the morning's `remind` and their own) would otherwise both go on from the
    /// same point and write the same rebuild. The second waits, then reads where the first ended.
    func exclusively<T>(_ body: () throws -> T) throws -> T {
        try makeFolder()
        let descriptor = open(folder + "/lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw StoreError.ioFailure(code: errno) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError.ioFailure(code: errno) }
        }
        return try body()
    }

    func makeFolder() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}

/// Where a kept rebuild stands: the last entry replayed, and what the checks that run along the
/// log had gathered by then. Kept in the rebuild's own database, so that both change at once.
struct VerifiedPoint: Codable, Equatable {
    static let table = "kept_verify"

    var sequence: Int64
    var hash: String
    /// `TimeOrder`'s mark: the latest time of an entry not itself dated in the future.
    var latest: String?
    /// Applications whose entries lost their details to a purge.
    var erased: [Int64]
    /// The keys administrators vouched for, by login.
    var vouched: [String: String]
    /// When the whole log was last checked, from its first entry.
    var wholeAt: String
    var builtBy: String

    /// This build of yakkan: its executable's size, time and inode. Empty where the system does
    /// not say, and then nothing is kept.
    static let thisBuild: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "" }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
    }()

    static func write(_ point: VerifiedPoint, _ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS \(table) (id INTEGER PRIMARY KEY CHECK (id = 1), point TEXT NOT NULL)")
        let text = String(decoding: try JSONEncoder().encode(point), as: UTF8.self)
        try db.execute(sql: "INSERT INTO \(table) (id, point) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET point = excluded.point", arguments: [text])
    }
}
