@testable import Core
import Foundation
import PrivateServer
import XCTest

/// The store's executor on a private server: statements written with `?` as for SQLite,
/// values typed both ways, rows changed, transactions, and a query's rows read one at a time.
final class PostgresSessionTests: ServerTestCase {
    func database() throws -> (server: PrivateServer, name: String, database: PostgresDatabase) {
        let server = try server()
        let name = try server.newDatabase()
        return (server, name, try PostgresDatabase(uri: server.uri(database: name)))
    }

    func testQuestionMarksBecomeTheServersParametersButNotInsideStringsOrComments() throws {
        let database = try database().database
        let row = try database.read { session in
            try session.row(sql: """
                SELECT ? AS first, '?' AS literal, "?" AS second -- is this a ?
                FROM (SELECT CAST(? AS bigint) AS "?") AS t /* nor this ? */
                """, arguments: ["一つ目", Int64(2)])
        }
        XCTAssertEqual(row?.columns, ["first", "literal", "second"])
        XCTAssertEqual(row?.values, [.text("一つ目"), .text("?"), .integer(2)])

        // A value takes the type its place asks for, as a quoted literal does.
        let typed = try database.read { session in
            try session.row(sql: "SELECT repeat('x', ?) AS x, ? + 1 AS next, CAST(? AS bigint) IS NULL AS none, ? AS untyped",
                            arguments: [3, 41, nil, 5])
        }
        XCTAssertEqual(typed?.values, [.text("xxx"), .integer(42), .integer(1), .text("5")])
    }

    func testValuesGoAndComeBackTypedByTheirColumns() throws {
        let database = try database().database
        let hostile = "'); DROP TABLE t; --　全角 \u{1F600}"
        let bytes = Data([0, 1, 2, 0xFE, 0xFF, 0x5C, 0x27])
        let row = try database.write { session -> SQLRow? in
            try session.execute(sql: """
                CREATE TABLE t (big bigint, small smallint, plain integer, flag integer, truth boolean, real double precision,
                    decimal numeric, words text, nothing text, bytes bytea, day date)
                """)
            let changed = try session.execute(
                sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [Int64.max, 7, Int(Int32.min), true, "t", 2.5, "1234.5", hostile, nil, bytes, "2026-04-01"])
            XCTAssertEqual(changed, 1)
            return try session.row(sql: "SELECT * FROM t")
        }
        XCTAssertEqual(row?.values, [
            .integer(.max), .integer(7), .integer(Int64(Int32.min)), .integer(1), .integer(1), .real(2.5), .real(1234.5), .text(hostile), .null,
            .blob(bytes), .text("2026-04-01"),
        ])
        let readBack = try XCTUnwrap(row)
        XCTAssertEqual(readBack["flag"] as Bool, true)
        XCTAssertEqual(readBack["plain"] as Int, Int(Int32.min))
        XCTAssertEqual(readBack["nothing"] as String?, nil)

        // 0 and 1 as SQLite keeps a boolean, both ways; and NULL compared in a condition.
        let found: [Int64] = try database.write { session in
            try session.execute(sql: "UPDATE t SET flag = ?, nothing = ?", arguments: [false, nil])
            return try session.values(sql: "SELECT flag FROM t WHERE nothing IS NULL AND flag = ?", arguments: [false])
        }
        XCTAssertEqual(found, [0])

        // PostgreSQL keeps no NUL in text: said, not cut short.
        XCTAssertThrowsError(try database.write { session in
            try session.execute(sql: "UPDATE t SET words = ?", arguments: ["a\u{0}b"])
        }) { error in
            XCTAssertEqual((error as? PostgresFault)?.sqlState, "22021")
        }
    }

