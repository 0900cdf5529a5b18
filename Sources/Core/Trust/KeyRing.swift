import Crypto
import Foundation

/// A person's signing key: every entry of the log they cause is signed with it, so nobody else
/// (not even someone who can write the store's file) can add or change an entry in their name.
public struct Signer: @unchecked Sendable {
    public let login: String
    let key: Curve25519.Signing.PrivateKey

    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    func sign(_ text: String) throws -> String {
        try key.signature(for: Data(text.utf8)).base64EncodedString()
    }

    static func verify(_ signature: String, of text: String, publicKey: String) -> Bool {
        guard let raw = Data(base64Encoded: publicKey), let signatureData = Data(base64Encoded: signature),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signatureData, for: Data(text.utf8))
    }
}

/// Where a person's private signing keys live: their own data folder, readable by them alone.
/// A key is made the first time it is needed.
public struct KeyRing: Sendable {
    public enum Scope: Sendable, Equatable {
        /// The real shell: it signs only as the person at the keyboard.
        case only(String)
        /// A demo or a test that plays several people in one process.
        case everyone
    }

    public let folder: String
    public let scope: Scope
    /// Logins whose keys are elsewhere: in a demo, the visitor signs with their own key.
    public let elsewhere: [String: String]

    public init(folder: String, scope: Scope, elsewhere: [String: String] = [:]) {
        self.folder = folder
        self.scope = scope
        self.elsewhere = elsewhere
    }

    /// The person's own key folder: `$XDG_DATA_HOME/yakkan/keys`, else `~/.local/share/yakkan/keys`.
    public static func personal(login: String, environment: [String: String]) -> KeyRing {
        KeyRing(folder: PersonalFolder.data(environment) + "/keys", scope: .only(login))
    }

    /// The key ring of `login` on a server: their own key folder, unless a demo village was
    /// written into that server from this data folder and holds a key of `login`: the people of
    /// a demo are played, under their logins, from the account that wrote it, as on SQLite.
    public static func onServer(_ address: String, login: String, environment: [String: String]) -> KeyRing {
        let demo = DemoVillage.keyFolder(onServer: address, environment: environment)
        let personal = personal(login: login, environment: environment)
        guard FileManager.default.fileExists(atPath: demo + "/" + fileName(login) + ".ed25519") else { return personal }
        return KeyRing(folder: personal.folder, scope: personal.scope, elsewhere: [login: demo])
    }

    /// The one login this key ring signs for, when it is a person's own (who runs `remind`).
    var owner: String? {
        if case .only(let login) = scope { return login }
        return nil
    }

    public func signer(for login: String) throws -> Signer {
        if case .only(let me) = scope, me != login { throw TrustError.cannotSignAs(login) }
        let folder = elsewhere[login] ?? folder
        let path = folder + "/" + Self.fileName(login) + ".ed25519"
        if let existing = try Self.readPrivate(path) {
            guard let raw = Data(base64Encoded: existing.trimmingCharacters(in: .whitespacesAndNewlines)),
                  let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
                throw TrustError.unreadableKey(path)
            }
            return Signer(login: login, key: key)
        }
        let key = Curve25519.Signing.PrivateKey()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            // Made meanwhile by another process of the same person: use that one.
            if errno == EEXIST { return try signer(for: login) }
            throw TrustError.unreadableKey(path)
        }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let bytes = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else { throw TrustError.unreadableKey(path) }
        return Signer(login: login, key: key)
    }

    /// A private key is used only when it is the person's own regular file that nobody else can read.
    static func readPrivate(_ path: String) throws -> String? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw TrustError.unreadableKey(path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw TrustError.unreadableKey(path) }
        guard info.st_uid == geteuid(), info.st_mode & 0o077 == 0 else { throw TrustError.exposedKey(path) }
        return String(decoding: FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile(), as: UTF8.self)
    }

    /// A login as a file name: logins are plain on every system yakkan runs on, but a slash or a
    /// leading dot must never lead out of the folder.
    static func fileName(_ login: String) -> String {
        let safe = login.unicodeScalars.map { scalar -> String in
            CharacterSet.alphanumerics.contains(scalar) || "-_".unicodeScalars.contains(scalar) ? String(scalar) : "%" + String(scalar.value, radix: 16)
        }.joined()
        return safe.isEmpty ? "%" : safe
    }
}

/// Why signing or checking a signature could not go on; worded in TrustText.
public enum TrustError: Error, Equatable {
    case cannotSignAs(String)
    case unreadableKey(String)
    case exposedKey(String)
    /// The store holds another public key under this login than the person's own.
    case keyMismatch(login: String, path: String)
}
