import Foundation
import PrivateServer
import Testing

@testable import Core

/// What every store keeps alike: the same transaction scripts on the SQLite file and on a
/// server database, each person opening the store as themselves.
@Suite(.serialized) struct StoreTests {
    static let stamp = "2026-04-01T00:00:00Z"
    var stamp: String { Self.stamp }

    func draft(_ answers: Answers) -> Draft { StoreFixture.draft(answers) }
    func attachment(_ name: String, _ digit: Character) -> Core.Attachment { StoreFixture.attachment(name, digit) }

    // MARK: Drafts

    @Test(arguments: StoreKind.available)
    func aSavedDraftReadsBackEqual(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let store = try village.store(as: "yamada")
        var state = InterviewState(
            answers: [
                ApplicationFields.applicant: .text("山田 太郎"), ApplicationFields.users: .list(["山田 太郎", "佐藤 花子"]),
                ApplicationFields.periodStart: .date(Day(year: 2026, month: 4, day: 1)!),
                ApplicationFields.classification: .classification(.two), "check1": .mark(.notApplicable),
                "check1.note": .text("該当しないため"), "check1.evidence": .files([attachment("https.png", "e")]),
                "check2.note": .skipped, ApplicationFields.overseas: .flag(false),
            ],
            order: [ApplicationFields.applicant, ApplicationFields.users, ApplicationFields.periodStart],
            previous: [ApplicationFields.provider: .text("Example Storage株式会社")])
        state.order += ["check1", "check1.note"]
        let saved = try store.saveDraft(
            Draft(owner: "yamada", procedureID: ApplicationProcedure.procedure.id, state: state), at: stamp)
        #expect(saved.id != nil)
        #expect(saved.version == 1)
        #expect(saved.updatedAt == stamp)
        #expect(saved.state == state)

        #expect(try store.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id) == [saved])
        #expect(try store.drafts(owner: "sato", procedureID: ApplicationProcedure.procedure.id).isEmpty)

        // And from another connection, as the next run of yakkan would read it.
        let reopened = try village.store(as: "yamada")
        #expect(try reopened.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id) == [saved])
    }

    @Test(arguments: StoreKind.available)
    func savingADraftFromAStaleVersionIsRefused(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let store = try village.store(as: "yamada")
        let saved = try store.saveDraft(draft([ApplicationFields.applicant: .text("山田 太郎")]), at: stamp)

        // Two sessions hold the same version of the draft.
        var first = saved
        var second = saved
        first.state.answers[ApplicationFields.department] = .text("総務課")
        second.state.answers[ApplicationFields.department] = .text("企画課")
        let firstSaved = try store.saveDraft(first, at: stamp)
        #expect(firstSaved.version == 2)
        #expect(throws: StoreError.draftChangedElsewhere) {
            _ = try store.saveDraft(second, at: stamp)
        }
        let kept = try store.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id)
        #expect(kept == [firstSaved])
        #expect(kept.first?.state.answers[ApplicationFields.department] == .text("総務課"))

        // Submitting the stale copy is refused too, and records nothing.
        #expect(throws: StoreError.draftChangedElsewhere) {
            _ = try store.submitApplication(from: second, procedureVersion: "1.0", at: stamp)
        }
        #expect(try store.applications().isEmpty)
    }

    // MARK: Applications

    @Test(arguments: StoreKind.available)
    func submittingWhereNobodyCanReviewIsRefusedAndKeepsTheDraft(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let store = try village.store(as: "yamada")
        let saved = try store.saveDraft(draft(StoreFixture.completeAnswers()), at: stamp)
        do {
            _ = try store.submitApplication(from: saved, procedureVersion: "1.0", at: stamp)
            Issue.record("a submission nobody can review was recorded")
        } catch StoreError.refused(let reasons) {
            #expect(reasons.first?.en.contains("cannot be submitted") == true)
        }
        #expect(try store.applications().isEmpty)
        #expect(try store.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id).count == 1)
    }

    @Test(arguments: StoreKind.available)
    func submittingRemovesTheDraftAndKeepsEveryAnswer(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let store = try village.store(as: "yamada")
        let answers = StoreFixture.completeAnswers()
        let saved = try store.saveDraft(draft(answers), at: stamp)
        _ = try village.store(as: "kato").addStaff(
            StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: [answers[ApplicationFields.department]?.text ?? ""]),
            by: "kato", at: stamp)

        let record = try store.submitApplication(from: saved, procedureVersion: "1.0", at: "2026-04-01T01:02:03Z")
        #expect(record.answers == answers)
        #expect(record.status == .submitted)
        #expect(record.applicantLogin == "yamada")
        #expect(record.procedureVersion == "1.0")
        #expect(record.submittedAt == "2026-04-01T01:02:03Z")
        #expect(try store.drafts(owner: "yamada", procedureID: ApplicationProcedure.procedure.id).isEmpty)

        let readBack = try #require(try store.application(id: record.id))
        #expect(readBack == record)
        #expect(readBack.answers == answers)
        #expect(readBack.provider == "Example Storage株式会社")
        #expect(readBack.periodEnd == Day(year: 2027, month: 3, day: 31))
        #expect(readBack.attachments.count == 4)

        let reopened = try village.store(as: "sato")
        #expect(try reopened.applications().map(\.answers) == [answers])
        #expect(try reopened.application(id: record.id + 1) == nil)
    }

    // MARK: Attachments

    @Test(arguments: StoreKind.available)
    func aRelativePathStartsFromTheWorkingDirectory(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let work = village.folder + "/work"
        try FileManager.default.createDirectory(atPath: work + "/sub dir", withIntermediateDirectories: true)
        let store = try village.store(as: "yamada", workingDirectory: work)
        #expect(FileManager.default.createFile(atPath: work + "/sub dir/terms.pdf", contents: Data("terms".utf8)))
        let kept = try store.intake.ingest(path: "sub dir/terms.pdf").get()
        #expect(kept.sha256 == (try StoreFixture.sha256sum(work + "/sub dir/terms.pdf")))
        #expect(kept.fileName == "terms.pdf")
        // Kept where anyone else opening the store reads it.
        let other = try village.store(as: "kato")
        #expect(FileManager.default.contents(atPath: other.storedPath(of: kept)) == Data("terms".utf8))
    }

    @Test(arguments: StoreKind.available)
    func filesThatCannotBeAttachedSayWhy(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let store = try village.store(as: "yamada")
        let empty = village.folder + "/empty.txt"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        try FileManager.default.createDirectory(atPath: village.folder + "/screenshots", withIntermediateDirectories: true)

        #expect(store.intake.ingest(path: village.folder + "/nothere.png") == .failure(.missing(path: village.folder + "/nothere.png")))
        #expect(store.intake.ingest(path: "nothere.png") == .failure(.missing(path: "nothere.png")))
        #expect(store.intake.ingest(path: village.folder + "/screenshots") == .failure(.notAFile(path: village.folder + "/screenshots")))
        #expect(store.intake.ingest(path: "screenshots") == .failure(.notAFile(path: "screenshots")))
        #expect(store.intake.ingest(path: empty) == .failure(.empty(path: empty)))
        // Nothing was kept for them.
        #expect(try village.keptAttachments() == [])
    }
}

