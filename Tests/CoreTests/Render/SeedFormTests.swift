import Testing

@testable import Core

/// The printed forms carry what the seed's 様式 carry: every ※ note, the organisation on the
/// termination form, the corrected third risk with its note, and the whole life of the service.
@Suite struct SeedFormTests {
    static func ended() -> ApplicationRecord {
        let file = Attachment(sha256: String(repeating: "a", count: 64), fileName: "disposal.pdf", size: 58, addedAt: "2027-03-31T00:00:00Z")
        var record = ApplicationRecord(
            id: 3, applicantLogin: "yamada", status: .ended, procedureVersion: "1.0",
            answers: [ApplicationFields.department: .text("総務課"), ApplicationFields.service: .text("Example Drive")],
            submittedAt: "2026-04-01T00:00:00Z", version: 4)
        record.decisions = [Decision(
            applicationID: 3, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil, answers: [:],
            decidedAt: "2026-04-02T00:00:00Z", applicationVersion: 1)]
        record.acknowledgement = Acknowledgement(applicationID: 3, login: "sato", name: "佐藤 花子", acknowledgedAt: "2026-04-03T00:00:00Z")
        record.dutyRecords = [DutyRecord(
            applicationID: 3, kind: .backup, doneOn: Day(iso: "2026-05-31")!, answers: [:], recordedBy: "sato", recordedAt: "2026-05-31T00:00:00Z")]
        record.continuations = [ContinuationDecision(continues: false, reason: "広告利用の条項", decidedBy: "kato", decidedAt: "2026-07-15T00:00:00Z")]
        record.stop = ServiceStop(reason: "広告利用の条項", stoppedBy: "kato", stoppedAt: "2026-07-15T00:00:00Z")
        var termination = TerminationRecord(
            applicationID: 3, applicantLogin: "sato", status: .confirmed,
            answers: [TerminationFields.endDate: .date(Day(iso: "2026-07-31")!), TerminationFields.disposal: .files([file])],
            submittedAt: "2026-07-20T00:00:00Z", version: 1)
        termination.decisions = []
        record.termination = termination
        return record
    }

    @Test func theHTMLFormsCarryEveryNoteAndTheServicesLife() {
        for language in Language.allCases {
            let html = FormHTML.document(Self.ended(), today: Day(iso: "2026-11-27")!, language)
            let application = FormText.application, termination = FormText.termination
            for note in [application.detailRemark, application.attachRemark, application.evidenceRemark, termination.attachRemark] {
                #expect(html.contains(FormHTML.escape(note(language))), "\(note(language))")
            }
            #expect(html.components(separatedBy: FormHTML.escape(application.detailRemark(language))).count == 3, "on both forms")
            #expect(html.components(separatedBy: FormHTML.escape(application.evidenceRemark(language))).count == 3, "on both forms")
            #expect(html.contains(FormHTML.escape(RiskNotice.correction(2)!(language))))
            #expect(html.contains(FormHTML.escape(termination.department!(language))))
            #expect(html.contains(FormHTML.escape(FormText.explained(language))))
            #expect(html.contains("広告利用の条項"))
            #expect(html.contains(FormHTML.escape(DutyKind.backup.title(language))))
            #expect(html.contains("disposal.pdf") && html.contains(String(repeating: "a", count: 64)), "the termination's file in the list of attachments")
        }
    }

    @Test func theTextFormsToo() {
        let text = ApplicationForm.text(Self.ended(), applicant: nil, today: Day(iso: "2027-04-01")!, .ja)
        for note in ["※詳しく記載のこと", "※利用申請時の申請内容及びサービス約款を添付のこと", "※確認できる資料を添付のこと", "※終了時の申請内容を添付のこと"] {
            #expect(text.contains(note), "\(note)")
        }
        #expect(text.contains("利用する組織名  総務課"))
        #expect(text.contains("変更後の判断（6(1)）：停止  加藤 誠（kato）"), "who decided is named, not only their login")
        #expect(text.contains("      理由：広告利用の条項"))
        #expect(text.contains("リスクの説明（利用責任者）  加藤 誠 (kato)"))
        #expect(LedgerRow(Self.ended()).endedOn == Day(iso: "2026-07-31"))
    }
}
