import Core
import Foundation
import PrivateServer
import XCTest

/// `yakkan store init postgresql://…`, the real executable against a private server: the SQL a
/// DBA reads first, the same SQL run by psql, and init itself.
final class ServerStoreInitTests: ServerTestCase {
    func yakkan(_ arguments: [String]) throws -> PrivateServer.Ran {
        try EndToEndFolder().yakkan(arguments)
    }

    func testDryRunPrintsTheSQLWithoutConnectingAndPsqlCanRunIt() throws {
        let server = try server()
        // Nothing listens there: a dry run does not connect.
        let dryRun = try yakkan(["store", "init", "postgresql:///yakkan?host=/nonexistent", "--dry-run"])
        XCTAssertEqual(dryRun.status, 0, dryRun.output)
        XCTAssertEqual(dryRun.output, ServerSchema.initScript)
        for part in ["CREATE TABLE audit", "CREATE ROLE yakkan_staff", "GRANT INSERT ON decision", "CREATE TRIGGER decision_four_eyes",
                     "CREATE TRIGGER audit_append_only", "INSERT INTO yakkan_migration (name) VALUES ('pg1-four-eyes')",
                     "ALTER COLUMN is_administrator TYPE integer", "CREATE TABLE ledger_text", "CREATE TRIGGER capture_change",
                     "INSERT INTO yakkan_migration (name) VALUES ('pg2-pgexec-roles')"] {
            XCTAssertTrue(dryRun.output.contains(part), part)
        }

        let database = try server.newDatabase()
        let ran = try server.psql(as: nil, database: database, input: dryRun.output)
        XCTAssertEqual(ran.status, 0, ran.output)

        // What the DBA ran is what init would have done: nothing is left to apply.
        let after = try yakkan(["store", "init", server.uri(database: database), "--lang", "en"])
        XCTAssertEqual(after.status, 0, after.output)
        XCTAssertTrue(after.output.contains("The store on the server is up to date"), after.output)
    }

    func testInitCreatesTheSchemaOnceAndSaysSo() throws {
        let server = try server()
        let uri = server.uri(database: try server.newDatabase())
        let first = try yakkan(["store", "init", uri])
        XCTAssertEqual(first.status, 0, first.output)
        XCTAssertTrue(first.output.contains("サーバーに保管庫のスキーマ・役割・規則を作成しました"), first.output)
        XCTAssertTrue(first.output.contains(ServerSchema.migrations.map(\.name).joined(separator: ", ")), first.output)
        XCTAssertEqual(try ServerMigrator.appliedNames(PostgresLink(uri: uri)), Set(ServerSchema.migrations.map(\.name)))
        let second = try yakkan(["store", "init", uri, "--lang", "en"])
        XCTAssertEqual(second.status, 0, second.output)
        XCTAssertTrue(second.output.contains("up to date"), second.output)
    }

    func testAServerThatDoesNotAnswerIsTheStoresFaultAndADryRunNeedsAServer() throws {
        let folder = try server().folder
        let missing = try yakkan(["store", "init", "postgresql://clerk:hunter2@/yakkan?host=\(folder)/missing", "--lang", "en"])
        XCTAssertEqual(missing.status, 3, missing.output)
        XCTAssertTrue(missing.output.contains("Cannot open the store at postgresql://clerk:***@/yakkan"), missing.output)
        XCTAssertFalse(missing.output.contains("hunter2"), missing.output)

        // Every other command speaks to the server too, and never takes its address for a file name.
        for command in [["list"], ["apply", "--bail"], ["audit", "verify"]] {
            let elsewhere = try yakkan(command + ["--store", "postgresql://clerk:hunter2@/yakkan?host=\(folder)/missing", "--lang", "en"])
            XCTAssertEqual(elsewhere.status, 3, elsewhere.output)
            XCTAssertTrue(elsewhere.output.contains("Cannot open the store at postgresql://clerk:***@/yakkan"), elsewhere.output)
            XCTAssertFalse(elsewhere.output.contains("hunter2"), elsewhere.output)
        }
        // A database without yakkan's schema: the message says who makes it.
        let bare = try yakkan(["list", "--store", try server().uri(database: try server().newDatabase()), "--lang", "en"])
        XCTAssertEqual(bare.status, 3, bare.output)
        XCTAssertTrue(bare.output.contains("Ask IT staff to run yakkan store init"), bare.output)

        let sqlite = try yakkan(["store", "init", "village.sqlite", "--dry-run", "--lang", "en"])
        XCTAssertEqual(sqlite.status, 64, sqlite.output)
        XCTAssertTrue(sqlite.output.contains("--dry-run prints the SQL that creates a store on a server"), sqlite.output)
    }
}
