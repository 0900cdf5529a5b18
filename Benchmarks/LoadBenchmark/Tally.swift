import Foundation

/// What each kind of act did: how many, their exit statuses and how long they took, and
/// what every act that succeeded should have left in the log (for the reconciliation).
final class Tally: @unchecked Sendable {
    struct Act {
        let kind: String
        let login: String
        let status: Int32
        let milliseconds: Double
        /// The log's action name an act that succeeded must have left once, nil for a read.
        let action: String?
        /// The application a successful `apply` was given.
        let filed: Int64?
        /// The first line of what a failed act said, to show in the report.
        let said: String?
        /// Answers the interview kept because the store was busy, saved with a later one.
        var kept = 0
    }

    private let lock = NSLock()
    private(set) var acts: [Act] = []

    func add(_ act: Act) {
        lock.withLock { acts.append(act) }
    }

    var snapshot: [Act] { lock.withLock { acts } }

    /// One line per kind of act: count, statuses, p50, p95 and max in milliseconds.
    static func table(_ acts: [Act]) -> String {
        var lines = [
            "| act | count | exit statuses | p50 ms | p95 ms | max ms | answers kept while busy |",
            "|---|---:|---|---:|---:|---:|---:|",
        ]
        let kinds = Set(acts.map(\.kind)).sorted()
        for kind in kinds + ["(all)"] {
            let these = kind == "(all)" ? acts : acts.filter { $0.kind == kind }
            let times = these.map(\.milliseconds).sorted()
            let statuses = Dictionary(grouping: these, by: \.status).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
                .map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            lines.append("| \(kind) | \(these.count) | \(statuses) | \(format(percentile(times, 0.5))) | \(format(percentile(times, 0.95))) | \(format(times.last ?? 0)) | \(these.map(\.kept).reduce(0, +)) |")
        }
        return lines.joined(separator: "\n")
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        // Nearest rank.
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }
}
