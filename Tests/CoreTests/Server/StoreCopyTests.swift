import Foundation
import GRDB
import PrivateServer
import XCTest

@testable import Core

/// `StoreCopy`: the demo village, in a real SQLite file with its keys and attachments beside
/// it, copied into a private server's database (and back), then checked as `audit verify` does.
final class StoreCopyTests: ServerTestCase {
    static let today = Day(year: 2026, month: 4, day: 1)!

    /// The demo village in a SQLite file of a temporary folder, signed with keys of that folder.
    final class Village {
        let folder: String
        let path: String
        let keys: String
        let clock = FixedClock(day: StoreCopyTests.today)

        init() throws {
            folder = NSTemporaryDirectory() + "yakkan-store-copy-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            path = folder + "/village.sqlite"
            keys = folder + "/keys"
            let store = try SQLiteStore(
                path: path, workingDirectory: folder, clock: clock, keyRing: KeyRing(folder: keys, scope: .everyone))
            _ = try DemoVillage.build(into: store, today: StoreCopyTests.today)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func open(_ address: String, _ end: StoreCopy.End) throws -> SQLStore {
            try StoreCopy.open(address, as: end, workingDirectory: folder, environment: ["HOME": folder], clock: clock)
        }

        /// Changes a record as someone with the file and sqlite3 would: behind yakkan's back.
        func tamper(_ sql: String) throws {
            try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
        }
    }

    /// A new database on the server with yakkan's schema, made by its owner (`store init`).
    func newServerStore() throws -> String {
        let server = try server()
        let uri = server.uri(database: try server.newDatabase())
        try ServerMigrator.migrate(PostgresLink(uri: uri))
        return uri
    }

    static let accounts = Accounts.all(as: getuid())

    func testTheDemoVillageCopiedToAServerVerifiesAndListsTheSameServices() throws {
        let village = try Village()
        let source = try village.open(village.path, .source)
        let target = try village.open(try newServerStore(), .target)
        let report = try StoreCopy.copy(from: source, to: target)

        let sourceReport = try source.verifyAudit(accounts: Self.accounts, remembered: nil)
        let copyReport = try target.verifyAudit(accounts: Self.accounts, remembered: nil)
        XCTAssertEqual(sourceReport.findings, [])
        XCTAssertEqual(copyReport.findings, [])
        XCTAssertEqual(copyReport.entries, sourceReport.entries)
        XCTAssertEqual(report.auditEntries, sourceReport.entries)
        XCTAssertEqual(try target.head(), try source.head())
        XCTAssertEqual(report.attachmentsLeft, [])
        XCTAssertEqual(report.keysLeft, [])
        XCTAssertGreaterThan(report.attachments, 0)
        // Every key that signed anything: log entries, and each person's own working state.
        XCTAssertEqual(report.keys, Set(try source.auditEntries().map(\.actor)).union(try source.people().map(\.login)).count)

        // The same services, statuses, counts, drafts and ledger answers.
        func listed(_ store: SQLStore) throws -> [String] {
            try store.applications().map { "\($0.id) \($0.status.rawValue) \($0.service) \($0.decisions.count) \($0.dutyRecords.count)" }
        }
        XCTAssertEqual(try listed(target), try listed(source))
        XCTAssertGreaterThan(try listed(source).count, 10)
        for grouping in [LedgerGrouping.status, .department] {
            XCTAssertEqual(try target.counts(by: grouping).map { "\($0.key)=\($0.count)" }, try source.counts(by: grouping).map { "\($0.key)=\($0.count)" })
        }
        var overdue = LedgerFilter()
        overdue.overdue = true
        XCTAssertFalse(try source.queryIDs(overdue, today: Self.today).isEmpty)
        XCTAssertEqual(try target.queryIDs(overdue, today: Self.today), try source.queryIDs(overdue, today: Self.today))
        var search = LedgerFilter()
        search.text = "Drive"
        XCTAssertEqual(try target.queryIDs(search, today: Self.today), try source.queryIDs(search, today: Self.today))
        XCTAssertEqual(try target.drafts(procedureID: ApplicationProcedure.procedure.id).map(\.id),
                       try source.drafts(procedureID: ApplicationProcedure.procedure.id).map(\.id))

        // Every attachment opens from the copy, fetched from the server, with its own bytes.
        let attachments = try source.applications().flatMap { $0.attachments.map(\.attachment) }
        XCTAssertFalse(attachments.isEmpty)
        for attachment in attachments {
            let opened = target.storedPath(of: attachment)
            XCTAssertNotEqual(opened, source.storedPath(of: attachment))
            XCTAssertEqual(FileManager.default.contents(atPath: opened), FileManager.default.contents(atPath: source.storedPath(of: attachment)))
        }
    }

