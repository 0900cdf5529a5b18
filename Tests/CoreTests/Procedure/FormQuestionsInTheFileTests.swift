import Foundation
import Testing
@testable import Core

/// The double check's, the termination form's, the duty records' and the events' questions are
/// the file's: a copy of the built-in file with a question reworded, one added, a default taken
/// from elsewhere and a condition changed makes those forms so, with no rebuild.
@Suite struct FormQuestionsInTheFileTests {
    static let record: ApplicationRecord = {
        let answers: Answers = [
            ApplicationFields.provider: .text("Example Storage株式会社"), ApplicationFields.service: .text("Example Drive"),
            ApplicationFields.purpose: .text("観光イベントの写真を共有するため"), ApplicationFields.classification: .classification(.two),
            ApplicationFields.users: .list(["山田 太郎", "佐藤 花子"]), ApplicationFields.alternative: .text("庁内ファイルサーバ"),
        ]
        return ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.1", answers: answers,
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
    }()
    static let today = Day(iso: "2026-06-01")!
    static let context = InterviewContext(language: .ja, today: today, person: nil, intake: StubIntake())

    static func edited(_ edits: [(String, String)]) throws -> ProcedureDocument {
        var text = BuiltInProcedure.text
        for (old, new) in edits {
            try #require(text.components(separatedBy: old).count == 2, "the built-in file holds \(old) once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        guard case .document(let document) = ProcedureFile.read(text) else {
            Issue.record("the edited copy has mistakes: \(ProcedureFile.read(text))")
            throw CancellationError()
        }
        return document
    }

    @Test func aRewordedQuestionOfEachFormIsAskedSo() throws {
        let document = try Self.edited([
            ("question: {ja: 終了する理由を入力してください。", "question: {ja: 利用をやめる理由を書いてください。"),
            ("question: {ja: 何をバックアップしましたか？", "question: {ja: バックアップした情報は何ですか？"),
            ("      ja: この利用目的は業務上必要なものと認めますか？（はい／いいえ）", "      ja: この目的は業務に必要ですか？（はい／いいえ）"),
            ("question: {ja: 停止する理由を入力してください。", "question: {ja: 停止の理由は何ですか。"),
        ])
        ProcedureScope.$form.withValue(document) {
            let termination = TerminationProcedure.procedure(for: Self.record)
            #expect(termination.field(TerminationFields.reason)?.question.ja == "利用をやめる理由を書いてください。")
            let backup = DutyProcedures.procedure(.backup, for: Self.record, today: Self.today)
            #expect(backup.field(DutyFields.backupWhat)?.question.ja == "バックアップした情報は何ですか？")
            let review = ReviewProcedure.procedure(for: Self.record) { _ in "" }
            #expect(review.field(ReviewFields.businessNeed)?.question.ja == "この目的は業務に必要ですか？（はい／いいえ）")
            // shows: {from: application, question: purpose}
            #expect(review.field(ReviewFields.businessNeed)?.preamble?.ja == "利用目的：観光イベントの写真を共有するため")
            #expect(EventProcedures.stop().field(EventFields.reason)?.question.ja == "停止の理由は何ですか。")
        }
    }

    @Test func aQuestionAddedToADutyIsOneEntryAndKeepsItsCondition() throws {
        let document = try Self.edited([("""
              user_confirmation:
                - *done_on
            """, """
              user_confirmation:
                - *done_on
                - id: asked_how
                  label: {ja: 確認の方法, en: "How they were asked"}
                  question: {ja: どのように確認しましたか？, en: "How were they asked?"}
                  help: {ja: 対面、メールなど。, en: "In person, by mail…"}
                  answer: text
                  asked_when: {answer: user, is: yes}
            """)])
        ProcedureScope.$form.withValue(document) {
            let form = DutyProcedures.procedure(.userConfirmation, for: Self.record, today: Self.today)
            #expect(form.fields.map(\.id) == ["duty.done_on", "duty.asked_how", "duty.user1", "duty.user2", "duty.differences"])
            // each: user — one question for each user, named in its words.
            #expect(form.field("duty.user2")?.question.ja.hasPrefix("佐藤 花子さんは") == true)
            let added = form.field("duty.asked_how")
            #expect(added?.askedWhen(["duty.user1": .flag(false)]) == false)
            #expect(added?.askedWhen(["duty.user1": .flag(false), "duty.user2": .flag(true)]) == true)
            #expect(form.field(DutyFields.differences)?.askedWhen(["duty.user2": .flag(false)]) == true)
            #expect(form.field(DutyFields.differences)?.dependsOn == ["duty.user1", "duty.user2"])
        }
    }

    @Test func defaultsComeFromWhereTheFileSays() throws {
        let document = try Self.edited([
            ("    default: {from: application, question: provider}", "    default: {from: application, question: service}"),
            ("      default: {from: record, value: alternative}", "      default: {text: {ja: 紙で受け渡す, en: \"Hand it over on paper\"}}"),
        ])
        ProcedureScope.$form.withValue(document) {
            let termination = TerminationProcedure.procedure(for: Self.record)
            #expect(termination.field(TerminationFields.provider)?.defaultValue?([:], Self.context) == .text("Example Drive"))
            #expect(termination.field(TerminationFields.endDate)?.defaultValue?([:], Self.context) == .date(Self.today))
            let alternative = DutyProcedures.procedure(.alternative, for: Self.record, today: Self.today)
            #expect(alternative.field(DutyFields.alternative)?.defaultValue?([:], Self.context) == .text("紙で受け渡す"))
        }
        // Under the built-in file: the record's alternative.
        let alternative = DutyProcedures.procedure(.alternative, for: Self.record, today: Self.today)
        #expect(alternative.field(DutyFields.alternative)?.defaultValue?([:], Self.context) == .text("庁内ファイルサーバ"))
    }

    /// The permission question and the class notice follow `classification.needs_permission`.
    @Test func thePermissionFollowsTheClasses() throws {
        let permit = { (record: ApplicationRecord) in
            ReviewProcedure.procedure(for: record) { _ in "" }.field(ReviewFields.permitClassification)
        }
        #expect(permit(Self.record)?.askedWhen([:]) == true)
        #expect(permit(Self.record)?.question.ja.contains("重要性分類Ⅱの情報") == true)
        let question = try #require(BuiltInProcedure.document.applicationQuestions.first { $0.id == ApplicationFields.classification })
        let notice = try #require(Field(question).notices.first)
        #expect(notice(.classification(.three), [:]) == nil)
        let document = try Self.edited([("  needs_permission: [Ⅰ, Ⅱ]", "  needs_permission: [Ⅰ]")])
        ProcedureScope.$form.withValue(document) {
            #expect(permit(Self.record)?.askedWhen([:]) == false)
            let notice = Field(document.applicationQuestions.first { $0.id == ApplicationFields.classification }!).notices.first!
            #expect(notice(.classification(.two), [:]) == nil)
            #expect(notice(.classification(.one), [:]) != nil)
        }
    }
}
