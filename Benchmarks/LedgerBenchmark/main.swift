// LedgerBenchmark: how the ledger's queries behave on a large store.
//
//   swift build -c release --scratch-path /tmp/build-bench-release --product yakkan \
//     && swift run -c release --scratch-path /tmp/build-bench-release LedgerBenchmark
//
// A fresh store is created by SQLiteStore (the real schema and indexes), then filled with raw
// SQL through GRDB; every query kind of LedgerFilter is timed, and the release `yakkan`
// beside this executable is timed from start to its menu's first prompt.
import Core
import Foundation
import GRDB

// MARK: - Settings

let applicationCount = Int(ProcessInfo.processInfo.environment["BENCH_APPLICATIONS"] ?? "") ?? 100_000
let runs = 20
let today = Day(year: 2026, month: 4, day: 1)!
let todayStamp = "2026-04-01T00:00:00Z"

/// Reproducible randomness (SplitMix64).
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}
var random = Random(state: 20260401)

// MARK: - Names

let departments = [
    "総務課", "企画課", "財政課", "税務課", "住民課", "福祉課", "健康推進課", "子育て支援課", "環境衛生課", "農林振興課",
    "建設課", "上下水道課", "観光商工課", "教育委員会事務局", "生涯学習課", "会計課", "議会事務局", "選挙管理委員会事務局",
    "防災安全課", "地域振興課", "情報政策課", "保険年金課", "介護保険課", "学校給食センター", "村立図書館", "中央公民館",
    "村立保育所", "村立診療所", "消防分署", "監査委員事務局",
]
let stems = [
    "サンプル", "デモ", "テスト", "エグザンプル", "ミライ", "アオゾラ", "ヤマビコ", "ハレノヒ", "コモレビ", "ツバサ",
    "ミナモ", "カザハナ", "ホシゾラ", "ソヨカゼ", "ユキマチ", "ハナミズキ", "アサギリ", "シオサイ", "ヒダマリ", "キラボシ",
    "モリノ", "ウミノ", "ソラノ", "ヤマノ", "カワノ",
]
let kindsOfService = [
    ("クラウド", "ストレージ", "ファイルを保存し外部と共有できるオンラインストレージ"),
    ("メール", "メール", "ウェブブラウザで使う電子メールサービス"),
    ("フォーム", "フォーム", "申込みやアンケートの入力画面を作り回答を集計するサービス"),
    ("チャット", "チャット", "チャンネルごとにメッセージとファイルをやり取りするビジネスチャット"),
    ("会議", "ミーティング", "ブラウザから参加できるウェブ会議サービス"),
    ("日程", "日程調整", "候補日を示して出欠を集める日程調整サービス"),
    ("翻訳", "翻訳", "文章を多言語に機械翻訳するウェブサービス"),
    ("地図", "マップ", "地図上に写真と説明を配置して公開するサービス"),
    ("動画", "動画配信", "動画を限定公開で配信するサービス"),
    ("予約", "予約受付", "来庁や施設の予約をウェブで受け付けるサービス"),
    ("ノート", "ノート", "文書を共同で編集するオンラインのノートサービス"),
    ("印刷", "ネット入稿", "印刷データをウェブから入稿するサービス"),
    ("名刺", "名刺管理", "名刺を読み取り連絡先を管理するサービス"),
    ("電子契約", "電子契約", "契約書に電子署名を付けて取り交わすサービス"),
    ("アンケート", "アンケート", "設問を作り回答を自動集計するアンケートサービス"),
    ("写真", "フォト共有", "写真をアルバムにまとめて共有するサービス"),
    ("タスク", "タスク管理", "チームの作業を一覧で管理するサービス"),
    ("掲示板", "掲示板", "関係者だけが読める電子掲示板"),
    ("配信", "一斉配信", "登録者にお知らせを一斉に配信するサービス"),
    ("ホームページ", "サイト作成", "ウェブページを簡単に作成して公開するサービス"),
]
let legalForms = ["株式会社", "合同会社", "有限会社"]
let plansOfService = ["無料プラン", "ベーシック", "スタンダード", "ビジネス", "教育機関プラン", "ライト"]

