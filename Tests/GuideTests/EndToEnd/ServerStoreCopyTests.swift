import Foundation
import PrivateServer
import XCTest

@testable import Core

/// `yakkan store copy FROM TO`, the real executable: the demo village moved from its SQLite
/// file to a private server, the check of the copy as its exit status.
final class ServerStoreCopyTests: ServerTestCase {
    func newDatabase() throws -> String {
        try server().uri(database: try server().newDatabase())
    }

    func testTheDemoVillageMovesToAServerAndTheCopyVerifies() throws {
        let folder = try EndToEndFolder()
        let demo = try folder.yakkan(["demo", "village.sqlite"])
        XCTAssertEqual(demo.status, 0, demo.output)
        let uri = try newDatabase()
        let initialised = try folder.yakkan(["store", "init", uri])
        XCTAssertEqual(initialised.status, 0, initialised.output)

        let copied = try folder.yakkan(["store", "copy", "village.sqlite", uri])
        XCTAssertEqual(copied.status, 0, copied.output)
        for line in ["保管庫をコピーします: village.sqlite → ", "コピーしました：記録 ", "監査記録は正常です", "コピーは完了し、検査に合格しました"] {
            XCTAssertTrue(copied.output.contains(line), copied.output)
        }
        // A server has no SQLite file to check: it keeps its own pages, and the check says so.
        XCTAssertFalse(copied.output.contains("保管庫のファイルは健全です"), copied.output)
        XCTAssertTrue(copied.output.contains("ページの健全性はサーバー（PostgreSQL）が保ちます"), copied.output)

        let again = try folder.yakkan(["store", "copy", "village.sqlite", uri, "--lang", "en"])
        XCTAssertEqual(again.status, 1, again.output)
        XCTAssertTrue(again.output.contains("The target is not empty (staff,"), again.output)
        XCTAssertTrue(again.output.contains("nothing was written"), again.output)

        let missing = try folder.yakkan(["store", "copy", "nowhere.sqlite", try newDatabase(), "--lang", "en"])
        XCTAssertEqual(missing.status, 3, missing.output)
        XCTAssertTrue(missing.output.contains("There is no store at"), missing.output)
    }

    /// A row changed behind yakkan's back is not laundered by the move: the check of the copy
    /// names it, and the exit status says so.
    func testATamperedVillageIsCopiedWithItsFindingAndTheCommandFails() throws {
        let folder = try EndToEndFolder()
        XCTAssertEqual(try folder.yakkan(["demo", "village.sqlite"]).status, 0)
        let store = try SQLiteStore(path: folder.path + "/village.sqlite", workingDirectory: folder.path, clock: SystemClock())
        _ = try store.database.write { db in try db.execute(sql: "UPDATE application SET provider = 'Elsewhere' WHERE id = 1") }
        let uri = try newDatabase()
        XCTAssertEqual(try folder.yakkan(["store", "init", uri]).status, 0)

        let copied = try folder.yakkan(["store", "copy", "village.sqlite", uri, "--lang", "en"])
        XCTAssertEqual(copied.status, 1, copied.output)
        XCTAssertTrue(copied.output.contains("Copied "), copied.output)
        XCTAssertTrue(copied.output.contains("application"), copied.output)
        XCTAssertTrue(copied.output.contains("The check of the copy found problems; the source has them too."), copied.output)
    }
}
