import Foundation
import GRDB
import PrivateServer
import Testing
@testable import Core

@Suite("Demo village")
struct DemoVillageTests {
    /// A store of its own, built on a fixed day: a SQLite file in a temporary folder, or a
    /// database of its own on the test process's private server, written by the tables' owner
    /// in everyone's name as `yakkan demo postgresql://…` writes it.
    final class Built {
        let folder: String
        let store: SQLStore
        let summary: DemoVillage.Summary
        let today: Day
        let kind: StoreKind
        /// The server and the database (nil for SQLite).
        let server: (server: PrivateServer, database: String)?

        init(_ kind: StoreKind = .sqlite, today: Day, visitor: StaffMember? = nil) throws {
            folder = NSTemporaryDirectory() + "yakkan-demo-test-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            self.today = today
            self.kind = kind
            let keyRing = KeyRing(folder: folder + "/test-keys", scope: .everyone)
            switch kind {
            case .sqlite:
                server = nil
                store = try SQLiteStore(path: folder + "/demo.sqlite", workingDirectory: folder, clock: FixedClock(day: today), keyRing: keyRing)
            case .server:
                let shared = try PrivateServer.forDemos()
                let database = try shared.newStoreDatabase(logins: [], administrators: [])
                server = (shared, database)
                store = try ServerStore(
                    uri: shared.uri(database: database), personalFolders: ["HOME": folder], workingDirectory: folder,
                    clock: FixedClock(day: today), keyRing: { _, _ in keyRing }, writingForOthers: true)
            }
            summary = try DemoVillage.build(into: store, today: today, visitor: visitor)
        }

