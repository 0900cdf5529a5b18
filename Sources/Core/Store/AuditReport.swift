/// What `yakkan audit verify` found: every entry's chain and signature, every record row against
/// the log, every attachment against its hash, and the head the person saw last time.
public struct AuditReport: Equatable, Sendable {
    public var entries: Int
    public var findings: [AuditFinding] = []
    /// Logins with no account on this machine whose key an administrator vouched for.
    public var vouchedLogins: [String] = []

    /// What the verify covered.
    public var scope: Scope = .whole

    public var isIntact: Bool { findings.isEmpty }

    public enum Scope: Equatable, Sendable {
        /// The whole log, from its first entry.
        case whole
        /// The whole log, though asked to go on from the last clean verify: why it could not.
        case wholeInstead(KeptRebuild.Unusable)
        /// The entries after the one the last clean verify reached, and the rows of the services
        /// they touched (`entries` counts them).
        case appended(after: Int64, services: Int)
        /// The entries after the one the last clean verify reached, and every record.
        case appendedEveryRecord(after: Int64)
    }
}

/// How far a verification has come: the entries of the log replayed so far, of all of them.
public struct VerifyProgress: Sendable, Equatable {
    public let entries: Int64
    public let of: Int64
}

/// What a person asks `audit verify` to check, and with what.
public struct VerifyRequest {
    public var accounts: Accounts
    /// The head this person saw last time, which the log must still hold.
    public var remembered: LogHead?
    /// Told every thousand entries, for a line on a terminal.
    public var progress: ((VerifyProgress) -> Void)?
    /// Where this person keeps their last clean verify of the store; nil keeps nothing.
    public var kept: KeptRebuild?
    /// Go on from the kept verify: the entries appended since, and the services they touched.
    public var incremental: Bool
    /// Going on, still check the whole log when it was last checked whole longer ago than this many days.
    public var wholeEvery: Int?
    /// Going on, still compare every record and attachment, not only those of the services the
    /// appended entries touched: reading rows is quick beside replaying years of acts.
    public var comparesEveryRecord: Bool

    public init(
        accounts: Accounts, remembered: LogHead?, progress: ((VerifyProgress) -> Void)? = nil, kept: KeptRebuild? = nil,
        incremental: Bool = false, wholeEvery: Int? = nil, comparesEveryRecord: Bool = false
    ) {
        self.wholeEvery = wholeEvery
        self.comparesEveryRecord = comparesEveryRecord
        self.accounts = accounts
        self.remembered = remembered
        self.progress = progress
        self.kept = kept
        self.incremental = incremental
    }
}

extension Store {
    public func verifyAudit(accounts: Accounts, remembered: LogHead?) throws -> AuditReport {
        try verifyAudit(VerifyRequest(accounts: accounts, remembered: remembered))
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
