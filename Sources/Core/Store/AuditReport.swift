/// What `yakkan audit verify` found: every entry's chain and signature, every record row against
/// the log, every attachment against its hash, and the head the person saw last time.
public struct AuditReport: Equatable, Sendable {
    public var entries: Int
    public var findings: [AuditFinding] = []
    /// Logins with no account on this machine whose key an administrator vouched for.
    public var vouchedLogins: [String] = []

    public var isIntact: Bool { findings.isEmpty }
}

/// How far a verification has come: the entries of the log replayed so far, of all of them.
public struct VerifyProgress: Sendable, Equatable {
    public let entries: Int64
    public let of: Int64
}

extension Store {
    public func verifyAudit(accounts: Accounts, remembered: LogHead?) throws -> AuditReport {
        try verifyAudit(accounts: accounts, remembered: remembered, progress: nil)
    }
}

public struct AuditFinding: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The entry's content does not give its recorded hash.
        case contentChanged
        /// It does not follow the entry before it: removed, reordered or inserted.
        case chainBroken
        /// The log ends before the head recorded beside it.
        case truncated
        case unsigned
        case badSignature
        /// Signed by a login that never published a key in the log.
        case unknownSigner
        /// A second key entered under a login that already had one.
        case secondKey
        /// The key file beside the store is missing, differs from the log, or is not its person's.
        case keyFile(KeyBinding)
        /// A record row that no signed entry wrote (added or changed behind yakkan's back).
        case rowNotInLog
        /// A row the log says exists is gone.
        case rowMissing
        /// A signed entry whose change a rule of the procedure forbids; the reason says which.
        case ruleBroken(Localized)
        /// A person's working state (a draft, a profile, a claim, a reminder) not signed by them.
        case workingStateChanged
        /// An entry whose detail is not a command this yakkan can read.
        case unreadableEntry
        /// An entry whose action or subject is not what its command says.
        case relabelled(action: String)
        case attachmentChanged
        /// A person's signed witness names an entry the log no longer holds: rolled back.
        case witnessLost(login: String, sequence: Int64)
        case attachmentMissing
        /// The log no longer holds the entry this person saw last time: rolled back, rewritten or recreated.
        case headNotExtended(sequence: Int64, hash: String)
        /// Dated well before an entry that precedes it in the log (TimeOrder).
        case datedBeforeEarlierEntries(at: String, latest: String)
        /// Dated after the moment of the verification.
        case datedInTheFuture(String)
        /// Its time is not a time.
        case timeUnreadable(String)
    }

    public let kind: Kind
    /// The entry it concerns, where there is one.
    public let sequence: Int64?
    /// What it concerns: a table and key, a login, a file.
    public let subject: String

    public init(_ kind: Kind, sequence: Int64?, subject: String) {
        self.kind = kind
        self.sequence = sequence
        self.subject = subject
    }
}
