/// Everything the shell may ask of the store: a SQLite file, or a PostgreSQL server for several PCs.
public protocol Store: AnyObject, Sendable {
    var intake: any AttachmentIntake { get }
    /// Where the store keeps its copy of an attachment.
    func storedPath(of attachment: Attachment) -> String
    /// What the database's own integrity check found wrong; empty when the file is sound, nil
    /// when the database has no such check for yakkan to run (a server keeps its own pages).
    func integrityCheck() throws -> [String]?
    /// Who acts, when the store itself authenticated them (a server's `session_user`); nil when
    /// the person at the keyboard is the operating system's login.
    var authenticatedLogin: String? { get }
    /// The SQL a server's roles still need to agree with the directory for `login` (when the
    /// administrator's own role could not make them); nil when nothing is left to do.
    func loginRoleLeft(for login: String) throws -> String?

    /// The records this store's reads left out so far because a value could not be read.
    var setAside: SetAside { get }

    /// Appends the commands, each signed by `actor`, all or none, and returns the events each
    /// made; `draft` is the working draft the first one sends, removed with it.
    func perform(_ commands: [Command], by actor: String, at timestamp: String, consuming draft: Draft?) throws -> [[Event]]

    func person(login: String) throws -> Person?
    func savePerson(_ person: Person, at timestamp: String) throws

    func drafts(owner: String, procedureID: String) throws -> [Draft]
    /// Every person's drafts of one form, least recently saved first: for the administrators' list.
    func drafts(procedureID: String) throws -> [Draft]
    /// Saves and returns the draft with its new version; refuses a draft saved meanwhile
    /// by another session (`StoreError.draftChangedElsewhere`).
    func saveDraft(_ draft: Draft, at timestamp: String) throws -> Draft
    func deleteDraft(id: Int64) throws
    func applications() throws -> [ApplicationRecord]
    func application(id: Int64) throws -> ApplicationRecord?
    /// Approved, in use or stopped services whose サービス管理担当者 is not in the directory, as
    /// `schedules` reads them but without their duty records and acknowledgement (there may be
    /// thousands when the directory is not yet filled).
    func servicesWithUnlistedManager() throws -> [ApplicationRecord]

    // The staff directory; every change is a command (Store+Commands).
    func staffMember(login: String) throws -> StaffMember?
    func staff() throws -> [StaffMember]
    /// The versions of the procedure the log adopted, with the built-in one.
    func procedureBook() throws -> ProcedureBook

    /// Marks the application as being double-checked by `login`; returns who else already is.
    func claimReview(applicationID: Int64, by login: String, at timestamp: String) throws -> String?

    // Duties during use (section 6)
    func people() throws -> [Person]
    func incidents() throws -> [Incident]
    func alerts() throws -> [Alert]

    // Termination and retention (section 7, 5(4))

    // The ledger
    func query(_ filter: LedgerFilter, today: Day) throws -> [ApplicationRecord]
    func queryIDs(_ filter: LedgerFilter, today: Day) throws -> [Int64]
    /// As `query`, without each service's duty records, incidents and attachments: for lists.
    func summaries(_ filter: LedgerFilter, today: Day) throws -> [ApplicationRecord]
    /// What the duty schedule needs of each service: its status, acknowledgement, termination
    /// and the earliest open period of each duty as the store keeps it (`openDues`); of its
    /// answers only 課, provider, service, service manager and period (and the 所属長 of an
    /// application under review, for the four-eyes rule). No duty record is read but those of
    /// a service whose kept dues cannot say what is open (SQLStore.readRecordsWithoutDue).
    func schedules(_ filter: LedgerFilter, today: Day) throws -> [ApplicationRecord]
    /// The schedules of these services, in the order of their ids, read as `schedules` reads
    /// them: for the few services an alert names besides a person's own.
    func schedules(ids: [Int64], today: Day) throws -> [ApplicationRecord]
    /// The same a batch of services at a time, in id order: a whole village's `due` and
    /// `calendar` hold one batch, not the village.
    func eachSchedule(_ filter: LedgerFilter, today: Day, _ body: ([ApplicationRecord]) throws -> Void) throws
    /// The list's columns of each matching service in turn, read from stored columns, so that
    /// a list of any length needs neither every row in memory nor any answers decoded.
    func eachLedgerRow(_ filter: LedgerFilter, today: Day, _ body: (LedgerRow) throws -> Void) throws
    /// Each matching service in full, read in batches, its duty records read as the JSON export
    /// writes them: for exports of everything.
    func eachExportedRecord(_ filter: LedgerFilter, today: Day, _ body: (ExportedRecord) throws -> Void) throws
    func distinctValues(_ column: LedgerColumn) throws -> [String]
    func counts(by grouping: LedgerGrouping) throws -> [(key: String, count: Int)]
    /// Each alert nobody has acknowledged yet, in id order: those addressed to `recipient`, or
    /// with nil everyone's, read one at a time so that the whole village's need not be held.
    func eachOpenAlert(for recipient: String?, _ body: (Alert) throws -> Void) throws