struct Provider { let name: String; let stem: String; let kind: Int }
var providers: [Provider] = []
for kind in kindsOfService.indices {
    for stem in stems {
        let form = legalForms[(kind + stem.count) % legalForms.count]
        let name = (kind + stem.unicodeScalars.count) % 2 == 0 ? "\(stem)\(kindsOfService[kind].0)\(form)" : "\(form)\(stem)\(kindsOfService[kind].0)"
        providers.append(Provider(name: name, stem: stem, kind: kind))
    }
}
struct Service { let provider: Int; let name: String; let description: String }
var services: [Service] = []
for (index, provider) in providers.enumerated() {
    for plan in plansOfService {
        let kind = kindsOfService[provider.kind]
        services.append(Service(
            provider: index, name: "\(provider.stem)\(kind.1) \(plan)",
            description: "\(kind.2)。\(plan)を利用する。データは国内のデータセンターに保存され、通信はHTTPSで暗号化される。"))
    }
}
let familyNames = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "森", "池田"]
let givenNames = ["太郎", "花子", "一郎", "美咲", "健一", "由美", "誠", "恵", "翔太", "彩", "大輔", "明美", "拓也", "さくら", "健太", "真理", "隆", "優子", "亮", "智子"]
var people: [(login: String, name: String)] = []
for (f, family) in familyNames.enumerated() {
    for (g, given) in givenNames.enumerated() { people.append(("user\(f)_\(g)", "\(family) \(given)")) }
}
let purposes = [
    "住民向け講座の参加申込みをオンラインで受け付けるため", "関係機関と会議資料を共有するため", "観光イベントの写真を協力団体に受け渡すため",
    "避難行動要支援者名簿の更新作業を地区組織と共同で行うため", "学校と事務局の打合せを移動なしで行うため",
    "ふるさと納税の返礼品事業者と連絡を取るため", "外国人観光客向けの案内文を多言語化するため", "研修の事後アンケートを集計するため",
]
let informationKinds = [
    ["会議資料", "議事録"], ["イベント写真", "公開済みのチラシ"], ["申込者の氏名", "電話番号", "メールアドレス"],
    ["避難行動要支援者名簿（更新作業用）"], ["研修の評価（無記名）", "自由記述の感想"], ["業務連絡のメッセージ"],
]

// MARK: - Answers like the real ones

func attachment(_ name: String, _ seed: Int) -> Attachment {
    var hex = ""
    var r = Random(state: UInt64(seed))
    while hex.count < 64 { hex += String(format: "%016llx", r.next()) }
    return Attachment(sha256: String(hex.prefix(64)), fileName: name, size: Int64(200 + seed % 5000), addedAt: "2025-04-01T01:00:00Z")
}

func applicationAnswers(id: Int, department: String, service: Service, applicant: String, manager: String, users: [String],
                        classification: Classification, personal: Bool, start: Day, end: Day) -> Answers {
    typealias F = ApplicationFields
    let kinds = informationKinds[id % informationKinds.count]
    var answers: Answers = [
        F.applicant: .text(applicant), F.department: .text(department), F.provider: .text(providers[service.provider].name),
        F.service: .text(service.name), F.description: .text(service.description), F.purpose: .text(purposes[id % purposes.count]),
        F.informationKinds: .list(kinds), F.classification: .classification(classification), F.personalInformation: .flag(personal),
        F.overseas: .flag(false), F.users: .list(users), F.periodStart: .date(start), F.periodEnd: .date(end),
        F.serviceManager: .text(manager), F.departmentHead: .text("部長 \(department)"),
        F.alternative: .text("庁内ファイルサーバの共有フォルダで受け渡す"),
        F.signupRecord: .files([attachment("signup.png", id * 7)]), F.terms: .files([attachment("terms.pdf", id * 7 + 1)]),
        F.risks: .flag(true),
    ]
    for item in ApplicationChecks.items {
        if item.number == 3 && !personal {
            answers[item.markID] = .mark(.notApplicable)
            answers[item.noteID] = .text("個人情報を扱わないため")
        } else {
            answers[item.markID] = .mark(.yes)
            answers[item.noteID] = item.number % 2 == 0 ? .skipped : .text("事業者の利用規約とヘルプページで確認")
        }
        answers[item.evidenceID] = item.number == 1 ? .files([attachment("https.png", id * 7 + 2)]) : .skipped
    }
    return answers
}

