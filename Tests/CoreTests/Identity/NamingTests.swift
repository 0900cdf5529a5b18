import Foundation
import Testing

@testable import Core

/// Names on the forms are chosen from the staff directory and kept with the person's login.
@Suite struct NamingTests {
    static let twoYamadas = directory + [
        StaffMember(login: "yamada", name: "山田 太郎", department: "総務課"),
        StaffMember(login: "yamada2", name: "山田　太郎", department: "住民課"),
    ]

    /// Answers everything before the service manager (申請 1/44 … 13/44).
    static func atManager(_ interview: Interview = makeInterview()) -> Driver {
        var driver = Driver(interview)
        var lines = Array(Lines.service().prefix(13))
        lines[10] = "佐藤 花子"  // the users; 山田 太郎 alone may name two people
        driver.answer(lines)
        #expect(driver.next == ApplicationFields.serviceManager)
        return driver
    }

    @Test func aListedManagerIsKeptWithTheirLogin() {
        var driver = Self.atManager()
        driver.answer(["佐藤 花子", "suzuki"])
        #expect(driver.state.answers[ApplicationFields.serviceManager] == .person(NamedPerson(name: "佐藤 花子", login: "sato")))
        #expect(driver.state.answers[ApplicationFields.departmentHead] == .person(NamedPerson(name: "鈴木 一郎", login: "suzuki")))
    }

    @Test func someoneNotInTheDirectoryIsRefusedAndToldHowToBeAdded() {
        var driver = Self.atManager()
        let before = driver.state
        let outcome = driver.type("田中 一郎")
        #expect(outcome.refused)
        #expect(outcome.effects.isEmpty)
        #expect(driver.state == before, "the draft stays as it was")
        #expect(texts(outcome).contains("「田中 一郎」は職員名簿にありません"))
        #expect(texts(outcome).contains("yakkan staff add ログイン --name 氏名 --department 課"))
        #expect(driver.next == ApplicationFields.serviceManager, "the same question is asked again")
    }

    @Test func theHeadOfDepartmentMustBeListedToo() {
        var driver = Self.atManager()
        driver.answer(["佐藤 花子"])
        let outcome = driver.type("鈴木 次郎")
        #expect(outcome.refused)
        #expect(driver.next == ApplicationFields.departmentHead)
    }

    @Test func anEmptyDirectorySaysWhoMustBeAddedFirst() {
        var driver = Self.atManager(makeInterview(staff: []))
        let prompt = driver.interview.prompt(driver.state)
        #expect(prompt.contains { $0.tone == .warning && $0.text.contains("名簿はまだ空です") })
        let outcome = driver.type("佐藤 花子")
        #expect(outcome.refused)
        #expect(texts(outcome).contains("職員名簿が空のため"))
    }

    @Test func twoPeopleOfTheSameNameAreToldApartByLoginOrDepartment() {
        let interview = makeInterview(staff: Self.twoYamadas)
        var driver = Self.atManager(interview)
        let ambiguousUser = interview.interpret("山田 太郎、佐藤 花子", interview.procedure.field(ApplicationFields.users)!, InterviewState())
        if case .success = ambiguousUser { Issue.record("a user named by a shared name alone was accepted") }
        let ambiguous = driver.type("山田 太郎")
        #expect(ambiguous.refused)
        #expect(texts(ambiguous).contains("山田 太郎（yamada, 総務課）"))
        #expect(texts(ambiguous).contains("山田　太郎（yamada2, 住民課）"))
        for (typed, login) in [("yamada2", "yamada2"), ("山田 太郎 総務課", "yamada"), ("山田 太郎（yamada2, 住民課）", "yamada2"), ("住民課 山田太郎", "yamada2")] {
            var trying = driver
            trying.answer([typed])
            #expect(trying.state.answers[ApplicationFields.serviceManager]?.person?.login == login, "«\(typed)»")
        }
    }

    @Test func tabOffersNamesAndTellsSharedNamesApart() {
        let driver = Self.atManager(makeInterview(staff: Self.twoYamadas))
        let offered = driver.interview.completions(driver.state)
        #expect(offered.contains("佐藤 花子"))
        #expect(offered.contains("sato"))
        #expect(offered.contains("山田 太郎（yamada, 総務課）"))
        #expect(!offered.contains("山田 太郎"))
    }

