import Foundation
import Testing
@testable import Core

// MARK: - Fixtures

/// An attachment intake that keeps nothing: it knows a few file names and refuses the rest.
struct StubIntake: AttachmentIntake {
    var known: Set<String> = ["signup.png", "terms.pdf", "https.png", "privacy.png"]

    func ingest(path: String) -> Result<Core.Attachment, AttachmentProblem> {
        guard known.contains(path) else { return .failure(.missing(path: path)) }
        let digest = String(repeating: String(path.count % 10), count: 64)
        return .success(Core.Attachment(sha256: digest, fileName: path, size: Int64(path.utf8.count), addedAt: "2026-04-01T00:00:00Z"))
    }

}

private typealias F = ApplicationFields

let today = Day(year: 2026, month: 4, day: 1)!

/// The directory the forms' names are chosen from.
let directory = [
    StaffMember(login: "kato", name: "加藤 誠", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"]),
    StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"),
    StaffMember(login: "suzuki", name: "鈴木 一郎", department: "総務課"),
]

func makeInterview(_ language: Language = .ja, staff: [StaffMember] = directory) -> Interview {
    Interview(
        procedure: ApplicationProcedure.procedure,
        context: InterviewContext(language: language, today: today, person: nil, intake: StubIntake(), staff: staff))
}

/// Typical answers, in the order the questions come.
enum Lines {
    static let description = "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。無料プランは15GBまで。"
    static let purpose = "観光イベントの写真を協力団体と共有するため"

    /// The 19 questions before the checks (申請 1/44 … 19/44; the terms' address left empty).
    static func service(personal: String = "いいえ", overseas: String = "いいえ") -> [String] {
        [
            "山田 太郎", "総務課", "Example Storage株式会社", "Example Drive 無料プラン", description, purpose,
            "イベント写真、公開済みのチラシ", "Ⅳ", personal, overseas, "山田 太郎、佐藤 花子",
            "2026-04-01", "2027-03-31", "佐藤 花子", "鈴木 一郎", "庁内ファイルサーバの共有フォルダで受け渡す",
            "signup.png", "terms.pdf", "",
        ]
    }

    /// Mark, note and evidence of every check; check 3 takes its defaults (／ and its reason)
    /// when no personal information is handled.
    static func checks(personal: Bool = false, overriding: [Int: [String]] = [:]) -> [String] {
        (1...8).flatMap { number -> [String] in
            if let lines = overriding[number] { return lines }
            return number == 3 && !personal ? ["", "", ""] : ["○", "", ""]
        }
    }

    static func application(
        personal: String = "いいえ", overseas: String = "いいえ", overriding: [Int: [String]] = [:]
    ) -> [String] {
        service(personal: personal, overseas: overseas)
            + checks(personal: personal == "はい", overriding: overriding) + ["はい"]
    }
}

/// Drives one interview line by line, as the shell would.
struct Driver {
    let interview: Interview
    var state: InterviewState

    init(_ interview: Interview = makeInterview(), state: InterviewState = InterviewState()) {
        self.interview = interview
        self.state = state
    }

    @discardableResult
    mutating func type(_ line: String) -> Outcome {
        let outcome = interview.handle(line: line, state)
        state = outcome.state
        return outcome
    }

    @discardableResult
    mutating func send(_ bytes: [UInt8]) -> Outcome {
        let outcome = interview.handle(bytes: bytes, state)
        state = outcome.state
        return outcome
    }

    /// Answers each line, expecting every one to be accepted.
    mutating func answer(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for (offset, line) in lines.enumerated() {
            let asked = interview.nextField(state)?.id ?? "(submission)"
            let outcome = type(line)
            #expect(
                !outcome.refused,
                "line \(offset + 1) (\(asked)) «\(line)» was refused: \(outcome.messages.map(\.text))",
                sourceLocation: sourceLocation)
        }
    }

    var next: String? { interview.nextField(state)?.id }

    var progress: (index: Int, total: Int)? {
        interview.nextField(state).map { interview.position(of: $0, state) }
    }

    /// The question line of the prompt ("申請 N/T · …").
    var questionLine: String? {
        interview.prompt(state).first { $0.tone == .question }?.text
    }

    var hintLine: String? {
        interview.prompt(state).first { $0.tone == .hint }?.text
    }
}

func texts(_ outcome: Outcome) -> String {
    outcome.messages.map(\.text).joined(separator: "\n")
}