let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
}()
func json<T: Encodable>(_ value: T) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) }

func searchText(_ answers: Answers, extra: [String]) -> String {
    var parts: [String] = []
    for key in answers.keys.sorted() {
        switch answers[key]! {
        case .text(let text): parts.append(text)
        case .list(let items): parts += items
        case .files(let files): parts += files.map(\.fileName)
        default: break
        }
    }
    return (parts + extra).joined(separator: "\n")
}

func stamp(_ day: Day, hour: Int = 1) -> String { day.iso + "T0\(hour):00:00Z" }

// Duty answers, encoded once per kind with a placeholder day.
let placeholder = Day(year: 1999, month: 9, day: 9)!
let placeholderJSON = json(placeholder)
let dutyTemplates: [DutyKind: String] = [
    .backup: json([DutyFields.doneOn: AnswerValue.date(placeholder), DutyFields.backupWhat: .text("共有フォルダ内の全ファイル"),
                   DutyFields.backupWhere: .text("庁内ファイルサーバ ¥¥fs01¥backup")] as Answers),
    .userConfirmation: json([DutyFields.doneOn: AnswerValue.date(placeholder), DutyFields.user(0): .flag(true), DutyFields.user(1): .flag(true)] as Answers),
    .contentReview: json([DutyFields.doneOn: AnswerValue.date(placeholder), DutyFields.changed: .flag(false), DutyFields.termsChanged: .flag(false),
                          DutyFields.securityChanged: .flag(false), DutyFields.overseas: .flag(false), DutyFields.note: .skipped] as Answers),
]
let dutyTexts: [DutyKind: [String]] = [.backup: ["共有フォルダ内の全ファイル", "庁内ファイルサーバ ¥¥fs01¥backup"], .userConfirmation: [], .contentReview: []]

// MARK: - Fill

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let folder = NSTemporaryDirectory() + "yakkan-ledger-benchmark-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let storePath = folder + "/ledger.sqlite"
let clock = FixedClock(day: today)
do { _ = try SQLiteStore(path: storePath, workingDirectory: folder, clock: clock, keyRing: KeyRing(folder: folder + "/keys", scope: .everyone)) }

