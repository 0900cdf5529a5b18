import Foundation
import Testing

@testable import Core

@Suite struct FourEyesTests {
    static let application = ApplicationRecord(
        id: 1, applicantLogin: "yamada", status: .submitted, procedureVersion: "1.0",
        answers: [
            ApplicationFields.department: .text("総務課"),
            ApplicationFields.departmentHead: .text("鈴木　一郎"),
        ],
        submittedAt: "2026-04-01T00:00:00Z", version: 1)

    static func reviewer(_ login: String, _ name: String, of departments: [String] = ["総務課"]) -> StaffMember {
        StaffMember(login: login, name: name, department: "総務課", reviewerOf: departments)
    }

    @Test func anEligibleReviewerPasses() {
        #expect(FourEyes.refusals(reviewerLogin: "kato", reviewer: Self.reviewer("kato", "加藤 誠"), application: Self.application).isEmpty)
    }

    @Test func theApplicantIsRefused() {
        #expect(FourEyes.refusals(reviewerLogin: "yamada", reviewer: Self.reviewer("yamada", "山田 太郎"), application: Self.application) == [.isApplicant])
    }

    @Test func theDepartmentHeadIsRefusedWhateverTheSpacing() {
        #expect(FourEyes.refusals(reviewerLogin: "suzuki", reviewer: Self.reviewer("suzuki", "鈴木 一郎"), application: Self.application)
            == [.isDepartmentHead(name: "鈴木　一郎")])
    }

    @Test func anotherDepartmentsReviewerIsRefused() {
        #expect(FourEyes.refusals(reviewerLogin: "tanaka", reviewer: Self.reviewer("tanaka", "田中", of: ["企画課"]), application: Self.application)
            == [.notReviewerOf(department: "総務課")])
    }

    @Test func someoneOutsideTheDirectoryIsRefused() {
        #expect(FourEyes.refusals(reviewerLogin: "nobody", reviewer: nil, application: Self.application) == [.notInDirectory(login: "nobody")])
    }

    @Test func anEditorIsRefused() {
        var edited = Self.application
        edited.editors = ["yamada", "kato"]
        #expect(FourEyes.refusals(reviewerLogin: "kato", reviewer: Self.reviewer("kato", "加藤 誠"), application: edited) == [.editedIt])
    }

    @Test func onlySubmittedApplicationsAreReviewed() {
        var approved = Self.application
        approved.status = .approved
        #expect(FourEyes.refusals(reviewerLogin: "kato", reviewer: Self.reviewer("kato", "加藤 誠"), application: approved)
            == [.notAwaitingReview(.approved)])
    }

    @Test func aDecidedApplicationNamesWhoDecidedIt() {
        var approved = Self.application
        approved.status = .approved
        let decision = Decision(
            applicationID: approved.id, reviewerLogin: "ito", reviewerName: "伊藤 真", outcome: .approved, reason: nil,
            answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: 1)
        approved.decisions = [decision]
        let refusals = FourEyes.refusals(reviewerLogin: "kato", reviewer: Self.reviewer("kato", "加藤 誠"), application: approved)
        #expect(refusals == [.alreadyDecided(decision, now: .approved)])
        #expect(refusals[0].text.ja.contains("伊藤 真（ito）が「承認」と判断済み"))
        #expect(refusals[0].text.en.contains("approved by 伊藤 真 (ito)"))
    }

    @Test(arguments: StoreKind.available)
    func theStoreRefusesWhatTheRuleRefuses(_ kind: StoreKind) throws {
        let village = try AuditTrailTests.honestStore(kind)
        let store = try village.store(as: "yamada")
        let kato = try village.store(as: "kato")
        // The application was returned in the honest store; resubmit it, then let the applicant try.
        let draft = try #require(store.drafts(owner: "yamada", procedureID: "application").first)
        let record = try store.submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-03T00:00:00Z")
        #expect(record.version == 3)
        let selfApproval = Decision(
            applicationID: record.id, reviewerLogin: "yamada", reviewerName: "山田", outcome: .approved, reason: nil,
            answers: [ReviewFields.businessNeed: .flag(true)], decidedAt: "2026-04-03T01:00:00Z", applicationVersion: 3)
        #expect(throws: StoreError.self) { try store.decide(selfApproval) }
        let stale = Decision(
            applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
            answers: [ReviewFields.businessNeed: .flag(true)], decidedAt: "2026-04-03T01:00:00Z", applicationVersion: 1)
        #expect(throws: StoreError.staleVersion(current: 3)) { try kato.decide(stale) }
        let crossed = Decision(
            applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
            answers: [ReviewFields.mark(6): .mark(.no)], decidedAt: "2026-04-03T01:00:00Z", applicationVersion: 3)
        #expect(throws: StoreError.self) { try kato.decide(crossed) }
        #expect(try store.application(id: record.id)?.status == .submitted)
    }
}
