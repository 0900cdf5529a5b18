import Core
import Foundation
import GRDB

/// One thing a person does, timed as a whole process of `yakkan`, beside what the sqlite3 shell
/// does for the same answer on the same file (`sqlite` is its arguments after the file), if
/// anything does the same. Adding a measured command is adding one entry to `measurements`.
struct Measurement {
    let name: String
    let yakkan: [String]
    var sqlite: [String]?
    /// A file piped into yakkan.
    var input: String?
    /// Another store than the benchmark's (the empty one).
    var store: String?
    var goal: Goal
}

enum Goal {
    /// yakkan within this many times sqlite3's time, measured pair by pair.
    case ratio(Double)
    /// As `ratio`, and at most this many megabytes resident.
    case ratioAndMemory(Double, Double)
    case none

    var text: String {
        switch self {
        case .ratio(let r): return "≤ \(format(r))×"
        case .ratioAndMemory(let r, let mb): return "≤ \(format(r))×, ≤ \(Int(mb)) MB"
        case .none: return "—"
        }
    }
}

func format(_ value: Double) -> String { value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value) }

let listColumns = "id, status, department, provider, service, applicant_name, submitted_on, period_start, period_end, classification, personal_information, user_count, service_manager, department_head, latest_outcome, decided_on"

/// What the sqlite3 shell runs for a list filtered by `condition`, first 50 in id order.
func first50(_ condition: String?) -> [String] {
    ["SELECT \(listColumns) FROM application" + (condition.map { " WHERE " + $0 } ?? "") + " ORDER BY id LIMIT 50"]
}

