import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The store's write-ahead log file is kept when the last connection closes. SQLite deletes it
/// by default; the pool's writer, finding no log at the next open, then writes and drops a
/// table to make one, and closing checkpoints that: every command that opened the store for
/// writing, even one that only read, synced the disk four times (measured on an empty store:
/// 67 ms from start to exit, of which 21 ms were CPU). A kept log is still checkpointed into
/// the store as SQLite does it; only the file stays.
enum KeptLog {
    static func keep(_ db: Database) {
        var keep: Int32 = 1
        sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &keep)
    }
}