let fillStart = Date()
var statusCounts: [String: Int] = [:]
var dutyRows = 0
do {
    var configuration = Configuration()
    configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA synchronous = OFF")
        try db.execute(sql: "PRAGMA cache_size = -200000")
    }
    let queue = try DatabaseQueue(path: storePath, configuration: configuration)
    let statuses: [(String, Double)] = [
        ("in_use", 0.46), ("ended", 0.24), ("stopped", 0.03), ("submitted", 0.08), ("returned", 0.04), ("refused", 0.05), ("approved", 0.10),
    ]
    let inUseLike = Set(["in_use", "ended", "stopped"])
    // Every month of use has its backup and confirmation and every quarter its review, except
    // for the services that fell behind; the spans of use are chosen so that 100,000
    // applications give about 2,000,000 duty records.
    let batch = 10_000
    var id = 0
    while id < applicationCount {
        try queue.inTransaction { db in
            let insertApplication = try db.makeStatement(sql: """
                INSERT INTO application (id, applicant, status, procedure_version, answers, department, provider, service,
                period_start, period_end, submitted_at, version, stopped_reason, stopped_by, stopped_at, ended_on,
                classification, personal_information, approved_on, keep_until)
                VALUES (?, ?, ?, '1.0', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertEditor = try db.makeStatement(sql: "INSERT INTO application_editor (application_id, login) VALUES (?, ?)")
            let insertDecision = try db.makeStatement(sql: """
                INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertAcknowledgement = try db.makeStatement(sql: "INSERT INTO acknowledgement (application_id, login, name, acknowledged_at) VALUES (?, ?, ?, ?)")
            let insertTermination = try db.makeStatement(sql: """
                INSERT INTO termination (application_id, applicant, status, answers, submitted_at, version) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let insertDuty = try db.makeStatement(sql: """
                INSERT INTO duty_record (application_id, kind, done_on, answers, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let insertDue = try db.makeStatement(sql: "INSERT INTO duty_due (application_id, kind, due_on) VALUES (?, ?, ?)")
            let insertText = try db.makeStatement(sql: "INSERT INTO ledger_text (rowid, content) VALUES (?, ?)")
            let reviewAnswers = json([ReviewFields.businessNeed: AnswerValue.flag(true), ReviewFields.decision: .choice("approved")] as Answers)
            for _ in 0..<min(batch, applicationCount - id) {
                id += 1
                var roll = Double(random.int(0..<1_000_000)) / 1_000_000
                let status = statuses.first { roll -= $0.1; return roll < 0 }?.0 ?? "in_use"
                statusCounts[status, default: 0] += 1
                let service = services[random.int(0..<services.count)]
                let department = departments[random.int(0..<departments.count)]
                let applicant = people[random.int(0..<people.count)]
                let manager = people[random.int(0..<people.count)]
                let users = (0..<random.int(1..<6)).map { _ in people[random.int(0..<people.count)].name }
                let classification: Classification = random.chance(0.03) ? (random.chance(0.3) ? .one : .two) : (random.chance(0.5) ? .three : .four)
                let personal = random.chance(0.3)
                // Ended services go back six years, so that some are past their retention.
                let ageDays = status == "ended" ? random.int(200..<2_200) : inUseLike.contains(status) ? random.int(40..<800) : random.int(1..<60)
                let submitted = today.adding(days: -ageDays)
                let start = submitted.adding(days: 7)
                let end = start.adding(months: 12 + random.int(0..<24))
                let answers = applicationAnswers(
                    id: id, department: department, service: service, applicant: applicant.name, manager: manager.name, users: users,
                    classification: classification, personal: personal, start: start, end: end)
                let decided = submitted.adding(days: 3)
                let approved = ["in_use", "ended", "stopped", "approved"].contains(status) ? decided : nil
                let inUseFrom = inUseLike.contains(status) ? decided.adding(days: 1) : nil
                var endedOn: Day?
                var stoppedOn: Day?
                var activeUntil = today.adding(days: -1)
                if status == "ended", let inUseFrom {
                    let used = max(30, min(ageDays - 20, random.int(60..<600)))
                    endedOn = min(inUseFrom.adding(days: used), today.adding(days: -10))
                    activeUntil = endedOn!
                }
                if status == "stopped", let inUseFrom {
                    stoppedOn = max(inUseFrom.adding(days: 20), today.adding(days: -random.int(5..<200)))
                    activeUntil = stoppedOn!
                }
                let keepUntil = endedOn.map { Retention.keepUntil(end: $0) }
                let reviewer = people[random.int(0..<people.count)]
                var extraText: [String] = []
                if status == "returned" || status == "refused" { extraText.append("利用規約の免責条項の確認資料を添付してください") }
                let answersJSON = json(answers)
                try insertApplication.execute(arguments: [
                    id, applicant.login, status, answersJSON, department, providers[service.provider].name, service.name,
                    start.iso, end.iso, stamp(submitted), status == "submitted" ? 1 : 2,
                    stoppedOn == nil ? nil : "海外のサーバ・ネットワークを経由することが判明したため（手順書6(2)）",
                    stoppedOn == nil ? nil : manager.login, stoppedOn.map { stamp($0) }, endedOn?.iso,
                    classification.rawValue, personal, approved?.iso, keepUntil?.iso,
                ])
                try insertEditor.execute(arguments: [id, applicant.login])
                if status != "submitted" {
                    let outcome = status == "returned" ? "returned" : status == "refused" ? "refused" : "approved"
                    try insertDecision.execute(arguments: [
                        id, reviewer.login, reviewer.name, outcome, extraText.first, reviewAnswers, 1, stamp(decided, hour: 5), "application",
                    ])
                }
                if let inUseFrom {
                    try insertAcknowledgement.execute(arguments: [id, manager.login, manager.name, stamp(inUseFrom)])
                }
                if let endedOn {
                    let termination = json([TerminationFields.endDate: AnswerValue.date(endedOn), TerminationFields.reason: .text("利用期間の満了のため")] as Answers)
                    try insertTermination.execute(arguments: [id, manager.login, "confirmed", termination, stamp(endedOn.adding(days: 3)), 2])
                    try insertDecision.execute(arguments: [
                        id, reviewer.login, reviewer.name, "confirmed", nil, "{}", 1, stamp(endedOn.adding(days: 6), hour: 5), "termination",
                    ])
                    extraText.append("利用期間の満了のため")
                }
                // Duties: monthly backups and confirmations, quarterly reviews; some services fall behind.
                if let inUseFrom {
                    let behind = status == "in_use" && random.chance(0.15) ? random.int(1..<5) : 0
                    let lastDay = activeUntil.adding(months: -behind)
                    var done: [DutyKind: [Day]] = [:]
                    var month = Day(year: inUseFrom.year, month: inUseFrom.month, day: 1)!.adding(months: 1)
                    while month <= lastDay {
                        for kind in [DutyKind.backup, .userConfirmation, .contentReview] {
                            if kind == .contentReview && ![5, 8, 11, 2].contains(month.month) { continue }
                            let day = Day(year: month.year, month: month.month, day: 10 + random.int(0..<15))!
                            guard day <= lastDay else { continue }
                            let answers = dutyTemplates[kind]!.replacingOccurrences(of: placeholderJSON, with: json(day))
                            try insertDuty.execute(arguments: [id, kind.rawValue, day.iso, answers, manager.login, stamp(day, hour: 6)])
                            done[kind, default: []].append(day)
                            extraText += dutyTexts[kind]!
                            dutyRows += 1
                        }
                        month = month.adding(months: 1)
                    }
                    if status == "in_use" {
                        for kind in [DutyKind.contentReview, .backup, .userConfirmation] {
                            let due = DutySchedule.earliestOpenDue(cadence: kind.schedule!, inUseFrom: inUseFrom, doneOn: done[kind] ?? [])
                            try insertDue.execute(arguments: [id, kind.rawValue, due.iso])
                        }
                    }
                }
                try insertText.execute(arguments: [id, searchText(answers, extra: extraText)])
            }
            return .commit
        }
        log("  \(id) applications, \(dutyRows) duty records, \(String(format: "%.1f", Date().timeIntervalSince(fillStart))) s")
    }
}
let fillSeconds = Date().timeIntervalSince(fillStart)
let fileSize = ((try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0) ?? 0

// MARK: - Queries

let store = try SQLiteStore(path: storePath, workingDirectory: folder, clock: clock, keyRing: KeyRing(folder: folder + "/keys", scope: .everyone))

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

struct Timing { let median: Double; let p95: Double; let runs: Int }

func time(_ body: () throws -> Void) rethrows -> Timing {
    let first = try milliseconds(body)  // warm-up
    // Loading tens of thousands of records takes seconds: fewer runs then, and a run of
    // several seconds is not helped by warming up, so the first one counts too.
    var samples: [Double]
    if first > 2_000 {
        samples = [first, try milliseconds(body)]
    } else {
        samples = try (0..<(first > 300 ? 5 : runs)).map { _ in try milliseconds(body) }
    }
    let count = samples.count
    samples.sort()
    let p95 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.95).rounded(.up)) - 1)]
    return Timing(median: samples[samples.count / 2], p95: p95, runs: count)
}

