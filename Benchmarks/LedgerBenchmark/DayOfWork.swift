import Core
import Foundation
import GRDB

/// A morning's work after a lifetime was filled: `count` services in use each get a backup
/// recorded by their own manager, each its own command and transaction as in a real village,
/// dated after the lifetime's last entry. What an incremental verify then replays and compares
/// (`LedgerBenchmark --append-day PATH --keys FOLDER [--count N]`, the keys of the fill).
func appendDayOfWork(path: String, keys: String, count: Int, folder: String) throws {
    let keyRing = KeyRing(folder: keys, scope: .everyone)
    let store = try SQLiteStore(path: path, workingDirectory: folder, clock: clock, keyRing: keyRing)
    // Which services, and when, read as sqlite3 would: yakkan's own reads would load every service.
    let file = try DatabaseQueue(path: path)
    let (last, services) = try file.read { db in
        (try String.fetchOne(db, sql: "SELECT max(at) FROM audit") ?? todayStamp,
         try Row.fetchAll(db, sql: "SELECT id, manager_key FROM application WHERE status = 'in_use' AND manager_key IS NOT NULL ORDER BY id LIMIT ?",
                          arguments: [count]).map { (id: $0["id"] as Int64, manager: $0["manager_key"] as String) })
    }
    try file.close()
    guard let at = Moment(iso: last)?.adding(seconds: 60), let day = Village.day(ofTimestamp: at.iso) else { return }
    for service in services {
        _ = try store.perform([Act(.recordDuty(application: service.id, kind: .backup, answers: dutyAnswers(.backup, on: day)),
                                   by: service.manager, at: at.iso)])
    }
    log("Appended \(services.count) backups, dated \(at.iso), to \(path)")
}
