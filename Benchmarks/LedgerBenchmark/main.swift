// LedgerBenchmark: how yakkan behaves on a large store, side by side with the sqlite3 shell.
//
//   swift build -c release --static-swift-stdlib --scratch-path /tmp/build-bench-release --product yakkan \
//     && swift run -c release --static-swift-stdlib --scratch-path /tmp/build-bench-release LedgerBenchmark
//
//   LedgerBenchmark --fill PATH     only fills a store at PATH (for other measurements) and stops
//   LedgerBenchmark --fill PATH --resume KEYS
//                                   goes on with a fill that was stopped, with the keys it signed with
//   LedgerBenchmark --append-day PATH --keys FOLDER [--count N]
//                                   a morning's work on a filled store: N backups (50), for an incremental verify
//   LedgerBenchmark --store PATH    measures a store filled before, instead of filling a new one
//   LedgerBenchmark --only WORDS    measures only what has WORDS in its name
//   LedgerBenchmark --server [URI]  measures PostgreSQL too, side by side: without URI on a private
//                                   server, the store copied into it by `yakkan store copy`; with URI
//                                   on a database copied before (URI as its tables' owner)
//
// A fresh store is created by SQLiteStore (the real schema and indexes), then filled as a
// lifetime of signed commands, each decided and projected as yakkan decides and projects a
// person's (Lifetime.swift): every row is what the log makes, so `audit verify` rebuilds all of
// them. Each measurement is a whole process of the release `yakkan` beside this
// executable, and, where there is one, the sqlite3 shell doing the same on the same file; the
// two run in turns, and the ratio is taken pair by pair (see Measurements.swift).
import Core
import Foundation
import GRDB
import PrivateServer

// MARK: - Settings

let applicationCount = Int(ProcessInfo.processInfo.environment["BENCH_APPLICATIONS"] ?? "") ?? 100_000
let runs = 20
let today = Day(year: 2026, month: 4, day: 1)!
let todayStamp = "2026-04-01T00:00:00Z"

/// Reproducible randomness.
typealias Random = SplitMix64
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

func applicationAnswers(id: Int, department: String, service: Service, applicant: String, manager: NamedPerson, users: [String],
                        classification: Classification, personal: Bool, start: Day, end: Day, files: LifetimeFiles) -> Answers {
    typealias F = ApplicationFields
    let kinds = informationKinds[id % informationKinds.count]
    var answers: Answers = [
        F.applicant: .text(applicant), F.department: .text(department), F.provider: .text(providers[service.provider].name),
        F.service: .text(service.name), F.description: .text(service.description), F.purpose: .text(purposes[id % purposes.count]),
        F.informationKinds: .list(kinds), F.classification: .classification(classification), F.personalInformation: .flag(personal),
        F.overseas: .flag(false), F.users: .list(users), F.periodStart: .date(start), F.periodEnd: .date(end),
        F.serviceManager: .person(manager), F.departmentHead: .text("部長 \(department)"),
        F.alternative: .text("庁内ファイルサーバの共有フォルダで受け渡す"),
        F.signupRecord: .files([files.signup[providers[service.provider].kind]]), F.terms: .files([files.terms[service.provider]]),
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
        answers[item.evidenceID] = item.number == 1 ? .files([files.https[providers[service.provider].kind]]) : .skipped
    }
    return answers
}

// MARK: - Fill

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let arguments = Array(CommandLine.arguments.dropFirst())
func argument(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let fillOnly = argument("--fill")
let appendTo = argument("--append-day")
let reused = argument("--store")
let folder = NSTemporaryDirectory() + "yakkan-ledger-benchmark-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let storePath = fillOnly ?? reused ?? folder + "/ledger.sqlite"
// What the measured runs keep for the person who runs them (the head they saw, the rebuild of their
// last clean verify: as large as the store's records) stays in the benchmark's own folder. A
// `remind` or `audit verify --incremental` after a clean verify goes on from it, as each morning's would.
setenv("XDG_STATE_HOME", folder + "/state", 1)
let resumeKeys = argument("--resume")
if fillOnly != nil && resumeKeys == nil && FileManager.default.fileExists(atPath: storePath) {
    log("\(storePath) exists already: --fill writes a new store")
    exit(64)
}
let clock = FixedClock(day: today)
if let appendTo {
    try appendDayOfWork(
        path: appendTo, keys: argument("--keys") ?? folder + "/keys", count: Int(argument("--count") ?? "") ?? 50, folder: folder)
    exit(0)
}
do { _ = try SQLiteStore(path: storePath, workingDirectory: folder, clock: clock) }
/// Who runs the benchmark is an administrator of the store, so `due --all` and `calendar --all` may run.
let benchmarkLogin = String(cString: getpwuid(geteuid())!.pointee.pw_name)

let fillStart = Date()
var statusCounts: [String: Int] = [:]
var dutyRows = 0
if reused == nil {
    try fillLifetime(path: storePath, folder: folder, resumingWith: resumeKeys)
}
let fillSeconds = Date().timeIntervalSince(fillStart)
if let fillOnly {
    log("Filled \(fillOnly) in \(String(format: "%.1f", fillSeconds)) s")
    exit(0)
}
/// `--server` alone: a private server; `--server URI`: that database.
let serverURI: String?? = arguments.contains("--server")
    ? .some(argument("--server").flatMap { ServerAddress.isServer($0) ? $0 : nil }) : nil
try measureEverything(serverURI: serverURI)
try? FileManager.default.removeItem(atPath: folder + "/state")
if reused == nil { try? FileManager.default.removeItem(atPath: folder) }
