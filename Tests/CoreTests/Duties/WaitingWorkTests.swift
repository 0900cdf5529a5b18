import Foundation
import Testing

@testable import Core

/// Work reaches the person who must do it: the review queue, what waits on nobody, alerts
/// that name whom they are for, and the menu's default.
@Suite struct WaitingWorkTests {
    static let today = Day(iso: "2026-06-20")!

    static func record(_ id: Int64, applicant: String, status: ApplicationStatus, service: String = "Example Drive") -> ApplicationRecord {
        ApplicationRecord(
            id: id, applicantLogin: applicant, status: status, procedureVersion: "1.0",
            answers: [
                ApplicationFields.department: .text("総務課"),
                ApplicationFields.service: .text(service),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "佐藤 花子", login: "sato")),
                ApplicationFields.departmentHead: .person(NamedPerson(name: "鈴木 一郎", login: "suzuki")),
            ],
            submittedAt: "2026-06-01T00:00:00Z", version: 1)
    }

    static let kato = StaffMember(login: "kato", name: "加藤 誠", department: "総務課", isAdministrator: true, reviewerOf: ["総務課"])
    static let ito = StaffMember(login: "ito", name: "伊藤 真", department: "総務課", reviewerOf: ["総務課"])

    static func person(_ member: StaffMember) -> Actor {
        Actor(login: member.login, name: member.name, member: member)
    }

    @Test func aReviewerSeesWhatWaitsForThemButNeverTheirOwn() {
        let records = [Self.record(1, applicant: "yamada", status: .submitted), Self.record(2, applicant: "kato", status: .submitted)]
        let forKato = TodayList.items(for: Self.person(Self.kato), records: records, alerts: [], today: Self.today)
        #expect(forKato.map(\.applicationID) == [1])
        #expect(forKato.map(\.kind) == [.review])
        let forIto = TodayList.items(for: Self.person(Self.ito), records: records, alerts: [], today: Self.today)
        #expect(forIto.map(\.applicationID) == [1, 2])
        #expect(ReviewText.queue(for: Self.kato, in: records).map(\.id) == [1])
        // The 所属長 named on the forms may not check them, so they wait for someone else.
        let head = StaffMember(login: "suzuki", name: "鈴木 一郎", department: "総務課", reviewerOf: ["総務課"])
        #expect(TodayList.items(for: Self.person(head), records: records, alerts: [], today: Self.today).isEmpty)
        #expect(ReviewText.queue(for: head, in: records).isEmpty)
    }

    @Test func anAlertOfAnEndedServiceNamesTheServiceAndWhomItIsFor() {
        let ended = Self.record(3, applicant: "yamada", status: .ended, service: "サンプル共有ボックス")
        let alert = Alert(
            id: 9, applicationID: 3, kind: .incidentElsewhere, recipientLogin: "sato", recipientName: "佐藤 花子",
            message: Localized("注意", "Beware"), createdAt: "2026-06-19T00:00:00Z")
        let all = TodayList.items(for: Self.person(Self.kato), records: [ended], alerts: [alert], today: Self.today, everything: true)
        #expect(all.count == 1)
        #expect(all[0].service == "サンプル共有ボックス")
        #expect(all[0].forWhom?.ja == "佐藤 花子 (sato)")
        let line = TodayList.text(all, today: Self.today, .ja).last?.text ?? ""
        #expect(line.contains("サンプル共有ボックス") && line.contains("（宛先：佐藤 花子 (sato)）"))
        // The person's own list does not repeat whom it is for.
        let own = TodayList.items(for: Actor(login: "sato", name: "佐藤 花子", member: nil), records: [ended], alerts: [alert], today: Self.today)
        #expect(own.map(\.forWhom) == [nil])
        let unlisted = Alert(
            id: 10, applicationID: 3, kind: .incidentElsewhere, recipientLogin: nil, recipientName: "外部 太郎",
            message: Localized("注意", "Beware"), createdAt: "2026-06-19T00:00:00Z")
        let outside = TodayList.items(for: Self.person(Self.kato), records: [ended], alerts: [unlisted], today: Self.today, everything: true)
        #expect(outside.map(\.forWhom?.en) == ["外部 太郎, not in the directory"])
    }

    @Test func administratorsSeeWhatWaitsOnNobody() {
        let submitted = Self.record(1, applicant: "yamada", status: .submitted)
        let inUse = Self.record(2, applicant: "yamada", status: .inUse)
        var answers = inUse.answers
        answers[ApplicationFields.serviceManager] = .person(NamedPerson(name: "退職 者", login: "gone"))
        let unlisted = ApplicationRecord(
            id: 2, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0", answers: answers,
            submittedAt: inUse.submittedAt, version: 1)
        let old = Draft(
            id: 5, owner: "tanaka", procedureID: ApplicationProcedure.procedure.id, state: InterviewState(), version: 3,
            updatedAt: "2026-05-20T00:00:00Z")
        let fresh = Draft(
            id: 6, owner: "mori", procedureID: ApplicationProcedure.procedure.id, state: InterviewState(), version: 1,
            updatedAt: "2026-06-19T00:00:00Z")
        // 鈴木 一郎 is the 所属長 on the form, so his being 利用責任者 leaves it with nobody.
        let staff = [StaffMember(login: "suzuki", name: "鈴木 一郎", department: "総務課", reviewerOf: ["総務課"]), Self.kato.with(reviewerOf: [])]
        let items = StrandedWork.items(records: [submitted, unlisted], drafts: [old, fresh], staff: staff, today: Self.today)
        #expect(items.map(\.kind) == [.stranded, .stranded, .stranded])
        #expect(items[0].applicationID == 1 && items[0].title.en.contains("Nobody listed may double-check"))
        #expect(items[1].applicationID == 2 && items[1].title.ja.contains("退職 者"))
        #expect(items[2].title.ja.contains("tanaka さんの下書きが31日間"))
        // With a 利用責任者 who may check it, the application is no longer stranded (while it
        // has not waited long: see aQueueNobodyWorksIsFlagged).
        let checked = StrandedWork.items(records: [submitted], drafts: [], staff: staff + [Self.ito], today: Day(iso: "2026-06-05")!)
        #expect(checked.isEmpty)
    }

    @Test func submittingWhereNobodyMayReviewIsRefusedWithWhatToDo() {
        var answers: Answers = [
            ApplicationFields.department: .text("企画課"),
            ApplicationFields.departmentHead: .person(NamedPerson(name: "小林 浩", login: "kobayashi")),
        ]
        let refusal = SubmissionActions.maySubmit(answers, applicantLogin: "watanabe", staff: [Self.kato])
        #expect(refusal?.ja.contains("yakkan staff set-role LOGIN --reviewer-of 企画課") == true)
        #expect(refusal?.ja.contains("加藤 誠（kato）") == true)
        let own = StaffMember(login: "watanabe", name: "渡辺 直樹", department: "企画課", reviewerOf: ["企画課"])
        #expect(SubmissionActions.maySubmit(answers, applicantLogin: "watanabe", staff: [Self.kato, own]) != nil)
        let other = StaffMember(login: "ito", name: "伊藤 美咲", department: "企画課", reviewerOf: ["企画課"])
        #expect(SubmissionActions.maySubmit(answers, applicantLogin: "watanabe", staff: [Self.kato, own, other]) == nil)
        answers[ApplicationFields.departmentHead] = .person(NamedPerson(name: "伊藤 美咲", login: "ito"))
        #expect(SubmissionActions.maySubmit(answers, applicantLogin: "watanabe", staff: [Self.kato, own, other]) != nil)
    }

    @Test func theMenuDefaultIsWhatWaitsForThisPerson() throws {
        var situation = MainMenu.Situation(name: "加藤 誠", reviewer: Self.kato, drafts: [], returned: [], waitingForReview: 1, toAcknowledge: [])
        #expect(MainMenu.defaultItem(situation) == .review)
        #expect(MainMenu.prompt(MainMenu.entries(situation), default: .review, .ja).last?.text.contains("Enter で [2]") == true)
        #expect(try MainMenu.interpret("", MainMenu.entries(situation), default: .review).get() == .review)
        situation.waitingForReview = 0
        #expect(MainMenu.defaultItem(situation) == .apply)

        let manager = MainMenu.Situation(
            name: "佐藤 花子", reviewer: nil, drafts: [], returned: [], waitingForReview: 0,
            toAcknowledge: [Self.record(4, applicant: "yamada", status: .approved)])
        #expect(MainMenu.directStart(manager) == .acknowledge)
        #expect(MainMenu.defaultItem(manager) == .acknowledge)
    }

    @Test func mailAddressesAreOneMailboxAndNothingElse() {
        #expect(DirectoryRules.mailRefusal("sato@village.example.lg.jp") == nil)
        #expect(DirectoryRules.mailRefusal("sato@localhost") == nil)
        for bad in ["sato", "sato@", "@example.jp", "a@b@example.jp", "sato@example", "sato@example.jp\nBcc: x@example.jp",
                    "sato@example.jp, kato@example.jp", "佐藤@example.jp", "sato @example.jp"] {
            #expect(DirectoryRules.mailRefusal(bad) != nil, "\(bad)")
        }
    }

    @Test func theSubjectIsEncodedInWholeCharacters() throws {
        let subject = ReminderMail.subject(count: 3, today: Self.today).ja
        let encoded = ReminderMail.encodedWords(subject)
        let words = encoded.components(separatedBy: "\n ")
        #expect(words.count > 1)
        var decoded = ""
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") && word.count <= 75)
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            decoded += try #require(String(data: payload, encoding: .utf8), "a word cut inside a character")
        }
        #expect(decoded == subject)
        #expect(ReminderMail.encodedWords("plain") == "plain")
    }

    /// RFC 5322 caps a line at 998 octets whatever the encoding; a long incident in Japanese
    /// is three octets a character.
    @Test func mailLinesStayUnder998OctetsAndLoseNothing() {
        let what = String(repeating: "共有リンクの設定不備により住民情報が閲覧可能になった。", count: 60)
        let alert = TodayItem(
            kind: .alert, applicationID: 1, duty: nil, service: "Example Drive", title: Localized(what, what),
            dueDate: nil, overduePeriods: 0, alertID: 7)
        let mail = ReminderMail.message(to: Self.kato, address: "kato@village.example.lg.jp", items: [alert], today: Self.today)
        let lines = mail.components(separatedBy: "\n")
        #expect(what.utf8.count > 4000)
        for line in lines { #expect(line.utf8.count <= 998, "a line of \(line.utf8.count) octets") }
        let joined = lines.map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : $0 }.joined()
        #expect(joined.contains(what))
        #expect(ReminderMail.folded("short") == ["short"])
    }

    /// The administrators learn who `remind` could not reach, each person once.
    @Test func peopleWithoutAnAddressAreListedForTheAdministrators() {
        let sato = StaffMember(login: "sato", name: "佐藤 花子", department: "総務課")
        let items = ReminderMail.unreachable([(sato, 2), (Self.ito, 1)])
        #expect(items.count == 2)
        #expect(Set(items.map(\.key)).count == 2)
        #expect(items[0].title.ja.contains("佐藤 花子（sato）にはメールアドレスがない"))
        #expect(items[0].title.en.contains("yakkan staff update sato --mail ADDRESS"))
    }

    /// A form that has waited two weeks for a 利用責任者 who does not come is flagged to the
    /// administrators with the reviewers' names; one submitted yesterday is not.
    @Test func aQueueNobodyWorksIsFlagged() {
        let waiting = Self.record(1, applicant: "yamada", status: .submitted)
        let stranded = StrandedWork.items(records: [waiting], drafts: [], staff: [Self.kato, Self.ito], today: Self.today)
        #expect(stranded.count == 1)
        #expect(stranded.first?.title.ja.contains("提出から19日") == true)
        #expect(stranded.first?.title.ja.contains("加藤 誠（kato）、伊藤 真（ito）") == true)
        let early = StrandedWork.items(records: [waiting], drafts: [], staff: [Self.kato, Self.ito], today: Day(iso: "2026-06-10")!)
        #expect(early.isEmpty)
    }

    /// `staff update --reviewer-of` adds a 課; it never takes the others away unasked.
    @Test func reviewerOfAddsAndTakesAwayOnlyWhatIsNamed() {
        #expect(DirectoryRules.reviewerOf(current: ["総務課"], adding: ["企画課"], removing: [], removingAll: false) == ["総務課", "企画課"])
        #expect(DirectoryRules.reviewerOf(current: ["総務課", "企画課"], adding: [], removing: ["総務課"], removingAll: false) == ["企画課"])
        #expect(DirectoryRules.reviewerOf(current: ["総務課"], adding: ["総務課"], removing: [], removingAll: false) == ["総務課"])
        #expect(DirectoryRules.reviewerOf(current: ["総務課"], adding: [], removing: [], removingAll: true) == [])
        #expect(DirectoryRules.reviewerOf(current: ["総務課"], adding: [], removing: [], removingAll: false) == nil)
    }
}

extension StaffMember {
    func with(reviewerOf departments: [String]) -> StaffMember {
        var changed = self
        changed.reviewerOf = departments
        return changed
    }
}
