// LoadBenchmark: many people on one store at once, each act a whole `yakkan` process run as
// that person's own login (issue 26).
//
//   swift build --product yakkan && swift run LoadBenchmark --store sqlite --people 20 --seconds 300
//   LoadBenchmark --store postgresql --people 40 --seconds 30 --writers
//
// --store sqlite       one SQLite file in a setgid folder, each person an operating-system login
//                      of their own (made with useradd, removed at the end: needs root)
// --store postgresql   a private PostgreSQL server (initdb, Unix socket), each person a login role
// --people N           how many people act at once (default 20)
// --seconds S          how long they act (default 300)
// --writers            only writes: duty records, stops, directory updates, applications of 43
//                      answers, double checks and acknowledgements (25 : 15, as in the full mix)
// --yakkan PATH        the executable to run (default: `yakkan` beside this one)
//
// The full mix: 60% reads (list, show, due), 25% writes (duty records, stops, directory
// updates), 15% applications, double checks and acknowledgements. Before the run the
// administrator fills the directory and every person files one application, which is double
// checked and acknowledged, so that the duties have services in use (not timed).
// At the end every act that reported success is reconciled with the store's log (each exactly
// once, nothing from an act that failed), the applications' numbers must run 1, 2, 3… without a
// gap, and `yakkan audit verify` runs.
import Core
import Foundation

setvbuf(stdout, nil, _IOLBF, 0)

func log(_ text: String) { print(text) }

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let kind = Village.Kind(rawValue: option("--store") ?? "sqlite") ?? .sqlite
let count = Int(option("--people") ?? "") ?? 20
let seconds = Double(option("--seconds") ?? "") ?? 300
let writersOnly = arguments.contains("--writers")
let built = option("--yakkan") ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("yakkan").path

do {
    log("# \(count) people on \(kind.rawValue), \(writersOnly ? "writers only" : "full mix"), \(Int(seconds)) s; \(ProcessInfo.processInfo.activeProcessorCount) cores; \(Date())")
    let village = try Village(kind: kind, count: count, built: built)
    defer { village.tearDown() }
    let ledger = Ledger()
    let setup = Tally()
    try village.fillDirectory(into: setup)
    try Seeding.seed(Acts(village: village, ledger: ledger, tally: setup))
    village.seeded = setup.snapshot.filter { $0.filed != nil }.count
    let (submitted, approved, inUse) = ledger.counts
    log("setup: \(setup.snapshot.count) acts, \(setup.snapshot.filter { $0.status != 0 }.count) not succeeding; services submitted \(submitted), approved \(approved), in use \(inUse)")

    let tally = Tally()
    let acts = Acts(village: village, ledger: ledger, tally: tally)
    let started = Date()
    Workload.run(acts, seconds: seconds, writersOnly: writersOnly)
    let elapsed = Date().timeIntervalSince(started)
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    log("\nran \(String(format: "%.0f", elapsed)) s, load average after: \(load)\n")
    log(Tally.table(tally.snapshot))
    let failures = tally.snapshot.filter { $0.status != 0 }
    for (said, times) in Dictionary(grouping: failures, by: { "\($0.kind), exit \($0.status): \($0.said ?? "")" }).sorted(by: { $0.key < $1.key }) {
        log("  \(times.count)× \(said)")
    }
    log("")
    do {
        let findings = try Reconciliation.check(village, acts: setup.snapshot + tally.snapshot)
        log(findings.isEmpty ? "reconciled: every act that succeeded is in the log exactly once, nothing else is; application numbers run without a gap"
            : "RECONCILIATION FOUND:\n" + findings.joined(separator: "\n"))
    } catch {
        // A store another yakkan wrote (a run of an older one, to compare) may not open here.
        log("NOT RECONCILED: \(error)")
    }
    let verify = Child.run(village.yakkan, ["audit", "verify"], as: village.people[0], in: village.folder)
    log("audit verify: exit \(verify.status), \(String(format: "%.0f", verify.milliseconds)) ms: " + verify.output.split(separator: "\n").prefix(3).joined(separator: " / "))
    if let serverLog = village.serverLog {
        let serialization = serverLog.components(separatedBy: "could not serialize access").count - 1
        let deadlocks = serverLog.components(separatedBy: "deadlock detected").count - 1
        let lockTimeouts = serverLog.components(separatedBy: "canceling statement due to lock timeout").count - 1
        log("server log: \(serialization) serialization failures, \(deadlocks) deadlocks, \(lockTimeouts) lock timeouts")
        // Which statements the server refused, by their first words.
        let lines = serverLog.split(separator: "\n").map(String.init)
        var refused: [String: Int] = [:]
        for (index, line) in lines.enumerated() where line.contains("ERROR:") {
            let statement = lines[(index + 1)...].prefix(3).first { $0.contains("STATEMENT:") } ?? ""
            let text = statement.components(separatedBy: "STATEMENT:").last?.trimmingCharacters(in: .whitespaces) ?? ""
            let error = line.components(separatedBy: "ERROR:").last?.trimmingCharacters(in: .whitespaces) ?? ""
            refused["\(error.prefix(50)) ← \(text.prefix(60))", default: 0] += 1
        }
        for (what, times) in refused.sorted(by: { $0.value > $1.value }) { log("  \(times)× \(what)") }
    }
} catch {
    log("LoadBenchmark failed: \(error)")
    exit(1)
}
