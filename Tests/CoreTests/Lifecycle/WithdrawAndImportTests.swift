import Foundation
import GRDB
import Testing

@testable import Core

/// Withdrawing, discarding and importing on a real store, each checked by `audit verify` run
/// by someone else: the legitimate changes pass, the same changes signed by the wrong person
/// are named.
@Suite struct WithdrawAndImportTests {
    typealias Village = StoreVillage

    static func rulesBroken(_ report: AuditReport) -> [Localized] {
        Village.rulesBroken(report)
    }

    // MARK: Withdraw and discard

    /// A withdrawal signed by `login` with yakkan's own code, past the shell's and the store's
    /// checks, with the row written withdrawn beside it.
    static func signWithdrawal(of id: Int64, as login: String, in village: Village) throws {
        try village.forge(
            .withdraw(application: id), sql: "UPDATE application SET status = 'withdrawn', version = version + 1 WHERE id = \(id)",
            as: login, at: "2026-04-03T00:00:00Z")
    }

    @Test(arguments: StoreKind.available)
    func theApplicantWithdrawsBeforeTheDecisionAndVerifyAgrees(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        #expect(throws: StoreError.refused([DraftActions.mayWithdraw(submitted, login: "kato")!])) {
            try village.store(as: "kato").withdraw(submitted.id, by: "kato", at: "2026-04-02T00:00:00Z")
        }
        let withdrawn = try village.store(as: "yamada").withdraw(submitted.id, by: "yamada", at: "2026-04-02T00:00:00Z")
        #expect(withdrawn.status == .withdrawn)
        #expect(try village.verify(as: "sato").findings == [])
        // Withdrawn is final: no second withdrawal, no decision.
        #expect(DraftActions.mayWithdraw(withdrawn, login: "yamada") != nil)
        #expect(withdrawn.reviewable.notAwaiting != nil)
        #expect(throws: (any Error).self) { try village.approve(withdrawn) }
        let entries = try village.store(as: "sato").auditEntries()
        #expect(entries.last?.action == "withdraw" && entries.last?.actor == "yamada")
    }

    @Test(arguments: StoreKind.available)
    func aWithdrawalAfterTheDecisionIsRefusedAndOneForgedIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let approved = try village.approve(try village.applicationSubmitted())
        #expect(DraftActions.mayWithdraw(approved, login: "yamada") != nil)
        #expect(throws: StoreError.self) { try village.store(as: "yamada").withdraw(approved.id, by: "yamada", at: "2026-04-03T00:00:00Z") }
        // yamada signs, as yamada, a withdrawal of an approved application with yakkan's own code.
        let sequence = try village.nextSequence()
        try Self.signWithdrawal(of: approved.id, as: "yamada", in: village)
        let refusal = try #require(DraftActions.mayWithdraw(approved, login: "yamada"))
        let findings = try village.verify(as: "sato").findings
        #expect(findings == [
            Village.ruleBroken(Village.refused(refusal), sequence: sequence, subject: "application/\(approved.id)", signer: "yamada"),
            Village.rowNotInLog("application \(approved.id): status, version"),
        ])
    }

    @Test(arguments: StoreKind.available)
    func aWithdrawalSignedBySomeoneElseIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        let submitted = try village.applicationSubmitted()
        try Self.signWithdrawal(of: submitted.id, as: "kato", in: village)
        #expect(Self.rulesBroken(try village.verify(as: "sato")) == [Village.refused(DraftActions.mayWithdraw(submitted, login: "kato"))])
    }

    @Test(arguments: StoreKind.available)
    func aDraftIsDiscardedOnlyByItsWriterAndTheLogSaysSo(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.applicationSubmitted()
        let yamada = try village.store(as: "yamada")
        let draft = try yamada.saveDraft(
            Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: [
                ApplicationFields.provider: .text("Example Storage株式会社"), ApplicationFields.service: .text("Example Drive"),
            ])), at: "2026-04-02T00:00:00Z")
        #expect(DraftActions.mayDiscard(draft, login: "kato") != nil)
        // The store asks where drafts are kept: kato's command finds no draft of kato's.
        #expect(throws: StoreError.refused([DraftActions.notYourDraft])) {
            try village.store(as: "kato").discardDraft(draft, by: "kato", at: "2026-04-02T00:01:00Z")
        }
        try yamada.discardDraft(draft, by: "yamada", at: "2026-04-02T00:02:00Z")
        #expect(try yamada.drafts(owner: "yamada", procedureID: "application").isEmpty)
        let last = try #require(try yamada.auditEntries().last)
        #expect(last.action == "discard-draft" && last.actor == "yamada" && last.subject == "draft/\(draft.id!)")
        #expect(try village.verify(as: "sato").findings == [])
    }

    // MARK: Import

    static let staff = [
        StaffMember(login: "kato", name: "加藤 誠", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"]),
        StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"),
        StaffMember(login: "suzuki", name: "鈴木 一郎", department: "総務課"),
    ]

    static let spreadsheet = """
        番号,状態,課,提供会社名,提供サービス名,申請者,申請日,利用開始,利用終了,終了日,重要性分類,個人情報,利用者数,サービス管理担当者,所属長名,最新の判断,判断日
        ,利用中,総務課,Example Storage株式会社,Example Drive 無料プラン,佐藤 花子,2025-03-10,2025-04-01,2027-03-31,,Ⅳ,いいえ,3,佐藤 花子,鈴木 一郎,承認,2025-03-20
        ,利用中,総務課,"Example Mail, Inc.",'=Mail,山田 太郎,令和7年5月1日,R7.5.7,2026-05-31,,3,はい,12,sato,鈴木 一郎,,

        """

    func directory(_ village: Village) throws -> SQLStore {
        let kato = try village.store(as: "kato")
        for (index, member) in Self.staff.enumerated() {
            _ = try kato.addStaff(member, by: "kato", at: "2026-04-01T00:0\(index):00Z")
        }
        return kato
    }

    func exported(_ store: SQLStore) throws -> [[String]] {
        var rows: [[String]] = []
        try store.eachLedgerRow(LedgerFilter(), today: Day(iso: "2026-04-01")!) { rows.append(LedgerCSV.row($0, .ja)) }
        return [LedgerCSV.headers(.ja)] + rows
    }

    @Test(arguments: StoreKind.available)
    func servicesInUseAreImportedAndExportThenImportRoundTrips(_ kind: StoreKind) throws {
        let first = try Village(kind)
        let kato = try directory(first)
        let reading = ImportActions.read(Self.spreadsheet, staff: Self.staff, today: Core.Village.today(first.clock))
        #expect(reading.problems == [])
        let imported = try kato.importServices(reading.services, by: "kato", at: "2026-04-01T01:00:00Z")
        #expect(imported.map(\.status) == [.inUse, .inUse])
        #expect(imported[1].serviceManagerLogin == "sato" && imported[1].service == "=Mail" && imported[1].userCount == 12)
        // Duties run from the day it was imported (what came before was kept on paper), and the
        // spreadsheet's 申請日 is kept for the ledger.
        #expect(imported[0].inUseFrom == Day(iso: "2026-04-01"))
        #expect(LedgerRow(imported[0]).submittedOn == Day(iso: "2025-03-10"))
        #expect(try first.verify(as: "sato").findings == [])
        #expect(try kato.auditEntries().filter { $0.action == "import" }.count == 2)

        let csv = CSV.document(headers: LedgerCSV.headers(.ja), rows: Array(try exported(kato).dropFirst()))
        let second = try Village(kind)
        let again = try directory(second)
        let rereading = ImportActions.read(csv, staff: Self.staff, today: Core.Village.today(second.clock))
        #expect(rereading.problems == [])
        _ = try again.importServices(rereading.services, by: "kato", at: "2026-04-01T01:00:00Z")
        // Every column but the number each store gives comes back as it went out.
        #expect(try exported(again).map { Array($0.dropFirst()) } == (try exported(kato)).map { Array($0.dropFirst()) })
        let original = CSV.parse(Self.spreadsheet).dropFirst().filter { $0 != [""] }
        #expect(try exported(kato).dropFirst().map { Array($0[2...5]) } == original.map { Array($0[2...5]) }.map { row in
            row.map { $0 == "=Mail" ? "'=Mail" : $0 }
        })
    }

    @Test func everyRowIsCheckedAndEachProblemNamesItsRowAndColumn() throws {
        let bad = """
            番号,状態,課,提供会社名,提供サービス名,申請者,申請日,利用開始,利用終了,終了日,重要性分類,個人情報,利用者数,サービス管理担当者,所属長名,最新の判断,判断日
            ,利用中,総務課,Example,Drive,佐藤 花子,,2026-04-01,2026-03-31,,Ⅳ,いいえ,3,佐藤 花子,鈴木 一郎,,
            ,終了,総務課,Example,Mail,佐藤 花子,,2026-04-01,2027-03-31,2026-09-30,Ⅴ,たぶん,三人,田中 一郎,鈴木 一郎,,
            ,利用中,総務課,Example,Chat,佐藤 花子,,2026-04-01,2027-03-31,,,,2,佐藤 花子,鈴木 一郎,,
            """
        let reading = ImportActions.read(bad, staff: Self.staff, today: Day(iso: "2026-04-01")!)
        #expect(reading.services.isEmpty, "all or nothing: a good row is not imported while others are wrong")
        #expect(reading.problems.map { "\($0.row):\($0.column)" } == [
            "2:利用終了", "3:状態", "3:終了日", "3:重要性分類", "3:個人情報", "3:利用者数", "3:サービス管理担当者",
        ])
        #expect(reading.problems[0](.ja) == "2行目「利用終了」：利用開始より前の日付です。")
        #expect(reading.problems[6](.en).hasPrefix("Row 3, サービス管理担当者: “田中 一郎” is not in the staff directory."))
    }

    /// Under a version with another scale (2.0: 機密性3 to 機密性1) the spreadsheet's classes are
    /// read on that scale: a label, or the number a label carries (3 is 機密性3, the first rank);
    /// 1.0's Ⅳ is named as not a class, with the scale that is.
    @Test func underAnotherScaleTheSpreadsheetIsReadOnIt() throws {
        let variant = try String(contentsOfFile: VariantProcedureTests.path, encoding: .utf8)
        let book = ProcedureBook(adoptions: [
            ProcedureAdoption(version: "2.0", from: Day(iso: "2026-04-01")!, text: variant, sha256: ProcedureAdoption.digest(of: variant)),
        ])
        let session = ProcedureSession()
        session.read(book, today: Day(iso: "2026-04-01")!)
        try ProcedureScope.$session.withValue(session) {
            let onTheNewScale = Self.spreadsheet.replacingOccurrences(of: ",,Ⅳ,", with: ",,機密性2,")
            let reading = ImportActions.read(onTheNewScale, staff: Self.staff, today: Day(iso: "2026-04-01")!)
            #expect(reading.problems == [])
            #expect(reading.services.map { $0.answers[ApplicationFields.classification]?.classification } == [.two, .one])
            let old = ImportActions.read(Self.spreadsheet, staff: Self.staff, today: Day(iso: "2026-04-01")!)
            let problem = try #require(old.problems.first)
            #expect(old.problems.count == 1 && problem.row == 2)
            #expect(problem(.ja) == "2行目「重要性分類」：「Ⅳ」は重要性分類ではありません（機密性3・機密性2・機密性1）。")
        }
    }

    @Test func aSpreadsheetWithoutTheExportsColumnsIsRefusedByName() {
        let reading = ImportActions.read("Service,Provider\nDrive,Example\n", staff: Self.staff, today: Day(iso: "2026-04-01")!)
        #expect(reading.services.isEmpty)
        #expect(reading.problems.count == LedgerCSV.headers(.ja).count)
        #expect(reading.problems.allSatisfy { $0.row == 1 })
    }

    @Test(arguments: StoreKind.available)
    func onlyAnAdministratorImportsAndAnImportSignedByAnotherIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try directory(village)
        let services = ImportActions.read(Self.spreadsheet, staff: Self.staff, today: Core.Village.today(village.clock)).services
        #expect(throws: StoreError.refused([ImportActions.mayImport(member: Self.staff[1])!])) {
            try village.store(as: "sato").importServices(services, by: "sato", at: "2026-04-01T01:00:00Z")
        }
        #expect(try village.store(as: "sato").applications().isEmpty)
        // sato signs the import with yakkan's own code, as sato, with the service's row beside it.
        let sequence = try village.nextSequence()
        try village.forge(.importService(row: 2, answers: services[0].answers), subject: "application/1", sql: """
            INSERT INTO application (id, answers, department, provider, service, applicant, status, procedure_version, submitted_at, version)
            VALUES (1, '{}', '総務課', 'Example', 'Drive', '', 'in_use', '1.0', '2026-04-01T00:00:00Z', 1)
            """, as: "sato", at: "2026-04-01T01:00:00Z")
        let refusal = Village.refused(ImportActions.mayImport(member: Self.staff[1]))
        let findings = try village.verify(as: "kato").findings
        #expect(findings.contains(Village.ruleBroken(refusal, sequence: sequence, subject: "application/1", signer: "sato")))
        #expect(findings.contains(Village.rowNotInLog("application 1")))
        #expect(Self.rulesBroken(try village.verify(as: "kato")) == [refusal])
    }
}
