import Foundation
import Testing

@testable import Core

/// `terms check` against a real HTTP server: the terms kept first, then unchanged, changed
/// (the 6(1) decision opened, the manager told), each way of not getting a page, and no page
/// asked for twice in a day. On SQLite: the check is one signed command like any other, and
/// verify replays it (the last test) on whichever store.
@Suite(.serialized) struct TermsCheckTests {
    /// The directory and the spreadsheet of the import tests: kato administrator and 利用責任者,
    /// sato the service manager of the first row's service.
    static let staff = WithdrawAndImportTests.staff
    static let spreadsheet = WithdrawAndImportTests.spreadsheet

    static let version1 = """
        <!doctype html><html><head><title>Example Drive 利用規約</title><script>document.write("広告")</script>
        <style>p { color: red }</style></head><body>
        <h1>Example Drive 利用規約</h1><p>最終更新日：2026年4月1日 12:00:01</p>
        <p>第1条（適用）本規約は、当社が提供する Example Drive の利用に適用されます。</p>
        <p>第12条（データの削除）退会後30日以内に利用者のデータを削除します。</p>
        <p>第15条（免責）当社は&nbsp;故意又は重大な過失による場合を除き、責任を負いません。</p>
        </body></html>
        """

    /// A village with one service in use that names `addresses`; kato the administrator and
    /// 利用責任者, sato its service manager.
    static func village(_ kind: StoreKind = .sqlite, addresses: [String]) throws -> (StoreVillage, SQLStore, ApplicationRecord) {
        let village = try StoreVillage(kind)
        let kato = try village.store(as: "kato")
        for (index, member) in staff.enumerated() { _ = try kato.addStaff(member, by: "kato", at: "2026-04-01T00:0\(index):00Z") }
        let reading = ImportActions.read(spreadsheet, staff: staff, today: Village.today(village.clock))
        var answers = try #require(reading.services.first).answers
        answers[ApplicationFields.termsAddresses] = .list(addresses)
        let service = try #require(try kato.importServices([ImportedService(row: 2, answers: answers)], by: "kato", at: "2026-04-01T01:00:00Z").first)
        return (village, kato, service)
    }

    static func checker(_ store: any Store, timeout: TimeInterval = 30, sizeLimit: Int = 5_000_000, allowHTTP: Bool = true) -> TermsChecker {
        TermsChecker(store: store, fetcher: TermsFetcher(policy: .init(timeout: timeout, sizeLimit: sizeLimit, redirectLimit: 5, allowHTTP: allowHTTP)))
    }

    static func day(_ n: Int) -> (at: String, today: Day) {
        let day = Day(iso: "2026-04-01")!.adding(days: n)
        return ("\(day.iso)T01:00:00Z", day)
    }

    static func recorded(_ report: TermsChecker.Report) -> [TermsRecord.Result] {
        report.lines.compactMap { if case .recorded(let result) = $0.outcome { return result } else { return nil } }
    }

