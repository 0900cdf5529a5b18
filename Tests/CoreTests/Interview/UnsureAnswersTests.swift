import Testing

@testable import Core

/// A clerk who cannot answer is told how to stop and whom to ask, by name; the 重要性分類
/// comes with the definitions to decide it by.
@Suite struct UnsureAnswersTests {
    @Test(arguments: ["わからない", "分からない", "不明", "ワカラナイ", "don't know", "Unknown"])
    func unsureIsRecognised(typed: String) {
        let recognised = EngineText.isUnsure(InputLine.halfwidthASCII(typed))
        // Katakana is not how anyone writes it: only the forms people type are taken.
        #expect(recognised == (typed != "ワカラナイ"), "\(typed)")
    }

    @Test func theAdviceNamesWhomToAskAndHowToKeepTheDraft() {
        let kato = StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"])
        let advice = EngineText.unsure([kato])
        #expect(advice.ja.contains(":save") && advice.ja.contains(":quit") && advice.ja.contains("加藤 誠（kato）"))
        #expect(advice.en.contains("yakkan apply carries on"))
        #expect(EngineText.unsure([]).ja.contains("利用責任者（課の情報セキュリティ管理者）"))
    }

    @Test func theClassificationGuideGivesEveryClass() {
        for mark in ["Ⅰ：", "Ⅱ：", "Ⅲ：", "Ⅳ："] { #expect(EngineText.classificationGuide.ja.contains(mark)) }
        for mark in ["Ⅰ:", "Ⅱ:", "Ⅲ:", "Ⅳ:"] { #expect(EngineText.classificationGuide.en.contains(mark)) }
    }

    @Test func theApplicantLearnsOfTheDecisionListedOrNot() {
        var approved = ApplicationRecord(
            id: 3, applicantLogin: "nakamura", status: .approved, procedureVersion: "1.0",
            answers: [ApplicationFields.serviceManager: .person(NamedPerson(name: "佐藤 花子", login: "sato"))],
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
        approved.decisions = [Decision(
            applicationID: 3, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil, answers: [:],
            decidedAt: "2026-04-03T01:00:00Z", applicationVersion: 1)]
        let today = Day(iso: "2026-04-04")!
        let news = TodayList.applicantNews(approved, for: "nakamura", today: today)
        #expect(news?.title.ja.contains("あなたの申請は承認されました（加藤 誠、令和8年4月3日）") == true)
        #expect(news?.title.ja.contains("佐藤 花子") == true)
        #expect(TodayList.applicantNews(approved, for: "someone", today: today) == nil)
        var refused = approved
        refused.status = .refused
        #expect(TodayList.applicantNews(refused, for: "nakamura", today: today)?.title.ja.contains("却下") == true)
        #expect(TodayList.applicantNews(refused, for: "nakamura", today: Day(iso: "2026-05-01")!) == nil, "a refusal is news for two weeks")
        // Whoever is not in the directory still has a login: the list for that login has it.
        let items = TodayList.items(for: Actor(login: "nakamura", name: nil, member: nil), records: [approved], alerts: [], today: today)
        #expect(items.count == 1)
    }
}

/// Leaving from the list of drafts works as it does everywhere in an interview.
@Suite struct DraftChoiceLeaveTests {
    @Test(arguments: [":quit", ":q", ":終了", "：ｑｕｉｔ"])
    func quitLeavesTheDraftsAsTheyAre(typed: String) {
        #expect(DraftChoice.interpret(typed, count: 2) == .success(.leave), "\(typed)")
    }
}
