import Core

/// The second half of `yakkan remind`: `audit verify` run on the store, and each administrator
/// mailed what it found that they were not mailed before (each finding once), so that a row
/// changed behind yakkan's back is noticed without anyone remembering to verify.
///
/// Each morning's verify replays only what was appended since the last clean one that whoever
/// runs `remind` kept, then compares every record, so that any row changed behind yakkan's back
/// is still mailed the next morning; the whole log is replayed once a week. Replaying is what
/// grows with the years kept: a whole verify of a lifetime of 1,000 services took 89 s of CPU.
struct RemindFindings {
    static let wholeEvery = 7

    let session: Session
    let store: any Store
    let sendmail: Sendmail?
    let today: Day
    let language: Language
    let kept: KeptRebuild

    /// Whether every mail that was due was handed over.
    func run(staff: [StaffMember]) throws -> Bool {
        let report = try store.verifyAudit(VerifyRequest(
            accounts: session.accounts, remembered: nil, kept: kept, incremental: true, wholeEvery: Self.wholeEvery,
            comparesEveryRecord: true))
        guard !report.findings.isEmpty else { return true }
        var handedOver = true
        for member in staff where member.isAdministrator {
            let unsent = FindingMail.unsent(report.findings, mailed: try store.findingsMailed(to: member.login))
            guard !unsent.isEmpty else { continue }
            guard let address = member.mail else {
                session.show(.warning, FindingText.noAddress(member, unsent.count)(language))
                continue
            }
            if let refusal = DirectoryRules.mailRefusal(address) {
                session.show(.error, RemindText.unusableAddress(member, refusal)(language))
                handedOver = false
                continue
            }
            guard let sendmail else {
                session.output.write(FindingMail.message(to: member, address: address, findings: unsent, today: today) + "\n")
                continue
            }
            // Taken before the mail goes, as reminders are: two runs at once mail a finding once.
            let keys = unsent.map(FindingMail.key)
            let claimed = try store.claimReminders(keys, for: member.login, on: today, at: Village.timestamp(session.clock.now))
            let mine = unsent.filter { claimed.contains(FindingMail.key($0)) }
            guard !mine.isEmpty else { continue }
            if let problem = sendmail.send(FindingMail.message(to: member, address: address, findings: mine, today: today), environment: session.environment) {
                try store.forgetReminders(mine.map(FindingMail.key), for: member.login, on: today)
                session.show(.error, RemindText.notSent(member, problem)(language))
                handedOver = false
                continue
            }
            session.show(.success, FindingText.mailed(member, address, mine.count)(language))
        }
        return handedOver
    }
}
