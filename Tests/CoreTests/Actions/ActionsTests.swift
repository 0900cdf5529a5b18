import Foundation
import Testing

@testable import Core

/// What each action decides, without a store: the same answers the store gets inside its
/// transaction, since it asks the same functions.
@Suite struct ActionsTests {
    static let kato = StaffMember(login: "kato", name: "加藤 誠", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"])
    static let sato = StaffMember(login: "sato", name: "佐藤 花子", department: "総務課")

    static func decision(_ outcome: DecisionOutcome, on form: Decision.Form = .application, version: Int = 1, by login: String = "kato") -> Decision {
        var decision = Decision(
            applicationID: 1, reviewerLogin: login, reviewerName: login, outcome: outcome, reason: nil, answers: [:],
            decidedAt: "2026-04-02T00:00:00Z", applicationVersion: version)
        decision.form = form
        return decision
    }

    // MARK: The double check

    @Test func aReturnedApplicationGoesBackToItsApplicantWithEveryAnswer() throws {
        let effect = try ReviewActions.effect(of: Self.decision(.returned), on: FourEyesTests.application, reviewer: Self.kato)
        #expect(effect.applicationStatus == .returned)
        #expect(effect.terminationStatus == nil)
        var returned = FourEyesTests.application
        returned.status = .returned
        let draft = try #require(ReviewActions.returnedDraft(of: returned, procedureID: ApplicationProcedure.procedure.id))
        #expect(draft.owner == "yamada")
        #expect(draft.applicationID == 1)
        #expect(draft.state.answers == FourEyesTests.application.answers)
        #expect(ReviewActions.returnedDraft(of: FourEyesTests.application, procedureID: ApplicationProcedure.procedure.id) == nil)
    }

    @Test func aDecisionOnAnOlderVersionIsRefusedAsStale() {
        #expect(throws: StoreError.staleVersion(current: 1)) {
            _ = try ReviewActions.effect(of: Self.decision(.refused, version: 0), on: FourEyesTests.application, reviewer: Self.kato)
        }
    }