    func testExecuteSaysHowManyRowsItChanged() throws {
        let database = try database().database
        let counts = try database.write { session -> [Int] in
            [
                try session.execute(sql: "CREATE TABLE sent (login text, item text, PRIMARY KEY (login, item))"),
                try session.execute(sql: "INSERT INTO sent SELECT 'tanaka', 'item ' || g FROM generate_series(1, ?) g", arguments: [5]),
                try session.execute(sql: "UPDATE sent SET item = item || '!' WHERE item > ?", arguments: ["item 2"]),
                try session.execute(sql: "INSERT INTO sent VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: ["tanaka", "item 1"]),
                try session.execute(sql: "INSERT INTO sent VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: ["tanaka", "item 9"]),
                try session.execute(sql: "DELETE FROM sent WHERE login = ?", arguments: ["tanaka"]),
            ]
        }
        XCTAssertEqual(counts, [0, 5, 3, 0, 1, 6])
    }

    /// Between the write's read of the head and its own update, a second connection of another
    /// login commits a change to the same row: the server refuses the first (40001), and the
    /// database runs its body again, on the new head.
    func testAWriteRefusedForAnothersConcurrentChangeRunsAgain() throws {
        let village = try ServerVillage(on: try server())
        // A row both logins may update (the log's head is the server's own to move since pg8).
        try village.link().execute("INSERT INTO record_counter (name, last) VALUES ('race', 0)")
        let first = PostgresDatabase(try village.link(as: village.applicant.login))
        let second = PostgresDatabase(try village.link(as: village.reviewer.login))
        var attempts = 0
        let written = try first.write { session -> Int64? in
            attempts += 1
            let head: Int64? = try session.value(sql: "SELECT last FROM record_counter WHERE name = ?", arguments: ["race"])
            if attempts == 1 {
                XCTAssertEqual(head, 0)
                _ = try second.write { other in try other.execute(sql: "UPDATE record_counter SET last = last + ? WHERE name = 'race'", arguments: [10]) }
            }
            try session.execute(sql: "UPDATE record_counter SET last = ? WHERE name = 'race'", arguments: [(head ?? 0) + 1])
            return head
        }
        XCTAssertEqual(attempts, 2)
        XCTAssertEqual(written, 10)
        XCTAssertEqual(try second.read { try $0.value(sql: "SELECT last FROM record_counter WHERE name = 'race'") as Int64? }, 11)

        // A read is a read-only snapshot.
        XCTAssertThrowsError(try first.read { session in try session.execute(sql: "UPDATE record_counter SET last = 0") }) { error in
            XCTAssertEqual((error as? PostgresFault)?.sqlState, "25006")
        }
    }

    /// `each` takes the rows as the server sends them: 200,000 rows of 1 KB go through without
    /// the process growing by anything like their 200 MB; a statement run from inside the loop
    /// still works (the rest is read ahead), and a loop left early leaves the connection usable.
    func testEachReadsALargeResultRowByRow() throws {
        let database = try database().database
        let count = 200_000
        let query = "SELECT g AS n, repeat('x', ?) AS filler FROM generate_series(1, ?) AS g ORDER BY g"
        let before = residentBytes()
        var peak = before
        var seen = 0
        var inOrder = true
        try database.read { session in
            try session.each(sql: query, arguments: [1_000, count]) { row in
                seen += 1
                inOrder = inOrder && row["n"] as Int64 == Int64(seen) && (row["filler"] as String).utf8.count == 1_000
                if seen % 10_000 == 0 { peak = max(peak, residentBytes()) }
            }
        }
        XCTAssertEqual(seen, count)
        XCTAssertTrue(inOrder)
        XCTAssertLessThan(peak - before, 50_000_000, "grew by \(peak - before) bytes reading \(count) rows of 1 KB")

        let nested = try database.read { session -> [Int64] in
            var sums: [Int64] = []
            try session.each(sql: "SELECT g FROM generate_series(1, ?) AS g", arguments: [3]) { row in
                let n: Int64 = row["g"]
                sums.append(try session.value(sql: "SELECT sum(g) FROM generate_series(1, ?) AS g", arguments: [n]) ?? -1)
            }
            return sums
        }
        XCTAssertEqual(nested, [1, 3, 6])

        struct Enough: Error {}
        let after = try database.read { session -> Int64? in
            XCTAssertThrowsError(try session.each(sql: query, arguments: [10, count]) { row in
                if row["n"] as Int64 == 3 { throw Enough() }
            }) { XCTAssertTrue($0 is Enough) }
            return try session.value(sql: "SELECT ?::bigint + 1", arguments: [41])
        }
        XCTAssertEqual(after, 42)

        // A query that fails part-way gives its rows so far, then the server's fault.
        var before5000 = 0
        XCTAssertThrowsError(try database.read { session in
            try session.each(sql: "SELECT 1 / (5000 - g) AS q FROM generate_series(1, ?) AS g", arguments: [10_000]) { _ in before5000 += 1 }
        }) { XCTAssertEqual(($0 as? PostgresFault)?.sqlState, "22012") }
        XCTAssertEqual(try database.read { try $0.value(sql: "SELECT 1") as Int64? }, 1)
        XCTAssertEqual(before5000, 4_999)
    }

    /// The process's resident memory, from /proc (Linux).
    private func residentBytes() -> Int {
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
