import Foundation

/// The head of the log as one person's yakkan last saw it, signed by them and left where
/// everyone can read it and only they can change it: beside a SQLite store a file of theirs in a
/// sticky folder (`STORE.witnesses/LOGIN.head`), on a server their own row of `log_witness`.
/// Every command and every verify compares the log with every witness, so a backup restored
/// over newer work is named to everyone, also to those who never saw the newer head themselves.
public struct Witness: Codable, Equatable, Sendable {
    public let login: String
    public let sequence: Int64
    public let hash: String
    public var signature: String

    /// What is signed: the head, under a tag of its own so a witness's signature can never
    /// stand for a log entry's, nor the other way round.
    static func signed(sequence: Int64, hash: String) -> String { "yakkan-witness\n\(sequence)\n\(hash)" }

    static func made(by signer: Signer, of head: LogHead) throws -> Witness {
        Witness(login: signer.login, sequence: head.sequence, hash: head.hash,
                signature: try signer.sign(signed(sequence: head.sequence, hash: head.hash)))
    }

    /// Whether `publicKey` (the login's, as the log registered it) signed this witness.
    func isSigned(by publicKey: String) -> Bool {
        Signer.verify(signature, of: Self.signed(sequence: sequence, hash: hash), publicKey: publicKey)
    }

    var head: LogHead { LogHead(sequence: sequence, hash: hash) }

    func encoded() -> Data { (try? JSONEncoder().encode(self)) ?? Data() }

    static func decode(_ data: Data) -> Witness? { try? JSONDecoder().decode(Witness.self, from: data) }
}

/// The witnesses of a SQLite store: one file a login beside it, in a folder sticky as the key
/// folder is, so each person's file is theirs alone to replace.
struct WitnessFolder: Sendable {
    let path: String
    let shared: Bool

    init(storePath: String, shared: Bool) {
        self.path = storePath + ".witnesses"
        self.shared = shared
    }

    func file(_ login: String) -> String { path + "/" + KeyRing.fileName(login) + ".head" }

    /// Replaces this person's witness with a new one: written aside, then renamed over the old,
    /// so that a reader never meets half a witness.
    func leave(_ witness: Witness) throws {
        KeyFolder.makeFolder(path, shared: shared)
        let target = file(witness.login)
        let incoming = target + ".incoming"
        unlink(incoming)
        let descriptor = open(incoming, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw TrustError.unreadableKey(incoming) }
        fchmod(descriptor, shared ? 0o640 : 0o600)
        let bytes = Array(witness.encoded())
        let written = write(descriptor, bytes, bytes.count) == bytes.count && fsync(descriptor) == 0
        close(descriptor)
        guard written, rename(incoming, target) == 0 else {
            unlink(incoming)
            throw TrustError.unreadableKey(target)
        }
    }

    /// Every witness left here, never read through a symbolic link; a file that does not read as
    /// one is no witness.
    func all() -> [Witness] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".head") }.sorted().compactMap { name in
            let descriptor = open(path + "/" + name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < 4096 else { return nil }
            let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile()
            // A witness counts only under its own file name: nobody's file speaks for another.
            guard let witness = Witness.decode(data), file(witness.login).hasSuffix("/" + name) else { return nil }
            return witness
        }
    }
}

/// What the witnesses say of the log as it stands: each signed witness whose head the log no
/// longer holds. A witness whose signature does not hold says nothing.
enum WitnessCheck {
    static func lost(_ witnesses: [Witness], keys: any KeyDirectory, _ db: any SQLSession) throws -> [Witness] {
        guard !witnesses.isEmpty else { return [] }
        // One read for every witness: this runs at every start, for a village of hundreds.
        var held: [Int64: String] = [:]
        let sequences = Array(Set(witnesses.map(\.sequence))).sorted()
        for chunk in stride(from: 0, to: sequences.count, by: 500).map({ Array(sequences[$0..<min($0 + 500, sequences.count)]) }) {
            let list = chunk.map { _ in "?" }.joined(separator: ",")
            let arguments: SQLArguments = chunk
            try db.each(sql: "SELECT sequence, hash FROM audit WHERE sequence IN (\(list))", arguments: arguments) { row in
                held[row["sequence"]] = row["hash"]
            }
        }
        // Only a witness that fails is checked for its signature: the rare case, not every start.
        return try witnesses.filter { witness in
            guard held[witness.sequence] != witness.hash, let key = try keys.read(witness.login, db) else { return false }
            return witness.isSigned(by: key)
        }
    }
}
