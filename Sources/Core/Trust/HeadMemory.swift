import Crypto
import Foundation

/// The head of each store's log as this person last saw it, in their own state folder, so that a
/// store rolled back, rewritten or deleted and made anew is noticed by everyone who used it.
public struct HeadMemory: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// `$XDG_STATE_HOME/yakkan/heads`, else `~/.local/state/yakkan/heads`.
    public static func personal(environment: [String: String]) -> HeadMemory {
        HeadMemory(folder: PersonalFolder.state(environment) + "/heads")
    }

    /// A file's head is remembered by its absolute path; a server's by its address, without
    /// any password (a URI is no path to resolve).
    func file(for storePath: String) -> String {
        folder + "/" + Self.name(of: storePath)
    }

    /// The name a store is kept under in a person's state folder (its head here, its last clean
    /// verify in `KeptRebuild`).
    static func name(of storePath: String) -> String {
        if ServerAddress.isServer(storePath) { return ServerAddress.fingerprint(storePath) }
        let absolute = URL(fileURLWithPath: storePath).standardizedFileURL.path
        return Hex.string(SHA256.hash(data: Data(absolute.utf8)))
    }

    public func recall(storePath: String) -> LogHead? {
        guard let data = FileManager.default.contents(atPath: file(for: storePath)) else { return nil }
        return try? JSONDecoder().decode(LogHead.self, from: data)
    }

    public func remember(_ head: LogHead, storePath: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard let data = try? JSONEncoder().encode(head) else { return }
        let target = file(for: storePath)
        let temporary = target + ".incoming"
        if FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) {
            rename(temporary, target)
        }
    }
}