    @Test func unchangedNothingHappensChangedOpensTheDecisionWithTheDiff() throws {
        let server = try TermsPageServer()
        try server.page("terms.html", Self.version1)
        let (_, kato, service) = try Self.village(addresses: [server.address("/terms.html") + " 除外:最終更新日"])
        let checker = Self.checker(kato)

        // Day 1: nothing kept yet (an imported service): the text is kept.
        let first = try checker.check([service], by: "kato", at: Self.day(1).at, today: Self.day(1).today)
        let kept = try #require(Self.recorded(first).first)
        #expect(kept.outcome == .kept && first.alerts.isEmpty)
        let text = try #require(kept.text)
        #expect(text.contains("第12条（データの削除）退会後30日以内に利用者のデータを削除します。"))
        #expect(text.contains("故意又は重大な過失"), "entities are decoded")
        #expect(!text.contains("広告") && !text.contains("color"), "no script or style is read, none is run")
        #expect(!text.contains("最終更新日"), "the line the ignore rule names is left out")
        #expect(kept.textSHA256 == TermsObservation.sha256(text))

        // Day 2: only the ignored line moved: unchanged, nothing is opened, and the log holds a hash, not the text.
        try server.page("terms.html", Self.version1.replacingOccurrences(of: "12:00:01", with: "18:30:00"))
        let second = try checker.check([try #require(try kato.application(id: service.id))], by: "kato", at: Self.day(2).at, today: Self.day(2).today)
        #expect(Self.recorded(second).map(\.outcome) == [.unchanged])
        #expect(Self.recorded(second).first?.text == nil)
        #expect(second.alerts.isEmpty)
        #expect(try kato.openAlerts(for: nil).isEmpty)

        // Day 3: article 12 changed: the 利用責任者 must decide, the manager is told, the diff says what changed.
        try server.page("terms.html", Self.version1.replacingOccurrences(of: "退会後30日以内に利用者のデータを削除します。", with: "当社は退会後もデータを保持することがあります。"))
        let third = try checker.check([try #require(try kato.application(id: service.id))], by: "kato", at: Self.day(3).at, today: Self.day(3).today)
        let changed = try #require(Self.recorded(third).first)
        #expect(changed.outcome == .changed)
        #expect(changed.diff.contains("- 第12条（データの削除）退会後30日以内に利用者のデータを削除します。"))
        #expect(changed.diff.contains("+ 第12条（データの削除）当社は退会後もデータを保持することがあります。"))
        let alerts = try kato.openAlerts(for: nil)
        let decision = try #require(alerts.first { $0.recipientLogin == "kato" })
        #expect(decision.needsDecision && decision.kind == .serviceChanged)
        #expect(decision.message.ja.contains("約款が変わりました") && decision.message.ja.contains("yakkan continuation \(service.id)"))
        let manager = try #require(alerts.first { $0.recipientLogin == "sato" })
        #expect(!manager.needsDecision && manager.message.en.contains("its terms changed"))

        // The service's record, the quarterly review and the printed form show it.
        let now = try #require(try kato.application(id: service.id))
        let last = TermsCheckText.lastChecks(now).map { $0(.ja) }
        #expect(last.contains { $0.contains("令和8年4月4日") && $0.contains("変更あり") })
        let hash = try #require(changed.textSHA256)
        #expect(last.contains { $0.contains(hash) })
        #expect(TermsCheckText.latestChange(now).map { $0(.en) }.contains("    + 第12条（データの削除）当社は退会後もデータを保持することがあります。"))
        let form = ApplicationForm.text(now, applicant: nil, today: Self.day(3).today, .en)
        #expect(form.contains("Last checked: 4 April 2026 · result: changed") && form.contains(hash))
        let printed = FormHTML.document(now, today: Self.day(3).today, .ja)
        #expect(printed.contains("最終確認：令和8年4月4日　結果：変更あり") && printed.contains(hash))
        #expect(printed.contains("- 第12条（データの削除）退会後30日以内に利用者のデータを削除します。"), "the printed history carries the diff")

        // The 利用責任者 decides: the alert closes.
        try kato.decideContinuation(service.id, answers: [EventFields.decision: .choice("continue"), EventFields.reason: .text("削除は退会時に手作業で確認する")], by: "kato", at: Self.day(3).at)
        #expect(try kato.openAlerts(for: nil).filter(\.needsDecision).isEmpty)
        // One request a day: three checks, three requests.
        #expect(server.requests == ["/terms.html", "/terms.html", "/terms.html"])
    }

    @Test func nothingIsFetchedTwiceInADay() throws {
        let server = try TermsPageServer()
        try server.page("terms.html", Self.version1)
        let address = server.address("/terms.html")
        let (_, kato, service) = try Self.village(addresses: [address])
        // A second service naming the same address: still one request.
        let reading = ImportActions.read(Self.spreadsheet, staff: Self.staff, today: Day(iso: "2026-04-01")!)
        var answers = try #require(reading.services.first).answers
        answers[ApplicationFields.termsAddresses] = .list([address])
        let other = try #require(try kato.importServices([ImportedService(row: 2, answers: answers)], by: "kato", at: "2026-04-01T02:00:00Z").first)
        let checker = Self.checker(kato)

        let morning = try checker.check([service, other], by: "kato", at: Self.day(1).at, today: Self.day(1).today)
        #expect(morning.requests == 1)
        #expect(Self.recorded(morning).map(\.outcome) == [.kept, .kept])
        // The same day again (a second timer, a run by hand): nothing is asked for.
        let again = try checker.check(
            try [service.id, other.id].map { try #require(try kato.application(id: $0)) }, by: "kato", at: "2026-04-02T09:00:00Z", today: Self.day(1).today)
        #expect(again.requests == 0)
        #expect(again.lines.allSatisfy { if case .alreadyToday(let result) = $0.outcome { return result.outcome == .kept } else { return false } })
        #expect(server.requests == ["/terms.html"])
        // The next day, once more.
        _ = try checker.check([try #require(try kato.application(id: service.id))], by: "kato", at: Self.day(2).at, today: Self.day(2).today)
        #expect(server.requests == ["/terms.html", "/terms.html"])
    }

    @Test func eachWayOfNotGettingThePageIsWorded() throws {
        let server = try TermsPageServer()
        try server.page("terms.html", Self.version1)
        let paths = ["/silent", "/large", "/loop-a", "/missing.html"]
        let (_, kato, service) = try Self.village(addresses: paths.map(server.address) + [server.address("/terms.html")])
        let report = try Self.checker(kato, timeout: 2, sizeLimit: 1_000_000).check([service], by: "kato", at: Self.day(1).at, today: Self.day(1).today)
        let results = Self.recorded(report)
        #expect(results.map(\.outcome) == [.unreachable, .unreachable, .unreachable, .unreachable, .kept])
        #expect(results.map(\.failure) == [.timedOut(seconds: 2), .tooLarge(limit: 1_000_000), .redirectLoop, .status(404), nil])
        let worded = results.prefix(4).map { TermsCheckText.outcome($0) }
        #expect(worded.map { $0.ja } == [
            "取得できません：2秒以内に応答がありませんでした。", "取得できません：大きすぎます（1 MB を超えています）。",
            "取得できません：転送（リダイレクト）が同じアドレスに戻りました（ループ）。", "取得できません：サーバーが HTTP 404 を返しました。",
        ])
        #expect(worded[2].en == "unreachable: the redirects lead back to an address already visited (a loop).")
        #expect(try kato.openAlerts(for: nil).isEmpty, "a page not got is no change")
    }

    @Test func redirectsAreFollowedFiveTimesAtMost() throws {
        let server = try TermsPageServer()
        let (_, kato, service) = try Self.village(addresses: [server.address("/chain-1")])
        let report = try Self.checker(kato).check([service], by: "kato", at: Self.day(1).at, today: Self.day(1).today)
        #expect(Self.recorded(report).map(\.failure) == [.tooManyRedirects(limit: 5)])
        #expect(server.requests == (1...6).map { "/chain-\($0)" }, "the first request and five redirects, then no more")
    }

    @Test func withoutLibcurlNothingIsFetchedNorRecordedAndItIsSaid() throws {
        let server = try TermsPageServer()
        try server.page("terms.html", Self.version1)
        let (_, kato, service) = try Self.village(addresses: [server.address("/terms.html")])
        // This machine has libcurl (the other tests fetch through it); a name not installed stands for one without.
        #expect(TermsFetcher(policy: .init()).missingLibrary == nil)
        let missing = "libcurl-not-installed.so.4"
        let fetcher = TermsFetcher(policy: .init(allowHTTP: true), libraryName: missing)
        let report = try TermsChecker(store: kato, fetcher: fetcher).check([service], by: "kato", at: Self.day(1).at, today: Self.day(1).today)
        #expect(report.missingLibrary == missing)
        #expect(report.requests == 0 && server.requests.isEmpty)
        #expect(try kato.application(id: service.id)?.dutyRecords.isEmpty == true)
        let alone: TermsFailure? = if case .failure(let failure) = fetcher.fetch(server.address("/terms.html")) { failure } else { nil }
        #expect(alone == .unreachable(missing), "a fetch alone fails, and does not crash")
        let said = TermsCheckText.noClientLibrary(missing)
        #expect(said.ja.contains("libcurl（libcurl-not-installed.so.4）がありません") && said.ja.contains("apt-get install libcurl4"))
        #expect(said.en.contains("libcurl (libcurl-not-installed.so.4), is not installed") && said.en.contains("apt-get install libcurl4"))
    }

    @Test func anAddressThatIsNotHTTPSIsNotFetchedUnlessAllowed() throws {
        let server = try TermsPageServer()
        try server.page("terms.html", Self.version1)
        let (_, kato, service) = try Self.village(addresses: [server.address("/terms.html")])
        let refused = try Self.checker(kato, allowHTTP: false).check([service], by: "kato", at: Self.day(1).at, today: Self.day(1).today)
        #expect(Self.recorded(refused).map(\.failure) == [.notHTTPS])
        #expect(TermsCheckText.outcome(Self.recorded(refused)[0]).en == "unreachable: an address that is not https is not fetched (unless an administrator gives --allow-http).")
        #expect(server.requests.isEmpty, "nothing was asked of the server")
        // A redirect from https to http is refused the same way: followed only within https.
        #expect(TermsAddress.problem("ftp://example.com/terms")?.en == "“ftp://example.com/terms” is not an address starting with https://.")
    }

    @Test func noNetworkRecordsNothing() throws {
        // A port nobody listens on: no address can be reached at all.
        let (_, kato, service) = try Self.village(addresses: ["http://127.0.0.1:9/terms"])
        let report = try Self.checker(kato).check([service], by: "kato", at: Self.day(1).at, today: Self.day(1).today)
        #expect(report.noNetwork)
        #expect(try kato.application(id: service.id)?.dutyRecords.isEmpty == true)
        #expect(try kato.auditEntries().filter { $0.action == "terms-check" }.isEmpty)
    }

    @Test func aPDFAndASavedCopyAreComparedTheSameWay() throws {
        let server = try TermsPageServer()
        try server.pdfText("Example Drive terms: data is deleted 30 days after leaving.")
        let (village, kato, service) = try Self.village(addresses: [server.address("/terms.pdf")])
        let checker = Self.checker(kato)
        let kept = try checker.check([service], by: "kato", at: Self.day(1).at, today: Self.day(1).today)
        #expect(Self.recorded(kept).first?.text == "Example Drive terms: data is deleted 30 days after leaving.")
        // The manager saved the page by hand on a machine with internet access: the same text, unchanged.
        let copy = Data("<html><body><p>Example Drive terms: data is deleted 30 days after leaving.</p></body></html>".utf8)
        let same = try Self.checker(try village.store(as: "sato")).check(try #require(try kato.application(id: service.id)), copy: copy, named: "terms.html", address: nil, by: "sato", at: Self.day(2).at)
        #expect(Self.recorded(same).map(\.outcome) == [.unchanged])
        #expect(Self.recorded(same).first?.origin == "terms.html")
    }

    @Test(arguments: StoreKind.available)
    func verifyDecidesTheChecksAgain(_ kind: StoreKind) throws {
        let (village, _, service) = try Self.village(kind, addresses: ["https://drive.example.invalid/terms"])
        let sato = try village.store(as: "sato")
        let checker = Self.checker(sato)
        let copy1 = Data("第1条 適用\n第12条 削除は30日以内".utf8), copy2 = Data("第1条 適用\n第12条 削除しないことがある".utf8)
        _ = try checker.check(service, copy: copy1, named: "v1.txt", address: nil, by: "sato", at: Self.day(1).at)
        let changed = try checker.check(try #require(try sato.application(id: service.id)), copy: copy2, named: "v2.txt", address: nil, by: "sato", at: Self.day(2).at)
        #expect(Self.recorded(changed).first?.diff == ["  第1条 適用", "- 第12条 削除は30日以内", "+ 第12条 削除しないことがある"])
        #expect(changed.alerts.count == 2)
        #expect(try village.verify(as: "suzuki").findings == [])
        // A check typed as a duty record, with a result of one's choosing, is refused.
        #expect(throws: StoreError.self) {
            try sato.recordDuty(service.id, .termsCheck, answers: [DutyFields.doneOn: .date(Self.day(2).today)], by: "sato", at: Self.day(2).at)
        }
        // Text that is not what its hash says is refused.
        let forged = TermsObservation(address: "https://drive.example.invalid/terms", origin: "x", textSHA256: TermsObservation.sha256("a"), text: "b")
        #expect(throws: StoreError.self) { try sato.checkTerms(service.id, [forged], by: "sato", at: Self.day(2).at) }
    }
}