func format(_ timing: Timing?) -> String {
    guard let timing else { return "—" }
    return String(format: "%.2f / %.2f", timing.median, timing.p95) + (timing.runs < runs ? " (\(timing.runs) runs)" : "")
}

var rows: [(name: String, matched: Int, ids: Timing, records: Timing?, first50: Timing?)] = []

func measure(_ name: String, _ configure: (inout LedgerFilter) -> Void) throws {
    var filter = LedgerFilter()
    configure(&filter)
    let matched = try store.queryIDs(filter, today: today).count
    let ids = try time { _ = try store.queryIDs(filter, today: today) }
    let records = try time { _ = try store.summaries(filter, today: today) }
    var limited = filter
    limited.limit = min(filter.limit ?? 50, 50)
    let first50 = filter.limit == nil ? try time { _ = try store.summaries(limited, today: today) } : nil
    rows.append((name, matched, ids, records, first50))
    log("  \(name): \(matched) rows, ids \(format(ids)), records \(format(records)), first 50 \(format(first50))")
}

log("Queries (median / p95 ms):")
try measure("no filter, limit 50") { $0.limit = 50 }
try measure("status = in use") { $0.statuses = [.inUse] }
try measure("status = submitted") { $0.statuses = [.submitted] }
try measure("課 = 住民課") { $0.department = "住民課" }
try measure("provider contains クラウド") { $0.provider = "クラウド" }
try measure("provider contains ツバサ翻訳") { $0.provider = "ツバサ翻訳" }
try measure("service contains フォーム ビジネス") { $0.service = "フォーム ビジネス" }
try measure("classification Ⅰ/Ⅱ") { $0.classifications = [.one, .two] }
try measure("overdue") { $0.overdue = true }
try measure("retention passed") { $0.retentionPassed = true }
try measure("personal information") { $0.personalInformation = true }
try measure("approved in Jan 2026") {
    $0.approvedFrom = Day(year: 2026, month: 1, day: 1)!
    $0.approvedTo = Day(year: 2026, month: 1, day: 31)!
}
try measure("text 避難行動要支援者 (trigram)") { $0.text = "避難行動要支援者" }
try measure("text 返礼品 (trigram, 3 chars)") { $0.text = "返礼品" }
try measure("text 名簿 (2 chars, LIKE)") { $0.text = "名簿" }
try measure("in use + 住民課 + personal") {
    $0.statuses = [.inUse]
    $0.department = "住民課"
    $0.personalInformation = true
}
try measure("in use + 福祉課 + text 申込者の氏名") {
    $0.statuses = [.inUse]
    $0.department = "福祉課"
    $0.text = "申込者の氏名"
}
try measure("overdue + 教育委員会事務局") {
    $0.overdue = true
    $0.department = "教育委員会事務局"
}
let countsByStatus = try time { _ = try store.counts(by: .status) }
let countsByDepartment = try time { _ = try store.counts(by: .department) }
let oneID = Int64(applicationCount / 2)
let oneDuties = try store.application(id: oneID)?.dutyRecords.count ?? 0
let oneApplication = try time { _ = try store.application(id: oneID) }
log("  counts by status \(format(countsByStatus)), by 課 \(format(countsByDepartment)), application(id:) \(format(oneApplication))")

