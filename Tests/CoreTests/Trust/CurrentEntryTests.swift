import Foundation
import Testing

@testable import Core

/// Roles go with the directory as it is now: a サービス管理担当者 removed from it is still named
/// on the forms they kept, and is refused everything they did by that name; what they signed
/// while listed still verifies, since verify replays each entry on the directory of its time.
/// Each on a real store of each kind.
@Suite struct CurrentEntryTests {
    typealias Village = StoreVillage

    /// A service in use kept by suzuki, with a backup suzuki recorded while listed, and a second
    /// one approved that waits for suzuki's acknowledgement; then kato removes suzuki.
    static func managerRemoved(_ village: Village) throws -> (inUse: ApplicationRecord, approved: ApplicationRecord) {
        try village.directory()
        let inUse = try village.inUse()
        try village.store(as: "suzuki").recordDuty(
            inUse.id, .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-05-01")!)], by: "suzuki", at: "2026-05-01T00:00:00Z")
        let approved = try village.approve(try village.submitted(service: "Example Mail"))
        try village.store(as: "kato").removeStaff(login: "suzuki", by: "kato", at: "2026-05-02T00:00:00Z")
        return (inUse, try #require(try village.store(as: "kato").application(id: approved.id)))
    }

    @Test(arguments: StoreKind.available)
    func aManagerRemovedFromTheDirectoryIsRefusedEveryActOfTheRole(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let (inUse, approved) = try Self.managerRemoved(village)
        let suzuki = try village.store(as: "suzuki")
        let asManager = { (id: Int64) in StoreError.refused([CurrentEntryRefusal.managerNotListed(login: "suzuki", application: id).text]) }
        #expect(throws: asManager(inUse.id)) {
            _ = try suzuki.recordDuty(inUse.id, .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-06-01")!)], by: "suzuki", at: "2026-06-01T00:00:00Z")
        }
        #expect(throws: asManager(inUse.id)) {
            _ = try suzuki.stopService(inUse.id, reason: "海外経由と判明", by: "suzuki", at: "2026-06-01T00:00:00Z")
        }
        #expect(throws: asManager(approved.id)) {
            _ = try suzuki.acknowledge(Acknowledgement(applicationID: approved.id, login: "suzuki", name: "鈴木 花子", acknowledgedAt: "2026-06-01T00:00:00Z"))
        }
        #expect(throws: asManager(inUse.id)) {
            _ = try suzuki.submitTermination(
                from: Draft(owner: "suzuki", procedureID: "termination", state: InterviewState(answers: [
                    TerminationFields.endDate: .date(Day(iso: "2026-06-30")!), TerminationFields.departmentHead: .text("田中 部長"),
                ]), applicationID: inUse.id),
                at: "2026-06-01T00:00:00Z")
        }
        // Not the applicant, and no longer listed: an incident of the service is not theirs to report.
        let administrators = Administrators.named(try village.store(as: "kato").staff())
        #expect(throws: StoreError.refused([CurrentEntryRefusal.notListed(login: "suzuki", administrators: administrators).text])) {
            _ = try suzuki.reportIncident(inUse.id, answers: [EventFields.what: .text("誤送信")], by: "suzuki", at: "2026-06-01T00:00:00Z")
        }
        // Nothing changed, and what suzuki signed while listed (the acknowledgement, a backup) still verifies.
        let now = try #require(try village.store(as: "kato").application(id: inUse.id))
        #expect(now.status == .inUse && now.dutyRecords.count == 1)
        #expect(try village.store(as: "kato").application(id: approved.id)?.status == .approved)
        #expect(try village.verify(as: "sato").findings == [])
    }

    @Test(arguments: StoreKind.available)
    func aDutySignedByTheRemovedManagerIsNamedByVerify(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let (inUse, _) = try Self.managerRemoved(village)
        // suzuki, past the shell and the store, signs a backup of the service they no longer keep.
        let sequence = try village.nextSequence()
        try village.forge(.recordDuty(application: inUse.id, kind: .backup, answers: [DutyFields.doneOn: .date(Day(iso: "2026-06-01")!)]), as: "suzuki")
        let refusal = CurrentEntryRefusal.managerNotListed(login: "suzuki", application: inUse.id).text
        #expect(try village.verify(as: "sato").findings == [
            Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(inUse.id)", signer: "suzuki"),
        ])
    }

    @Test(arguments: StoreKind.available)
    func someoneNeverListedStillAppliesAndWithdrawsButActsInNoRole(_ kind: StoreKind) throws {
        let village = try Village(kind)
        try village.directory()
        let inUse = try village.inUse()
        // mallory, whom the directory does not list, applies as a newcomer may, and withdraws it.
        let own = try village.submitted(service: "Newcomer Drive", by: "mallory", at: "2026-04-05T00:00:00Z")
        #expect(own.status == .submitted && own.applicantLogin == "mallory")
        #expect(try village.store(as: "mallory").withdraw(own.id, by: "mallory", at: "2026-04-05T01:00:00Z").status == .withdrawn)
        // A command of a role, signed by mallory past the shell, is named in the words of the rule.
        let sequence = try village.nextSequence()
        try village.forge(.reportIncident(application: inUse.id, answers: [EventFields.what: .text("誤送信")]), as: "mallory")
        let administrators = Administrators.named(try village.store(as: "kato").staff())
        let refusal = CurrentEntryRefusal.notListed(login: "mallory", administrators: administrators).text
        #expect(try village.verify(as: "sato").findings == [
            Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(inUse.id)", signer: "mallory"),
        ])
    }
}
