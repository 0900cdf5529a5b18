import Foundation
import Testing

@testable import Core

@Suite struct CSVTests {
    static let awkward: [[String]] = [
        ["plain", "with, comma", "with \"quotes\"", "\"quoted whole\""],
        ["line\r\nbreak CRLF", "line\nbreak LF", "lone\rCR", ""],
        ["総務課", "Example Storage株式会社、日本", "令和8年4月1日", "Ⅳ"],
        ["007", "0012345", "=SUM(A1:A2)", "=\"a\",\"b\""],
        ["+81-90-0000-0000", "-1", "@cmd", " leading and trailing spaces "],
        ["'already quoted", "tab\tinside", "emoji 🗾", ","],
    ]

    @Test func awkwardCellsComeBackUnchanged() {
        let headers = ["番号", "名前, 別名", "メモ\n改行", "\""]
        let text = CSV.document(headers: headers, rows: Self.awkward)
        #expect(CSV.parse(text) == [headers] + Self.awkward)
    }

    /// `CSV.document` is lossless: a cell starting with = is written as it is (and comes back
    /// as it is). Guarding against Excel formulas is the ledger's job, see below.
    @Test func aFormulaCellIsKeptAsWrittenByTheGenericWriter() {
        let text = CSV.document(headers: ["a"], rows: [["=1+1"]])
        #expect(text == "\u{FEFF}a\r\n=1+1\r\n")
        #expect(CSV.parse(text) == [["a"], ["=1+1"]])
    }

    @Test func theDocumentStartsWithTheUTF8ByteOrderMark() {
        let bytes = Array(CSV.document(headers: ["番号"], rows: [["1"]]).utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(bytes.dropFirst(3).prefix(6)) == Array("番号".utf8))
    }

    @Test func everyRecordEndsWithCRLF() {
        let text = CSV.document(headers: ["a", "b", "c", "d"], rows: Self.awkward)
        let bytes = Array(text.utf8)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        // Outside quotes, every line feed follows a carriage return and every carriage
        // return comes before a line feed; the number of such ends is the number of records.
        var quoted = false
        var ends = 0
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            guard !quoted else { continue }
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
            if byte == 0x0D {
                #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A)
                ends += 1
            }
        }
        #expect(!quoted)
        #expect(ends == Self.awkward.count + 1)
    }

    @Test func onlyCellsThatNeedItAreQuoted() {
        #expect(CSV.field("abc") == "abc")
        #expect(CSV.field("007") == "007")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("a\nb") == "\"a\nb\"")
        #expect(CSV.field("a\r\nb") == "\"a\r\nb\"")
    }

    @Test func aRecordIsItsCellsJoined() {
        for cells in [["1", "利用中", "総務課", "", "Example Drive 無料プラン"], ["a,b", "c"], ["", ""], ["say \"hi\"", "改行\r\nあり"], []] {
            #expect(CSV.record(cells) == cells.map(CSV.field).joined(separator: ",") + "\r\n", "\(cells)")
        }
    }

    @Test func parseReadsWhatOthersWrite() {
        #expect(CSV.parse("") == [])
        #expect(CSV.parse("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(CSV.parse("\u{FEFF}a,\"b\"\r\n,\r\n") == [["a", "b"], ["", ""]])
        #expect(CSV.parse("\"x\"\"y\",z\r\n") == [["x\"y", "z"]])
    }

    @Test func formulaSafePrefixesAnApostrophe() {
        #expect(CSV.formulaSafe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(CSV.formulaSafe("+1") == "'+1")
        #expect(CSV.formulaSafe("-1") == "'-1")
        #expect(CSV.formulaSafe("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.formulaSafe("総務課") == "総務課")
        #expect(CSV.formulaSafe("2026-04-01") == "2026-04-01")
        #expect(CSV.formulaSafe("") == "")
    }
}

@Suite struct LedgerCSVTests {
    static func record(id: Int64, service: String) -> ApplicationRecord {
        var record = ApplicationRecord(
            id: id, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0",
            answers: [
                ApplicationFields.applicant: .text("山田 太郎"),
                ApplicationFields.department: .text("総務課"),
                ApplicationFields.provider: .text("Example Storage株式会社, Japan"),
                ApplicationFields.service: .text(service),
                ApplicationFields.periodStart: .date(Day(year: 2026, month: 4, day: 1)!),
                ApplicationFields.periodEnd: .date(Day(year: 2027, month: 3, day: 31)!),
                ApplicationFields.classification: .classification(.four),
                ApplicationFields.personalInformation: .flag(false),
                ApplicationFields.users: .list(["山田 太郎", "佐藤 花子", "田中 一郎"]),
                ApplicationFields.serviceManager: .text("佐藤 花子"),
                ApplicationFields.departmentHead: .text("鈴木 一郎"),
            ],
            submittedAt: "2026-03-31T16:00:00Z", version: 1)
        record.decisions = [Decision(
            applicationID: id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
            answers: [:], decidedAt: "2026-04-03T00:00:00Z", applicationVersion: 1)]
        return record
    }

    @Test func oneRowPerApplicationWithJapaneseHeaders() throws {
        let text = LedgerCSV.document([Self.record(id: 1, service: "Example Drive 無料プラン"), Self.record(id: 2, service: "別")], .ja)
        let table = CSV.parse(text)
        #expect(table.count == 3)
        #expect(table[0] == ["番号", "状態", "課", "提供会社名", "提供サービス名", "申請者", "申請日", "利用開始", "利用終了", "終了日",
                             "重要性分類", "個人情報", "利用者数", "サービス管理担当者", "所属長名", "最新の判断", "判断日"])
        // Submitted at 01:00 on 1 April, Japan time.
        #expect(table[1] == ["1", "利用中", "総務課", "Example Storage株式会社, Japan", "Example Drive 無料プラン", "山田 太郎",
                             "2026-04-01", "2026-04-01", "2027-03-31", "", "Ⅳ", "いいえ", "3", "佐藤 花子", "鈴木 一郎", "承認", "2026-04-03"])
        #expect(table[2][0] == "2")
    }

    @Test func englishHeadersAndLabels() {
        let table = CSV.parse(LedgerCSV.document([Self.record(id: 1, service: "Drive")], .en))
        #expect(table[0].first == "ID")
        #expect(table[0].count == 17)
        #expect(table[1][1] == "in use")
        #expect(table[1][11] == "no")
        #expect(table[1][15] == "approved")
    }

    /// Decision: cells typed by staff that start with = + - @ are prefixed with ' so Excel
    /// shows them as text instead of running them as formulas (CSV injection).
    @Test func aServiceNamedLikeAFormulaIsNeutralised() {
        let table = CSV.parse(LedgerCSV.document([Self.record(id: 1, service: "=HYPERLINK(\"http://x\",\"y\")")], .ja))
        #expect(table[1][4] == "'=HYPERLINK(\"http://x\",\"y\")")
    }

    @Test func noApplicationsIsJustTheHeaders() {
        let text = LedgerCSV.document([], .ja)
        #expect(text.hasPrefix("\u{FEFF}番号,状態,"))
        #expect(CSV.parse(text).count == 1)
    }
}
