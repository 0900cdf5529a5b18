/// The turn of one write that extends the log, on the server: a session-level advisory lock,
/// taken before the transaction begins and given back after it ends.
///
/// Every such write reads the head, signs the next entry and appends it, so two at once always
/// conflict: with serializable transactions finding that out (SQLSTATE 40001) and retrying,
/// 41% of applications failed "busy" at 40 writers (issue 26). Queued, they never overlap.
///
/// The lock is taken outside the transaction on purpose: a serializable transaction's snapshot
/// is taken at its first statement, before that statement waits for a lock, so a lock taken
/// inside it (`pg_advisory_xact_lock`) would leave it reading the head as it was before the
/// writer ahead of it committed, and conflicting all the same. Waiting is bounded by the
/// server's `lock_timeout` (SQLSTATE 55P03, a busy store); a session that ends, even cut off,
/// gives the lock back.
struct LogQueue {
    /// The lock's key, the same in every session; advisory locks are per database.
    static let key = "hashtext('yakkan_log')"

    private let link: PostgresLink

    init(_ link: PostgresLink) throws {
        // The first statement of the write: on a dropped connection, a new one is made here.
        try link.begin("SELECT pg_advisory_lock(\(Self.key))")
        self.link = link
    }

    func leave() {
        _ = try? link.execute("SELECT pg_advisory_unlock(\(Self.key))")
    }
}
