import Foundation

/// A program and its arguments, run as a whole process.
struct Command {
    let executable: String
    let arguments: [String]
}

/// One measurement on one store: yakkan beside the baseline (sqlite3 on the file, psql on the
/// server) giving the same answer, in turns.
struct Side {
    let yakkan: Double
    let baseline: Double?
    let ratio: Double?
    let peak: Double
    let lines: (yakkan: Int, baseline: Int?)
    let runs: Int
    let failed: Bool

    func met(_ goal: Goal) -> String {
        if failed { return "failed" }
        switch goal {
        case .ratio(let limit): return (ratio ?? .infinity) <= limit ? "yes" : "**no**"
        case .ratioAndMemory(let limit, let megabytes): return (ratio ?? .infinity) <= limit && peak <= megabytes ? "yes" : "**no**"
        case .none: return ""
        }
    }
}

/// A measurement on the SQLite file and, when the run has a server, on the server.
struct Result {
    let measurement: Measurement
    let sqlite: Side
    let server: Side?
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func lineCount(_ path: String) -> Int {
    guard let data = FileManager.default.contents(atPath: path) else { return 0 }
    return data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
}

/// Warm-up runs of both (their output kept, to count lines), then runs in turns: yakkan, baseline.
/// A status of 0 or 1 is an answer (1: yakkan found nothing to list, or refused with a message).
func measure(_ name: String, yakkan: Command, input: String?, baseline: Command?) -> Side {
    let outYakkan = folder + "/out-yakkan"
    let outBaseline = folder + "/out-baseline"
    let warm = run(yakkan.executable, yakkan.arguments, stdin: input, stdout: outYakkan, measuringMemory: true)
    let yakkanLines = lineCount(outYakkan)
    var baselineLines: Int?
    var failed = warm.status != 0 && warm.status != 1
    if let baseline {
        let status = run(baseline.executable, baseline.arguments, stdout: outBaseline).status
        baselineLines = lineCount(outBaseline)
        failed = failed || status != 0
    }
    try? FileManager.default.removeItem(atPath: outYakkan)
    try? FileManager.default.removeItem(atPath: outBaseline)
    let pairs = warm.milliseconds > 20_000 ? 1 : warm.milliseconds > 2_000 ? 2 : warm.milliseconds > 300 ? 5 : 15
    var yakkanTimes: [Double] = []
    var baselineTimes: [Double] = []
    var ratios: [Double] = []
    for _ in 0..<pairs {
        let y = run(yakkan.executable, yakkan.arguments, stdin: input)
        yakkanTimes.append(y.milliseconds)
        failed = failed || (y.status != 0 && y.status != 1)
        if let baseline {
            let b = run(baseline.executable, baseline.arguments)
            baselineTimes.append(b.milliseconds)
            ratios.append(y.milliseconds / b.milliseconds)
        }
    }
    let side = Side(
        yakkan: median(yakkanTimes), baseline: baselineTimes.isEmpty ? nil : median(baselineTimes),
        ratio: ratios.isEmpty ? nil : median(ratios), peak: warm.peakMegabytes, lines: (yakkanLines, baselineLines), runs: pairs,
        failed: failed)
    let baselineName = baseline.map { ($0.executable as NSString).lastPathComponent } ?? ""
    log("  \(name): \(format(side.yakkan)) ms"
        + (side.baseline.map { ", \(baselineName) \(format($0)) ms, ratio \(format(side.ratio!))" } ?? "")
        + ", \(format(side.peak)) MB, \(yakkanLines)/\(baselineLines.map(String.init) ?? "-") lines, status \(warm.status)\(failed ? ", FAILED" : "")")
    return side
}

/// The measurement on the SQLite file, then, with a server, on the copied database.
func measure(_ m: Measurement, yakkan binary: String, sqlite3: String, server: BenchmarkServer?) -> Result {
    let store = m.store ?? storePath
    let onFile = measure(
        m.name, yakkan: Command(executable: binary, arguments: m.yakkan + ["--store", store]), input: m.input,
        baseline: m.sqlite.map { Command(executable: sqlite3, arguments: [store] + $0) })
    guard let server else { return Result(measurement: m, sqlite: onFile, server: nil) }
    let database = m.store == nil ? server.login : server.empty
    let onServer = measure(
        m.name + " [PostgreSQL]", yakkan: Command(executable: binary, arguments: m.yakkan + ["--store", database]), input: m.input,
        baseline: psqlArguments(m, uri: database).map { Command(executable: server.psql, arguments: $0) })
    return Result(measurement: m, sqlite: onFile, server: onServer)
}

/// psql giving what sqlite3 gives: the shell's output mode as psql's (unaligned tuples, CSV with
/// its header, aligned for `-column`) and the SQL, PostgreSQL's own where it differs.
func psqlArguments(_ m: Measurement, uri: String) -> [String]? {
    guard let sqlite = m.sqlite, let sqliteSQL = sqlite.last else { return nil }
    let sql: String
    switch m.postgres {
    case .none: return nil
    case .sql(let own): sql = own
    case .sameSQL: sql = sqliteSQL == ".quit" ? "\\q" : sqliteSQL
    }
    let modes = sqlite.dropLast()
    let mode = modes.contains("-csv") ? ["--csv"] : modes.contains("-column") ? ["-t"] : ["-A", "-t"]
    return ["-X", "-q"] + mode + ["-d", uri, "-c", sql]
}