    /// After the copy, the village works on the server: a 利用責任者 decides through their own
    /// login, signed with their own key, and the copy still verifies with the new entries.
    func testTheCopyThenTakesANewDecisionByAnotherLogin() throws {
        let village = try Village()
        let uri = try newServerStore()
        let target = try village.open(uri, .target)
        _ = try StoreCopy.copy(from: try village.open(village.path, .source), to: target)

        let staff = try target.staff()
        let submitted = try XCTUnwrap(try target.applications().first { $0.status == .submitted })
        let reviewer = try XCTUnwrap(staff.first { member in
            FourEyes.refusals(reviewerLogin: member.login, reviewer: member, application: submitted).isEmpty
        })
        let server = try server()
        let owner = try PostgresLink(uri: uri)
        try owner.execute(ServerRoles.createLogin(reviewer.login, administrator: false))
        let database = String(uri.split(separator: "?")[0].split(separator: "/").last!)
        let asReviewer = try ServerStore(
            uri: server.uri(user: reviewer.login, database: database), workingDirectory: village.folder, clock: village.clock,
            cacheFolder: village.folder + "/cache-" + reviewer.login, keyRing: KeyRing(folder: village.keys, scope: .only(reviewer.login)))
        XCTAssertEqual(asReviewer.login, reviewer.login)
        // The four-eyes rule is the server's again after the copy: the applicant cannot decide their own.
        try owner.execute(ServerRoles.createLogin(submitted.applicantLogin, administrator: false))
        let own = try server.psql(as: submitted.applicantLogin, database: database, """
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, answers, application_version, decided_at, form)
            VALUES (\(submitted.id), '\(submitted.applicantLogin)', 'x', 'approved', '{}', \(submitted.version), '2026-04-01T11:00:00Z', 'application')
            """)
        XCTAssertNotEqual(own.status, 0, own.output)
        XCTAssertTrue(own.output.contains("four-eyes"), own.output)

        let before = try target.verifyAudit(accounts: Self.accounts, remembered: nil).entries
        let decided = try asReviewer.decide(Decision(
            applicationID: submitted.id, reviewerLogin: reviewer.login, reviewerName: reviewer.name, outcome: .approved, reason: nil,
            answers: [:], decidedAt: "2026-04-01T00:10:00Z", applicationVersion: submitted.version))
        XCTAssertEqual(decided.status, .approved)
        let after = try target.verifyAudit(accounts: Self.accounts, remembered: nil)
        XCTAssertEqual(after.findings, [])
        XCTAssertGreaterThan(after.entries, before)
        XCTAssertTrue(try target.auditEntries().suffix(after.entries - before).contains { $0.actor == reviewer.login })
        XCTAssertEqual(try target.application(id: submitted.id)?.decisions.last?.reviewerLogin, reviewer.login)
    }

    /// A row changed behind yakkan's back in the source is named on the copy, as on the source.
    func testATamperedSourceRowIsNamedOnTheCopy() throws {
        let village = try Village()
        try village.tamper("UPDATE application SET service = 'Laundered Drive' WHERE id = 1")
        let source = try village.open(village.path, .source)
        let target = try village.open(try newServerStore(), .target)
        _ = try StoreCopy.copy(from: source, to: target)
        let onSource = try source.verifyAudit(accounts: Self.accounts, remembered: nil).findings
        let onCopy = try target.verifyAudit(accounts: Self.accounts, remembered: nil).findings
        XCTAssertFalse(onSource.isEmpty)
        XCTAssertEqual(onCopy, onSource)
        XCTAssertTrue(onCopy.contains { $0.subject.contains("application") }, "\(onCopy)")
    }

    /// An attachment whose bytes were changed in the source's folder is not copied as it is now:
    /// the copy lacks it, and its check names it missing where the source's names it changed.
    func testAChangedAttachmentIsLeftBehindAndNamedOnTheCopy() throws {
        let village = try Village()
        let source = try village.open(village.path, .source)
        let attachment = try XCTUnwrap(try source.applications().lazy.flatMap { $0.attachments.map(\.attachment) }.first)
        try Data("replaced".utf8).write(to: URL(fileURLWithPath: source.storedPath(of: attachment)))
        let target = try village.open(try newServerStore(), .target)
        let report = try StoreCopy.copy(from: source, to: target)
        XCTAssertEqual(report.attachmentsLeft, [attachment.sha256])
        let onSource = try source.verifyAudit(accounts: Self.accounts, remembered: nil).findings
        let onCopy = try target.verifyAudit(accounts: Self.accounts, remembered: nil).findings
        XCTAssertEqual(onSource.map(\.kind), [.attachmentChanged])
        XCTAssertEqual(onCopy.map(\.kind), [.attachmentMissing])
        XCTAssertEqual(onCopy.map(\.subject), ["attachment_content/" + attachment.sha256])
    }

