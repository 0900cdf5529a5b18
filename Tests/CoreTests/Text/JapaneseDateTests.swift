import Testing
@testable import Core

private func day(_ iso: String) -> Day { Day(iso: iso)! }

struct JapaneseDateTests {
    @Test(arguments: [
        ("2026-04-01", "2026-04-01"),
        ("2026-4-1", "2026-04-01"),
        ("2026/4/1", "2026-04-01"),
        ("2026/04/01", "2026-04-01"),
        ("2026.4.1", "2026-04-01"),
        ("2026年4月1日", "2026-04-01"),
        ("20260401", "2026-04-01"),
        ("  2026-04-01\u{3000}", "2026-04-01"),
        ("２０２６－０４－０１", "2026-04-01"),
        ("２０２６年４月１日", "2026-04-01"),
        ("2026−04−01", "2026-04-01"),
        ("2024-02-29", "2024-02-29"),
        ("令和8年4月1日", "2026-04-01"),
        ("令和元年5月1日", "2019-05-01"),
        ("令和 8 年 4 月 1 日", "2026-04-01"),
        ("令和\u{3000}８年\u{3000}４月\u{3000}１日", "2026-04-01"),
        ("平成29年11月30日", "2017-11-30"),
        ("昭和64年1月7日", "1989-01-07"),
        ("R8.4.1", "2026-04-01"),
        ("R8/4/1", "2026-04-01"),
        ("R8-4-1", "2026-04-01"),
        ("r8.4.1", "2026-04-01"),
        ("H29.11.30", "2017-11-30"),
        ("S64.1.7", "1989-01-07"),
        ("令和８年４月１日", "2026-04-01"),
        ("Ｒ８．４．１", "2026-04-01"),
        ("R08.04.01", "2026-04-01"),
        ("平成31年4月30日", "2019-04-30"),
        ("平成元年1月8日", "1989-01-08"),
        ("H1.1.8", "1989-01-08"),
        ("大正15年12月24日", "1926-12-24"),
        ("昭和元年12月25日", "1926-12-25"),
    ])
    func acceptedForms(text: String, iso: String) {
        #expect(JapaneseDate.parse(text) == .success(day(iso)))
    }

    @Test(arguments: [
        ("2026-02-30", DateParseError.impossible(year: 2026, month: 2, day: 30)),
        ("令和8年2月30日", .impossible(year: 2026, month: 2, day: 30)),
        ("2025-02-29", .impossible(year: 2025, month: 2, day: 29)),
        ("2026-13-01", .impossible(year: 2026, month: 13, day: 1)),
        ("20260431", .impossible(year: 2026, month: 4, day: 31)),
        ("R7.2.29", .impossible(year: 2025, month: 2, day: 29)),
        ("2026年0月1日", .impossible(year: 2026, month: 0, day: 1)),
    ])
    func impossibleDates(text: String, error: DateParseError) {
        #expect(JapaneseDate.parse(text) == .failure(error))
    }

    @Test(arguments: [
        ("平成31年5月1日", DateParseError.outsideEra(era: "平成", year: 31)),
        ("平成32年1月1日", .outsideEra(era: "平成", year: 32)),
        ("H31.5.1", .outsideEra(era: "平成", year: 31)),
        ("令和元年4月30日", .outsideEra(era: "令和", year: 1)),
        ("令和0年5月1日", .outsideEra(era: "令和", year: 0)),
        ("R0.5.1", .outsideEra(era: "令和", year: 0)),
        ("昭和64年1月8日", .outsideEra(era: "昭和", year: 64)),
        ("平成元年1月7日", .outsideEra(era: "平成", year: 1)),
        ("昭和元年12月24日", .outsideEra(era: "昭和", year: 1)),
    ])
    func eraBoundaries(text: String, error: DateParseError) {
        #expect(JapaneseDate.parse(text) == .failure(error))
    }

    @Test(arguments: [
        "あした", "", "   ", "2026", "4/1", "2026-04", "2026/4-1", "26/4/1", "令和年4月1日", "元年4月1日",
        "2026-04-01x", "X8.4.1", "令和2026年4月1日", "202604011", "2026年4月", "R8.4", "ß8.4.1", "12345678901234567890",
    ])
    func unrecognised(text: String) {
        #expect(JapaneseDate.parse(text) == .failure(.unrecognised))
    }

    @Test func warekiRoundTripAcrossTheReiwaChange() {
        var current = day("2019-04-25")
        let last = day("2019-05-05")
        var checked = 0
        while current <= last {
            #expect(JapaneseDate.parse(JapaneseDate.wareki(current)) == .success(current))
            #expect(JapaneseDate.parse(JapaneseDate.warekiShort(current)) == .success(current))
            current = current.adding(days: 1)
            checked += 1
        }
        #expect(checked == 11)
    }

    @Test(arguments: [
        ("2026-04-01", "令和8年4月1日", "R8.4.1", "1 April 2026"),
        ("2019-05-01", "令和元年5月1日", "R1.5.1", "1 May 2019"),
        ("2019-04-30", "平成31年4月30日", "H31.4.30", "30 April 2019"),
        ("2017-11-30", "平成29年11月30日", "H29.11.30", "30 November 2017"),
        ("1989-01-07", "昭和64年1月7日", "S64.1.7", "7 January 1989"),
        ("1989-01-08", "平成元年1月8日", "H1.1.8", "8 January 1989"),
    ])
    func formatting(iso: String, wareki: String, short: String, english: String) {
        let d = day(iso)
        #expect(JapaneseDate.wareki(d) == wareki)
        #expect(JapaneseDate.warekiShort(d) == short)
        #expect(JapaneseDate.english(d) == english)
        #expect(JapaneseDate.parse(wareki) == .success(d))
        #expect(JapaneseDate.parse(short) == .success(d))
        // What the English screens show is read back as typed.
        #expect(JapaneseDate.parse(english) == .success(d))
    }

    @Test(arguments: ["31 March 2030", "31 Mar 2030", "March 31, 2030", "mar. 31 2030", "３１ March ２０３０"])
    func englishDatesAreRead(typed: String) {
        #expect(JapaneseDate.parse(typed) == .success(day("2030-03-31")))
    }

    @Test func englishDatesThatAreNoDatesAreRefused() {
        #expect(JapaneseDate.parse("31 February 2030") == .failure(.impossible(year: 2030, month: 2, day: 31)))
        #expect(JapaneseDate.parse("31 Marching 2030") == .failure(.unrecognised))
        #expect(JapaneseDate.parse("March 2030") == .failure(.unrecognised))
        #expect(JapaneseDate.parse("31 Ma 2030") == .failure(.unrecognised))
    }

    @Test func beforeGregorianAdoptionFallsBackToIso() {
        let d = day("1850-06-01")
        #expect(JapaneseDate.wareki(d) == "1850-06-01")
        #expect(JapaneseDate.warekiShort(d) == "1850-06-01")
    }
}