/// Everything up to (not including) the mark of check `number`.
private func driverAtCheck(_ number: Int, personal: String = "いいえ") -> Driver {
    var driver = Driver()
    driver.answer(Lines.service(personal: personal))
    driver.answer(Array(Lines.checks(personal: personal == "はい").prefix((number - 1) * 3)))
    return driver
}

// MARK: - Tests

@Suite struct InterviewTests {

    // MARK: Which question comes next

    @Test func firstQuestionIsTheApplicantOutOf44() throws {
        let driver = Driver()
        #expect(driver.next == F.applicant)
        let progress = try #require(driver.progress)
        #expect(progress.index == 1 && progress.total == 44)
        #expect(driver.questionLine == "申請 1/44 · 申請者（あなた）の氏名を入力してください。")
    }

    @Test func nextQuestionIsTheFirstUnansweredApplicableOne() throws {
        // Answers given out of order (as a restored draft could hold): the gap comes first.
        let state = InterviewState(
            answers: [F.applicant: .text("山田 太郎"), F.provider: .text("Example Storage株式会社")],
            order: [F.applicant, F.provider])
        let driver = Driver(state: state)
        #expect(driver.next == F.department)
        #expect(driver.progress?.index == 2)

        // The proceed question of a check exists only after ×.
        var atCheck = driverAtCheck(1)
        #expect(atCheck.next == "check1")
        atCheck.answer(["○"])
        #expect(atCheck.next == "check1.note")
        var crossed = driverAtCheck(1)
        crossed.answer(["×"])
        #expect(crossed.next == "check1.proceed")

        // Answered in order, the questions follow the form's order exactly.
        var inOrder = Driver()
        var asked: [String] = []
        for line in Lines.application() {
            asked.append(try #require(inOrder.next))
            inOrder.answer([line])
        }
        #expect(asked == ApplicationProcedure.procedure.fields.map(\.id).filter { !$0.hasSuffix(".proceed") })
        #expect(inOrder.next == nil)
    }

    // MARK: :back

    @Test func backRemovesTheLastAnswerAndOffersItAsTheDefault() throws {
        var driver = Driver()
        driver.answer(["山田 太郎", "総務課", "Example Storage株式会社"])
        let before = driver.state

        let outcome = driver.type(":back")
        #expect(!outcome.refused)
        #expect(outcome.effects == [.saveDraft])
        #expect(texts(outcome).contains("提供会社名"))
        #expect(driver.state.answers[F.provider] == nil)
        #expect(driver.state.answers[F.applicant] == before.answers[F.applicant])
        #expect(driver.state.answers[F.department] == before.answers[F.department])
        #expect(driver.state.order == [F.applicant, F.department])
        #expect(driver.next == F.provider)
        let field = try #require(driver.interview.nextField(driver.state))
        #expect(driver.interview.defaultAnswer(for: field, driver.state) == .text("Example Storage株式会社"))
        #expect(driver.hintLine?.contains("Enter で [Example Storage株式会社]") == true)

        // An empty line takes the default back; the state is then as before :back.
        driver.answer([""])
        #expect(driver.state == before)

        // Going back twice takes the two last answers, in reverse order.
        driver.type(":back")
        driver.type(":戻る")
        #expect(driver.next == F.department)
        #expect(Set(driver.state.answers.keys) == [F.applicant])
    }

    @Test func backAtTheStartIsRefused() {
        var driver = Driver()
        let outcome = driver.type(":back")
        #expect(outcome.refused)
        #expect(outcome.effects.isEmpty)
        #expect(driver.state == InterviewState())
    }

    // MARK: :edit

    @Test func editingThePeriodStartAsksThePeriodEndAgain() throws {
        var driver = Driver()
        driver.answer(Lines.application())
        let complete = driver.state
        #expect(driver.next == nil)

        let outcome = driver.type(":edit period_start")
        #expect(!outcome.refused)
        #expect(outcome.effects == [.saveDraft])
        var expected = complete.answers
        expected[F.periodStart] = nil
        expected[F.periodEnd] = nil
        #expect(driver.state.answers == expected)
        #expect(driver.state.previous[F.periodStart] == complete.answers[F.periodStart])
        #expect(driver.state.previous[F.periodEnd] == complete.answers[F.periodEnd])
        #expect(driver.next == F.periodStart)

        driver.answer(["2026-05-01"])
        #expect(driver.next == F.periodEnd)
        let end = try #require(driver.interview.nextField(driver.state))
        #expect(driver.interview.defaultAnswer(for: end, driver.state) == .date(Day(year: 2027, month: 3, day: 31)!))
        driver.answer([""])
        #expect(driver.next == nil)
        #expect(driver.state.answers[F.periodStart] == .date(Day(year: 2026, month: 5, day: 1)!))
        #expect(driver.state.answers[F.periodEnd] == complete.answers[F.periodEnd])
    }

    @Test func editByNumberIsTheNumberOnTheReview() throws {
        var driver = Driver()
        driver.answer(Lines.application())
        let review = driver.interview.review(driver.state).map(\.text)
        #expect(review.contains(" 12. 利用期間（開始）：令和8年4月1日"))

        let outcome = driver.type(":edit 12")
        #expect(!outcome.refused)
        #expect(driver.next == F.periodStart)
        #expect(driver.state.answers[F.periodEnd] == nil)
        #expect(driver.state.answers.count == 44 - 2)

        // The period end alone has no dependents.
        var other = Driver()
        other.answer(Lines.application())
        other.type(":修正 13")
        #expect(other.next == F.periodEnd)
        #expect(other.state.answers.count == 44 - 1)
    }

    @Test func editingPersonalInformationAsksCheck3AndItsQuestionsAgain() throws {
        var driver = Driver()
        // Personal information handled; check 3 is × and the applicant goes on anyway.
        driver.answer(Lines.application(personal: "はい", overriding: [3: ["×", "はい", "ポリシーが見つからない", "privacy.png"]]))
        let complete = driver.state
        #expect(driver.next == nil)
        let check3 = ["check3", "check3.proceed", "check3.note", "check3.evidence"]
        for id in check3 { #expect(complete.answers[id] != nil, "\(id) should be answered") }

        let outcome = driver.type(":edit personal_information")
        #expect(!outcome.refused)
        #expect(texts(outcome).contains("4件"), "the message names the 4 dependents: \(texts(outcome))")
        var expected = complete.answers
        for id in [F.personalInformation] + check3 { expected[id] = nil }
        #expect(driver.state.answers == expected)
        #expect(driver.next == F.personalInformation)

        // Now no personal information: check 3 comes back, then its note and evidence.
        driver.answer(["いいえ"])
        #expect(driver.next == "check3")
        driver.answer(["／"])
        #expect(driver.next == "check3.note")
        driver.answer(["個人情報を扱わないため"])
        #expect(driver.next == "check3.evidence")
        driver.answer([""])
        #expect(driver.next == nil)
        #expect(driver.state.answers["check3.proceed"] == nil)
        #expect(driver.state.answers["check3"] == .mark(.notApplicable))
    }

    @Test func editingTheProviderAsksNothingElse() throws {
        var driver = Driver()
        driver.answer(Lines.application())
        let complete = driver.state

        let outcome = driver.type(":edit provider")
        #expect(!outcome.refused)
        #expect(texts(outcome) == "「提供会社名」を修正します。")
        var expected = complete.answers
        expected[F.provider] = nil
        #expect(driver.state.answers == expected)
        #expect(driver.next == F.provider)

        let answered = driver.type("Example Cloud合同会社")
        #expect(!answered.refused)
        #expect(driver.next == nil, "only the provider was asked again")
        #expect(answered.messages.first?.tone == .heading, "a complete form shows the review")
        #expect(driver.state.answers[F.provider] == .text("Example Cloud合同会社"))
        expected[F.provider] = .text("Example Cloud合同会社")
        #expect(driver.state.answers == expected)
    }

    @Test(arguments: [":edit 0", ":edit 45", ":edit nosuchfield", ":edit"])
    func editOfNoSuchItemIsRefused(command: String) {
        var driver = Driver()
        driver.answer(Lines.application())
        let before = driver.state
        let outcome = driver.type(command)
        #expect(outcome.refused)
        #expect(driver.state == before)
    }

    @Test func editOfAnUnansweredItemIsRefused() {
        var driver = Driver()
        driver.answer(["山田 太郎"])
        let before = driver.state
        let outcome = driver.type(":edit provider")
        #expect(outcome.refused)
        #expect(texts(outcome).contains("まだ回答されていません"))
        #expect(driver.state == before)
    }

    @Test func changingPersonalInformationToYesDoesNotOfferTheRefusedNotApplicable() throws {
        var driver = Driver()
        driver.answer(Lines.application())
        #expect(driver.state.answers["check3"] == .mark(.notApplicable))
        driver.type(":edit personal_information")
        driver.answer(["はい"])
        #expect(driver.next == "check3")
        let field = try #require(driver.interview.nextField(driver.state))
        let offered = driver.interview.defaultAnswer(for: field, driver.state)
        let hint = driver.hintLine ?? ""
        var pressingEnter = driver
        let outcome = pressingEnter.type("")
        // With personal information, ／ is refused, so it is not offered and a mark is required.
        #expect(offered == nil)
        #expect(!hint.contains("Enter で [／]"))
        #expect(outcome.refused)

        // Answered ○ instead, the note offers the old reason, which now contradicts the answers.
        driver.answer(["○"])
        #expect(driver.next == "check3.note")
        let note = try #require(driver.interview.nextField(driver.state))
        let offeredNote = driver.interview.defaultAnswer(for: note, driver.state)
        #expect(offeredNote != .text("個人情報を扱わないため"))
    }

    // MARK: Marks

    @Test(arguments: [
        ("○", Mark.yes), ("o", .yes), ("O", .yes), ("ｏ", .yes), ("Ｏ", .yes), ("y", .yes), ("yes", .yes),
        ("はい", .yes), ("可", .yes),
        ("×", .no), ("x", .no), ("X", .no), ("ｘ", .no), ("Ｘ", .no), ("n", .no), ("no", .no), ("いいえ", .no),
        ("／", .notApplicable), ("/", .notApplicable), ("-", .notApplicable), ("－", .notApplicable),
        ("na", .notApplicable), ("NA", .notApplicable), ("ｎａ", .notApplicable), ("該当なし", .notApplicable),
    ])
    func marksAreReadInEveryWritingForm(typed: String, mark: Mark) {
        var byLine = driverAtCheck(1)
        let outcome = byLine.type(typed)
        #expect(!outcome.refused, "«\(typed)»: \(texts(outcome))")
        #expect(byLine.state.answers["check1"] == .mark(mark))

        // The same through the bytes a terminal or a pipe gives, with its newline.
        var byBytes = driverAtCheck(1)
        byBytes.send(Array((typed + "\n").utf8))
        #expect(byBytes.state.answers["check1"] == .mark(mark))
    }

    @Test(arguments: ["△", "maybe", "2", "oo", "はいはい"])
    func otherWordsAreNotMarks(typed: String) {
        var driver = driverAtCheck(1)
        let before = driver.state
        let outcome = driver.type(typed)
        #expect(outcome.refused)
        #expect(outcome.messages.first?.tone == .error)
        #expect(driver.state == before)
    }

    @Test func notApplicableOnCheck3IsRefusedWhenPersonalInformationIsHandled() throws {
        var driver = driverAtCheck(3, personal: "はい")
        #expect(driver.next == "check3")
        let field = try #require(driver.interview.nextField(driver.state))
        #expect(driver.interview.defaultAnswer(for: field, driver.state) == nil)
        let before = driver.state
        for typed in ["／", "-", "na", "該当なし", ""] {
            let outcome = driver.type(typed)
            #expect(outcome.refused, "«\(typed)» must be refused")
            #expect(driver.state == before)
        }
        #expect(texts(driver.type("／")).contains("個人情報を扱うと回答しているため"))
        driver.answer(["○"])
        #expect(driver.state.answers["check3"] == .mark(.yes))
    }

    @Test func check3DefaultsToNotApplicableWithoutPersonalInformation() throws {
        var driver = driverAtCheck(3, personal: "いいえ")
        #expect(driver.next == "check3")
        #expect(driver.hintLine?.contains("Enter で [／]") == true)
        driver.answer([""])
        #expect(driver.state.answers["check3"] == .mark(.notApplicable))
        #expect(driver.next == "check3.note")
        #expect(driver.hintLine?.contains("Enter で [個人情報を扱わないため]") == true)
        driver.answer([""])
        #expect(driver.state.answers["check3.note"] == .text("個人情報を扱わないため"))
    }

    @Test func notApplicableNeedsANote() throws {
        var driver = driverAtCheck(1)
        driver.answer(["／"])
        #expect(driver.next == "check1.note")
        let before = driver.state
        let outcome = driver.type("")
        #expect(outcome.refused)
        #expect(texts(outcome).contains("回答が必要です"))
        #expect(driver.state == before)
        driver.answer(["庁外との通信がないため"])
        #expect(driver.state.answers["check1.note"] == .text("庁外との通信がないため"))

        // With ○ the note may stay empty.
        var yes = driverAtCheck(1)
        yes.answer(["○", ""])
        #expect(yes.state.answers["check1.note"] == .skipped)
    }

    // MARK: × and going on

    @Test func crossAsksWhetherToGoOnAndNoLeavesWithoutRecording() throws {
        var driver = driverAtCheck(2)
        driver.answer(["×"])
        #expect(driver.next == "check2.proceed")
        let before = driver.state

        let outcome = driver.type("いいえ")
        #expect(!outcome.refused)
        #expect(outcome.effects == [.leave])
        #expect(driver.state == before)
        #expect(driver.state.answers["check2.proceed"] == nil)
        #expect(driver.state.answers["check2"] == .mark(.no), "the × itself stays in the draft")

        var goOn = driverAtCheck(2)
        goOn.answer(["×", "はい"])
        #expect(goOn.state.answers["check2.proceed"] == .flag(true))
        #expect(goOn.next == "check2.note")
    }

    @Test func progressTotalCountsOnlyApplicableQuestions() throws {
        var driver = driverAtCheck(1)
        #expect(driver.progress?.index == 20)
        #expect(driver.progress?.total == 44)
        driver.answer(["×"])
        #expect(driver.progress?.index == 21)
        #expect(driver.progress?.total == 45)
        #expect(driver.questionLine?.hasPrefix("申請 21/45 · ") == true)
        driver.answer(["はい", "", ""])
        driver.answer(["x", "y"])
        #expect(driver.next == "check2.note")
        #expect(driver.progress?.total == 46)

        // Changing the first × to ○ takes its question away again.
        driver.type(":edit check1")
        driver.answer(["○"])
        #expect(driver.state.answers["check1.proceed"] == nil)
        #expect(driver.progress?.total == 45)
    }

    // MARK: The end of the form

    @Test func theRiskAcknowledgementRefusesNo() throws {
        var driver = Driver()
        driver.answer(Array(Lines.application().dropLast()))
        #expect(driver.next == F.risks)
        #expect(driver.interview.prompt(driver.state).first?.text.hasPrefix(RiskNotice.heading.ja) == true)
        let before = driver.state
        for typed in ["いいえ", "n", "no", ""] {
            let outcome = driver.type(typed)
            #expect(outcome.refused, "«\(typed)» must not acknowledge the risks")
            #expect(!outcome.effects.contains(.leave))
            #expect(driver.state == before)
        }
        #expect(texts(driver.type("いいえ")).contains("「はい」と答えないと先へ進めません"))
        driver.answer(["はい"])
        #expect(driver.state.answers[F.risks] == .flag(true))
        #expect(driver.next == nil)
    }

    @Test func aCompleteFormConfirmedWithYesIsSubmitted() throws {
        var driver = Driver()
        driver.answer(Lines.application())
        #expect(driver.next == nil)
        #expect(driver.state.answers.count == 44)
        #expect(driver.interview.blockers(driver.state).isEmpty)
        #expect(driver.interview.prompt(driver.state).map(\.text) == [
            "この内容で提出しますか？（y: 提出する / n: 下書きのまま中断 / :edit 番号: 修正）",
        ])
        let before = driver.state
        let outcome = driver.type("y")
        #expect(!outcome.refused)
        #expect(outcome.effects == [.submit])
        #expect(driver.state == before)
    }

