import Foundation
import Testing

@testable import Core

/// A village adopts a revised copy of its built-in procedure: new forms follow it (the interview,
/// the double check, the printed form and the duties due), forms made before keep the version
/// they were made under, and verify replays every act under the version in force on its day.
@Suite(.serialized) struct AdoptedProcedureTests {
    static let originalCheck1 = "本村とサービス事業者間の通信方式はHTTPS等の暗号化が施されているか？"
    static let revisedCheck1 = "通信はTLS 1.2以上で暗号化されているか？"
    static let ninthCheck = "データの保存場所（国内のデータセンター）が約款に明記されているか？"
    static let originalPurpose = "利用目的を入力してください。"
    static let revisedPurpose = "このサービスを使う業務と、その目的を入力してください。"
    static let addedQuestion = "約款の改定を知らせる事業者の連絡先（メールアドレス等）を入力してください。"

    /// The built-in file, copied and edited as a 情報政策担当 would: another version number, a
    /// question's wording, a question added (one entry), the first check's wording, a ninth check,
    /// and a weekly backup.
    /// The sentence under the application form's title, as 1.0 and the revised copy write it.
    static let originalLead = "以下の通り、申請しますので利用を許可願います。"
    static let revisedLead = "以下の通り、約款による外部サービスの利用を申請します。"

    static func revisedCopy() throws -> String {
        var text = BuiltInProcedure.text
        try replace(&text, "version: \"1.0\"", "version: \"1.1\"")
        try replace(&text, "ja: " + originalPurpose, "ja: " + revisedPurpose)
        try replace(&text, "\n\n# 様式「利用申請書」の確認事項", """

              - id: provider_contact
                label: {ja: 事業者の連絡先, en: "Provider's contact"}
                question: {ja: \(addedQuestion), en: "Where does the provider announce changes to its terms (an e-mail address, say)?"}
                help: {ja: 約款の改定通知を受け取れる連絡先です。, en: "Where notices of revised terms can be received."}
                answer: text
                asked_when: {answer: overseas, is: no}

            # 様式「利用申請書」の確認事項
            """)
        try replace(&text, "lead: {ja: " + originalLead + ",", "lead: {ja: " + revisedLead + ",")
        try replace(&text, "ja: " + originalCheck1, "ja: " + revisedCheck1)
        try replace(&text, "en: \"Is communication between the village and the provider encrypted (HTTPS or similar)?\"",
                    "en: \"Is traffic encrypted with TLS 1.2 or later?\"")
        try replace(&text, "\n\n# 様式「終了確認書」", """

              - number: 9
                text:
                  ja: \(ninthCheck)
                  en: "Do the terms say where the data is kept (a data centre in Japan)?"
                help:
                  ja: 約款やサービスの説明に、データを保存する地域が国内と書かれているかを確かめます。
                  en: "Check that the terms or the service's description say the data is kept in Japan."

            # 様式「終了確認書」
            """)
        try replace(&text, "    every: monthly\n    title:\n      ja: バックアップ（毎月）\n      en: \"Monthly backup\"",
                    "    every: weekly\n    title:\n      ja: バックアップ（毎週）\n      en: \"Weekly backup\"")
        return text
    }

