import Core
import Foundation

/// Every act that reported success against what the store holds: each is in the log exactly
/// once, under its login and action; the log holds nothing else (an act that failed left
/// nothing); every number an application was given is its own, and the numbers run 1, 2, 3…
enum Reconciliation {
    static func check(_ village: Village, acts: [Tally.Act]) throws -> [String] {
        let store = try ownerStore(village)
        var findings: [String] = []
        var expected: [String: Int] = [:]
        for act in acts { if let action = act.action { expected["\(act.login) \(action)", default: 0] += 1 } }
        var found: [String: Int] = [:]
        for entry in try store.auditEntries() where entry.action != "key" {
            found["\(entry.actor) \(entry.action)", default: 0] += 1
        }
        for key in Set(expected.keys).union(found.keys).sorted() where expected[key, default: 0] != found[key, default: 0] {
            findings.append("  \(key): \(expected[key, default: 0]) acts succeeded, \(found[key, default: 0]) in the log")
        }
        let applications = try store.applications()
        let ids = applications.map(\.id).sorted()
        if ids != Array(1...Int64(max(ids.count, 1))).prefix(ids.count).map({ $0 }) {
            findings.append("  application numbers are not 1…\(ids.count): \(ids)")
        }
        let filed = acts.compactMap { act in act.filed.map { ($0, act.login) } }
        for (id, times) in Dictionary(grouping: filed, by: \.0) where times.count > 1 {
            findings.append("  application \(id) was reported to \(times.count) submits")
        }
        let byID = Dictionary(uniqueKeysWithValues: applications.map { ($0.id, $0) })
        for (id, login) in filed where byID[id]?.applicantLogin != login {
            findings.append("  application \(id), reported to \(login), is \(byID[id].map { "by \($0.applicantLogin)" } ?? "missing")")
        }
        return findings
    }

    static func ownerStore(_ village: Village) throws -> SQLStore {
        switch village.kind {
        case .sqlite:
            return try SQLiteStore(path: village.ownerStore, workingDirectory: village.folder, clock: SystemClock(), access: .readOnly, createFolder: false)
        case .postgresql:
            return try ServerStore(uri: village.ownerStore, workingDirectory: village.folder, clock: SystemClock(),
                                   cacheFolder: village.folder + "/owner-cache", keyRing: nil)
        }
    }
}