    /// The items `remind` mailed each login on a day (their `TodayItem.key`).
    func remindersSent(on day: Day) throws -> [String: Set<String>]
    /// Takes the items for one mail before it is sent, and returns those nobody had taken yet
    /// today: two `remind` run at once never mail the same item twice. Working state, not a
    /// record: see the README's `remind`.
    func claimReminders(_ keys: [String], for login: String, on day: Day, at timestamp: String) throws -> Set<String>
    /// The findings of `audit verify` that `remind` mailed this administrator, on any day
    /// (`FindingMail.key`); taken and given back like reminders, with those keys.
    func findingsMailed(to login: String) throws -> Set<String>
    /// Gives back items taken for a mail that sendmail did not accept, so the next run sends them.
    func forgetReminders(_ keys: [String], for login: String, on day: Day) throws

    func auditEntries() throws -> [AuditEntry]
    /// Every version of a service's application as filed, oldest first, read from the log's
    /// commands: what a returned application said before its correction.
    func filings(of id: Int64) throws -> [Answers]
    /// Checks every entry, signature and record against the log; `remembered` is the head this
    /// person saw last time, which the log must still hold.
    func verifyAudit(_ request: VerifyRequest) throws -> AuditReport
    /// The newest entry of the log, nil while it is empty.
    func head() throws -> LogHead?
    /// Whether the log holds this entry exactly.
    func contains(_ head: LogHead) throws -> Bool
    /// Leaves this person's signed witness of the head as it is now, once they have a key.
    func leaveWitness(as login: String) throws
    /// The witnesses whose head the log no longer holds: a store rolled back below what they saw.
    func lostWitnesses() throws -> [Witness]
}

extension Store {
    /// Alerts nobody has acknowledged yet: those addressed to `recipient`, or with nil everyone's.
    public func openAlerts(for recipient: String?) throws -> [Alert] {
        var alerts: [Alert] = []
        try eachOpenAlert(for: recipient) { alerts.append($0) }
        return alerts
    }
}

/// Why the store refused; each case is worded for the user in StoreText.
public enum StoreError: Error, Equatable {
    /// Written by a newer yakkan: these migrations are unknown to this one.
    case newerStore(unknownMigrations: [String])
    case cannotOpen(path: String, reason: String)
    /// The store's server stopped answering after it was opened (a restart, the network): the
    /// next transaction connects again.
    case serverUnreachable(address: String)
    /// Another session saved the same draft after this one read it.
    case draftChangedElsewhere
    case notFound(id: Int64)
    /// The application changed after it was opened: the decision was made on an old version.
    case staleVersion(current: Int)
    /// A rule of the procedure refuses the change; the reasons say which.
    case refused([Localized])
    /// A record changed without a log entry carrying it: a fault of yakkan's, refused before commit.
    case unrecordedChange
    case trust(TrustError)
    /// A command that only reads found no store there (a mistyped path must not become one).
    case noStore(path: String)
    /// The default store has not been made yet: nobody has written anything here.
    case notCreatedYet(path: String)
    /// The folder of a new store does not exist: `yakkan store init PATH` makes it.
    case noFolder(path: String, folder: String)
    /// A symbolic link (or something else than a file) where a file of the store should be.
    case notARegularFile(path: String)
    /// The operating system does not let this login write there.
    case notWritable(path: String)
    /// Someone else kept the store's write lock longer than the busy timeout.
    case busy
    /// The disk is full or a file-size limit was reached.
    case writeFailed
    /// Reading or writing a file of the store failed for another reason.
    case ioFailure(code: Int32)
    /// SQLite found a page that is not what it wrote.
    case corrupt
    /// This kind of store cannot do that (yet): a fault of the store (3), not a rule's refusal.
    case unavailable(Localized)
    /// A record holds a value yakkan cannot read (written behind its back): `audit verify` names it.
    case unreadable(String)
}

