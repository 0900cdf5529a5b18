import Foundation
import GRDB
import Testing
@testable import Core

/// What lists read from stored columns and the short-search index must say exactly what the
/// records say, after every kind of change the demo village makes.
@Suite("Ledger columns")
struct LedgerColumnsTests {
    static let today = DemoVillageTests.today

    @Test(arguments: StoreKind.available)
    func storedRowsAreTheRowsOfTheRecords(_ kind: StoreKind) throws {
        let built = try DemoVillageTests.Built.shared(kind)
        var stored: [LedgerRow] = []
        try built.store.eachLedgerRow(LedgerFilter(), today: Self.today) { stored.append($0) }
        let records = try built.store.applications()
        #expect(records.count >= 12)
        #expect(stored == records.map(LedgerRow.init))
        // The columns a list shows are filled, not left at their defaults.
        #expect(stored.allSatisfy { !$0.applicant.isEmpty && !$0.serviceManager.isEmpty && $0.userCount > 0 && $0.submittedOn != nil })
        #expect(stored.contains { $0.latestOutcome == .approved && $0.decidedOn != nil })
        #expect(stored.contains { $0.latestOutcome == .returned })
    }

    @Test(arguments: StoreKind.available)
    func filtersAndLimitsApplyToStoredRows(_ kind: StoreKind) throws {
        let built = try DemoVillageTests.Built.shared(kind)
        var filter = LedgerFilter()
        filter.statuses = [.inUse]
        filter.limit = 2
        var stored: [Int64] = []
        try built.store.eachLedgerRow(filter, today: Self.today) { stored.append($0.id) }
        #expect(stored == Array(try built.store.queryIDs(filter, today: Self.today)))
        #expect(stored.count == 2)
    }

    /// Every mode but the table, written a service at a time, is the same text as rendered whole.
    @Test(arguments: StoreKind.available, [OutputMode.csv, .line, .json])
    func streamedOutputIsTheRenderedOutput(_ kind: StoreKind, mode: OutputMode) throws {
        let built = try DemoVillageTests.Built.shared(kind)
        for language in [Language.ja, .en] {
        let records = try built.store.query(LedgerFilter(), today: Self.today)
        var stream = LedgerStream(mode: mode, language)
        var text = ""
        if stream.needsWholeRecords {
            try built.store.eachExportedRecord(LedgerFilter(), today: Self.today) { text += String(decoding: stream.nextJSON($0), as: UTF8.self) }
        } else {
            try built.store.eachLedgerRow(LedgerFilter(), today: Self.today) { text += stream.next($0) }
        }
        text += stream.end()
        let whole = try Ledger.render(records, mode: mode, today: Self.today, language)
        #expect(text == whole + (mode == .csv ? "" : "\n"))
        #expect(stream.count == records.count)
        }
    }

    @Test func nothingStreamedIsStillAWholeDocument() {
        #expect(LedgerStream(mode: .json, .ja).end() == "[]\n")
        #expect(LedgerStream(mode: .csv, .en).end() == LedgerCSV.document([], .en))
    }

