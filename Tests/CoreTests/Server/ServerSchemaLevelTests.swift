@testable import Core
import Foundation
import GRDB
import PrivateServer
import XCTest

/// pg2: the server's tables level with SQLite's, on a private server; pg4: nothing captured.


final class ServerSchemaLevelTests: ServerTestCase {
    /// Every table of SQLite's final schema is on the server with the same columns in the same
    /// order, integers where SQLite keeps integers (its booleans included), text where text.
    func testTheServersTablesAreSQLitesColumnForColumn() throws {
        let sqlite = try DatabaseQueue()
        try Schema.migrator.migrate(sqlite)
        let sqliteTables: [String: [String]] = try sqlite.read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table'
                AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'ledger_%'
                """)
            return try Dictionary(uniqueKeysWithValues: names.map { table in
                (table, try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { "\($0["name"] as String) \(Self.kind(sqlite: $0["type"]))" })
            })
        }
        let village = try ServerVillage(on: try server())
        let serverTables = try PostgresDatabase(try village.link()).read { session in
            var tables: [String: [String]] = [:]
            try session.each(sql: """
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'yakkan_migration' ORDER BY table_name, ordinal_position
                """) { row in
                tables[row["table_name"], default: []].append("\(row["column_name"] as String) \(Self.kind(server: row["data_type"]))")
            }
            return tables
        }
        var expected = sqliteTables
        // SQLite's rowid, the log's order of writing, is a column of its own on the server.
        expected["audit"]?.append("rowid integer")
        // What SQLite keeps in files beside itself, the server keeps in tables of its own.
        let serverOnly: Set = ["signing_key", "attachment_content", "log_witness"]
        XCTAssertEqual(serverTables.filter { !$0.key.hasPrefix("ledger_") && !serverOnly.contains($0.key) }, expected)
        XCTAssertEqual(Set(serverTables.keys).intersection(serverOnly), serverOnly)
        XCTAssertEqual(serverTables["ledger_text"], ["rowid integer", "content text"])
        // Besides SQLite's columns, the words as lexemes, which the server generates from them (pg11).
        XCTAssertEqual(serverTables["ledger_short_text"], ["rowid integer", "words text", "lexemes server tsvector"])
        XCTAssertTrue(sqliteTables.keys.contains("staff_mail") && sqliteTables.keys.contains("reminder_sent"))
    }

    /// The same statements, with `?`, write the same records into both stores, and every
    /// record table then reads the same values in both, as the signed log compares them:
    /// booleans as 0 and 1, numbers as integers, NULL as NULL.
    func testTheSameStatementsWriteRecordsThatReadTheSameInBothStores() throws {
        let writes: [(String, SQLArguments)] = [
            ("INSERT INTO staff (login, name, department, is_administrator, added_at) VALUES (?, ?, ?, ?, ?)",
             ["kato", "加藤 恵", "情報政策課", true, "2026-04-01T00:00:00Z"]),
            ("INSERT INTO staff_reviewer (login, department) VALUES (?, ?)", ["kato", "総務課"]),
            ("INSERT INTO staff_mail (login, mail, language) VALUES (?, ?, ?)", ["kato", "kato@example.jp", nil]),
            ("""
                INSERT INTO application (id, applicant, status, procedure_version, answers, department, provider, service,
                    submitted_at, version, personal_information)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [7, "tanaka", "in_use", "1.0", "{}", "総務課", "Example Storage", "Example Drive", "2026-04-01T09:00:00Z", 3, false]),
            ("INSERT INTO application_editor (application_id, login) VALUES (?, ?) ON CONFLICT DO NOTHING", [7, "tanaka"]),
            ("INSERT INTO application_editor (application_id, login) VALUES (?, ?) ON CONFLICT DO NOTHING", [7, "tanaka"]),
            ("""
                INSERT INTO alert (application_id, kind, recipient_login, message, needs_decision, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [7, "change", "kato", "{}", true, "2026-04-02T09:00:00Z"]),
            ("INSERT INTO retention_hold (application_id, until, reason, held_by, held_at) VALUES (?, ?, ?, ?, ?)",
             [7, "2031-03-31", "監査", "kato", "2026-04-03T09:00:00Z"]),
            ("UPDATE alert SET acknowledged_at = ?, acknowledged_by = ? WHERE application_id = ? AND needs_decision <> 0",
             ["2026-04-04T09:00:00Z", "kato", 7]),
        ]
        func records(_ session: any SQLSession) throws -> [String: [[SQLValue]]] {
            for (sql, arguments) in writes { try session.execute(sql: sql, arguments: arguments) }
            return try Dictionary(uniqueKeysWithValues: ProjectedTable.records.map { table in
                let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key.joined(separator: ", "))"
                return (table.name, try session.rows(sql: sql).map(\.values))
            })
        }
        let sqlite = try DatabaseQueue()
        try Schema.migrator.migrate(sqlite)
        let inSQLite = try sqlite.write { db in try records(GRDBSession(db)) }
        let server = try server()
        let uri = server.uri(database: try server.newDatabase())
        try ServerMigrator.migrate(try PostgresLink(uri: uri))
        let inServer = try PostgresDatabase(uri: uri).write { session in try records(session) }
        XCTAssertEqual(inServer, inSQLite)
        XCTAssertEqual(inServer["staff"], [[.text("kato"), .text("加藤 恵"), .text("情報政策課"), .integer(1), .text("2026-04-01T00:00:00Z")]])
        XCTAssertEqual(inServer["alert"]?.first?[6], .integer(1))
        XCTAssertEqual(inServer["application_editor"]?.count, 1)
    }

    private static func kind(sqlite type: String) -> String {
        ["INTEGER": "integer", "BOOLEAN": "integer", "TEXT": "text"][type.uppercased()] ?? "SQLite \(type)"
    }

    private static func kind(server type: String) -> String {
        ["bigint": "integer", "integer": "integer", "text": "text"][type] ?? "server \(type)"
    }

    /// pg4: nothing is captured any more (the log holds commands, and verify rebuilds every
    /// row from them); what was pg2's capture leaves no trigger and no function behind.
    func testNoRowIsCapturedSinceTheLogHoldsCommands() throws {
        let village = try ServerVillage(on: try server())
        let left = try PostgresDatabase(try village.link()).read { session in
            try session.values(sql: """
                SELECT t.tgname FROM pg_trigger t WHERE t.tgname = 'capture_change'
                UNION ALL SELECT p.proname FROM pg_proc p WHERE p.proname LIKE 'yakkan_capture_%'
                """) as [String]
        }
        XCTAssertEqual(left, [])
    }

    /// pg1's booleans are the integers 0 and 1 now, and the four-eyes rule reads the directory
    /// as before: a self-approval is still refused. Staff may make temporary tables (for the
    /// capture), and one named like the directory does not stand in for it in the rule.
    func testBooleansAreIntegersAndTheFourEyesRuleStillRefuses() throws {
        let village = try ServerVillage(on: try server())
        let owner = PostgresDatabase(try village.link())
        let types = try owner.read { session in
            try session.rows(sql: """
                SELECT column_name, data_type, column_default FROM information_schema.columns
                WHERE column_name IN ('personal_information', 'is_administrator', 'needs_decision') ORDER BY column_name
                """).map { "\($0["column_name"] as String) \($0["data_type"] as String) \(($0["column_default"] as String?) ?? "-")" }
        }
        XCTAssertEqual(types, ["is_administrator integer 0", "needs_decision integer 0", "personal_information integer -"])
        let alert = try owner.write { session -> SQLRow? in
            try session.execute(sql: "UPDATE staff SET is_administrator = ? WHERE login = ?", arguments: [true, village.applicant.login])
            try session.execute(sql: "UPDATE application SET personal_information = ? WHERE id = 1", arguments: [false])
            try session.execute(sql: "INSERT INTO alert (kind, message, created_at) VALUES (?, ?, ?)", arguments: ["k", "m", "2026-04-01"])
            return try session.row(sql: """
                SELECT needs_decision, (SELECT is_administrator FROM staff WHERE login = 'tanaka') AS administrator,
                    (SELECT personal_information FROM application) AS personal FROM alert
                """)
        }
        XCTAssertEqual(alert?.values, [.integer(0), .integer(1), .integer(0)])

        XCTAssertThrowsError(try village.decide(as: village.applicant)) { error in
            XCTAssertEqual(StoreError(classifying: error), .refused(village.coreRefusals(of: village.applicant)))
        }

        try village.link().execute(ServerRoles.createLogin("sato", administrator: false))
        let impostor = try village.server.psql(as: "sato", database: village.database, input: """
            CREATE TEMP TABLE staff (login text, name text, department text, is_administrator integer, added_at text);
            INSERT INTO staff VALUES ('sato', '佐藤 花子', '総務課', 1, '2026-04-01T00:00:00Z');
            CREATE TEMP TABLE staff_reviewer (login text, department text);
            INSERT INTO staff_reviewer VALUES ('sato', '総務課');
            INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, answers, application_version, decided_at)
            VALUES (1, 'sato', '佐藤 花子', 'approved', '{}', 1, '2026-04-02T09:00:00Z');
            """)
        XCTAssertEqual(impostor.status, 3, impostor.output)
        XCTAssertTrue(impostor.output.contains("four-eyes rule"), impostor.output)
        XCTAssertTrue(impostor.output.contains("not_in_directory"), impostor.output)
        XCTAssertEqual(try owner.read { try $0.value(sql: "SELECT count(*) FROM decision") as Int64? }, 0)
    }

    /// A database that had only pg1, with rows in it, is brought level: its booleans become
    /// 1 and 0, and nothing else of it changes.
    func testAPg1DatabaseWithRowsIsBroughtLevel() throws {
        let server = try server()
        let owner = try PostgresLink(uri: server.uri(database: try server.newDatabase()))
        let pg1 = ServerSchema.migrations.filter { $0.name.hasPrefix("pg1-") }
        try owner.transaction { link in
            try link.execute(ServerSchema.bookkeeping)
            for migration in pg1 { try link.execute(ServerSchema.statements(of: migration)) }
        }
        try owner.execute("""
            INSERT INTO staff (login, name, department, is_administrator, added_at) VALUES
                ('kato', '加藤', '情報政策課', true, '2026-04-01'), ('tanaka', '田中', '総務課', false, '2026-04-01');
            INSERT INTO alert (kind, message, needs_decision, created_at) VALUES ('k', 'm', true, '2026-04-01');
            """)
        XCTAssertEqual(try ServerMigrator.migrate(owner), ServerSchema.migrations.filter { !$0.name.hasPrefix("pg1-") }.map(\.name))
        let rows = try PostgresDatabase(owner).read { session in
            try session.rows(sql: "SELECT login, is_administrator, (SELECT needs_decision FROM alert) AS alert FROM staff ORDER BY login")
        }
        XCTAssertEqual(rows.map(\.values), [[.text("kato"), .integer(1), .integer(1)], [.text("tanaka"), .integer(0), .integer(1)]])
    }

    /// The log is read in the order it was written, under SQLite's name for it, and not even
    /// the tables' owner can change that order.
    func testTheLogKeepsTheOrderItWasWrittenIn() throws {
        let village = try ServerVillage(on: try server())
        let staff = PostgresDatabase(try village.link(as: village.applicant.login))
        // Written out of order by the tables' owner: staff append only after the head (pg8).
        _ = try PostgresDatabase(try village.link()).write { session in
            try session.execute(sql: "SET LOCAL yakkan.owner_writes_for_others = on")
            // After the application's own entry, which the village files first.
            for sequence in [3, 2] {
                try session.execute(sql: """
                    INSERT INTO audit (sequence, at, actor, action, subject, detail, detail_digest, previous_hash, hash)
                    VALUES (?, '2026-04-02T09:00:00Z', 'tanaka', 'submit', 'application/1', '{}', 'd', 'p', ?)
                    """, arguments: [sequence, "h\(sequence)"])
            }
        }
        let order: [Int64] = try staff.read { try $0.values(sql: "SELECT sequence FROM audit ORDER BY rowid") }
        XCTAssertEqual(order, [1, 3, 2])
        for sql in ["UPDATE audit SET rowid = DEFAULT WHERE sequence = 2", "UPDATE audit SET rowid = 7 WHERE sequence = 2"] {
            let owner = try village.server.psql(as: nil, database: village.database, sql)
            XCTAssertNotEqual(owner.status, 0, sql)
        }
        let reorder = try village.server.psql(as: nil, database: village.database, "UPDATE audit SET rowid = DEFAULT WHERE sequence = 2")
        XCTAssertTrue(reorder.output.contains("audit is append-only"), reorder.output)
        XCTAssertEqual(try staff.read { try $0.values(sql: "SELECT sequence FROM audit ORDER BY rowid") as [Int64] }, [1, 3, 2])
    }

    /// The short words of the ledger are looked up by the index of their elements, and the
    /// text by trigrams (pg_trgm ships with Debian's server, and the private server's owner
    /// may create it).
    func testTheLedgersSearchTablesTakeTheStoresStatementsAndAreIndexed() throws {
        let village = try ServerVillage(on: try server())
        let staff = PostgresDatabase(try village.link(as: village.applicant.login))
        let found = try staff.write { session -> [Int64] in
            try session.execute(sql: "DELETE FROM ledger_text WHERE rowid = ?", arguments: [1])
            try session.execute(sql: "INSERT INTO ledger_text (rowid, content) VALUES (?, ?)", arguments: [1, "住民名簿の保管"])
            try session.execute(sql: "INSERT INTO ledger_short_text (rowid, words) VALUES (?, ?)", arguments: [1, ShortSearch.words("住民名簿の保管")])
            return try session.values(sql: """
                SELECT rowid FROM ledger_text WHERE content ILIKE ?
                UNION ALL SELECT rowid FROM ledger_short_text WHERE lexemes @@ CAST(? AS tsquery)
                """, arguments: ["%名簿の%", ShortSearch.lexeme("名簿")])
        }
        XCTAssertEqual(found, [1, 1])
        let indexes = try staff.read { session -> [String] in
            try session.values(sql: "SELECT indexname FROM pg_indexes WHERE tablename LIKE ? ORDER BY indexname", arguments: ["ledger_%"])
        }
        XCTAssertEqual(indexes, ["ledger_short_text_lexemes", "ledger_short_text_pkey", "ledger_text_pkey", "ledger_text_trigrams"])
        // The words and their lexemes are kept out of the table's rows (pg11), which a search visits.
        let storage = try staff.read { session -> [String] in
            try session.values(sql: """
                SELECT attname || '=' || attstorage::text FROM pg_attribute WHERE attrelid = 'ledger_short_text'::regclass
                AND attname IN ('words', 'lexemes') UNION ALL
                SELECT unnest(reloptions) FROM pg_class WHERE oid = 'ledger_short_text'::regclass ORDER BY 1
                """)
        }
        XCTAssertEqual(storage, ["lexemes=e", "toast_tuple_target=128", "words=e"])
    }

    /// An owner who may not create extensions in the database still gets the whole schema,
    /// without the trigram index; the text is then searched without it.
    func testWithoutPgTrgmTheSchemaIsMadeWithoutTheTrigramIndex() throws {
        let server = try server()
        let database = try server.newDatabase()
        let owner = "owner\(UInt32.random(in: 0...UInt32.max))"
        let superuser = try PostgresLink(uri: server.uri(database: database))
        try superuser.execute("CREATE ROLE \(owner) LOGIN CREATEROLE; GRANT CREATE ON SCHEMA public TO \(owner)")
        try ServerMigrator.migrate(try PostgresLink(uri: server.uri(user: owner, database: database)))
        let state = try PostgresDatabase(superuser).read { session in
            try session.row(sql: """
                SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm') AS extension,
                    (SELECT count(*) FROM pg_indexes WHERE indexname = 'ledger_text_trigrams') AS trigrams,
                    (SELECT count(*) FROM pg_indexes WHERE indexname = 'ledger_short_text_lexemes') AS lexemes,
                    (SELECT count(*) FROM yakkan_migration) AS migrations
                """)
        }
        XCTAssertEqual(state?.values, [.integer(0), .integer(0), .integer(1), .integer(Int64(ServerSchema.migrations.count))])
    }
}