func measurements(today: String, emptyStore: String, longLine: String, shellInput: String) -> [Measurement] {
    [
        Measurement(name: "audit verify: integrity check, chain, signatures, every record and attachment", yakkan: ["audit", "verify"],
                    sqlite: ["PRAGMA integrity_check"], goal: .none),
        Measurement(name: "start to the first prompt, empty store", yakkan: ["menu"], sqlite: [".quit"], store: emptyStore, goal: .ratio(2)),
        Measurement(name: "start to the first prompt, 100,000 services", yakkan: ["menu"], sqlite: [".quit"], goal: .ratio(2)),
        Measurement(name: "list --limit 50", yakkan: ["list", "--limit", "50"], sqlite: first50(nil), goal: .ratio(2)),
        Measurement(name: "list --status in_use --limit 50", yakkan: ["list", "--status", "in_use", "--limit", "50"],
                    sqlite: first50("status = 'in_use'"), goal: .ratio(2)),
        Measurement(name: "list --status submitted --limit 50", yakkan: ["list", "--status", "submitted", "--limit", "50"],
                    sqlite: first50("status = 'submitted'"), goal: .ratio(2)),
        Measurement(name: "list --課 住民課 --limit 50", yakkan: ["list", "--department", "住民課", "--limit", "50"],
                    sqlite: first50("department = '住民課'"), goal: .ratio(2)),
        Measurement(name: "list --provider クラウド --limit 50", yakkan: ["list", "--provider", "クラウド", "--limit", "50"],
                    sqlite: first50("provider LIKE '%クラウド%'"), goal: .ratio(2)),
        Measurement(name: "list --service 'フォーム ビジネス' --limit 50", yakkan: ["list", "--service", "フォーム ビジネス", "--limit", "50"],
                    sqlite: first50("service LIKE '%フォーム ビジネス%'"), goal: .ratio(2)),
        Measurement(name: "list --class Ⅰ,Ⅱ --limit 50", yakkan: ["list", "--class", "Ⅰ,Ⅱ", "--limit", "50"],
                    sqlite: first50("classification IN (1, 2)"), goal: .ratio(2)),
        Measurement(name: "list --overdue --limit 50", yakkan: ["list", "--overdue", "--limit", "50"],
                    sqlite: first50("""
                        status = 'in_use' AND (period_end IS NULL OR period_end >= '\(today)')
                        AND id IN (SELECT application_id FROM duty_due WHERE due_on < '\(today)')
                        """), goal: .ratio(2)),
        Measurement(name: "list --retention-passed --limit 50", yakkan: ["list", "--retention-passed", "--limit", "50"],
                    sqlite: first50("keep_until < '\(today)'"), goal: .ratio(2)),
        Measurement(name: "list --personal yes --limit 50", yakkan: ["list", "--personal", "yes", "--limit", "50"],
                    sqlite: first50("personal_information = 1"), goal: .ratio(2)),
        Measurement(name: "list --approved 2026-01-01..2026-01-31 --limit 50", yakkan: ["list", "--approved", "2026-01-01..2026-01-31", "--limit", "50"],
                    sqlite: first50("approved_on BETWEEN '2026-01-01' AND '2026-01-31'"), goal: .ratio(2)),
        Measurement(name: "list --search 避難行動要支援者 --limit 50", yakkan: ["list", "--search", "避難行動要支援者", "--limit", "50"],
                    sqlite: first50("id IN (SELECT rowid FROM ledger_text WHERE ledger_text MATCH '\"避難行動要支援者\"')"), goal: .ratio(2)),
        Measurement(name: "list --search 返礼品 --limit 50", yakkan: ["list", "--search", "返礼品", "--limit", "50"],
                    sqlite: first50("id IN (SELECT rowid FROM ledger_text WHERE ledger_text MATCH '\"返礼品\"')"), goal: .ratio(2)),
        Measurement(name: "list --search 名簿 --limit 50 (2 characters)", yakkan: ["list", "--search", "名簿", "--limit", "50"],
                    sqlite: first50("id IN (SELECT rowid FROM ledger_short_text WHERE ledger_short_text MATCH '\"名簿\"')"), goal: .ratio(2)),
        Measurement(name: "list --search 課 --limit 50 (1 character)", yakkan: ["list", "--search", "課", "--limit", "50"],
                    sqlite: first50("id IN (SELECT rowid FROM ledger_short_text WHERE ledger_short_text MATCH '\"課\"')"), goal: .ratio(2)),
        Measurement(name: "list --status in_use --課 住民課 --personal yes --limit 50",
                    yakkan: ["list", "--status", "in_use", "--department", "住民課", "--personal", "yes", "--limit", "50"],
                    sqlite: first50("status = 'in_use' AND department = '住民課' AND personal_information = 1"), goal: .ratio(2)),
        Measurement(name: "query shell: list status=in_use limit=50", yakkan: ["query"], sqlite: first50("status = 'in_use'"),
                    input: shellInput, goal: .ratio(2)),
        Measurement(name: "list --format csv (every service)", yakkan: ["list", "--format", "csv"],
                    sqlite: ["-csv", "-header", "SELECT \(listColumns) FROM application ORDER BY id"], goal: .ratioAndMemory(2, 50)),
        Measurement(name: "list --status in_use --format csv", yakkan: ["list", "--status", "in_use", "--format", "csv"],
                    sqlite: ["-csv", "-header", "SELECT \(listColumns) FROM application WHERE status = 'in_use' ORDER BY id"], goal: .ratioAndMemory(2, 50)),
        Measurement(name: "list --format json (every service, every field and duty record)", yakkan: ["list", "--format", "json"],
                    sqlite: ["-json", """
                        SELECT a.*, (SELECT json_group_array(json_object('kind', kind, 'done_on', done_on, 'answers', json(answers),
                        'recorded_by', recorded_by, 'recorded_at', recorded_at)) FROM duty_record WHERE application_id = a.id) AS duty_records,
                        (SELECT json_group_array(json_object('outcome', outcome, 'reviewer', reviewer, 'answers', json(answers)))
                        FROM decision WHERE application_id = a.id) AS decisions FROM application a ORDER BY id
                        """], goal: .ratioAndMemory(2, 50)),
        Measurement(name: "list (table of every service)", yakkan: ["list"],
                    sqlite: ["-column", "SELECT id, department, provider, service, status, submitted_on, period_start, period_end FROM application ORDER BY id"],
                    goal: .none),
        Measurement(name: "due --all", yakkan: ["due", "--all"], sqlite: ["""
            SELECT a.id, a.service, d.kind, d.done_on FROM application a JOIN duty_record d ON d.application_id = a.id
            WHERE a.status IN ('in_use', 'stopped') ORDER BY a.id, d.kind, d.done_on
            """], goal: .ratio(2)),
        Measurement(name: "calendar --all", yakkan: ["calendar", "--all"], sqlite: ["""
            SELECT a.id, a.service, d.kind, d.done_on FROM application a JOIN duty_record d ON d.application_id = a.id
            WHERE a.status = 'in_use' ORDER BY a.id, d.kind, d.done_on
            """], goal: .ratio(2)),
        Measurement(name: "a 40 MB line piped into the query shell", yakkan: ["query"], input: longLine, goal: .none),
    ]
}