    /// One and two characters use the short-search index; they must find exactly the services
    /// whose text contains them, as reading every text would.
    @Test(arguments: StoreKind.available)
    func shortSearchesFindWhatAScanFinds(_ kind: StoreKind) throws {
        let built = try DemoVillageTests.Built.shared(kind)
        let records = try built.store.applications()
        for text in ["名簿", "写真", "課", "共", "2", "総務", "ファ"] {
            #expect(ShortSearch.isIndexed(text))
            var filter = LedgerFilter()
            filter.text = text
            let found = try built.store.queryIDs(filter, today: Self.today)
            #expect(found == records.filter { SQLStore.searchText($0).contains(text) }.map(\.id), "\(text)")
            // With another condition the text is looked up among the services that meet it.
            filter.statuses = [.inUse]
            #expect(try built.store.queryIDs(filter, today: Self.today)
                == records.filter { $0.status == .inUse && SQLStore.searchText($0).contains(text) }.map(\.id), "\(text), in use")
        }
    }

    @Test(arguments: StoreKind.available)
    func punctuationIsSearchedByReading(_ kind: StoreKind) throws {
        #expect(!ShortSearch.isIndexed("・"))
        #expect(!ShortSearch.isIndexed("a,"))
        #expect(ShortSearch.words("名簿の更新、PC") == "c p pc の の更 名 名簿 新 更 更新 簿 簿の")
        let built = try DemoVillageTests.Built.shared(kind)
        var filter = LedgerFilter()
        filter.text = "。"
        let found = try built.store.queryIDs(filter, today: Self.today)
        let scanned = try built.store.applications().filter { SQLiteStore.searchText($0).contains("。") }.map(\.id)
        #expect(!scanned.isEmpty)
        #expect(found == scanned)
    }

    @Test(arguments: StoreKind.available)
    func aPurgedServiceIsNoLongerFound(_ kind: StoreKind) throws {
        let built = try DemoVillageTests.Built(kind, today: Self.today)
        let later = Day(year: 2040, month: 1, day: 1)!
        let passed = try built.store.applications().filter { $0.keepUntil.map { $0 < later } ?? false }
        let purged = try #require(passed.first)
        let word = String(purged.service.prefix(2))
        var filter = LedgerFilter()
        filter.text = word
        #expect(try built.store.queryIDs(filter, today: Self.today).contains(purged.id))
        let administrator = try #require(try built.store.staff().first(where: \.isAdministrator))
        _ = try built.store.purge([purged.id], by: administrator.login, at: "2040-01-01T00:00:00Z")
        #expect(try !built.store.queryIDs(filter, today: later).contains(purged.id))
        filter.text = purged.service
        #expect(try !built.store.queryIDs(filter, today: later).contains(purged.id))
    }

    /// due and calendar read only what the schedule needs, the duties' dues as the store keeps
    /// them; what they show must be what the whole records give, on days before, within and
    /// after approved periods (where a kept due can be missing while the period is open).
    @Test(arguments: StoreKind.available)
    func theScheduleGivesTheSameTodayListAndCalendarAsWholeRecords(_ kind: StoreKind) throws {
        let built = try DemoVillageTests.Built.shared(kind)
        for day in [Self.today, Self.today.adding(months: 5)] + (1...24).map({ Self.today.adding(days: 11 * $0) }) {
            var filter = LedgerFilter()
            filter.statuses = TodayList.statuses
            let whole = try built.store.query(filter, today: day)
            let schedules = try built.store.schedules(filter, today: day)
            #expect(schedules.map(\.id) == whole.map(\.id))
            // Read from the kept dues: no duty record, but for a service whose dues cannot say.
            #expect(schedules.contains { $0.status == .inUse && $0.openDues != nil && $0.dutyRecords.isEmpty })
            #expect(schedules.allSatisfy { $0.openDues != nil || $0.status != .inUse || $0.activeUntil.map { day < $0 } == true })
            var batched: [ApplicationRecord] = []
            try built.store.eachSchedule(filter, today: day) { batched += $0 }
            #expect(batched == schedules)
            let alerts = try built.store.openAlerts(for: nil)
            for member in try built.store.staff() {
                let person = Actor(login: member.login, name: member.name, member: member)
                for everything in [false, true] {
                    let fromSchedules = TodayList.items(for: person, records: schedules, alerts: alerts, today: day, everything: everything)
                    #expect(fromSchedules == TodayList.items(for: person, records: whole, alerts: alerts, today: day, everything: everything))
                    #expect(!everything || !fromSchedules.isEmpty)
                    #expect(DutyCalendar.events(for: person, records: schedules, today: day, everything: everything)
                        == DutyCalendar.events(for: person, records: whole, today: day, everything: everything))
                }
                // The whole village's list made a batch at a time is the list made at once.
                if DutyRules.maySeeEverything(member: member) == nil {
                    var everyone = LedgerFilter()
                    everyone.involving = nil
                    #expect(try WaitingWork.everything(for: person, matching: everyone, store: built.store, today: day)
                        == WaitingWork.items(for: person, matching: everyone, everything: true, store: built.store, today: day))
                }
            }
        }
    }

    /// The review queue read from schedules leaves out, as whole records do, an application
    /// whose 所属長 or an editor is a 利用責任者 of its 課; its other 利用責任者 still sees it.
    @Test(arguments: StoreKind.available)
    func theScheduleKnowsWhoMayNotCheckAnApplication(_ kind: StoreKind) throws {
        let built = try DemoVillageTests.Built(kind, today: Self.today)
        var submittedOnly = LedgerFilter()
        submittedOnly.statuses = [.submitted]
        let application = try #require(try built.store.query(submittedOnly, today: Self.today).first)
        let department = application.department
        let head = try #require(application.departmentHead.login)
        let administrator = try #require(try built.store.staff().first(where: \.isAdministrator))
        let stamp = "2026-04-01T09:00:00Z"
        // Someone else edited it: a row of its editors, written as a correction would.
        try built.asOwner("INSERT INTO application_editor (application_id, login) VALUES (\(application.id), 'hensyu')")
        for (login, name) in [(head, application.departmentHead.name), ("hensyu", "編集 者")] {
            let entry = StaffEntry(login: login, name: name, department: department, reviewerOf: [department])
            if try built.store.staffMember(login: login) == nil {
                _ = try built.store.addStaff(entry, by: administrator.login, at: stamp)
            } else {
                _ = try built.store.updateStaff(entry, by: administrator.login, at: stamp)
            }
        }
        let other = try #require(try built.store.staff().first { $0.reviews(department) && ![head, "hensyu", application.applicantLogin].contains($0.login) })
        let schedules = try built.store.schedules(submittedOnly, today: Self.today)
        let whole = try built.store.query(submittedOnly, today: Self.today)
        #expect(schedules.first { $0.id == application.id }?.editors.contains("hensyu") == true)
        for (login, waits) in [(head, false), ("hensyu", false), (other.login, true)] {
            let member = try #require(try built.store.staffMember(login: login))
            let person = Actor(login: login, name: member.name, member: member)
            let items = try WaitingWork.items(for: person, matching: person.involvedServices, store: built.store, today: Self.today)
            #expect(items.contains { $0.applicationID == application.id && $0.kind == .review } == waits, "\(login)")
            #expect(TodayList.items(for: person, records: schedules, alerts: [], today: Self.today)
                == TodayList.items(for: person, records: whole, alerts: [], today: Self.today))
        }
    }

    /// A store written before v7-list-columns gets its columns and short-search index filled
    /// when it is next opened.
    @Test func aStoreFromBeforeTheListColumnsIsFilledWhenOpened() throws {
        let built = try DemoVillageTests.Built(today: Self.today)
        let path = built.folder + "/demo.sqlite"
        let expected = try built.store.applications().map(LedgerRow.init)
        do {
            // Back to how the previous version left it.
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                for column in ["applicant_name", "submitted_on", "user_count", "service_manager", "department_head", "latest_outcome", "decided_on"] {
                    try db.execute(sql: "ALTER TABLE application DROP COLUMN \(column)")
                }
                try db.execute(sql: "DROP TABLE ledger_short_text")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-list-columns'")
            }
            try queue.close()
        }
        let reopened = try SQLiteStore(path: path, workingDirectory: built.folder, clock: FixedClock(day: Self.today))
        var stored: [LedgerRow] = []
        try reopened.eachLedgerRow(LedgerFilter(), today: Self.today) { stored.append($0) }
        #expect(stored == expected)
        var filter = LedgerFilter()
        filter.text = "課"
        #expect(try !reopened.queryIDs(filter, today: Self.today).isEmpty)
    }
}