/// The records the store tests write.
enum StoreFixture {
    static let stamp = "2026-04-01T00:00:00Z"

    static func attachment(_ name: String, _ digit: Character) -> Core.Attachment {
        Core.Attachment(sha256: String(repeating: digit, count: 64), fileName: name, size: 1234, addedAt: stamp)
    }

    /// Answers of every kind the interview produces, for a whole application.
    static func completeAnswers() -> Answers {
        typealias F = ApplicationFields
        var answers: Answers = [
            F.applicant: .text("山田 太郎"), F.department: .text("総務課"),
            F.provider: .text("Example Storage株式会社"), F.service: .text("Example Drive 無料プラン"),
            F.description: .text("インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。"),
            F.purpose: .text("観光イベントの写真を協力団体と共有するため"),
            F.informationKinds: .list(["イベント写真", "公開済みのチラシ"]), F.classification: .classification(.four),
            F.personalInformation: .flag(false), F.overseas: .flag(false), F.users: .list(["山田 太郎", "佐藤 花子"]),
            F.periodStart: .date(Day(year: 2026, month: 4, day: 1)!), F.periodEnd: .date(Day(year: 2027, month: 3, day: 31)!),
            F.serviceManager: .text("佐藤 花子"), F.departmentHead: .text("鈴木 一郎"),
            F.alternative: .text("庁内ファイルサーバの共有フォルダで受け渡す"),
            F.signupRecord: .files([attachment("signup.png", "a")]),
            F.terms: .files([attachment("terms.pdf", "b"), attachment("terms copy.pdf", "c")]),
            F.risks: .flag(true),
        ]
        for number in 1...8 {
            answers["check\(number)"] = .mark(number == 3 ? .notApplicable : number == 6 ? .no : .yes)
            answers["check\(number).note"] = number == 3 ? .text("個人情報を扱わないため") : .skipped
            answers["check\(number).evidence"] = number == 1 ? .files([attachment("https.png", "d")]) : .skipped
        }
        answers["check6.proceed"] = .flag(true)
        return answers
    }

    static func draft(_ answers: Answers) -> Draft {
        Draft(
            owner: "yamada", procedureID: ApplicationProcedure.procedure.id,
            state: InterviewState(answers: answers, order: answers.keys.sorted(), previous: [:]))
    }

    /// The SHA-256 of a file as another program computes it.
    static func sha256sum(_ path: String) throws -> String {
        let ran = try PrivateServer.run("/usr/bin/sha256sum", [path])
        #expect(ran.status == 0)
        return ran.output.split(separator: " ").first.map(String.init) ?? ""
    }
}
