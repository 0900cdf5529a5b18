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
    private var answers: [String: Answers] = [:]

    /// The directory as read before, or as `read` reads it now.
    func directory(_ read: () throws -> [StaffMember]) rethrows -> [StaffMember] {
        if let directory { return directory }
        let read = try read()
        directory = read
        return read
    }

    func answers(_ text: String, _ decode: () throws -> Answers) rethrows -> Answers {
        if let known = answers[text] { return known }
        let decoded = try decode()
        answers[text] = decoded
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

extension Event {
    var changesDirectory: Bool {
        switch self {
        case .staffAdded, .staffUpdated, .staffRemoved: return true
        default: return false
        }
    }
}