    @Test func helpListsTheDirectoryWithLoginAnd課() {
        var driver = Self.atManager(makeInterview(staff: Self.twoYamadas))
        let help = texts(driver.type("?"))
        let listing = help.components(separatedBy: "\n").first { $0.hasPrefix("職員名簿：") } ?? ""
        for label in ["佐藤 花子（sato, 総務課）", "山田 太郎（yamada, 総務課）", "山田　太郎（yamada2, 住民課）", "鈴木 一郎（suzuki, 総務課）"] {
            #expect(listing.contains(label), "\(listing)")
        }
        let many = (1...40).map { StaffMember(login: "u\($0)", name: "職員 \($0)", department: "総務課") }
        #expect(StaffLookup(many).listing(.en)?.hasSuffix(", and 10 more (TAB completes)") == true)
    }

    @Test func usersInTheDirectoryAreLinkedAndOthersMarked() {
        var driver = Driver()
        driver.answer(Array(Lines.service().prefix(10)))
        #expect(driver.next == ApplicationFields.users)
        let outcome = driver.type("佐藤 花子、外部 太郎")
        #expect(!outcome.refused)
        #expect(driver.state.answers[ApplicationFields.users] == .people([
            NamedPerson(name: "佐藤 花子", login: "sato"), NamedPerson(name: "外部 太郎", login: nil),
        ]))
        #expect(texts(outcome).contains("名簿にない利用者：外部 太郎"))
        let review = driver.interview.review(driver.state).map(\.text).joined(separator: "\n")
        #expect(review.contains("佐藤 花子、外部 太郎（名簿にない利用者）"))
        #expect(driver.interview.procedure.field(ApplicationFields.users)!.help.ja.contains("名簿にない利用者"))
    }

    /// What an empty line takes at the service manager question, for this person at the keyboard.
    static func managerDefault(for person: Person) -> AnswerValue? {
        let interview = Interview(
            procedure: ApplicationProcedure.procedure,
            context: InterviewContext(language: .ja, today: today, person: person, intake: StubIntake(), staff: directory))
        let driver = atManager(interview)
        return interview.defaultAnswer(for: interview.procedure.field(ApplicationFields.serviceManager)!, driver.state)
    }

    @Test func theApplicantIsOfferedAsManagerOnlyWhenListed() {
        #expect(Self.managerDefault(for: Person(login: "sato", name: "佐藤 花子（自称）", department: "総務課"))
            == .person(NamedPerson(name: "佐藤 花子", login: "sato")))
        #expect(Self.managerDefault(for: Person(login: "mallory", name: "佐藤 花子", department: "総務課")) == nil)
    }

    @Test func aPlainNameInADraftOfAnEarlierYakkanIsAskedAgain() {
        var driver = Self.atManager()
        driver.answer(["佐藤 花子", "鈴木 一郎"])
        var earlier = driver.state
        earlier.answers[ApplicationFields.serviceManager] = .text("佐藤 花子")
        var resumed = Driver(driver.interview, state: earlier)
        #expect(resumed.next == ApplicationFields.serviceManager)
        resumed.answer(["sato"])
        #expect(resumed.state.answers[ApplicationFields.serviceManager] == .person(NamedPerson(name: "佐藤 花子", login: "sato")))
        #expect(resumed.next == ApplicationFields.alternative)
    }

    @Test func anEarlierAnswerIsOfferedAgainOnlyWhileTheDirectoryListsThem() {
        var driver = Self.atManager()
        driver.answer(["sato", ":back"])
        let field = driver.interview.procedure.field(ApplicationFields.serviceManager)!
        #expect(driver.interview.defaultAnswer(for: field, driver.state) == .person(NamedPerson(name: "佐藤 花子", login: "sato")))
        let withoutSato = makeInterview(staff: directory.filter { $0.login != "sato" })
        #expect(withoutSato.defaultAnswer(for: field, driver.state) == nil)
    }

    /// Drafts and stores written before names were chosen from the directory hold plain text.
    @Test func plainNamesOfEarlierStoresStillLoadAndGiveNobodyARole() throws {
        let earlier = #"{"service_manager":{"text":{"_0":"佐藤 花子"}},"users":{"list":{"_0":["佐藤 花子","山田 太郎"]}}}"#
        let answers = try JSONDecoder().decode(Answers.self, from: Data(earlier.utf8))
        #expect(answers[ApplicationFields.serviceManager]?.person == NamedPerson(name: "佐藤 花子", login: nil))
        #expect(answers[ApplicationFields.users]?.people?.map(\.login) == [nil, nil])
        let record = ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: .approved, procedureVersion: "1.0", answers: answers,
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
        #expect(record.serviceManager == "佐藤 花子")
        #expect(!DutyRules.isManager(login: "sato", of: record))
        #expect(AcknowledgementRules.refusal(login: "sato", member: RolesByLoginTests.sato, application: record) != nil)
        let encoded = try JSONEncoder().encode(AnswerValue.person(NamedPerson(name: "佐藤 花子", login: "sato")))
        #expect(try JSONDecoder().decode(AnswerValue.self, from: encoded) == .person(NamedPerson(name: "佐藤 花子", login: "sato")))
    }
}