public enum StoreText {
    /// The records a command left out because they could not be read: named once, at its end.
    public static func setAside(_ subjects: [String]) -> Localized {
        let list = subjects.joined(separator: ", ")
        return Localized(
            "読み取れない値を含む記録があったため、表示と処理から除きました：\(list)（yakkan の外で書き換えられた可能性があります）。ほかの記録は使えます。yakkan audit verify で確認し、管理者に伝えてください。",
            "Some records hold values yakkan cannot read, so they were left out: \(list) (they may have been changed outside yakkan). Everything else works. Check them with yakkan audit verify and tell an administrator.")
    }

    public static func describe(_ error: StoreError) -> Localized {
        switch error {
        case .newerStore(let unknown):
            return Localized(
                "この保管庫は新しい版の yakkan で更新されています（\(unknown.joined(separator: ", "))）。yakkan を更新してから使ってください。保管庫には何も書き込んでいません。",
                "This store was written by a newer yakkan (\(unknown.joined(separator: ", "))). Update yakkan before using it; nothing was written to the store.")
        case .cannotOpen(let path, let reason) where ServerAddress.isServer(path):
            return Localized(
                "保管庫を開けません: \(path)（\(reason)）。アドレス・ログイン名・サーバーの稼働を確認し、わからなければ情報システム担当者に伝えてください。",
                "Cannot open the store at \(path) (\(reason)). Check the address, the login and that the server is running; if in doubt, tell IT staff.")
        case .serverUnreachable(let address):
            let at = address.isEmpty ? "" : "（\(address)）", atEnglish = address.isEmpty ? "" : " (\(address))"
            return Localized(
                "保管庫のサーバー\(at)に接続できません。再起動中かネットワークの不調かもしれません。しばらく待ってからもう一度試してください。続くときは情報システム担当者に伝えてください。",
                "The store's server\(atEnglish) cannot be reached: it may be restarting, or the network may be down. Wait a moment and try again; if it goes on, tell IT staff.")
        case .cannotOpen(let path, let reason):
            return Localized(
                "保管庫を開けません: \(path)（\(reason)）。パスとフォルダの権限を確認してください。",
                "Cannot open the store at \(path) (\(reason)). Check the path and the folder's permissions.")
        case .draftChangedElsewhere:
            return Localized(
                "この下書きは別の画面で更新されました。最新の内容を読み込み直して続けてください。",
                "This draft was changed in another session. Start again to continue from its latest state.")
        case .notFound(let id):
            return Localized("番号 \(id) の申請はありません。", "There is no application \(id).")
        case .staleVersion(let current):
            return Localized(
                "この申請は確認を始めた後に変更されました（現在の版：\(current)）。判断は記録していません。入力した内容は下書きに残っているので、最新の内容で確認し直してください。",
                "The application changed after you opened it (now version \(current)). Your decision was not recorded; what you typed is kept in the draft, so review the latest version again.")
        case .unrecordedChange:
            return Localized(
                "記録の変更が監査記録に含まれていないため、保存を取りやめました（yakkan の不具合です。報告してください）。",
                "A change to a record was not carried by its audit entry, so nothing was saved (a fault of yakkan's; please report it).")
        case .trust(let error):
            return TrustText.describe(error)
        case .refused(let reasons):
            return reasons.dropFirst().reduce(reasons.first ?? Localized("", "")) { $0 + Localized("\n", "\n") + $1 }
        case .unavailable(let reason):
            return reason
        default:
            return StoreFaultText.describe(error)
        }
    }
}