    @Test func aCompleteFormAnsweredNoIsKeptAsADraft() {
        var driver = Driver()
        driver.answer(Lines.application())
        let outcome = driver.type("n")
        #expect(outcome.effects == [.leave])
        #expect(!outcome.effects.contains(.submit))
    }

    @Test func overseasServersBlockTheSubmission() throws {
        var driver = Driver()
        var service = Lines.service(overseas: "はい")
        let beforeOverseas = Array(service.prefix(9))
        service.removeFirst(9)
        driver.answer(beforeOverseas)
        #expect(driver.next == F.overseas)
        let answered = driver.type(service.removeFirst())
        #expect(!answered.refused)
        #expect(answered.messages.contains { $0.tone == .notice && $0.text.contains("利用できません") })
        driver.answer(service + Lines.checks() + ["はい"])
        #expect(driver.next == nil)

        let blockers = driver.interview.blockers(driver.state)
        #expect(blockers.count == 1)
        #expect(blockers.first?.ja.contains("手順書6(2)") == true)
        #expect(driver.interview.review(driver.state).contains { $0.tone == .warning })

        let before = driver.state
        let outcome = driver.type("y")
        #expect(outcome.refused)
        #expect(!outcome.effects.contains(.submit))
        #expect(outcome.effects.isEmpty)
        #expect(texts(outcome).contains("このままでは提出できません"))
        #expect(driver.state == before)

        // Changing the answer to no lifts the block.
        driver.type(":edit overseas")
        driver.answer(["いいえ"])
        #expect(driver.interview.blockers(driver.state).isEmpty)
        #expect(driver.type("y").effects == [.submit])
    }

