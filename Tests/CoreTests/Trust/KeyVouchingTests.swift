import Foundation
import Testing

@testable import Core

/// A key counts when the operating system vouches for it (its file's owner is that login's
/// account) or an administrator vouched for exactly that key. The attack: a member publishes a
/// key in the name of a listed colleague who has no account on this machine yet, and decides
/// as them.
@Suite struct KeyVouchingTests {
    /// "ghost" is listed, as a 利用責任者, but has no account on this machine; everyone else's
    /// key files are owned by their accounts (all of them the test's own).
    static let accounts = Accounts { login in login == "ghost" ? nil : geteuid() }

    static func village() throws -> StoreVillage {
        let village = try StoreVillage(.sqlite)
        let kato = try village.store(as: "kato")
        _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:00:00Z")
        _ = try kato.addStaff(StaffMember(login: "ghost", name: "幽 霊子", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:01:00Z")
        _ = try kato.addStaff(StaffMember(login: "mallory", name: "真理 守", department: "総務課"), by: "kato", at: "2026-04-01T00:02:00Z")
        let draft = Draft(owner: "mallory", procedureID: "application", state: InterviewState(answers: [
            ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .text("鈴木 一郎"),
        ]))
        _ = try village.store(as: "mallory").submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
        return village
    }

    /// mallory's yakkan, signing as ghost with a key mallory made: the decision is ghost's to
    /// make by the rules, so only the key can give it away.
    static func decideAsGhost(_ village: StoreVillage) throws {
        let forged = try SQLiteStore(
            path: village.path, workingDirectory: village.folder, clock: village.clock,
            keyRing: KeyRing(folder: village.keyFolder(of: "mallory"), scope: .only("ghost")))
        _ = try forged.decide(Decision(
            applicationID: 1, reviewerLogin: "ghost", reviewerName: "幽 霊子", outcome: .returned, reason: "差し戻し",
            answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: 1))
    }

    static func verify(_ village: StoreVillage) throws -> AuditReport {
        try village.verify(as: "kato", accounts: accounts)
    }

    static func isUnvouched(_ finding: AuditFinding) -> Bool {
        if case .keyFile(.noSuchAccount) = finding.kind { return finding.subject.hasSuffix("ghost.pub") }
        return false
    }

    @Test func aKeyNobodyVouchesForFailsVerify() throws {
        let village = try Self.village()
        try Self.decideAsGhost(village)
        let report = try Self.verify(village)
        #expect(!report.isIntact)
        #expect(report.findings.contains(where: Self.isUnvouched))
        #expect(TrustText.verification(report).map(\.ja).joined().contains("管理者も保証していません"))
    }

    @Test func anAdministratorVouchesForTheKeyTheyChecked() throws {
        let village = try Self.village()
        try Self.decideAsGhost(village)
        let kato = try village.store(as: "kato")
        let key = try #require(try kato.publishedKeys().first { $0.login == "ghost" }?.key)
        _ = try kato.perform(.vouchKey(login: "ghost", publicKey: key), by: "kato", at: "2026-04-03T00:00:00Z")
        let report = try Self.verify(village)
        #expect(report.findings == [])
        #expect(report.vouchedLogins == ["ghost"])
        #expect(try kato.auditEntries().last?.action == "key-vouch")
    }

    @Test func aVouchForAnotherKeyVouchesForNothing() throws {
        let village = try Self.village()
        try Self.decideAsGhost(village)
        let other = try KeyRing(folder: village.folder + "/elsewhere", scope: .only("ghost")).signer(for: "ghost").publicKey
        _ = try village.store(as: "kato").perform(.vouchKey(login: "ghost", publicKey: other), by: "kato", at: "2026-04-03T00:00:00Z")
        #expect(try Self.verify(village).findings.contains(where: Self.isUnvouched))
    }

    @Test func onlyAnotherAdministratorVouches() throws {
        let village = try Self.village()
        try Self.decideAsGhost(village)
        let mallory = try village.store(as: "mallory")
        let key = try #require(try mallory.publishedKeys().first { $0.login == "ghost" }?.key)
        #expect(throws: StoreError.self) {
            try mallory.perform(.vouchKey(login: "ghost", publicKey: key), by: "mallory", at: "2026-04-03T00:00:00Z")
        }
        let kato = try village.store(as: "kato")
        let own = try #require(try kato.publishedKeys().first { $0.login == "kato" }?.key)
        #expect(throws: StoreError.self) {
            try kato.perform(.vouchKey(login: "kato", publicKey: own), by: "kato", at: "2026-04-03T00:00:00Z")
        }
        #expect(KeyVouching.fingerprint("not a key") == nil)
        #expect(KeyVouching.fingerprint(key)?.count == 19)
    }
}