    @Test func theApplicantCannotDecideTheirOwnApplication() {
        let yamada = StaffMember(login: "yamada", name: "山田", department: "総務課", reviewerOf: ["総務課"])
        #expect(throws: StoreError.refused([ReviewRefusal.isApplicant.text])) {
            _ = try ReviewActions.effect(of: Self.decision(.refused, by: "yamada"), on: FourEyesTests.application, reviewer: yamada)
        }
    }

    @Test func anApplicationIsNeverConfirmedAndATerminationNeverApproved() throws {
        #expect(throws: StoreError.self) {
            _ = try ReviewActions.effect(of: Self.decision(.confirmed), on: FourEyesTests.application, reviewer: Self.kato)
        }
        var ending = FourEyesTests.application
        ending.status = .inUse
        ending.termination = TerminationRecord(
            applicationID: 1, applicantLogin: "sato", status: .submitted, answers: [:], submittedAt: "2027-03-31T00:00:00Z", version: 1)
        #expect(throws: StoreError.self) {
            _ = try ReviewActions.effect(of: Self.decision(.approved, on: .termination), on: ending, reviewer: Self.kato)
        }
        let confirmed = try ReviewActions.effect(of: Self.decision(.confirmed, on: .termination), on: ending, reviewer: Self.kato)
        #expect(confirmed.applicationStatus == .ended)
        #expect(confirmed.terminationStatus == .confirmed)
        #expect(ReviewActions.returnedDraft(of: ending, procedureID: TerminationProcedure.id) == nil)
        let returned = try ReviewActions.effect(of: Self.decision(.returned, on: .termination), on: ending, reviewer: Self.kato)
        #expect(returned.applicationStatus == nil)
        #expect(returned.terminationStatus == .returned)
        ending.termination?.status = .returned
        let draft = ReviewActions.returnedDraft(of: ending, procedureID: TerminationProcedure.id)
        #expect(draft?.owner == "sato")
        #expect(draft?.procedureID == TerminationProcedure.id)
    }

    @Test func aReviewBegunOnAnOlderVersionAsksEveryMarkAgain() {
        var begun = Draft.fresh(owner: "kato", procedureID: ReviewProcedure.id, about: 1, version: 1)
        begun.id = 7
        begun.state = InterviewState(answers: [ReviewFields.reason: .text("確認中")], order: [ReviewFields.reason])
        let same = ReviewActions.reviewDraft(resuming: begun, owner: "kato", procedureID: ReviewProcedure.id, of: 1, version: 1)
        #expect(same.began == .resumed)
        #expect(same.draft == begun)
        let newer = ReviewActions.reviewDraft(resuming: begun, owner: "kato", procedureID: ReviewProcedure.id, of: 1, version: 3)
        #expect(newer.began == .onNewVersion(from: 1, to: 3))
        #expect(newer.draft.state.answers.isEmpty)
        #expect(newer.draft.applicationVersion == 3)
        let none = ReviewActions.reviewDraft(resuming: nil, owner: "kato", procedureID: ReviewProcedure.id, of: 1, version: 3)
        #expect(none.began == .fresh)
        #expect(none.draft.id == nil)
    }

    // MARK: The directory

    @Test func theFirstPersonOfAnEmptyDirectoryIsItsAdministratorAndOnlyThemselves() throws {
        let first = try DirectoryActions.adding(StaffEntry(login: "kato", name: "加藤", department: "総務課"), by: "kato", directory: [])
        #expect(first.isAdministrator)
        #expect(throws: StoreError.self) {
            _ = try DirectoryActions.adding(StaffEntry(login: "sato", name: "佐藤", department: "総務課"), by: "kato", directory: [])
        }
    }

    @Test func onlyAnotherAdministratorChangesAnEntryAndWhatIsNotGivenStays() throws {
        let directory = [Self.kato, Self.sato]
        let edited = try DirectoryActions.updating(StaffEntry(login: "sato", reviewerOf: ["企画課", "総務課", "企画課"]), by: "kato", directory: directory)
        #expect(edited.name == "佐藤 花子")
        #expect(edited.department == "総務課")
        #expect(edited.reviewerOf == ["企画課", "総務課"])
        #expect(throws: StoreError.self) { _ = try DirectoryActions.updating(StaffEntry(login: "kato", administrator: false), by: "kato", directory: directory) }
        #expect(throws: StoreError.self) { _ = try DirectoryActions.updating(StaffEntry(login: "kato", name: "x"), by: "sato", directory: directory) }
        #expect(throws: StoreError.refused([StaffText.notListed("ito")])) {
            _ = try DirectoryActions.updating(StaffEntry(login: "ito", name: "伊藤"), by: "kato", directory: directory)
        }
        #expect(throws: StoreError.self) { _ = try DirectoryActions.adding(StaffEntry(login: "sato", name: "佐藤"), by: "kato", directory: directory) }
    }

    @Test func theLastAdministratorStaysWhoeverAsks() throws {
        let directory = [Self.kato, Self.sato]
        #expect(throws: StoreError.self) { _ = try DirectoryActions.removing("kato", by: "kato", directory: directory) }
        #expect(throws: StoreError.self) { _ = try DirectoryActions.removing("kato", by: "sato", directory: directory) }
        #expect(throws: StoreError.self) { _ = try DirectoryActions.updating(StaffEntry(login: "kato", administrator: false), by: "kato", directory: directory) }
        let ito = StaffMember(login: "ito", name: "伊藤", department: "総務課", isAdministrator: true)
        #expect(try DirectoryActions.removing("kato", by: "ito", directory: directory + [ito]).login == "kato")
    }

    // MARK: Records kept and purged

    @Test func onlyAdministratorsPurgeOrHold() {
        #expect(TerminationActions.mayKeepRecords(member: Self.kato) == nil)
        #expect(TerminationActions.mayKeepRecords(member: Self.sato) == TerminationText.administratorsOnly)
        #expect(TerminationActions.mayKeepRecords(member: nil) == TerminationText.administratorsOnly)
    }

    // MARK: Who is at the keyboard

    @Test func aRememberedProfileFillsInTheNameButGivesNoRole() {
        let stranger = Actor(login: "sato", name: "佐藤", member: nil, profile: Person(login: "sato", name: "佐藤", department: "総務課"))
        func kept(by login: String) -> ApplicationRecord {
            var answers = FourEyesTests.application.answers
            answers[ApplicationFields.serviceManager] = .person(NamedPerson(name: "佐藤", login: login))
            return ApplicationRecord(
                id: 1, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0", answers: answers,
                submittedAt: "2026-04-01T00:00:00Z", version: 1)
        }
        #expect(!stranger.keepsOrOversees(kept(by: "satoh")))
        // Named on the form, but not in the directory: no role until an administrator lists them.
        #expect(!stranger.keepsOrOversees(kept(by: "sato")))
        let listed = Actor(login: "sato", name: "佐藤", member: Self.sato)
        #expect(listed.keepsOrOversees(kept(by: "sato")))
        #expect(!listed.keepsOrOversees(kept(by: "satoh")))
        #expect(stranger.applicantDefaults?.department == "総務課")
        #expect(stranger.profileToRemember(from: [ApplicationFields.applicant: .text("佐藤"), ApplicationFields.department: .text("総務課")]) == nil)
        let newcomer = Actor(login: "ito", name: nil, member: nil)
        let remembered = newcomer.profileToRemember(from: [ApplicationFields.applicant: .text("伊藤"), ApplicationFields.department: .text("企画課")])
        #expect(remembered == Person(login: "ito", name: "伊藤", department: "企画課"))
    }
}

@Suite struct StatusShownTests {
    /// 利用中 only from the first day of the approved period; every other status reads as stored.
    @Test func aServiceIsInUseOnlyFromItsFirstDay() {
        let start = Day(iso: "2026-05-01")!
        #expect(ApplicationStatus.inUse.label(periodStart: start, today: Day(iso: "2026-04-30")!).ja == "利用開始前（R8.5.1から）")
        #expect(ApplicationStatus.inUse.label(periodStart: start, today: start) == ApplicationStatus.inUse.label)
        #expect(ApplicationStatus.inUse.label(periodStart: nil, today: start) == ApplicationStatus.inUse.label)
        #expect(ApplicationStatus.approved.label(periodStart: start, today: Day(iso: "2026-04-01")!) == ApplicationStatus.approved.label)
    }
}
