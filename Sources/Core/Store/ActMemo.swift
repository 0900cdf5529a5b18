import Foundation

/// What the store has read and decoded while it writes, kept for as long as nobody else can
/// write: the acts of one transaction (the store's), or a whole replay (verify's scratch
/// database, which only the replay writes).
///
/// - The directory, until an act changes it: `Decide` reads it for nearly every act, and
///   reading it again for each was 7 % of a lifetime's fill (400 people, perf).
/// - The answers decoded during one act, by their stored text: `Decide` reads the service
///   whole, then the projection reads it whole again to derive its columns, dues and search
///   text, and decoding every duty record's answers twice was a quarter of the fill's time.
///   Kept for one act only, so that the figures are not flattered by texts that repeat from one
///   service to the next.
final class ActMemo: @unchecked Sendable {
    @TaskLocal static var current: ActMemo?

    private var directory: [StaffMember]?
    private var answers: [StoredText: Answers] = [:]

    /// The directory as read before, or as `read` reads it now.
    func directory(_ read: () throws -> [StaffMember]) rethrows -> [StaffMember] {
        if let directory { return directory }
        let read = try read()
        directory = read
        return read
    }

    func answers(_ text: String, _ decode: () throws -> Answers) rethrows -> Answers {
        if let known = answers[StoredText(text)] { return known }
        let decoded = try decode()
        answers[StoredText(text)] = decoded
        return decoded
    }

    /// After each act: its answers are not kept, and the directory only if the act left it as it was.
    func actDone(_ events: [Event]) {
        answers.removeAll(keepingCapacity: true)
        if events.contains(where: \.changesDirectory) { directory = nil }
    }

    /// After an act that was refused or undone.
    func actUndone() {
        answers.removeAll(keepingCapacity: true)
        directory = nil
    }
}

/// A stored text as a key by its bytes. A String hashes and compares its canonical form, and
/// checking that form of every duty record's answers was 3 % of a whole verify's CPU (perf); the
/// texts looked up are the very ones read before, byte for byte.
private struct StoredText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: StoredText, b: StoredText) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }
}

extension Event {
    var changesDirectory: Bool {
        switch self {
        case .staffAdded, .staffUpdated, .staffRemoved: return true
        default: return false
        }
    }
}
