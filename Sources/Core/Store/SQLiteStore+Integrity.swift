import GRDB

extension SQLiteStore {
    /// SQLite's own check of every page and index; empty when the file is sound. The audit
    /// chain proves no entry was changed, not that the file around it is whole.
    public func integrityCheck() throws -> [String] {
        do {
            let found = try database.read { db in try db.values(String.self, sql: "PRAGMA integrity_check") }
            return found == ["ok"] ? [] : found
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // So damaged that the check itself cannot run: that is its finding.
            return [error.message ?? "\(error.resultCode)"]
        }
    }
}