    /// A target that holds anything is refused, and nothing of the copy is written to it.
    func testANonEmptyTargetIsRefusedUntouched() throws {
        let village = try Village()
        let uri = try newServerStore()
        let source = try village.open(village.path, .source)
        let target = try village.open(uri, .target)
        _ = try StoreCopy.copy(from: source, to: target)
        let head = try target.head()
        let entries = try target.auditEntries().count
        XCTAssertThrowsError(try StoreCopy.copy(from: source, to: target)) { error in
            guard case StoreError.refused(let reasons) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reasons.first?(.en).contains("The target is not empty (staff,") == true, "\(reasons.map { $0(.en) })")
        }
        XCTAssertEqual(try target.head(), head)
        XCTAssertEqual(try target.auditEntries().count, entries)

        // A server store with only a person in it is not empty either: nothing is added.
        let other = try village.open(try newServerStore(), .target)
        _ = try other.database.write { db in
            try db.execute(sql: "INSERT INTO person (login, name, department, updated_at) VALUES ('kato', '加藤', '総務課', '2026-04-01T00:00:00Z')")
        }
        XCTAssertThrowsError(try StoreCopy.copy(from: source, to: other))
        XCTAssertEqual(try other.applications().count, 0)
        XCTAssertEqual(try other.auditEntries().count, 0)

        // Nor is a SQLite file: the demo itself.
        let into = try village.open(village.path, .target)
        XCTAssertThrowsError(try StoreCopy.copy(from: target, to: into))
        XCTAssertEqual(try into.auditEntries().count, entries)
    }

    /// Into a server, the copy is its tables' owner's: a member of staff is refused untouched.
    func testOnlyTheTablesOwnerCopiesIntoAServer() throws {
        let village = try Village()
        let uri = try newServerStore()
        let server = try server()
        try PostgresLink(uri: uri).execute(ServerRoles.createLogin("clerk", administrator: true))
        let database = String(uri.split(separator: "?")[0].split(separator: "/").last!)
        let asClerk = try village.open(server.uri(user: "clerk", database: database), .target)
        XCTAssertThrowsError(try StoreCopy.copy(from: try village.open(village.path, .source), to: asClerk)) { error in
            guard case StoreError.refused(let reasons) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reasons.first?(.en).contains("as the owner of its tables (\(server.superuser)") == true, "\(reasons.map { $0(.en) })")
        }
        XCTAssertEqual(try asClerk.applications().count, 0)
    }

    /// Back from the server into a new SQLite file, and file to file: the same records, the
    /// log verifies, the attachments open from the folder beside the new file.
    func testAServerStoreCopiesBackIntoAFileAndAFileIntoAFile() throws {
        let village = try Village()
        let source = try village.open(village.path, .source)
        let server = try village.open(try newServerStore(), .target)
        _ = try StoreCopy.copy(from: source, to: server)
        for (from, name) in [(server as SQLStore, "back.sqlite"), (source, "again/copy.sqlite")] {
            let path = village.folder + "/" + name
            let file = try village.open(path, .target)
            let report = try StoreCopy.copy(from: from, to: file)
            XCTAssertGreaterThan(report.attachments, 0)
            let verified = try file.verifyAudit(accounts: Self.accounts, remembered: nil)
            XCTAssertEqual(verified.findings, [], name)
            XCTAssertEqual(verified.entries, report.auditEntries)
            XCTAssertEqual(try file.applications().map(\.status), try source.applications().map(\.status))
            XCTAssertEqual(try file.integrityCheck(), [])
            // The ledger's search text and dues, copied into SQLite's own search tables.
            var search = LedgerFilter()
            search.text = "Drive"
            var overdue = LedgerFilter()
            overdue.overdue = true
            for filter in [search, overdue] {
                XCTAssertFalse(try source.queryIDs(filter, today: Self.today).isEmpty)
                XCTAssertEqual(try file.queryIDs(filter, today: Self.today), try source.queryIDs(filter, today: Self.today), name)
            }
            for attachment in try source.applications().flatMap({ $0.attachments.map(\.attachment) }) {
                XCTAssertTrue(file.storedPath(of: attachment).hasPrefix(path + ".files/"))
                XCTAssertEqual(FileManager.default.contents(atPath: file.storedPath(of: attachment)),
                               FileManager.default.contents(atPath: source.storedPath(of: attachment)))
            }
        }
    }

    /// Every table of SQLite's schema is copied: a table added later must be added to the copy.
    func testEveryTableIsCopied() throws {
        let sqlite = try DatabaseQueue()
        try Schema.migrator.migrate(sqlite)
        let names = try sqlite.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
        }
        // fts5 keeps each search table's index in shadow tables named after it.
        let own = names.filter { name in !["ledger_text_", "ledger_short_text_"].contains { name.hasPrefix($0) } }
        XCTAssertEqual(Set(own), Set(StoreCopy.tables))
        XCTAssertEqual(StoreCopy.tables.count, Set(StoreCopy.tables).count)
        XCTAssertTrue(Set(ProjectedTable.all.map(\.name)).isSubset(of: Set(StoreCopy.tables)))
    }
}
