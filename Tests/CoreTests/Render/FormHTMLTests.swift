import Foundation
import Testing

@testable import Core

@Suite struct FormHTMLTests {
    typealias F = ApplicationFields

    static func attachment(_ name: String, _ byte: Character) -> Core.Attachment {
        Core.Attachment(sha256: String(repeating: byte, count: 64), fileName: name, size: 60, addedAt: "2026-04-01T00:00:00Z")
    }

    /// Every field answered, every check marked, and a decision with the reviewer's column.
    static func record(service: String = "Example Drive 無料プラン", purpose: String = "観光イベントの写真を協力団体と共有するため") -> ApplicationRecord {
        var answers: Answers = [
            F.applicant: .text("山田 太郎"),
            F.department: .text("総務課"),
            F.provider: .text("Example Storage株式会社"),
            F.service: .text(service),
            F.description: .text("インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。無料プランは15GBまで。"),
            F.purpose: .text(purpose),
            F.informationKinds: .list(["イベント写真", "公開済みのチラシ"]),
            F.classification: .classification(.four),
            F.personalInformation: .flag(false),
            F.overseas: .flag(false),
            F.users: .list(["山田 太郎", "佐藤 花子", "田中 一郎"]),
            F.periodStart: .date(Day(year: 2026, month: 4, day: 1)!),
            F.periodEnd: .date(Day(year: 2027, month: 3, day: 31)!),
            F.serviceManager: .text("佐藤 花子"),
            F.departmentHead: .text("鈴木 一郎"),
            F.alternative: .text("庁内ファイルサーバの共有フォルダで受け渡す"),
            F.signupRecord: .files([attachment("signup.png", "a")]),
            F.terms: .files([attachment("terms.pdf", "b")]),
            F.risks: .flag(true),
        ]
        var review: Answers = [:]
        for item in ApplicationChecks.items {
            let mark: Mark = item.number == 3 ? .notApplicable : .yes
            answers[item.markID] = .mark(mark)
            review[ReviewFields.mark(item.number)] = .mark(mark)
        }
        answers["check3.note"] = .text("個人情報を扱わないため")
        answers["check1.evidence"] = .files([attachment("https-padlock.png", "c")])
        review[ReviewFields.note(5)] = .text("無償サービスのため免責事項を確認した")
        var record = ApplicationRecord(
            id: 1, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0", answers: answers,
            submittedAt: "2026-04-01T00:00:00Z", version: 1)
        record.decisions = [Decision(
            applicationID: 1, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
            answers: review, decidedAt: "2026-04-03T00:00:00Z", applicationVersion: 1)]
        record.acknowledgement = Acknowledgement(
            applicationID: 1, login: "sato", name: "佐藤 花子", acknowledgedAt: "2026-04-06T00:00:00Z")
        return record
    }

