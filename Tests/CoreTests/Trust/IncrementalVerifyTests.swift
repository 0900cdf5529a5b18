import Foundation
import GRDB
import Testing

@testable import Core

/// `audit verify --incremental`: a clean verify keeps its rebuild in the person's own state
/// folder, and the next goes on from there, replaying what was appended and comparing the rows
/// of the services it touched. What it cannot see (an old row nothing touched since) is a whole
/// verify's, and says so; what it can, it names as the whole verify does.
@Suite struct IncrementalVerifyTests {
    typealias Village = StoreVillage

    /// sato's verify, keeping what it rebuilt in sato's own state folder in the village.
    static func verify(
        _ village: Village, incremental: Bool, wholeEvery: Int? = nil, everyRecord: Bool = false, at moment: String? = nil
    ) throws -> AuditReport {
        let now = try #require(Moment(iso: try moment ?? village.notBefore(Moment(village.clock.now).iso)))
        return try village.store(as: "sato", clock: FixedClock(now.date)).verifyAudit(VerifyRequest(
            accounts: .all(as: geteuid()), remembered: nil, kept: kept(village), incremental: incremental, wholeEvery: wholeEvery,
            comparesEveryRecord: everyRecord))
    }

    static func kept(_ village: Village) -> KeptRebuild {
        KeptRebuild(folder: village.folder + "/sato-state/verified/store")
    }

    static func backup(_ village: Village, _ id: Int64, on day: String) throws {
        try village.store(as: "suzuki").recordDuty(
            id, .backup, answers: [DutyFields.doneOn: .date(Day(iso: day)!)], by: "suzuki", at: try village.notBefore(day + "T01:00:00Z"))
    }

    @Test(arguments: StoreKind.available)
    func aCleanVerifyIsKeptAndTheNextChecksOnlyWhatWasAppended(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let (_, inUse) = try village.fullLifecycle()
        let other = try village.inUse(service: "Example Chat")
        let whole = try Self.verify(village, incremental: false)
        #expect(whole.findings == [])
        #expect(whole.scope == .whole)
        // Only the person can read or change what their next check trusts.
        let kept = Self.kept(village)
        #expect(try FileManager.default.attributesOfItem(atPath: kept.folder)[.posixPermissions] as? Int == 0o700)
        #expect(kept.isUsable)

        let head = try #require(try village.store(as: "sato").head())
        try Self.backup(village, inUse, on: "2026-06-10")
        try Self.backup(village, other.id, on: "2026-06-11")
        let appended = try Self.verify(village, incremental: true)
        #expect(appended.findings == [])
        #expect(appended.scope == .appended(after: head.sequence, services: 2))
        #expect(appended.entries == 2)

        // The next goes on from there: nothing appended, nothing replayed.
        let nothing = try Self.verify(village, incremental: true)
        #expect(nothing.findings == [])
        #expect(nothing.scope == .appended(after: head.sequence + 2, services: 0))
        #expect(nothing.entries == 0)
    }

    @Test(arguments: StoreKind.available)
    func aRowOfATouchedServiceEditedIsNamedAndTheKeptRebuildDoesNotMoveOn(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let first = try village.inUse()
        #expect(try Self.verify(village, incremental: false).findings == [])
        let head = try #require(try village.store(as: "sato").head())
        try Self.backup(village, first.id, on: "2026-06-10")
        let record = try ActRewriteAttackTests.id(village, "SELECT max(id) FROM duty_record")
        try village.edit("UPDATE duty_record SET done_on = '2026-05-01' WHERE id = \(record)")
        try village.edit("UPDATE duty_due SET due_on = '2027-01-01' WHERE application_id = \(first.id) AND kind = 'backup'")
        let expected = [Village.rowNotInLog("duty_record \(record): done_on"), Village.rowNotInLog("duty_due \(first.id)/backup: due_on")]
        #expect(try Self.verify(village, incremental: true).findings == expected)
        // Found wanting, it kept nothing: the next incremental verify starts where the last clean one ended.
        let again = try Self.verify(village, incremental: true)
        #expect(again.findings == expected)
        #expect(again.scope == .appended(after: head.sequence, services: 1))
    }

    @Test(arguments: StoreKind.available)
    func aRowPlantedAfterTheKeptOnesAndASignedEntryTheRulesRefuseAreNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let (first, second) = try village.twoInUse()
        #expect(try Self.verify(village, incremental: false).findings == [])
        // An alert with any text, for a service no entry since has touched.
        let planted = 900
        try village.edit("""
            INSERT INTO alert (id, application_id, kind, recipient_login, recipient_name, message, needs_decision, created_at)
            VALUES (\(planted), \(second.id), 'stopped', 'kato', '加藤 誠', '{"ja":"【管理者より至急】承認してください","en":"approve"}', 0, '2026-06-01T00:00:00Z')
            """)
        // yamada, no manager of the service, signs a duty record of it.
        let sequence = try village.nextSequence()
        let command = Command.recordDuty(application: first.id, kind: .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-06-01")!)])
        try village.forge(command, as: "yamada")
        let report = try Self.verify(village, incremental: true)
        #expect(report.findings.contains(Village.rowNotInLog("alert \(planted)")))
        #expect(report.findings.contains { $0.sequence == sequence && { if case .ruleBroken = $0.kind { true } else { false } }($0) })
    }

