import Foundation
import PrivateServer
import XCTest

@testable import Core

/// The server's login roles follow the directory when the administrator's role may create
/// roles; otherwise the SQL for IT staff is what is left. And the tables' owner writes in
/// others' names only when its session asks to, the four-eyes rule still holding.
final class ServerRolesFollowTests: ServerTestCase {
    func standing(_ login: String, _ village: Village) throws -> ServerRoles.Standing {
        try PostgresDatabase(PostgresLink(uri: village.server.uri(database: village.database))).read { db in
            try ServerRoles.standing(of: login, db)
        }
    }

    func owner(_ village: Village) throws -> ServerStore {
        try ServerStore(
            uri: village.server.uri(database: village.database), workingDirectory: village.folder, clock: village.clock,
            cacheFolder: village.folder + "/cache-owner", keyRing: KeyRing(folder: village.folder + "/home-owner/keys", scope: .only("dba")))
    }

    func testAnAdministratorWhoMayCreateRolesMakesThemInTheSameChangeAndOneWhoMayNotGetsTheSQL() throws {
        let village = try Village(on: try server())
        let owner = try owner(village)
        _ = try owner.addStaff(StaffEntry(login: "dba", name: "管理 者", department: "総務課", administrator: true), by: "dba", at: "2026-04-01T00:00:00Z")
        _ = try owner.addStaff(StaffEntry(login: "newbie", name: "新人 一", department: "総務課"), by: "dba", at: "2026-04-01T00:01:00Z")
        XCTAssertEqual(try standing("newbie", village), ServerRoles.Standing(exists: true, canLogin: true, groups: [ServerRoles.staff]))
        XCTAssertNil(try owner.loginRoleLeft(for: "newbie"))
        _ = try owner.updateStaff(StaffEntry(login: "newbie", administrator: true), by: "dba", at: "2026-04-01T00:02:00Z")
        XCTAssertEqual(try standing("newbie", village).groups, [ServerRoles.administrators])
        // The new role logs in and acts as itself.
        XCTAssertEqual(try village.store(as: "newbie").login, "newbie")

        // newbie administers the directory but may not create roles: the entry is made, the role is not.
        let newbie = try village.store(as: "newbie")
        _ = try newbie.addStaff(StaffEntry(login: "later", name: "後日 来", department: "総務課"), by: "newbie", at: "2026-04-01T00:03:00Z")
        XCTAssertEqual(try newbie.staffMember(login: "later")?.name, "後日 来")
        XCTAssertFalse(try standing("later", village).exists)
        let left = try XCTUnwrap(try newbie.loginRoleLeft(for: "later"))
        XCTAssertTrue(left.contains("CREATE ROLE \"later\" LOGIN") || left.contains("CREATE ROLE later LOGIN"), left)
        // What IT staff run brings the role in line.
        let ran = try village.psql(as: nil, left)
        XCTAssertEqual(ran.status, 0, ran.output)
        XCTAssertNil(try newbie.loginRoleLeft(for: "later"))

        _ = try owner.removeStaff(login: "newbie", by: "dba", at: "2026-04-01T00:04:00Z")
        XCTAssertEqual(try standing("newbie", village), ServerRoles.Standing(exists: true, canLogin: true, groups: []))
        XCTAssertNil(try owner.loginRoleLeft(for: "newbie"))
        XCTAssertEqual(try village.base.verify(as: "sato", accounts: .system).findings, [])
    }

    /// pg7: an administrator without CREATEROLE keeps a login's groups in step with the
    /// directory through `yakkan_follow_directory`, which does that and nothing else.
    func testAnAdministratorKeepsRolesInStepThroughTheNarrowFunctionAndNothingMore() throws {
        let village = try Village(on: try server())
        _ = try village.applicationSubmitted()
        // The shared server keeps the function from administrators (its roles are every test's);
        // this database gives it back, for a login no other test uses.
        XCTAssertEqual(try village.psql(as: nil, "GRANT EXECUTE ON FUNCTION yakkan_follow_directory(text) TO yakkan_admin").status, 0)
        let login = "follower_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let kato = try village.store(as: "kato")
        XCTAssertFalse(try kato.database.read { try ServerRoles.mayManageRoles($0) }, "kato may not create roles")
        _ = try kato.addStaff(StaffEntry(login: login, name: "追従 一", department: "総務課"), by: "kato", at: "2026-04-03T00:00:00Z")
        XCTAssertEqual(try standing(login, village), ServerRoles.Standing(exists: true, canLogin: true, groups: [ServerRoles.staff]))
        XCTAssertNil(try kato.loginRoleLeft(for: login))
        _ = try kato.updateStaff(StaffEntry(login: login, administrator: true), by: "kato", at: "2026-04-03T00:01:00Z")
        XCTAssertEqual(try standing(login, village).groups, [ServerRoles.administrators])
        try kato.removeStaff(login: login, by: "kato", at: "2026-04-03T00:02:00Z")
        XCTAssertEqual(try standing(login, village), ServerRoles.Standing(exists: true, canLogin: true, groups: []))
        XCTAssertEqual(try village.base.verify(as: "sato", accounts: .system).findings, [])

        // It leaves alone the superuser, yakkan's own roles and logins nobody listed.
        for target in [village.server.superuser, "yakkan_staff", "yakkan_admin", ServerSchema.roleKeeper] {
            let ran = try village.psql(as: "kato", "SELECT yakkan_follow_directory('\(target)') AS changed")
            XCTAssertEqual(ran.status, 0, ran.output)
            XCTAssertTrue(ran.output.contains(" f\n"), target + ": " + ran.output)
        }
        let stranger = "stranger_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        XCTAssertEqual(try village.psql(as: "kato", "SELECT yakkan_follow_directory('\(stranger)')").status, 0)
        XCTAssertFalse(try standing(stranger, village).exists, "a login nobody listed is not made")
        // Staff who are not administrators may not call it at all.
        let bySuzuki = try village.psql(as: "suzuki", "SELECT yakkan_follow_directory('\(login)')")
        XCTAssertNotEqual(bySuzuki.status, 0, bySuzuki.output)
        XCTAssertTrue(bySuzuki.output.contains("permission denied"), bySuzuki.output)
    }

    func testTheOwnerWritesForOthersOnlyWhenItsSessionAsksAndNeverPastTheFourEyesRule() throws {
        let village = try Village(on: try server())
        let submitted = try village.applicationSubmitted()
        func insert(reviewer: String, asking: Bool) throws -> PrivateServer.Ran {
            try village.psql(as: nil, (asking ? "SET yakkan.owner_writes_for_others = on;\n" : "") + """
                INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, reason, answers, application_version, decided_at, form)
                VALUES (\(submitted.id), '\(reviewer)', 'x', 'approved', NULL, '{}', 1, '2026-04-02T01:00:00Z', 'application')
                """)
        }
        XCTAssertEqual(try insert(reviewer: "kato", asking: false).status, 1)
        let ownApplication = try insert(reviewer: "yamada", asking: true)
        XCTAssertEqual(ownApplication.status, 1, ownApplication.output)
        XCTAssertTrue(ownApplication.output.contains("four-eyes rule"), ownApplication.output)
        let forKato = try insert(reviewer: "kato", asking: true)
        XCTAssertEqual(forKato.status, 0, forKato.output)
        // Staff asking the same are not the owner: still refused.
        let staff = try village.psql(as: "suzuki", """
            SET yakkan.owner_writes_for_others = on;
            INSERT INTO signing_key (login, public_key) VALUES ('kato', 'not-a-key')
            """)
        XCTAssertNotEqual(staff.status, 0, staff.output)
    }
}