    // MARK: Lines that are refused before they are read

    /// Lines a terminal or a pipe may hand over that must never become an answer.
    enum Unreadable: String, CaseIterable, Sendable {
        case invalidUTF8, truncatedUTF8, escapeSequence, nul, delete, c1Control, bidiOverride
        case oneMegabyte, oneMegabyteOfKanji

        var bytes: [UInt8] {
            switch self {
            case .invalidUTF8: return [0x59, 0x61, 0xFF, 0x6D, 0x61]
            case .truncatedUTF8: return Array(Array("山田".utf8).dropLast())
            case .escapeSequence: return Array("山田\u{1B}[2J太郎".utf8)
            case .nul: return Array("山田\u{0}太郎".utf8)
            case .delete: return Array("山田\u{7F}".utf8)
            case .c1Control: return Array("山田\u{85}太郎".utf8)
            case .bidiOverride: return Array("山田\u{202E}太郎".utf8)
            case .oneMegabyte: return [UInt8](repeating: UInt8(ascii: "a"), count: 1_048_576)
            case .oneMegabyteOfKanji: return Array(String(repeating: "申", count: 350_000).utf8)
            }
        }
    }

    @Test(arguments: Unreadable.allCases)
    func unreadableLinesAreRefusedAndChangeNothing(_ what: Unreadable) {
        let bytes = what.bytes
        var driver = Driver()
        driver.answer(["山田 太郎", "総務課"])
        #expect(driver.next == F.provider, "a free-text question, which would take any text")
        let before = driver.state
        let outcome = driver.send(bytes)
        #expect(outcome.refused, "\(what) must be refused")
        #expect(outcome.effects.isEmpty)
        #expect(outcome.messages.first?.tone == .error)
        #expect(driver.state == before)
        #expect(driver.next == F.provider)
    }

