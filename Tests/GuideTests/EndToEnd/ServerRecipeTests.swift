import Foundation
import PrivateServer
import XCTest

/// The README's PostgreSQL section followed as IT staff would, on a fresh private server: its
/// blocks marked `server-recipe` create the database and yakkan's tables, the roles, the
/// `pg_hba.conf` lines and each person's profile, and then the first administrator keeps the
/// directory and a member of staff reads the ledger with the real `yakkan`. The server's own
/// socket folder stands for `/var/run/postgresql`, and its superuser for `postgres`; the private
/// server trusts its socket (only the tests can reach it), so who connects is the role `PGUSER`
/// names, where the README's `peer` line would take the OS login.
final class ServerRecipeTests: XCTestCase {
    func testTheReadmesPostgreSQLSectionFromAFreshServerToAWorkingStore() throws {
        guard let executable = YakkanExecutable.path else { throw XCTSkip("the yakkan executable was not built") }
        let server: PrivateServer
        do { server = try PrivateServer.start() } catch let missing as PrivateServer.NotInstalled {
            throw XCTSkip(missing.description)
        }
        defer { server.stop() }
        let folder = try EndToEndFolder()
        let readme = try String(contentsOf: EndToEnd.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        func recipe(_ name: String) throws -> String {
            try EndToEnd.readmeBlock(marked: "server-recipe: \(name)", in: readme)
                .replacingOccurrences(of: "/var/run/postgresql", with: server.folder)
        }
        let binaries = try XCTUnwrap(PrivateServer.installedBinaries())
        let path = [binaries, (executable as NSString).deletingLastPathComponent, ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
            .joined(separator: ":")
        /// A shell run as `role` connects as: the superuser for `sudo -u postgres`.
        func shell(_ script: String, as role: String) throws -> PrivateServer.Ran {
            var environment = EndToEnd.environment(home: folder.home)
            environment["PATH"] = path
            environment["PGUSER"] = role
            environment["PGHOST"] = server.folder
            let ran = try PrivateServer.run(
                "/bin/bash", ["-euo", "pipefail", "-c", script], environment: environment, workingDirectory: folder.path)
            return PrivateServer.Ran(status: ran.status, output: script + "\n---\n" + ran.output)
        }

        // 1. The database and yakkan's tables, read first with --dry-run, then applied.
        let create = try shell(try recipe("create").replacingOccurrences(of: "sudo -u postgres ", with: ""), as: server.superuser)
        XCTAssertEqual(create.status, 0, create.output)
        let dryRun = try String(contentsOfFile: folder.path + "/yakkan.sql", encoding: .utf8)
        XCTAssertTrue(dryRun.contains("CREATE TABLE audit"), "the SQL to read first")

        // 2. The roles, as the superuser in psql.
        let roles = try server.psql(as: nil, database: "yakkan", try recipe("roles"))
        XCTAssertEqual(roles.status, 0, roles.output)

        // 3. The pg_hba.conf lines, appended to the cluster's file and reloaded: the server takes
        //    them. Its `hostssl` line needs SSL on, as Debian's cluster has it (with its own
        //    certificate): here a self-signed one, owned by the server's account.
        let data = server.folder + "/data"
        let certificate = try shell("""
            cd '\(data)'
            openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout server.key -out server.crt 2>/dev/null
            chmod 600 server.key
            chown "$(stat -c %u:%g .)" server.key server.crt
            """, as: server.superuser)
        XCTAssertEqual(certificate.status, 0, certificate.output)
        let ssl = try server.psql(as: nil, database: "yakkan", "ALTER SYSTEM SET ssl = on;")
        XCTAssertEqual(ssl.status, 0, ssl.output)
        let hba = try recipe("pg_hba.conf")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: server.folder + "/data/pg_hba.conf"))
        handle.seekToEndOfFile()
        handle.write(Data(("\n" + hba + "\n").utf8))
        try handle.close()
        // The reload is read by each session at its next statement: a new session asks.
        let reload = try server.psql(as: nil, database: "yakkan", "SELECT pg_reload_conf(), pg_sleep(0.5);")
        XCTAssertEqual(reload.status, 0, reload.output)
        let reloaded = try server.psql(as: nil, database: "yakkan", """
            SELECT 'ssl=' || current_setting('ssl');
            SELECT 'errors=' || count(*) || ' ' || coalesce(string_agg(error, '; '), '') FROM pg_hba_file_rules WHERE error IS NOT NULL;
            SELECT 'yakkan lines=' || count(*) FROM pg_hba_file_rules WHERE 'yakkan' = ANY (database);
            """)
        XCTAssertTrue(reloaded.output.contains("ssl=on"), reloaded.output)
        XCTAssertTrue(reloaded.output.contains("errors=0 \n"), reloaded.output)
        XCTAssertTrue(reloaded.output.contains("yakkan lines=2"), reloaded.output)

        // 4. Each person's profile (the line for the server itself), then yakkan as always: kato,
        //    the first administrator, keeps the directory; tanaka reads the ledger; kato verifies.
        let profile = try XCTUnwrap(try recipe("profile").components(separatedBy: "\n").first { $0.hasPrefix("export YAKKAN_STORE=") })
        let directory = try shell(profile + """

            yakkan staff add kato --name "加藤 誠" --department 総務課 --reviewer-of 総務課 --lang en
            yakkan staff add tanaka --name "田中 一郎" --department 総務課 --lang en
            """, as: "kato")
        XCTAssertEqual(directory.status, 0, directory.output)
        let ledger = try shell(profile + "\nyakkan list --lang en\nyakkan staff list --lang en", as: "tanaka")
        XCTAssertEqual(ledger.status, 0, ledger.output)
        XCTAssertTrue(ledger.output.contains("田中 一郎"), ledger.output)
        let verified = try shell(profile + "\nyakkan audit verify --lang en", as: "kato")
        XCTAssertEqual(verified.status, 0, verified.output)

        // Nobody but the role made for it may create roles: not kato, not the tables' owner's staff.
        let creators = try server.psql(as: nil, database: "yakkan", """
            SELECT 'creators=' || string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE rolcreaterole AND NOT rolsuper;
            """)
        XCTAssertTrue(creators.output.contains("creators=yakkan_role_keeper\n"), creators.output)
    }
}
