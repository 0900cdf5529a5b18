import Crypto
import Foundation

/// A version of the procedure an administrator adopted, as its signed act carries it: the
/// file's text, so that verify reads the very same rules, and its SHA-256, so that the text
/// shown to the one who signed is the text kept.
public struct ProcedureAdoption: Codable, Equatable, Sendable {
    public let version: String
    /// The first day the version is in force.
    public let from: Day
    public let text: String
    public let sha256: String

    public init(version: String, from: Day, text: String, sha256: String) {
        self.version = version
        self.from = from
        self.text = text
        self.sha256 = sha256
    }

    public static func digest(of text: String) -> String {
        Hex.string(SHA256.hash(data: Data(text.utf8)))
    }
}

/// The versions of the procedure a village has: the built-in 1.0 and those adopted, each in
/// force from its day until the next one's. A form is read with the version it was made under;
/// a new one is made under the version in force on its day.
///
/// A version's file is read the first time something asks for it, not when the book is made:
/// every command makes the village's book when it opens the store, and most (a list, the
/// menu) never read a rule of the procedure; reading the built-in file alone was 18 % of the CPU
/// time of `list --limit 50` (perf, release build).
public struct ProcedureBook: Sendable {
    public let adoptions: [ProcedureAdoption]

    public static let builtIn = ProcedureBook(adoptions: [])

    /// `adoptions` in the order of the log; each text was read without mistakes when it was adopted.
    public init(adoptions: [ProcedureAdoption]) {
        self.adoptions = adoptions
    }

    /// The version in force on a day: the latest adopted from that day or before, else the built-in one.
    public func inForce(on day: Day) -> ProcedureDocument {
        // Adoptions come in the order of their first days (`Decide` refuses one before the last).
        let adopted = adoptions.last { $0.from <= day }
        return adopted.flatMap { kept($0.version) } ?? BuiltInProcedure.document
    }

    /// The version a form names; a version this village never had reads as the built-in one.
    public func document(version: String) -> ProcedureDocument {
        kept(version) ?? BuiltInProcedure.document
    }

    public func has(version: String) -> Bool { kept(version) != nil }

    /// The built-in version and every one adopted, in the order of the log.
    public var versions: [String] {
        var names = [BuiltInProcedure.document.version.version]
        for adoption in adoptions where !names.contains(adoption.version) { names.append(adoption.version) }
        return names
    }

    /// Every label of every version's scale, once each.
    public var classLabels: [String] {
        var labels: [String] = []
        for version in versions {
            for label in document(version: version).classificationScale where !labels.contains(label) { labels.append(label) }
        }
        return labels
    }

    /// The document the book holds under a version: the last adoption of it whose text reads,
    /// else the built-in one when it is that version.
    private func kept(_ version: String) -> ProcedureDocument? {
        for adoption in adoptions.reversed() where adoption.version == version {
            if let document = ProcedureBook.read(adoption.text, digest: adoption.sha256) { return document }
        }
        return version == BuiltInProcedure.document.version.version ? BuiltInProcedure.document : nil
    }

    /// A version's file as adopted (the built-in one's as shipped).
    public func text(of version: String) -> String {
        adoptions.last { $0.version == version }?.text ?? BuiltInProcedure.text
    }

    /// A file's document, or nil with its mistakes left to `ProcedureFile.read`'s callers.
    /// Read once a process per text, a text with mistakes too: a replay decides every act of the
    /// log under its version. (`digest` is the text's, as `Decide` checked when the version was adopted.)
    static func read(_ text: String, digest key: String) -> ProcedureDocument? {
        if let known = cache.reading(key) { return known }
        var document: ProcedureDocument?
        if case .document(let read) = ProcedureFile.read(text) { document = read }
        cache.keep(document, key)
        return document
    }

    private static let cache = DocumentCache()
}

/// Documents already read, by the digest of their text.
private final class DocumentCache: @unchecked Sendable {
    private let lock = NSLock()
    /// nil for a text never read; .some(nil) for one read with mistakes.
    private var documents: [String: ProcedureDocument?] = [:]

    func reading(_ key: String) -> ProcedureDocument?? { lock.withLock { documents[key] } }
    func keep(_ document: ProcedureDocument?, _ key: String) { lock.withLock { documents[key] = document } }
}
