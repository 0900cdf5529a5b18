import Foundation
import PrivateServer
import XCTest

/// The README's `pg_hba.conf` and `pg_ident.conf` lines for people of the Windows domain,
/// loaded into a real PostgreSQL server of the version the tests run (15 on Debian 12) and read
/// back as the server parsed them; the map's regular expression run by the server's own engine.
final class DomainRecipeTests: XCTestCase {
    static let readme = EndToEnd.packageRoot.appendingPathComponent("README.md").path

    /// The lines of the fenced block after `<!-- domain-recipe: NAME -->`, comments left out.
    static func lines(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        let marker = "<!-- domain-recipe: \(name) -->"
        guard let start = text.range(of: marker) else {
            throw PrivateServer.Failure("README.md has no block marked \(marker)")
        }
        return text[start.upperBound...].components(separatedBy: "\n").dropFirst(2)
            .prefix { !$0.hasPrefix("```") }
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    func testThePgHbaAndPgIdentLinesAreAcceptedAsWritten() throws {
        let server: PrivateServer
        do { server = try PrivateServer.start() } catch let missing as PrivateServer.NotInstalled {
            throw XCTSkip(missing.description)
        }
        defer { server.stop() }
        let hba = try Self.lines("pg_hba.conf")
        let ident = try Self.lines("pg_ident.conf")
        XCTAssertEqual(hba.count, 1)
        XCTAssertEqual(ident.count, 1)
        // Appended to the cluster's own files (the server's account owns them; the tests run as root).
        for (file, lines) in [("pg_hba.conf", hba), ("pg_ident.conf", ident)] {
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: server.folder + "/data/" + file))
            handle.seekToEndOfFile()
            handle.write(Data(("\n" + lines.joined(separator: "\n") + "\n").utf8))
            try handle.close()
        }
        func query(_ sql: String) throws -> String {
            let ran = try server.psql(as: nil, database: "postgres", nil,
                                      input: "\\pset tuples_only on\n\\pset format unaligned\n" + sql + ";\n")
            XCTAssertEqual(ran.status, 0, ran.output)
            return ran.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // What the server makes of the files as they are now on disk, line by line.
        XCTAssertEqual(try query("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL"), "0")
        XCTAssertEqual(
            try query("""
                SELECT type || ' ' || array_to_string(database, ',') || ' ' || array_to_string(user_name, ',') || ' '
                    || address || '/' || netmask || ' ' || auth_method || ' ' || array_to_string(options, ',')
                FROM pg_hba_file_rules WHERE auth_method = 'gss'
                """),
            "hostgssenc yakkan +yakkan_staff 10.0.0.0/255.0.0.0 gss include_realm=true,krb_realm=VILLAGE.EXAMPLE.LG.JP,map=village")
        XCTAssertEqual(try query("SELECT count(*) FROM pg_ident_file_mappings WHERE error IS NOT NULL"), "0")
        XCTAssertEqual(
            try query("SELECT map_name || ' ' || sys_name || ' ' || pg_username FROM pg_ident_file_mappings"),
            #"village /^([a-z0-9._-]+)@VILLAGE\.EXAMPLE\.LG\.JP$ \1"#)
        // The same regular expression in the server's engine: a principal of the realm gives its
        // role; another realm, or a name in another case, gives nothing (the login is refused).
        let pattern = try query("SELECT substr(sys_name, 2) FROM pg_ident_file_mappings")
        for (principal, role) in [
            ("sato@VILLAGE.EXAMPLE.LG.JP", "sato"), ("t.kato-2@VILLAGE.EXAMPLE.LG.JP", "t.kato-2"),
            ("sato@OTHER.EXAMPLE.JP", ""), ("Sato@VILLAGE.EXAMPLE.LG.JP", ""), ("sato@VILLAGE.EXAMPLE.LG.JP.EVIL", ""),
        ] {
            let escaped = pattern.replacingOccurrences(of: "'", with: "''")
            XCTAssertEqual(
                try query("SELECT coalesce((regexp_match('\(principal)', '\(escaped)'))[1], '')"), role, principal)
        }
    }
}