    static func replace(_ text: inout String, _ old: String, _ new: String) throws {
        try #require(text.components(separatedBy: old).count == 2, "the built-in file holds \(old) once")
        text = text.replacingOccurrences(of: old, with: new)
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// yamada's second application, sent under `version`, kept by suzuki from 1 April, with `more` answers.
    func secondApplication(_ village: StoreVillage, version: String, checks: Int, at: String, more: Answers = [:]) throws -> ApplicationRecord {
        var answers: Answers = more.merging([
            "provider_contact": .text("legal@example.com"),
            ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
            ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
            ApplicationFields.service: .text("Example Mail"),
            ApplicationFields.periodStart: .date(Self.day("2026-04-01")), ApplicationFields.periodEnd: .date(Self.day("2027-03-31")),
        ]) { kept, _ in kept }
        for number in 1...checks { answers["check\(number)"] = .mark(.yes) }
        let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: answers))
        return try village.store(as: "yamada").submitApplication(from: draft, procedureVersion: version, at: at)
    }

    /// The service's duties due, as `due` lists them for its manager on `today`.
    func due(_ village: StoreVillage, _ record: ApplicationRecord, today: Day) throws -> [String] {
        let store = try village.store(as: "suzuki")
        let suzuki = Actor(login: "suzuki", name: "鈴木 花子", member: try store.staffMember(login: "suzuki"))
        let records = [try #require(try store.application(id: record.id))]
        return TodayList.items(for: suzuki, records: records, alerts: [], today: today).map { $0.title.ja }
    }

    @Test(arguments: StoreKind.available)
    func aRevisedCopyChangesTheInterviewTheDoubleCheckThePrintedFormAndDue(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let first = try village.approve(try village.applicationSubmitted())
        #expect(first.procedureVersion == "1.0")
        let kato = try village.store(as: "kato")
        try kato.addStaff(StaffMember(login: "ito", name: "伊藤 部長", department: "総務課"), by: "kato", at: "2026-04-02T01:30:00Z")
        try kato.adoptProcedure(try Self.revisedCopy(), version: "1.1", from: Self.day("2026-04-03"), by: "kato", at: "2026-04-02T02:00:00Z")

        let book = try kato.procedureBook()
        #expect(book.inForce(on: Self.day("2026-04-02")).version.version == "1.0")
        #expect(book.inForce(on: Self.day("2026-04-03")).version.version == "1.1")
        let session = ProcedureSession()
        session.read(book, today: Self.day("2026-04-03"))
        try ProcedureScope.$session.withValue(session) {
            // The interview: check 1 in its new words, and a ninth check once the eighth is answered.
            let procedure = ApplicationProcedure.procedure
            #expect(procedure.field("check1")?.question.ja.contains(Self.revisedCheck1) == true)
            #expect(procedure.field(ApplicationFields.purpose)?.question.ja == Self.revisedPurpose)
            var answers = StoreFixture.completeAnswers()
            answers[ApplicationFields.serviceManager] = .person(NamedPerson(name: "鈴木 花子", login: "suzuki"))
            answers[ApplicationFields.departmentHead] = .person(NamedPerson(name: "伊藤 部長", login: "ito"))
            answers[ApplicationFields.termsAddresses] = .skipped
            let interview = Interview(
                procedure: procedure,
                context: InterviewContext(
                    language: .ja, today: Self.day("2026-04-03"), person: nil, intake: StubIntake(), staff: try kato.staff()))
            // The added question comes before the checks, where the file puts it.
            #expect(interview.nextField(InterviewState(answers: answers))?.id == "provider_contact")
            #expect(interview.prompt(InterviewState(answers: answers)).map(\.text).joined().contains(Self.addedQuestion))
            answers["provider_contact"] = .text("legal@example.com")
            let next = interview.nextField(InterviewState(answers: answers))
            #expect(next?.id == "check9")
            #expect(interview.prompt(InterviewState(answers: answers)).map(\.text).joined().contains(Self.ninthCheck))
            answers["check9"] = .mark(.yes)

            // A form begun under 1.0 is not sent as one while 1.1 is in force.
            #expect(throws: StoreError.self) {
                _ = try secondApplication(village, version: "1.0", checks: 8, at: "2026-04-03T01:00:00Z")
            }
            let second = try secondApplication(village, version: "1.1", checks: 9, at: "2026-04-03T01:00:00Z")
            #expect(second.procedureVersion == "1.1")

            // The double check asks nine checks of the new form, eight of the old one.
            let evidence: @Sendable (Core.Attachment) -> String = { $0.fileName }
            let reviewNew = ProcedureScope.forForm(second) { ReviewProcedure.procedure(for: second, evidencePath: evidence) }
            let reviewOld = ProcedureScope.forForm(first) { ReviewProcedure.procedure(for: first, evidencePath: evidence) }
            #expect(reviewNew.field(ReviewFields.mark(9)) != nil)
            #expect(reviewNew.field(ReviewFields.mark(1))?.question.ja.contains(Self.revisedCheck1) == true)
            #expect(reviewOld.field(ReviewFields.mark(9)) == nil)
            #expect(reviewOld.field(ReviewFields.mark(1))?.question.ja.contains(Self.originalCheck1) == true)

            // The printed forms: each in the words of its own version.
            let printedNew = ApplicationForm.text(second, applicant: nil, today: Self.day("2026-04-03"), .ja)
            let printedOld = ApplicationForm.text(first, applicant: nil, today: Self.day("2026-04-03"), .ja)
            #expect(printedNew.contains(Self.revisedCheck1) && printedNew.contains(Self.ninthCheck) && printedNew.contains("手順書 1.1 版"))
            #expect(printedOld.contains(Self.originalCheck1) && !printedOld.contains(Self.ninthCheck) && printedOld.contains("手順書 1.0 版"))
            #expect(printedNew.contains("事業者の連絡先") && printedNew.contains("legal@example.com") && !printedOld.contains("事業者の連絡先"))
            // The 様式's own sentence too, on paper and on screen.
            #expect(printedNew.contains(Self.revisedLead) && !printedNew.contains(Self.originalLead))
            #expect(printedOld.contains(Self.originalLead) && !printedOld.contains(Self.revisedLead))
            #expect(FormHTML.document(second, today: Self.day("2026-04-03"), .ja).contains("<p class=\"lead\">\(Self.revisedLead)</p>"))
            #expect(FormHTML.document(first, today: Self.day("2026-04-03"), .ja).contains("<p class=\"lead\">\(Self.originalLead)</p>"))
            #expect(FormHTML.document(second, today: Self.day("2026-04-03"), .ja).contains("<th scope=\"row\">事業者の連絡先</th><td colspan=\"3\">legal@example.com</td>"))
            #expect(FormHTML.document(second, today: Self.day("2026-04-03"), .en).contains("Is traffic encrypted with TLS 1.2 or later?"))

            // Due: the new form's backup is weekly, the old one's stays monthly.
            let approved = try village.approve(second)
            _ = try village.store(as: "suzuki").acknowledge(ReviewActions.acknowledgement(of: approved, by: "suzuki", at: "2026-04-03T03:00:00Z"))
            _ = try village.store(as: "suzuki").acknowledge(ReviewActions.acknowledgement(of: first, by: "suzuki", at: "2026-04-03T03:00:00Z"))
            let dueNew = try due(village, second, today: Self.day("2026-04-13"))
            let dueOld = try due(village, first, today: Self.day("2026-04-13"))
            #expect(dueNew.contains { $0.hasPrefix("バックアップ（毎週）") }, "\(dueNew)")
            #expect(!dueOld.contains { $0.hasPrefix("バックアップ（毎週）") }, "\(dueOld)")
        }
        let report = try village.verify(as: "kato")
        #expect(report.isIntact, "\(report.findings)")
    }

    /// After a second version is adopted, an application made under 1.0 still shows, prints,
    /// exports and verifies in 1.0's words.
    @Test(arguments: StoreKind.available)
    func formsMadeUnder10KeepTheirWordingAfterAnotherVersion(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        let first = try village.approve(try village.applicationSubmitted())
        let variant = try String(contentsOfFile: VariantProcedureTests.path, encoding: .utf8)
        try village.store(as: "kato").adoptProcedure(variant, version: "2.0", from: Self.day("2026-04-02"), by: "kato", at: "2026-04-02T02:00:00Z")
        let session = ProcedureSession()
        session.read(try village.store(as: "kato").procedureBook(), today: Self.day("2026-04-05"))
        try ProcedureScope.$session.withValue(session) {
            #expect(ApplicationChecks.items.count == 10)
            let record = try #require(try village.store(as: "yamada").application(id: first.id))
            let printed = ApplicationForm.text(record, applicant: nil, today: Self.day("2026-04-05"), .ja)
            #expect(printed.contains(Self.originalCheck1) && printed.contains("手順書 1.0 版"))
            #expect(!printed.contains("確認事項10"))
            // The 様式's title is 1.0's, not 2.0's renamed one.
            #expect(printed.hasPrefix("約款による外部サービス利用申請書") && !printed.contains("約款型クラウドサービス"))
            let json = try ApplicationExport.json(record)
            #expect(json.contains("\"procedure_version\" : \"1.0\""))
            #expect(!json.contains("\"number\" : 10"))
            #expect(FormHTML.document(record, today: Self.day("2026-04-05"), .ja).contains(Self.originalCheck1))
        }
        let report = try village.verify(as: "yamada")
        #expect(report.isIntact, "\(report.findings)")
    }

    /// A class is kept as a rank on the scale of its form's version: once 2.0, whose scale is
    /// 機密性3 to 機密性1, is adopted, a form of class Ⅱ made under 1.0 still shows, prints,
    /// exports and lists Ⅱ, and the ledger finds it by 1.0's label, not by 2.0's label of that rank.
    @Test(arguments: StoreKind.available)
    func aFormMadeUnder10KeepsItsClassAfterAnotherScale(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        _ = try village.applicationSubmitted()
        let classed = try secondApplication(
            village, version: "1.0", checks: 8, at: "2026-04-01T03:00:00Z", more: [ApplicationFields.classification: .classification(.two)])
        let variant = try String(contentsOfFile: VariantProcedureTests.path, encoding: .utf8)
        try village.store(as: "kato").adoptProcedure(variant, version: "2.0", from: Self.day("2026-04-02"), by: "kato", at: "2026-04-02T02:00:00Z")
        let book = try village.store(as: "kato").procedureBook()
        let session = ProcedureSession()
        session.read(book, today: Self.day("2026-04-05"))
        try ProcedureScope.$session.withValue(session) {
            let newScale = book.document(version: "2.0")
            #expect(newScale.classificationScale == ["機密性3", "機密性2", "機密性1"])
            #expect(Classification.scale.map(\.label) == newScale.classificationScale)
            #expect(Classification(typed: "機密性3") == .one && Classification(typed: "1") == .three && Classification(typed: "Ⅱ") == nil)
            #expect(Classification(typed: "-9223372036854775808", on: BuiltInProcedure.document) == nil)
            #expect(Classification(typed: "ii", on: BuiltInProcedure.document) == .two && Classification(typed: "４", on: BuiltInProcedure.document) == .four)

            let record = try #require(try village.store(as: "yamada").application(id: classed.id))
            let printed = ApplicationForm.text(record, applicant: nil, today: Self.day("2026-04-05"), .ja)
            #expect(printed.contains("Ⅱ") && !printed.contains("機密性"), "\(printed)")
            #expect(FormHTML.document(record, today: Self.day("2026-04-05"), .en).contains("<td colspan=\"3\">Ⅱ</td>"))
            #expect(try ApplicationExport.json(record).contains("\"Ⅱ\""))
            #expect(LedgerRow(record).classificationLabel == "Ⅱ")

            let store = try village.store(as: "kato")
            func listed(_ label: String) throws -> [LedgerRow] {
                var filter = LedgerFilter()
                filter.classifications = try #require(ClassInVersion.named(label, in: book))
                var rows: [LedgerRow] = []
                try store.eachLedgerRow(filter, today: Self.day("2026-04-05")) { rows.append($0) }
                return rows
            }
            #expect(ClassInVersion.named("機密性2", in: book) == [ClassInVersion(version: "2.0", .two)])
            #expect(ClassInVersion.named("Ⅴ", in: book) == nil)
            let byOldLabel = try listed("Ⅱ")
            #expect(byOldLabel.map(\.id) == [classed.id])
            #expect(byOldLabel.first?.classificationLabel == "Ⅱ")
            #expect(LedgerCSV.row(try #require(byOldLabel.first), .ja).contains("Ⅱ"))
            #expect(try listed("機密性2").isEmpty)
        }
        let report = try village.verify(as: "kato")
        #expect(report.isIntact, "\(report.findings)")
    }

    /// Verify decides every act again under the version in force on its day: a submission
    /// signed as made under 1.0 after 1.1 came into force is a finding.
    @Test(arguments: StoreKind.available)
    func verifyKnowsTheVersionInForceForEveryAct(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        _ = try village.applicationSubmitted()
        try village.store(as: "kato").adoptProcedure(try Self.revisedCopy(), version: "1.1", from: Self.day("2026-04-03"), by: "kato", at: "2026-04-02T02:00:00Z")
        #expect(try village.verify(as: "kato").isIntact)
        let forged = Command.Submission(answers: [ApplicationFields.department: .text("総務課")], correcting: nil, procedureVersion: "1.0")
        try village.forge(.submitApplication(forged), subject: "application/2", as: "yamada", at: "2026-04-04T01:00:00Z")
        let reasons = try village.verify(as: "kato").findings.compactMap { finding -> String? in
            if case .ruleBroken(let reason) = finding.kind { return reason.en }
            return nil
        }
        #expect(reasons.contains { $0.contains("made under procedure version 1.0, but version 1.1") }, "\(reasons)")
    }

    @Test(arguments: StoreKind.available)
    func onlyAnAdministratorAdoptsAFileWithoutMistakesFromTodayOn(_ kind: StoreKind) throws {
        let village = try StoreVillage(kind)
        _ = try village.applicationSubmitted()
        let revised = try Self.revisedCopy()
        func refusal(_ body: () throws -> Void) -> String? {
            do { try body() } catch let StoreError.refused(reasons) { return reasons.map(\.en).joined() } catch { return "\(error)" }
            return nil
        }
        #expect(refusal { try village.store(as: "yamada").adoptProcedure(revised, version: "1.1", from: Self.day("2026-04-03"), by: "yamada", at: "2026-04-02T02:00:00Z") }?
            .contains("Only an administrator") == true)
        #expect(refusal { try village.store(as: "kato").adoptProcedure(revised, version: "1.1", from: Self.day("2026-03-31"), by: "kato", at: "2026-04-02T02:00:00Z") }?
            .contains("has passed") == true)
        #expect(refusal { try village.store(as: "kato").adoptProcedure(BuiltInProcedure.text, version: "1.0", from: Self.day("2026-04-03"), by: "kato", at: "2026-04-02T02:00:00Z") }?
            .contains("exists already") == true)
        #expect(refusal { try village.store(as: "kato").adoptProcedure("version: 1.2\n", version: "1.2", from: Self.day("2026-04-03"), by: "kato", at: "2026-04-02T02:00:00Z") }?
            .contains("mistakes") == true)
        let wrongDigest = ProcedureAdoption(version: "1.1", from: Self.day("2026-04-03"), text: revised, sha256: String(repeating: "0", count: 64))
        #expect(refusal { try village.store(as: "kato").perform(.adoptProcedure(wrongDigest), by: "kato", at: "2026-04-02T02:00:00Z") }?
            .contains("SHA-256") == true)
        #expect(refusal { try village.store(as: "kato").adoptProcedure(revised, version: "1.1", from: Self.day("2026-04-03"), by: "kato", at: "2026-04-02T02:00:00Z") } == nil)
        #expect(try village.verify(as: "kato").isIntact)
    }
}
