import Core
import Foundation
import GRDB

/// The short searches, in process (`queryIDs`, all matching ids, median of 11): the index's own time.
func searchTimes(_ store: SQLStore, _ name: String) throws -> [(String, Int, Double)] {
    try ["名簿", "住所", "課", "返礼品", "避難行動要支援者"].map { text in
        var filter = LedgerFilter()
        filter.text = text
        let count = try store.queryIDs(filter, today: today).count
        let times = try (0..<11).map { _ -> Double in
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try store.queryIDs(filter, today: today)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }
        log("  search \(text) (\(name)): \(count) services, \(format(median(times))) ms")
        return (text, count, median(times))
    }
}

func measureEverything(serverURI: String??) throws {
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

    let server = try serverURI.map { try BenchmarkServer(ownerURI: $0, yakkan: binary, store: storePath, login: benchmarkLogin) }
    defer { server?.stop() }

    let store = try SQLiteStore(path: storePath, workingDirectory: folder, clock: clock)
    let only = argument("--only")
    // A part of the list measured on its own (--only) has the searches in process only when it is about searches.
    let searchesInProcess = only.map { $0.contains("search") } ?? true
    let searches = searchesInProcess ? try searchTimes(store, "SQLite") : []
    let serverSearches = try server.map { server in
        searchesInProcess ? try searchTimes(
            ServerStore(uri: server.login, workingDirectory: folder, clock: clock, cacheFolder: folder + "/server-cache", keyRing: nil),
            "PostgreSQL") : []
    }

    log("Whole processes, yakkan and its baseline in turns:")
    var loads: [String] = [loadAverage()]
    let results = measurements(today: realToday, emptyStore: emptyStore, longLine: longLine, shellInput: shellInput)
        .filter { only == nil || $0.name.contains(only!) }
        .map { m -> Result in
            defer { loads.append(loadAverage()) }
            return measure(m, yakkan: binary, sqlite3: sqlite3, server: server)
        }
    let counts = try store.counts(by: .status)
    let services = counts.map(\.count).reduce(0, +)
    let duties = try DatabaseQueue(path: storePath).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM duty_record") ?? 0 }
    let size = (try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0

    var report = """
        ## Ledger benchmark

        Machine: \(machine()); \(sqliteVersion(sqlite3))\(server.map { "; PostgreSQL \($0.version) (psql of the same version)" } ?? "").
        Store: \(services) services (\(counts.map { "\($0.key) \($0.count)" }.joined(separator: ", "))), \(duties) duty records; \(size / 1_048_576) MiB.
        \(reused == nil ? "Fill (raw SQL through GRDB): \(String(format: "%.1f", fillSeconds)) s." : "Store filled before (--store).")
        \(server.map(copyLine) ?? "")
        yakkan's today: \(realToday). Load average (1 minute) before and after each measurement: \(loads.joined(separator: ", ")).

        Each row is a whole process of the release `yakkan` (static Swift standard library), output to /dev/null, and of the
        sqlite3 shell giving the same rows and columns from the same file\(server == nil ? "" : "; on the server, yakkan with `--store URI` and psql (`-X -q -A -t`, `--csv` for CSV) running the same query on the same database as the same login"). After a warm-up of each, they run in turns
        (15 pairs; 5 when a run takes over 0.3 s, 2 over 2 s, 1 over 20 s); times are medians in milliseconds, the ratio is the
        median of the pairs' ratios; memory is yakkan's peak resident set in the warm-up run (/usr/bin/time), lines are
        those each wrote in its warm-up run.


        """
    report += server == nil ? fileTable(results) : sideBySideTable(results)
    guard !searches.isEmpty else { return print(report) }
    report += "\nSearches of one or two characters use the short-search index, in process (`queryIDs`, median of 11, goal ≤ 50 ms):\n\n"
    if let serverSearches {
        report += "| search | services | SQLite ms | PostgreSQL ms | met (SQLite / PostgreSQL) |\n|---|---:|---:|---:|---|\n"
        for ((text, count, ms), (_, _, serverMs)) in zip(searches, serverSearches) {
            let short = text.count <= 2
            report += "| \(text)\(short ? "" : " (trigram)") | \(count) | \(format(ms)) | \(format(serverMs)) | "
                + (short ? "\(ms <= 50 ? "yes" : "**no**") / \(serverMs <= 50 ? "yes" : "**no**")" : "") + " |\n"
        }
    } else {
        report += "| search | services | ms | met |\n|---|---:|---:|---|\n"
        for (text, count, ms) in searches {
            let short = text.count <= 2
            report += "| \(text)\(short ? "" : " (trigram)") | \(count) | \(format(ms)) | \(short ? (ms <= 50 ? "yes" : "**no**") : "") |\n"
        }
    }
    print(report)
}

func copyLine(_ server: BenchmarkServer) -> String {
    guard let copy = server.copy else { return "Server: a database copied before (--server URI)." }
    return "Server: a private server started for the run; `yakkan store copy` into a new database and its check of the copy: "
        + "\(String(format: "%.1f", copy.seconds)) s (exit status \(copy.status))."
}

func fileTable(_ results: [Result]) -> String {
    var table = """
        | measurement | yakkan ms | sqlite3 ms | ratio | yakkan peak MB | lines (yakkan / sqlite3) | goal | met |
        |---|---:|---:|---:|---:|---:|---|---|

        """
    for r in results {
        let s = r.sqlite
        table += "| \(r.measurement.name) | \(format(s.yakkan)) | \(s.baseline.map(format) ?? "—") | \(s.ratio.map { format($0) + "×" } ?? "—") | "
            + "\(format(s.peak)) | \(s.lines.yakkan) / \(s.lines.baseline.map(String.init) ?? "—") | \(r.measurement.goal.text) | \(s.met(r.measurement.goal)) |\n"
    }
    return table
}

func sideBySideTable(_ results: [Result]) -> String {
    var table = """
        | measurement | SQLite: yakkan ms | sqlite3 ms | ratio | PostgreSQL: yakkan ms | psql ms | ratio | yakkan peak MB (SQLite / PostgreSQL) | lines (yakkan / sqlite3; yakkan / psql) | goal | met (SQLite / PostgreSQL) |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|

        """
    for r in results {
        guard let p = r.server else { continue }
        let s = r.sqlite
        func cells(_ side: Side) -> String {
            "\(format(side.yakkan)) | \(side.baseline.map(format) ?? "—") | \(side.ratio.map { format($0) + "×" } ?? "—")"
        }
        func lines(_ side: Side) -> String { "\(side.lines.yakkan) / \(side.lines.baseline.map(String.init) ?? "—")" }
        let goal = r.measurement.goal
        let met = goal.text == "—" && !s.failed && !p.failed ? "" : "\(s.met(goal)) / \(p.met(goal))"
        table += "| \(r.measurement.name) | \(cells(s)) | \(cells(p)) | \(format(s.peak)) / \(format(p.peak)) | \(lines(s)); \(lines(p)) | "
            + "\(goal.text) | \(met) |\n"
    }
    return table
}

/// The one-minute load average, as `uptime` says it: the machine is shared.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
    return String(text.split(separator: " ").first ?? "?")
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