        /// SQL run as the tables' owner, behind the store's back.
        func asOwner(_ sql: String) throws {
            switch server {
            case nil:
                let queue = try DatabaseQueue(path: folder + "/demo.sqlite")
                try queue.write { db in try db.execute(sql: sql) }
            case let (server, database)?:
                _ = try PostgresLink(uri: server.uri(database: database)).execute(sql)
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        /// One village of each kind built on `DemoVillageTests.today` for the tests that only
        /// read it (a build takes seconds), its folder removed when the test process exits.
        static func shared(_ kind: StoreKind) throws -> Built {
            sharedLock.lock()
            defer { sharedLock.unlock() }
            if let built = sharedVillages[kind] { return built }
            let built = try Built(kind, today: DemoVillageTests.today)
            if sharedVillages.isEmpty {
                atexit { for built in Built.sharedVillages.values { try? FileManager.default.removeItem(atPath: built.folder) } }
            }
            sharedVillages[kind] = built
            return built
        }

        private static let sharedLock = NSLock()
        nonisolated(unsafe) private static var sharedVillages: [StoreKind: Built] = [:]
    }

    static let today = Day(year: 2026, month: 4, day: 1)!

    @Test(arguments: StoreKind.available)
    func everyStatusIsThere(_ kind: StoreKind) throws {
        let built = try Built.shared(kind)
        let records = try built.store.applications()
        for status in ApplicationStatus.allCases {
            #expect(records.contains { $0.status == status }, "no service is \(status.rawValue)")
            #expect(built.summary.count(status) == records.filter { $0.status == status }.count)
        }
        #expect(records.count >= 12)
        #expect(Set(records.map(\.department)) == ["総務課", "企画課", "住民課", "教育委員会事務局", "観光商工課"])
        // Approved but not yet acknowledged; a termination waiting for its double check.
        #expect(records.contains { $0.status == .approved && $0.acknowledgement == nil })
        #expect(records.contains { $0.termination?.status == .submitted })
        // A class Ⅱ service permitted by its 利用責任者, and personal information elsewhere.
        #expect(records.contains { record in
            record.classification == .two && record.status == .inUse
                && record.decisions.last?.answers[ReviewFields.permitClassification]?.flag == true
        })
        #expect(records.contains { $0.answers[ApplicationFields.personalInformation]?.flag == true && $0.status == .inUse })
        // A returned application waits in its applicant's drafts.
        let returned = try #require(records.first { $0.status == .returned })
        #expect(try built.store.drafts(owner: returned.applicantLogin, procedureID: ApplicationProcedure.procedure.id)
            .contains { $0.applicationID == returned.id })
    }

    @Test(arguments: StoreKind.available)
    func dutiesOnTimeAndOverdue(_ kind: StoreKind) throws {
        let built = try Built.shared(kind)
        var overdue = LedgerFilter()
        overdue.overdue = true
        let late = try built.store.queryIDs(overdue, today: Self.today)
        #expect(late.count >= 2)
        #expect(built.summary.overdueServices == late.count)
        // `list --overdue` names exactly the services `due --all` calls overdue.
        let everyone = Actor(login: "auditor", name: nil, member: nil)
        let overdueInDue = try WaitingWork.items(for: everyone, matching: LedgerFilter(), everything: true, store: built.store, today: Self.today)
            .filter { $0.kind == .overdue }.compactMap(\.applicationID)
        #expect(Set(overdueInDue) == Set(late))
        var inUse = LedgerFilter()
        inUse.statuses = [.inUse]
        let all = try built.store.queryIDs(inUse, today: Self.today)
        // Services in use with every duty on time, each with a year of records.
        let onTime = Set(all).subtracting(late)
        #expect(onTime.count >= 3)
        for id in onTime {
            let record = try #require(try built.store.application(id: id))
            #expect(record.dutyRecords.count >= 6, "application \(id) has few duty records")
        }
    }

    @Test(arguments: StoreKind.available)
    func alertsIncidentsAndRetention(_ kind: StoreKind) throws {
        let built = try Built.shared(kind)
        let alerts = try built.store.alerts()
        let elsewhere = alerts.filter { $0.kind == .incidentElsewhere }
        #expect(!elsewhere.isEmpty)
        #expect(elsewhere.contains { $0.acknowledgedAt == nil })
        #expect(elsewhere.contains { $0.acknowledgedAt != nil })
        #expect(try built.store.incidents().count >= 2)
        let ended = try #require(try built.store.applications().first { $0.status == .ended })
        let keepUntil = try #require(ended.keepUntil)
        #expect(keepUntil > Self.today)
        var kept = LedgerFilter()
        kept.statuses = [.ended]
        #expect(try built.store.query(kept, today: Self.today).first?.keepUntil == keepUntil)
        let stopped = try #require(try built.store.applications().first { $0.status == .stopped })
        #expect(stopped.stop != nil)
    }

    /// Roles go with logins, so whoever runs `yakkan demo` plays each under their own.
    @Test(arguments: StoreKind.available)
    func theVisitorCanTryEveryRole(_ kind: StoreKind) throws {
        let built = try Built(kind, today: Self.today, visitor: DemoVillage.visitor(login: "newcomer"))
        let records = try built.store.applications()
        let visitor = try #require(try built.store.staffMember(login: "newcomer"))
        #expect(visitor.isAdministrator)
        #expect(!ReviewText.queue(for: visitor, in: records).isEmpty, "nothing to double-check")
        #expect(!ReviewText.toAcknowledge(login: "newcomer", member: visitor, in: records).isEmpty, "no risks to acknowledge")
        #expect(records.contains { $0.status == .inUse && DutyRules.isManager(login: "newcomer", of: $0) }, "no service to keep")
        let drafts = try built.store.drafts(owner: "newcomer", procedureID: ApplicationProcedure.procedure.id)
        #expect(drafts.contains { draft in records.contains { $0.id == draft.applicationID && $0.status == .returned } }, "nothing returned")
        // Without a visitor the village is its own.
        let alone = try Built.shared(kind)
        #expect(try alone.store.applications().allSatisfy { $0.applicantLogin != "newcomer" && $0.serviceManagerLogin != "newcomer" })
    }

    @Test(arguments: StoreKind.available)
    func auditIsIntactAndTimestampsAreInThePast(_ kind: StoreKind) throws {
        let built = try Built(kind, today: Self.today, visitor: DemoVillage.visitor(login: "newcomer"))
        let report = try built.store.verifyAudit(accounts: .all(as: geteuid()), remembered: nil)
        #expect(report.findings == [])
        #expect(report.entries == built.summary.auditEntries)
        let audit = try built.store.auditEntries()
        #expect(audit.first?.actor == "newcomer")
        let latest = try #require(audit.map(\.at).max())
        #expect(Village.day(ofTimestamp: latest)! < Self.today)
        #expect(audit.map(\.at) == audit.map(\.at).sorted())
        #expect(try built.store.staffMember(login: "newcomer")?.isAdministrator == true)
    }

    @Test(arguments: StoreKind.available)
    func everyFormRenders(_ kind: StoreKind) throws {
        let built = try Built.shared(kind)
        for record in try built.store.applications() {
            let text = ApplicationForm.text(record, applicant: try built.store.person(login: record.applicantLogin), today: Self.today, .ja)
            #expect(!text.contains("（不明）"))
            #expect(text.contains(record.service))
            if record.termination != nil {
                #expect(!TerminationForm.text(record, .ja).isEmpty)
            }
            // Every attachment is in the vault.
            for (_, attachment) in record.attachments {
                #expect(FileManager.default.fileExists(atPath: built.store.storedPath(of: attachment)))
            }
        }
    }

    @Test(arguments: [Day(year: 2026, month: 1, day: 4)!, Day(year: 2025, month: 12, day: 31)!, Day(year: 2027, month: 3, day: 1)!])
    func buildsOnOtherDays(_ today: Day) throws {
        let built = try Built(today: today)
        for status in ApplicationStatus.allCases { #expect(built.summary.count(status) > 0, "\(today): no \(status.rawValue)") }
        #expect(built.summary.overdueServices >= 2)
        #expect(built.summary.unacknowledgedAlerts >= 1)
    }
}
