/// The times of the log's entries as their signers' clocks gave them, checked against each
/// other and against the clock of whoever verifies: an entry dated well before the entries
/// already in the log (a duty backdated past what followed it), or after the moment of the
/// verification (a purge dated past a retention still running), is named.
///
/// Two PCs' clocks differ by a little, so an entry may be dated up to `tolerance` before the
/// one before it. An entry dated in the future does not move the mark that later entries are
/// held to: otherwise one wrong clock would have every honest entry after it named.
struct TimeOrder {
    static let tolerance: Int64 = 15 * 60

    let now: Moment
    /// The latest time of an entry so far that was not itself dated in the future.
    private(set) var latest: Moment?

    init(now: Moment, latest: Moment? = nil) {
        self.now = now
        self.latest = latest
    }

    mutating func step(_ entry: AuditEntry) -> AuditFinding? {
        // A key's entry is dated as its signer's first act, and follows every act of the
        // transaction that act was in (an import, a batch): its date decides nothing.
        guard entry.action != AuditTrail.keyAction else { return nil }
        guard let at = Moment(iso: entry.at) else {
            return AuditFinding(.timeUnreadable(entry.at), sequence: entry.sequence, subject: entry.subject)
        }
        if at > now.adding(seconds: Self.tolerance) {
            return AuditFinding(.datedInTheFuture(entry.at), sequence: entry.sequence, subject: entry.subject)
        }
        defer { if latest.map({ at > $0 }) ?? true { latest = at } }
        if let latest, at < latest.adding(seconds: -Self.tolerance) {
            return AuditFinding(.datedBeforeEarlierEntries(at: entry.at, latest: latest.iso), sequence: entry.sequence, subject: entry.subject)
        }
        return nil
    }
}
