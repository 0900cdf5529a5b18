import Core
import Foundation
import Testing

/// Prints the HTML form with headless Chromium, as a person would print it, and reads the PDF
/// back with poppler: it must be A4, one or two sheets, with the Japanese text in it.
///
/// Needs chromium, poppler-utils and a Japanese font, which `scripts/setup` installs; without
/// them the test fails (it does not skip), because `scripts/setup && swift test` is the way
/// the tests are run.
@Suite(.serialized) struct PrintedFormTests {
    typealias F = ApplicationFields

    @Test func aRealisticApplicationPrintsOnOneOrTwoA4Pages() throws {
        let record = Self.realisticApplication()
        let printed = try Self.printToPDF(FormHTML.document(record, today: Day(iso: "2026-11-27")!, .ja), name: "application-ja")

        #expect((1...2).contains(printed.pages), "pages: \(printed.pages)\n\(printed.info)")
        #expect(abs(printed.width - 595) <= 1 && abs(printed.height - 842) <= 1,
                "page size \(printed.width) x \(printed.height) pts is not A4\n\(printed.info)")
        let text = Self.squeezed(printed.text)
        #expect(text.contains(Self.squeezed("Example Drive 無料プラン")), "the service name is not in the PDF's text:\n\(printed.text)")
        #expect(text.contains(Self.squeezed("約款による外部サービス利用申請書")))
        #expect(text.contains(Self.squeezed("以下の通り、申請しますので利用を許可願います。")))
        #expect(text.contains("令和8年4月1日"))
        #expect(text.contains("加藤誠"))
        // The Japanese is drawn with a Japanese font, not boxes.
        #expect(printed.fonts.contains("IPAex") || printed.fonts.contains("NotoSansCJK") || printed.fonts.contains("IPAGothic"),
                "no Japanese font embedded:\n\(printed.fonts)")
    }

    @Test func theEnglishFormPrintsToo() throws {
        let printed = try Self.printToPDF(FormHTML.document(Self.realisticApplication(), today: Day(iso: "2026-11-27")!, .en), name: "application-en")
        #expect((1...2).contains(printed.pages), "pages: \(printed.pages)")
        #expect(abs(printed.width - 595) <= 1 && abs(printed.height - 842) <= 1)
        #expect(Self.squeezed(printed.text).contains("Applicationtouseaserviceunderclick-throughterms"))
    }

    // MARK: - Printing

    struct Printed {
        let pages: Int
        let width: Double
        let height: Double
        let info: String
        let text: String
        let fonts: String
        let seconds: Double
    }

    struct ToolMissing: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes the HTML, prints it with Chromium and reads the PDF with pdfinfo, pdftotext and
    /// pdffonts. YAKKAN_KEEP_PRINTS=DIR keeps the HTML and PDF there to look at.
    static func printToPDF(_ html: String, name: String) throws -> Printed {
        let chromium = try tool(["chromium", "chromium-browser"], package: "chromium")
        let pdfinfo = try tool(["pdfinfo"], package: "poppler-utils")
        let pdftotext = try tool(["pdftotext"], package: "poppler-utils")
        let pdffonts = try tool(["pdffonts"], package: "poppler-utils")

        let folder = ProcessInfo.processInfo.environment["YAKKAN_KEEP_PRINTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("yakkan-print-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            if ProcessInfo.processInfo.environment["YAKKAN_KEEP_PRINTS"] == nil {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
        let htmlPath = folder + "/\(name).html"
        let pdfPath = folder + "/\(name).pdf"
        try html.write(toFile: htmlPath, atomically: true, encoding: .utf8)

        let started = Date()
        let render = try run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-pdf-header-footer", "--user-data-dir=\(folder)/profile",
            "--print-to-pdf=\(pdfPath)", URL(fileURLWithPath: htmlPath).absoluteString,
        ], timeout: 120)
        let seconds = Date().timeIntervalSince(started)
        guard FileManager.default.fileExists(atPath: pdfPath) else {
            throw ToolMissing(description: "chromium wrote no PDF (exit \(render.status)):\n\(render.output)")
        }

        let info = try run(pdfinfo, [pdfPath]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        // "Page size:       594.96 x 841.92 pts (A4)"
        var width = 0.0, height = 0.0
        if let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Page size:") }) {
            let words = line.split(separator: " ")
            if let x = words.firstIndex(of: "x"), x > 0, x + 1 < words.count {
                width = Double(words[x - 1]) ?? 0
                height = Double(words[x + 1]) ?? 0
            }
        }
        let text = try run(pdftotext, ["-enc", "UTF-8", pdfPath, "-"]).output
        let fonts = try run(pdffonts, [pdfPath]).output
        print("printed \(name) in \(String(format: "%.2f", seconds)) s: \(pages) page(s), \(width) x \(height) pts")
        return Printed(pages: pages, width: width, height: height, info: info, text: text, fonts: fonts, seconds: seconds)
    }

    /// The first of `names` found on PATH, or a failure that says how to install it.
    static func tool(_ names: [String], package: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        throw ToolMissing(description:
            "\(names.joined(separator: " or ")) is not on PATH: the printed-form test needs the Debian package "
            + "\(package). Run scripts/setup (it installs chromium, poppler-utils and fonts-ipaexfont-gothic).")
    }

    /// Runs a program with its output (stdout and stderr together) in a file, killing it after `timeout`.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 30) throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("yakkan-tool-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            try? output.close()
            throw ToolMissing(description: "\(executable) did not finish in \(Int(timeout)) s")
        }
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }

    /// Text without white space, since pdftotext breaks and spaces lines as the layout falls.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    // MARK: - The application

    static func attachment(_ name: String, _ seed: String, _ size: Int64) -> Core.Attachment {
        let hex = Array("0123456789abcdef")
        let sha = String((0..<64).map { hex[($0 * 7 + seed.count * 3 + Int(size)) % 16] })
        return Core.Attachment(sha256: sha, fileName: name, size: size, addedAt: "2026-04-01T00:00:00Z")
    }

    /// An application as staff fill it in: every field, Japanese text, notes, evidence, an
    /// earlier return, the approval and the acknowledgement.
    static func realisticApplication() -> ApplicationRecord {
        var answers: Answers = [
            F.applicant: .text("山田 太郎"),
            F.department: .text("総務課"),
            F.provider: .text("Example Storage株式会社"),
            F.service: .text("Example Drive 無料プラン"),
            F.description: .text(
                "インターネット上にファイルを保存し、URLで外部と共有できるオンラインストレージ。無料プランは15GBまで。"
                + "データは国内のデータセンター（東京・大阪）に保存され、ブラウザと専用アプリから利用できる。"),
            F.purpose: .text("観光イベント「ふるさと夏まつり」の写真を、観光協会・商工会など協力団体と共有するため"),
            F.informationKinds: .list(["イベント写真", "公開済みのチラシ", "ポスターの原稿", "協力団体との打合せ資料（公開予定のもの）"]),
            F.classification: .classification(.four),
            F.personalInformation: .flag(false),
            F.overseas: .flag(false),
            F.users: .list(["山田 太郎", "佐藤 花子", "田中 一郎", "高橋 美咲", "伊藤 健太"]),
            F.periodStart: .date(Day(year: 2026, month: 4, day: 1)!),
            F.periodEnd: .date(Day(year: 2027, month: 3, day: 31)!),
            F.serviceManager: .text("佐藤 花子"),
            F.departmentHead: .text("鈴木 一郎"),
            F.alternative: .text("庁内ファイルサーバの共有フォルダで受け渡し、外部へはDVD-Rで郵送する"),
            F.signupRecord: .files([attachment("signup.png", "signup", 48_213), attachment("signup-complete.png", "done", 31_877)]),
            F.terms: .files([attachment("Example-Drive-利用規約-2026.pdf", "terms", 412_903)]),
            F.risks: .flag(true),
        ]
        var review: Answers = [:]
        for item in ApplicationChecks.items {
            let mark: Mark = item.number == 3 ? .notApplicable : .yes
            answers[item.markID] = .mark(mark)
            review[ReviewFields.mark(item.number)] = .mark(mark)
            answers[item.evidenceID] = .files([attachment("check\(item.number).png", "check\(item.number)", 20_000 + Int64(item.number))])
        }
        answers["check3.note"] = .text("個人情報を扱わないため")
        answers["check5.note"] = .text("無償サービスのため、免責事項（利用規約第12条）を確認した")
        review[ReviewFields.note(5)] = .text("免責の範囲が広いため、重要な情報は保存しないこと")
        review[ReviewFields.businessNeed] = .flag(true)
        var record = ApplicationRecord(
            id: 12, applicantLogin: "yamada", status: .inUse, procedureVersion: "1.0", answers: answers,
            submittedAt: "2026-04-01T00:00:00Z", version: 2)
        record.decisions = [
            Decision(
                applicationID: 12, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .returned,
                reason: "代替サービスを具体的に書いてください", answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: 1),
            Decision(
                applicationID: 12, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved,
                reason: nil, answers: review, decidedAt: "2026-04-03T01:00:00Z", applicationVersion: 2),
        ]
        record.acknowledgement = Acknowledgement(
            applicationID: 12, login: "sato", name: "佐藤 花子", acknowledgedAt: "2026-04-06T00:00:00Z")
        return record
    }
}