    @Test func aTabIsTakenAsASpace() {
        var driver = Driver()
        driver.send(Array("山田\t太郎\n".utf8))
        #expect(driver.state.answers[F.applicant] == .text("山田 太郎"))
    }

    // MARK: Dates

    @Test func aPeriodEndBeforeItsStartIsRefused() throws {
        var driver = Driver()
        driver.answer(Array(Lines.service().prefix(12)))
        #expect(driver.next == F.periodEnd)
        #expect(driver.state.answers[F.periodStart] == .date(today))
        let before = driver.state
        for typed in ["2026-03-31", "令和8年3月31日", "R7.4.1"] {
            let outcome = driver.type(typed)
            #expect(outcome.refused, "«\(typed)» ends before it starts")
            #expect(texts(outcome).contains("より前です"))
            #expect(driver.state == before)
        }
        // The same day is a period of one day.
        driver.answer(["R8.4.1"])
        #expect(driver.state.answers[F.periodEnd] == .date(today))
    }

    @Test func thePeriodStartDefaultsToToday() throws {
        var driver = Driver()
        driver.answer(Array(Lines.service().prefix(11)))
        #expect(driver.next == F.periodStart)
        #expect(driver.hintLine?.contains("Enter で [令和8年4月1日]") == true)
        driver.answer([""])
        #expect(driver.state.answers[F.periodStart] == .date(today))
    }

    // MARK: Attachments

    @Test func aMissingAttachmentIsRefused() {
        var driver = Driver()
        driver.answer(Array(Lines.service().prefix(16)))
        #expect(driver.next == F.signupRecord)
        let before = driver.state
        let outcome = driver.type("signup.png nothere.png")
        #expect(outcome.refused)
        #expect(texts(outcome).contains("ファイルが見つかりません: nothere.png"))
        #expect(driver.state == before)
        driver.answer(["signup.png https.png"])
        #expect(driver.state.answers[F.signupRecord]?.files?.map(\.fileName) == ["signup.png", "https.png"])
    }
}
