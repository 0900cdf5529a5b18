import XCTest

@testable import Core

/// What a server's address names: a database, whoever connects to it.
final class ServerAddressTests: XCTestCase {
    func testEveryLoginOfOneDatabaseHasTheSameFingerprintAndOtherDatabasesAnother() {
        let socket = "postgresql:///yakkan?host=/var/run/postgresql"
        XCTAssertEqual(ServerAddress.withoutLogin(socket + "&user=kato"), socket)
        XCTAssertEqual(ServerAddress.withoutLogin("postgresql:///yakkan?user=kato&host=/tmp/x"), "postgresql:///yakkan?host=/tmp/x")
        XCTAssertEqual(ServerAddress.withoutLogin("postgresql://kato:hunter2@db.example/yakkan"), "postgresql://db.example/yakkan")
        XCTAssertEqual(ServerAddress.withoutLogin("postgresql://db.example/yakkan?password=x&sslmode=verify-full"), "postgresql://db.example/yakkan?sslmode=verify-full")
        XCTAssertEqual(ServerAddress.fingerprint(socket + "&user=kato"), ServerAddress.fingerprint(socket + "&user=sato"))
        XCTAssertNotEqual(ServerAddress.fingerprint(socket), ServerAddress.fingerprint("postgresql:///other?host=/var/run/postgresql"))
        XCTAssertEqual(ServerAddress.fingerprint(socket).count, 64)
    }

    func testAServerStoreIsNamedWithoutItsPasswordAndAFileAsGiven() {
        XCTAssertEqual(ServerAddress.shown("postgresql://kato:hunter2@db/yakkan"), "postgresql://kato:***@db/yakkan")
        XCTAssertEqual(ServerAddress.shown("village/password=1.sqlite"), "village/password=1.sqlite")
    }

    func testHeadsAreRememberedPerDatabaseAndPerFile() {
        let memory = HeadMemory(folder: "/m")
        XCTAssertEqual(memory.file(for: "postgresql:///y?host=/s&user=a"), memory.file(for: "postgresql:///y?host=/s&user=b"))
        XCTAssertNotEqual(memory.file(for: "postgresql:///y?host=/s"), memory.file(for: "postgresql:///z?host=/s"))
        XCTAssertEqual(memory.file(for: "/a/b/../c.sqlite"), memory.file(for: "/a/c.sqlite"))
    }
}