// MARK: - Query plans of anything slow

var plans: [(String, [String])] = []
do {
    let queue = try DatabaseQueue(path: storePath)
    let explained = [
        ("provider LIKE", "SELECT id FROM application WHERE provider LIKE '%クラウド%' ESCAPE '\\' ORDER BY id"),
        ("status = in_use", "SELECT id FROM application WHERE status IN ('in_use') ORDER BY id"),
        ("overdue", "SELECT id FROM application WHERE status = 'in_use' AND id IN (SELECT application_id FROM duty_due WHERE due_on < '2026-04-01') ORDER BY id"),
        ("text, 2 chars", "SELECT id FROM application WHERE id IN (SELECT rowid FROM ledger_text WHERE content LIKE '%名簿%' ESCAPE '\\') ORDER BY id"),
        ("retention passed", "SELECT id FROM application WHERE keep_until < '2026-04-01' ORDER BY id"),
        ("personal information", "SELECT id FROM application WHERE personal_information = 1 ORDER BY id"),
        ("approved between", "SELECT id FROM application WHERE approved_on >= '2026-01-01' AND approved_on <= '2026-01-31' ORDER BY id"),
        ("text, 3+ chars", "SELECT id FROM application WHERE id IN (SELECT rowid FROM ledger_text WHERE ledger_text MATCH '\"返礼品\"') ORDER BY id"),
        ("retention passed, covering index", "SELECT id FROM application INDEXED BY application_by_keep_until WHERE keep_until < '2026-04-01' ORDER BY id"),
        ("provider LIKE, covering index", "SELECT id FROM application INDEXED BY application_by_provider WHERE provider LIKE '%クラウド%' ESCAPE '\\' ORDER BY id"),
        ("counts by 課", "SELECT department AS key, COUNT(*) AS n FROM application GROUP BY department ORDER BY department"),
    ]
    try queue.read { db in
        for (name, sql) in explained {
            plans.append((name, try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }))
        }
    }
}

