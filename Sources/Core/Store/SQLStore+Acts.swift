import Foundation

/// The one way records change: each command is decided against the store as it stands, inside
/// the transaction that appends it, signed by its actor, to the log; its events are projected
/// into the rows; and what a person keeps for themselves (drafts) follows.
extension SQLStore {
    public func perform(_ commands: [Command], by actor: String, at timestamp: String, consuming draft: Draft?) throws -> [[Event]] {
        try perform(commands.map { Act($0, by: actor, at: timestamp) }, consuming: draft)
    }

    /// Several people's commands in one transaction, each its own signed entry, all or none: a
    /// village's lifetime built by the benchmark, or a spreadsheet imported.
    public func perform(_ acts: [Act], consuming draft: Draft? = nil) throws -> [[Event]] {
        do {
            let (made, unusedFiles) = try database.appendToLog { db in
                try self.append(acts, consuming: draft, db)
            }
            // Files go only after the records that named them are gone for good.
            for sha in unusedFiles { try? vault.remove(sha) }
            return made
        } catch let error as TrustError {
            throw StoreError.trust(error)
        }
    }

    private func append(_ acts: [Act], consuming draft: Draft?, _ db: any SQLSession) throws -> ([[Event]], [String]) {
        let start = try AuditTrail.headSequence(db)
        if let draft, let id = draft.id {
            // The draft submitted is the one its writer last saw: not one saved since elsewhere.
            guard try db.execute(sql: "DELETE FROM draft WHERE id = ? AND version = ?", arguments: [id, draft.version]) == 1 else {
                throw StoreError.draftChangedElsewhere
            }
        }
        var made: [[Event]] = []
        var files = FilesLeft()
        let memo = ActMemo()
        for act in acts { try ActMemo.$current.withValue(memo) {
            let (actor, timestamp) = (act.actor, act.at)
            let state = SQLLedgerState(db: db)
            let sequence = try AuditTrail.headSequence(db) + 1
            let command = try act.command.completed(in: state)
            let events = try Decide.decide(command, ActContext(actor: actor, at: timestamp, sequence: sequence), in: state)
            made.append(events)
            defer { memo.actDone(events) }
            // A command that changes nothing leaves nothing in the log (an alert read twice).
            guard !events.isEmpty else { return }
            try AuditTrail.append(
                db, actor: actor, action: command.action, subject: ActEntry.subject(of: command, events),
                detail: try ActEntry(act: command).encoded(), at: timestamp)
            try files.note(events, db)
            try Projection.apply(events, db)
            try WorkingState.follow(events, by: actor, db)
            // What the log said of a purged service goes too; the entries keep their place in the chain.
            let purged = events.compactMap { if case .purged(let id) = $0 { return "application/\(id)" } else { return nil } }
            try AuditTrail.erase(db, subjects: purged)
            for event in events { try followDirectory(event, db) }
        } }
        try AuditTrail.seal(db, since: start, keyRing: keyRing, keys: keys)
        return (made, try files.unused(db))
    }

    private func followDirectory(_ event: Event, _ db: any SQLSession) throws {
        switch event {
        case .staffAdded(let member, _), .staffUpdated(let member): try directoryChanged(member.login, to: member, db)
        case .staffRemoved(let login): try directoryChanged(login, to: nil, db)
        default: break
        }
    }
}

/// A command, who signed it and when.
public struct Act: Sendable {
    public let command: Command
    public let actor: String
    public let at: String

    public init(_ command: Command, by actor: String, at: String) {
        self.command = command
        self.actor = actor
        self.at = at
    }
}

extension Command {
    /// What the store fills in from its own state: a purge names the numbers given so far.
    func completed(in state: any LedgerState) throws -> Command {
        guard case .purge(let ids, _) = self else { return self }
        return .purge(applications: ids, counters: try state.counters())
    }
}

/// What a log entry of a command holds: the command, as its actor said it.
struct ActEntry: Codable {
    var act: Command

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ text: String) -> Command? {
        if let duty = StoredAnswers.recordedDuty(text), let kind = DutyKind(rawValue: duty.kind) {
            return .recordDuty(application: duty.application, kind: kind, answers: duty.answers)
        }
        return (try? JSONDecoder().decode(ActEntry.self, from: Data(text.utf8)))?.act
    }

    /// What the entry is about, as `audit list` and a purge read it.
    static func subject(of command: Command, _ events: [Event]) -> String {
        switch command {
        case .addStaff(let entry), .updateStaff(let entry): return "staff/\(entry.login)"
        case .removeStaff(let login): return "staff/\(login)"
        case .vouchKey(let login, _): return "staff/\(login)"
        case .discardDraft(let id, _, _): return "draft/\(id)"
        case .readAlert(let id): return "alert/\(id)"
        case .purge: return "store"
        case .adoptProcedure(let adoption): return "procedure/\(adoption.version)"
        case .reportIncidentElsewhere:
            for case .incidentRecorded(let id, _) in events { return "incident/\(id)" }
            return "incident"
        default:
            if let id = command.application { return "application/\(id)" }
            for case .applicationFiled(let id, _, _, _, _, _) in events { return "application/\(id)" }
            return "store"
        }
    }
}

/// Drafts are each person's own working state, not records: what a command means for them.
enum WorkingState {
    static func follow(_ events: [Event], by actor: String, _ db: any SQLSession) throws {
        for event in events {
            switch event {
            case .draftDiscarded(let id, let owner):
                guard try db.execute(sql: "DELETE FROM draft WHERE id = ? AND owner = ?", arguments: [id, owner]) == 1 else {
                    throw StoreError.refused([DraftActions.notYourDraft])
                }
            case .decided(_, let decision, let effect):
                try db.execute(
                    sql: "DELETE FROM draft WHERE procedure = ? AND application_id = ? AND owner = ?",
                    arguments: [effect.reviewProcedureID, decision.applicationID, decision.reviewerLogin])
            case .applicationWithdrawn(let id), .purged(let id):
                // Nothing waits on it any more: its correction draft and any double check begun on it.
                try db.execute(sql: "DELETE FROM draft WHERE application_id = ?", arguments: [id])
            default:
                break
            }
        }
    }
}

/// The attachments a purge may leave unused, noted before their rows go.
struct FilesLeft {
    private var candidates = Set<String>()

    mutating func note(_ events: [Event], _ db: any SQLSession) throws {
        for case .purged(let id) in events {
            candidates.formUnion(try db.values(String.self, sql: "SELECT sha256 FROM application_attachment WHERE application_id = ?", arguments: [id]))
        }
    }

    func unused(_ db: any SQLSession) throws -> [String] {
        try candidates.sorted().filter { sha in
            try db.value(Int.self, sql: "SELECT COUNT(*) FROM application_attachment WHERE sha256 = ?", arguments: [sha])! == 0
                && db.value(Int.self, sql: "SELECT COUNT(*) FROM draft WHERE state LIKE ?", arguments: ["%\(sha)%"])! == 0
        }
    }
}