    @Test(arguments: StoreKind.available)
    func aLogRewrittenBeforeTheKeptPointIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        _ = try village.inUse()
        #expect(try Self.verify(village, incremental: false).findings == [])
        let head = try #require(try village.store(as: "sato").head())
        // The entry the kept rebuild reached is not the log's any more.
        try village.edit("UPDATE audit SET hash = 'rewritten' WHERE sequence = \(head.sequence)")
        try village.edit("UPDATE audit_head SET hash = 'rewritten' WHERE id = 1")
        let report = try Self.verify(village, incremental: true)
        #expect(report.findings == [AuditFinding(.headNotExtended(sequence: head.sequence, hash: head.hash), sequence: head.sequence, subject: "head")])
    }

    @Test func withoutAKeptVerifyOrFromAnotherBuildTheWholeLogIsChecked() throws {
        let village = try Village(.sqlite)
        try village.directory()
        _ = try village.inUse()
        let first = try Self.verify(village, incremental: true)
        #expect(first.findings == [])
        #expect(first.scope == .wholeInstead(.none))
        // That whole verify, clean, is kept; one made by another build of yakkan is not gone on from.
        let kept = Self.kept(village)
        let queue = try DatabaseQueue(path: kept.database)
        try queue.write { db in
            let text = try #require(try String.fetchOne(db, sql: "SELECT point FROM kept_verify"))
            try db.execute(sql: "UPDATE kept_verify SET point = ?", arguments: [text.replacingOccurrences(of: VerifiedPoint.thisBuild, with: "another")])
        }
        try queue.close()
        #expect(try Self.verify(village, incremental: true).scope == .wholeInstead(.otherBuild))
        // A whole verify that finds something keeps nothing: the last clean one stays.
        try village.edit("UPDATE application SET service = 'Renamed' WHERE id = 1")
        let found = try Self.verify(village, incremental: false)
        #expect(!found.findings.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: kept.incoming))
        #expect(try Self.verify(village, incremental: true).scope == .appended(after: try #require(try village.store(as: "sato").head()).sequence, services: 0))
    }

    /// `remind` goes on from the last clean verify, and checks the whole log once a week.
    @Test func goingOnChecksTheWholeLogWhenItWasLastCheckedWholeLongerAgoThanAsked() throws {
        let village = try Village(.sqlite)
        try village.directory()
        _ = try village.inUse()
        #expect(try Self.verify(village, incremental: false, at: "2026-04-10T00:00:00Z").scope == .whole)
        let soon = try Self.verify(village, incremental: true, wholeEvery: 7, at: "2026-04-16T00:00:00Z")
        #expect(soon.scope == .appended(after: try #require(try village.store(as: "sato").head()).sequence, services: 0))
        // Going on does not renew the week: the whole log is checked seven days after it last was.
        let late = try Self.verify(village, incremental: true, wholeEvery: 7, at: "2026-04-17T00:00:01Z")
        #expect(late.scope == .wholeInstead(.wholeDue(days: 7)))
        #expect(late.findings == [])
        let renewed = try Self.verify(village, incremental: true, wholeEvery: 7, at: "2026-04-18T00:00:00Z")
        #expect(renewed.scope == .appended(after: try #require(try village.store(as: "sato").head()).sequence, services: 0))
    }

    /// What `remind` asks each morning: only the appended entries replayed, every record compared,
    /// so that an old row nothing touched since, edited behind yakkan's back, is named too.
    @Test(arguments: StoreKind.available)
    func comparingEveryRecordNamesAnOldRowNothingTouchedSince(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let (first, second) = try village.twoInUse()
        #expect(try Self.verify(village, incremental: false).findings == [])
        let head = try #require(try village.store(as: "sato").head())
        try Self.backup(village, first.id, on: "2026-06-10")
        try village.edit("UPDATE application SET period_end = '2031-03-31' WHERE id = \(second.id)")
        // Comparing the touched services only, it is not seen, and the kept rebuild moves on.
        #expect(try Self.verify(village, incremental: true).findings == [])
        let everything = try Self.verify(village, incremental: true, everyRecord: true)
        #expect(everything.scope == .appendedEveryRecord(after: head.sequence + 1))
        #expect(everything.entries == 0)
        #expect(everything.findings == [Village.rowNotInLog("application \(second.id): period_end")])
    }
}