// MARK: - Startup to the menu's first prompt

func startup(_ binary: String) throws -> Timing? {
    var samples: [Double] = []
    for index in 0..<11 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["menu", "--store", storePath]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        var seen = Data()
        // The menu's prompt, or the first question for someone yakkan has not met.
        let prompts = [Data("番号を選んでください".utf8), Data("申請 1/".utf8)]
        func prompted() -> Bool { prompts.contains { seen.range(of: $0) != nil } }
        while !prompted() {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard prompted() else {
            log("  yakkan menu never showed its prompt: " + String(decoding: seen.prefix(500), as: UTF8.self))
            return nil
        }
        if index > 0 { samples.append(elapsed) }  // the first run warms the page cache
        // Tens of seconds each: three runs tell enough.
        if elapsed > 10_000 && samples.count >= 3 { break }
    }
    samples.sort()
    return Timing(median: samples[samples.count / 2], p95: samples[min(samples.count - 1, Int((Double(samples.count) * 0.95).rounded(.up)) - 1)], runs: samples.count)
}

let binary = (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/yakkan"
var menuStartup: Timing?
if FileManager.default.isExecutableFile(atPath: binary) {
    menuStartup = try startup(binary)
    log("  yakkan menu to its prompt: \(format(menuStartup))")
} else {
    log("  \(binary) not found: build it first (swift build -c release --product yakkan)")
}

// MARK: - Report

func machine() -> String {
    let cpus = ProcessInfo.processInfo.activeProcessorCount
    let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
    var model = ""
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
        model = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
    return "\(cpus) CPUs (nproc), \(String(format: "%.1f", memory)) GiB memory\(model.isEmpty ? "" : ", " + model)"
}

var report = """
    ## Ledger benchmark

    Machine: \(machine())
    Store: \(applicationCount) applications (\(statusCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))),
    \(departments.count) 課, \(providers.count) providers, \(services.count) services, \(dutyRows) duty records; \(fileSize / 1_048_576) MiB.
    Fill (raw SQL through GRDB, \((applicationCount + 9_999) / 10_000) transactions of prepared statements): \(String(format: "%.1f", fillSeconds)) s.

    Times in milliseconds, median / p95 of \(runs) runs after a warm-up (5 runs where one takes over 300 ms; 2 runs, warm-up included, over 2 s; 3 menu starts when one takes over 10 s).
    `queryIDs` returns the ids only; `summaries` loads every matching record as a list shows it (the application
    with its decisions, termination and holds, in batches); `summaries, first 50` is the same filter with `limit = 50`,
    what one screen shows.

    | query | rows | queryIDs | summaries (all rows) | summaries, first 50 |
    |---|---:|---:|---:|---:|

    """
for row in rows {
    report += "| \(row.name) | \(row.matched) | \(format(row.ids)) | \(format(row.records)) | \(format(row.first50)) |\n"
}
report += """
    | counts(by: .status) | \(try store.counts(by: .status).count) groups | \(format(countsByStatus)) | | |
    | counts(by: .department) | \(try store.counts(by: .department).count) groups | \(format(countsByDepartment)) | | |
    | application(id: \(oneID)) with \(oneDuties) duty records | 1 | \(format(oneApplication)) | | |
    | `yakkan menu` start to its first prompt (release) | | \(format(menuStartup)) | | |

    Query plans:

    """
for (name, details) in plans {
    report += "- \(name): " + details.joined(separator: " / ") + "\n"
}
print(report)
try? FileManager.default.removeItem(atPath: folder)