/// Every role compares logins: a name, typed or remembered, gives none.
@Suite struct RolesByLoginTests {
    static let sato = StaffMember(login: "sato", name: "佐藤 花子", department: "総務課")

    static func record(status: ApplicationStatus = .inUse) -> ApplicationRecord {
        ApplicationRecord(
            id: 7, applicantLogin: "yamada", status: status, procedureVersion: "1.0",
            answers: [
                ApplicationFields.department: .text("総務課"),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "佐藤 花子", login: "sato")),
                ApplicationFields.departmentHead: .person(NamedPerson(name: "鈴木 一郎", login: "suzuki")),
                ApplicationFields.users: .people([NamedPerson(name: "山田 太郎", login: "yamada"), NamedPerson(name: "外部 太郎", login: nil)]),
            ],
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
    }

    @Test func theManagerIsTheLoginOnTheFormAndNoOneOfTheSameName() {
        let record = Self.record()
        #expect(DutyRules.isManager(login: "sato", of: record))
        #expect(!DutyRules.isManager(login: "mallory", of: record))
        #expect(!DutyRules.isManager(login: "佐藤 花子", of: record))
        #expect(DutyRules.mayRecord(login: "sato", member: Self.sato, application: record) == nil)
        #expect(DutyRules.mayRecord(login: "mallory", member: nil, application: record) != nil)
        #expect(DutyRules.mayStop(login: "mallory", member: StaffMember(login: "mallory", name: "佐藤 花子", department: "総務課"), application: record) != nil)
        #expect(AcknowledgementRules.refusal(login: "mallory", member: nil, application: Self.record(status: .approved)) != nil)
        #expect(AcknowledgementRules.refusal(login: "sato", member: Self.sato, application: Self.record(status: .approved)) == nil)
    }

    @Test func theHeadOfDepartmentIsKnownByLogin() {
        let form = Self.record(status: .submitted).reviewable
        let head = StaffMember(login: "suzuki", name: "鈴木 一郎", department: "総務課", reviewerOf: ["総務課"])
        let namesake = StaffMember(login: "suzuki2", name: "鈴木 一郎", department: "総務課", reviewerOf: ["総務課"])
        #expect(FourEyes.refusals(reviewerLogin: "suzuki", reviewer: head, form: form) == [.isDepartmentHead(name: "鈴木 一郎")])
        #expect(FourEyes.refusals(reviewerLogin: "suzuki2", reviewer: namesake, form: form).isEmpty)
    }

    @Test func alertsGoToTheLoginsOnTheForm() {
        let stop = ServiceStop(reason: "海外経由", stoppedBy: "sato", stoppedAt: "2026-05-01T00:00:00Z")
        let alerts = Notifications.stopped(Self.record(), stop, Directory(staff: []))
        #expect(Set(alerts.compactMap(\.recipientLogin)) == ["sato", "yamada"])
        let unlisted = alerts.first { $0.recipientLogin == nil }
        #expect(unlisted?.recipientName == "外部 太郎")
        #expect(unlisted?.isFor(login: "gaibu") == false)
    }

    @Test func involvementIsByLoginOnly() {
        #expect(Involvement(login: "sato", departments: []).managers == ["sato"])
        #expect(Involvement(login: nil, departments: ["総務課"]).managers.isEmpty)
    }

    @Test func todaysListAndTheCalendarAreTheLoginsNotTheNames() {
        var record = Self.record()
        record.acknowledgement = Acknowledgement(applicationID: 7, login: "sato", name: "佐藤 花子", acknowledgedAt: "2026-04-06T00:00:00Z")
        let today = Day(iso: "2026-06-20")!
        let manager = Actor(login: "sato", name: "佐藤 花子", member: Self.sato)
        let namesake = Actor(login: "mallory", name: "佐藤 花子", member: nil)
        // The manager named on the form, once the directory no longer lists them, keeps nothing.
        let removed = Actor(login: "sato", name: "佐藤 花子", member: nil)
        #expect(!TodayList.items(for: manager, records: [record], alerts: [], today: today).isEmpty)
        #expect(TodayList.items(for: namesake, records: [record], alerts: [], today: today).isEmpty)
        #expect(TodayList.items(for: removed, records: [record], alerts: [], today: today).isEmpty)
        #expect(!DutyCalendar.events(for: manager, records: [record], today: today).isEmpty)
        #expect(DutyCalendar.events(for: namesake, records: [record], today: today).isEmpty)
        #expect(DutyCalendar.events(for: removed, records: [record], today: today).isEmpty)
    }
}