struct Result {
    let measurement: Measurement
    let yakkan: Double
    let sqlite: Double?
    let ratio: Double?
    let peak: Double
    let lines: (yakkan: Int, sqlite: Int?)
    let runs: Int
    let failed: Bool

    var met: String {
        if failed { return "failed" }
        switch measurement.goal {
        case .ratio(let limit): return (ratio ?? .infinity) <= limit ? "yes" : "**no**"
        case .ratioAndMemory(let limit, let megabytes): return (ratio ?? .infinity) <= limit && peak <= megabytes ? "yes" : "**no**"
        case .none: return ""
        }
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func lineCount(_ path: String) -> Int {
    guard let data = FileManager.default.contents(atPath: path) else { return 0 }
    return data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
}

/// Warm-up runs of both (their output kept, to count lines), then runs in turns: yakkan, sqlite3.
func measure(_ m: Measurement, yakkan binary: String, sqlite3: String) -> Result {
    let store = m.store ?? storePath
    let yakkanArguments = m.yakkan + ["--store", store]
    let sqliteArguments = m.sqlite.map { [store] + $0 }
    let outYakkan = folder + "/out-yakkan"
    let outSqlite = folder + "/out-sqlite"
    let warm = run(binary, yakkanArguments, stdin: m.input, stdout: outYakkan, measuringMemory: true)
    let yakkanLines = lineCount(outYakkan)
    var sqliteLines: Int?
    if let sqliteArguments {
        _ = run(sqlite3, sqliteArguments, stdout: outSqlite)
        sqliteLines = lineCount(outSqlite)
    }
    try? FileManager.default.removeItem(atPath: outYakkan)
    try? FileManager.default.removeItem(atPath: outSqlite)
    let pairs = warm.milliseconds > 20_000 ? 1 : warm.milliseconds > 2_000 ? 2 : warm.milliseconds > 300 ? 5 : 15
    var yakkanTimes: [Double] = []
    var sqliteTimes: [Double] = []
    var ratios: [Double] = []
    let peak = warm.peakMegabytes
    var failed = warm.status != 0 && warm.status != 1
    for _ in 0..<pairs {
        let y = run(binary, yakkanArguments, stdin: m.input)
        yakkanTimes.append(y.milliseconds)
        failed = failed || (y.status != 0 && y.status != 1)
        if let sqliteArguments {
            let s = run(sqlite3, sqliteArguments)
            sqliteTimes.append(s.milliseconds)
            ratios.append(y.milliseconds / s.milliseconds)
        }
    }
    let result = Result(
        measurement: m, yakkan: median(yakkanTimes), sqlite: sqliteTimes.isEmpty ? nil : median(sqliteTimes),
        ratio: ratios.isEmpty ? nil : median(ratios), peak: peak, lines: (yakkanLines, sqliteLines), runs: pairs, failed: failed)
    log("  \(m.name): \(format(result.yakkan)) ms" + (result.sqlite.map { ", sqlite3 \(format($0)) ms, ratio \(format(result.ratio!))" } ?? "")
        + ", \(format(peak)) MB, \(yakkanLines)/\(sqliteLines.map(String.init) ?? "-") lines, status \(warm.status)")
    return result
}

func measureEverything() throws {
    let binary = (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/yakkan"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        log("\(binary) not found: build it first (swift build -c release --static-swift-stdlib --product yakkan)")
        exit(1)
    }
    let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "sqlite3"
    // yakkan's today is the real one (Japan time): the baselines ask about the same day.
    let realToday = Village.today(SystemClock()).iso
    let emptyStore = folder + "/empty.sqlite"
    _ = try SQLiteStore(path: emptyStore, workingDirectory: folder, clock: clock)
    let longLine = folder + "/long-line.txt"
    try Data(String(repeating: "名簿", count: 40 * 1_048_576 / 6).utf8 + [0x0A]).write(to: URL(fileURLWithPath: longLine))
    let shellInput = folder + "/shell-input.txt"
    try Data("list status=in_use limit=50\n".utf8).write(to: URL(fileURLWithPath: shellInput))

    // The short searches, in process: the index's own time.
    let store = try SQLiteStore(path: storePath, workingDirectory: folder, clock: clock)
    var searches: [(String, Int, Double)] = []
    for text in ["名簿", "住所", "課", "返礼品", "避難行動要支援者"] {
        var filter = LedgerFilter()
        filter.text = text
        let count = try store.queryIDs(filter, today: today).count
        let times = try (0..<11).map { _ -> Double in
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try store.queryIDs(filter, today: today)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }
        searches.append((text, count, median(times)))
        log("  search \(text): \(count) services, \(format(median(times))) ms")
    }

    log("Whole processes, yakkan and sqlite3 in turns:")
    let only = argument("--only")
    let results = measurements(today: realToday, emptyStore: emptyStore, longLine: longLine, shellInput: shellInput)
        .filter { only == nil || $0.name.contains(only!) }
        .map { measure($0, yakkan: binary, sqlite3: sqlite3) }
    let counts = try store.counts(by: .status)
    let services = counts.map(\.count).reduce(0, +)
    let duties = try DatabaseQueue(path: storePath).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM duty_record") ?? 0 }
    let size = ((try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0) ?? 0

    var report = """
        ## Ledger benchmark

        Machine: \(machine()); \(sqliteVersion(sqlite3)).
        Store: \(services) services (\(counts.map { "\($0.key) \($0.count)" }.joined(separator: ", "))), \(duties) duty records; \(size / 1_048_576) MiB.
        \(reused == nil ? "Fill (raw SQL through GRDB): \(String(format: "%.1f", fillSeconds)) s." : "Store filled before (--store).")
        yakkan's today: \(realToday).

        Each row is a whole process of the release `yakkan` (static Swift standard library), output to /dev/null, and of the
        sqlite3 shell giving the same rows and columns from the same file. After a warm-up of each, they run in turns
        (15 pairs; 5 when a run takes over 0.3 s, 2 over 2 s, 1 over 20 s); times are medians in milliseconds, the ratio is the
        median of the pairs' ratios; memory is yakkan's peak resident set in the warm-up run (/usr/bin/time), lines are
        those each wrote in its warm-up run.

        | measurement | yakkan ms | sqlite3 ms | ratio | yakkan peak MB | lines (yakkan / sqlite3) | goal | met |
        |---|---:|---:|---:|---:|---:|---|---|

        """
    for r in results {
        report += "| \(r.measurement.name) | \(format(r.yakkan)) | \(r.sqlite.map(format) ?? "—") | \(r.ratio.map { format($0) + "×" } ?? "—") | "
            + "\(format(r.peak)) | \(r.lines.yakkan) / \(r.lines.sqlite.map(String.init) ?? "—") | \(r.measurement.goal.text) | \(r.met) |\n"
    }
    report += """

        Searches of one or two characters use the short-search index, in process (`queryIDs`, median of 11, goal ≤ 50 ms):

        | search | services | ms | met |
        |---|---:|---:|---|

        """
    for (text, count, ms) in searches {
        let short = text.count <= 2
        report += "| \(text)\(short ? "" : " (trigram)") | \(count) | \(format(ms)) | \(short ? (ms <= 50 ? "yes" : "**no**") : "") |\n"
    }
    print(report)
}

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

func sqliteVersion(_ sqlite3: String) -> String {
    let out = folder + "/version"
    _ = run(sqlite3, ["-version"], stdout: out)
    let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    return "sqlite3 " + (text.split(separator: " ").first.map(String.init) ?? "?")
}
