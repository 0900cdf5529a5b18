import Foundation

/// The public keys of everyone who has signed an entry, one file per login beside the store
/// (`STORE.keys/LOGIN.pub`). The operating system is what ties a key to a login: each file is
/// created by its person, owned by their account, and nobody else can write it; in a folder
/// shared by a group the key folder is sticky, so nobody else can delete or replace it either.
public struct KeyFolder: Sendable {
    public let path: String
    let shared: Bool
    /// The witnesses' folder beside it, made the same way.
    let witnessFolder: WitnessFolder

    public init(storePath: String, shared: Bool) {
        self.path = storePath + ".keys"
        self.shared = shared
        self.witnessFolder = WitnessFolder(storePath: storePath, shared: shared)
    }

    func file(_ login: String) -> String { path + "/" + KeyRing.fileName(login) + ".pub" }

    /// Publishes a login's public key, or checks that the one published under it is this one.
    func publish(login: String, publicKey: String) throws {
        let target = file(login)
        if let existing = try read(login) {
            guard existing == publicKey else { throw TrustError.keyMismatch(login: login, path: target) }
            return
        }
        Self.makeFolder(path, shared: shared)
        let descriptor = open(target, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return try publish(login: login, publicKey: publicKey) }
            throw TrustError.unreadableKey(target)
        }
        defer { close(descriptor) }
        fchmod(descriptor, shared ? 0o640 : 0o600)
        let bytes = Array((publicKey + "\n").utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else { throw TrustError.unreadableKey(target) }
    }

    /// A folder of one file a login beside the store, made once: sticky as /tmp is, so that in
    /// a group folder each person's file is theirs alone to remove or replace.
    static func makeFolder(_ path: String, shared: Bool) {
        var info = stat()
        guard lstat(path, &info) != 0 else { return }
        mkdir(path, 0o700)
        chmod(path, shared ? 0o3770 : 0o700)
    }

    /// Whether any key is published here.
    func isEmpty() -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return !names.contains { $0.hasSuffix(".pub") }
    }

    /// The public key published under this login, never through a symbolic link.
    func read(_ login: String) throws -> String? {
        let descriptor = open(file(login), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 { return errno == ENOENT ? nil : "" }
        defer { close(descriptor) }
        let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What the operating system says about a published key: who owns it and who may change it.
    func binding(of login: String, accounts: Accounts) -> KeyBinding {
        var info = stat()
        guard lstat(file(login), &info) == 0 else { return .missing }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notAFile }
        if info.st_mode & 0o022 != 0 { return .writableByOthers }
        guard let uid = accounts.uid(login) else { return .noSuchAccount }
        return info.st_uid == uid ? .bound : .ownedByAnother(uid: info.st_uid)
    }
}

public enum KeyBinding: Equatable, Sendable {
    case bound
    case missing
    case notAFile
    case writableByOthers
    case ownedByAnother(uid: uid_t)
    /// The login is no account of this machine, so no file owner can vouch for it.
    case noSuchAccount
}

/// Logins to accounts of this machine. Tests that play several people in one process stand all
/// of them for the account running the test.
public struct Accounts: Sendable {
    public let uid: @Sendable (String) -> uid_t?

    public init(uid: @escaping @Sendable (String) -> uid_t?) {
        self.uid = uid
    }

    public static let system = Accounts { login in
        guard let entry = getpwnam(login) else { return nil }
        return entry.pointee.pw_uid
    }

    public static func all(as uid: uid_t) -> Accounts { Accounts { _ in uid } }
}