    @Test func theFormHasItsTitleTheServiceAndEveryCheck() {
        let html = FormHTML.document(Self.record(), today: Day(iso: "2026-11-27")!, .ja)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"ja\">"))
        #expect(html.contains("約款による外部サービス利用申請書"))
        #expect(html.contains("以下の通り、申請しますので利用を許可願います。"))
        #expect(html.contains("Example Drive 無料プラン"))
        for item in ApplicationChecks.items { #expect(html.contains(FormHTML.escape(item.text.ja))) }
        #expect(html.contains(RiskNotice.heading.ja))
        for risk in RiskNotice.risks { #expect(html.contains(risk.ja)) }
    }

    @Test func fieldsAreInTheFormsOrderWithDatesInWareki() throws {
        let html = FormHTML.document(Self.record(), today: Day(iso: "2026-11-27")!, .ja)
        let labels = ["申請日", "申請者", "利用する組織名", "提供会社名", "提供サービス名", "サービス内容", "利用目的",
                      "取り扱う情報の種類", "重要性分類", "個人情報の取扱い", "海外のサーバ・ネットワーク経由", "利用者",
                      "利用期間", "サービス管理担当者", "所属長名", "代替サービス"]
        var position = html.startIndex
        for label in labels {
            let found = try #require(html.range(of: "<th scope=\"row\">\(label)", range: position..<html.endIndex), "\(label)")
            position = found.upperBound
        }
        #expect(html.contains("令和8年4月1日 ～ 令和9年3月31日"))
        #expect(html.contains("（合計人数：3名）"))
        #expect(html.contains("<li>公開済みのチラシ</li>"))
        #expect(html.contains(String(repeating: "a", count: 64)))  // the whole SHA-256
        #expect(html.contains("signup.png"))
        #expect(html.contains("令和8年4月3日"))  // the decision
        #expect(html.contains("加藤 誠"))
        #expect(html.contains("令和8年4月6日"))  // the acknowledgement
    }

    @Test func theChecksTableHasBothColumnsAndTheNotes() {
        let html = FormHTML.document(Self.record(), today: Day(iso: "2026-11-27")!, .ja)
        #expect(html.contains("<th>NO</th>"))
        #expect(html.contains("<th>申請者</th><th>責任者</th>"))
        #expect(html.contains("<td class=\"mark\">○</td><td class=\"mark\">○</td>"))
        #expect(html.contains("<td class=\"mark\">／</td><td class=\"mark\">／</td>"))
        #expect(html.contains("備考：個人情報を扱わないため"))
        #expect(html.contains("責任者の備考：無償サービスのため免責事項を確認した"))
        #expect(html.contains("資料：https-padlock.png"))
    }

    @Test func unreviewedChecksLeaveTheReviewerColumnEmpty() {
        var record = Self.record()
        record.decisions = []
        record.acknowledgement = nil
        let html = FormHTML.document(record, today: Day(iso: "2026-11-27")!, .ja)
        #expect(html.contains("<td class=\"mark\">○</td><td class=\"mark\"></td>"))
        #expect(html.contains("（未確認）"))
    }

    @Test func userTextIsEscaped() {
        let html = FormHTML.document(Self.record(service: "<script>alert('x')</script> & \"co\""), today: Day(iso: "2026-11-27")!, .ja)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        #expect(FormHTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func theDocumentIsSelfContained() {
        for language in Language.allCases {
            let html = FormHTML.document(Self.record(), today: Day(iso: "2026-11-27")!, language)
            #expect(!html.contains("http://"))
            #expect(!html.contains("https://"))
            for reference in ["<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import", "@font-face"] {
                #expect(!html.lowercased().contains(reference), "\(reference)")
            }
        }
        // A URL typed by the applicant is text, never a reference.
        let html = FormHTML.document(Self.record(purpose: "https://example.com の写真を共有するため"), today: Day(iso: "2026-11-27")!, .ja)
        for reference in ["src=", "href=", "url("] { #expect(!html.contains(reference)) }
    }

    @Test func thePrintStylesAreThere() {
        let html = FormHTML.document(Self.record(), today: Day(iso: "2026-11-27")!, .ja)
        #expect(html.contains("@page { size: A4; margin: 15mm; }"))
        #expect(html.contains("\"Noto Sans CJK JP\", \"IPAexGothic\", \"IPAGothic\", sans-serif"))
        #expect(html.contains("break-inside: avoid"))
    }

    @Test func englishIsComplete() {
        let html = FormHTML.document(Self.record(), today: Day(iso: "2026-11-27")!, .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Application to use a service under click-through terms"))
        #expect(html.contains("<th scope=\"row\">Provider</th>"))
        #expect(html.contains("(3 users in all)"))
        #expect(html.contains("Applicant</th><th>Reviewer</th>"))
        for item in ApplicationChecks.items { #expect(html.contains(FormHTML.escape(item.text.en))) }
        #expect(html.contains(RiskNotice.heading.en))
        // No Japanese words of the form's own chrome are left; only the user's answers and
        // the role name 利用責任者 (as in the text form) are Japanese.
        for word in ["申請日", "確認内容", "利用期間", "合計人数", "添付資料", "未確認", "備考："] {
            #expect(!html.contains(word), "\(word)")
        }
    }

    @Test func aSecondFormCanShareTheDocument() {
        let record = Self.record()
        let form = FormHTML.applicationForm(record, today: Day(iso: "2026-11-27")!, .ja)
        let html = FormHTML.page(title: "二つの様式", language: .ja, forms: [form, form])
        #expect(html.components(separatedBy: "<article class=\"form\">").count == 3)
        #expect(html.contains("article.form + article.form { break-before: page; }"))
        let table = FormHTML.checksTable(
            items: Array(ApplicationChecks.items.prefix(2)), words: FormText.application, applicantMarks: [1: .yes], reviewerMarks: [1: .no, 2: .yes])
        #expect(table.contains("<td class=\"mark\">○</td><td class=\"mark\">×</td>"))
        #expect(table.contains("<td class=\"mark\"></td><td class=\"mark\">○</td>"))
        let section = FormHTML.section("終了サービス", rows: [.full("終了理由", FormHTML.escape("<契約満了>"))])
        #expect(section.contains("<h2>終了サービス</h2>"))
        #expect(section.contains("<td colspan=\"3\">&lt;契約満了&gt;</td>"))
    }
}
