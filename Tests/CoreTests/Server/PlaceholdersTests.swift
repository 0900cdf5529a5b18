@testable import Core
import XCTest

/// The store's `?` numbered for the server: only where they are parameters.
final class PlaceholdersTests: XCTestCase {
    func testParametersAreNumberedInOrder() {
        XCTAssertEqual(
            Placeholders.numbered("UPDATE application SET status = ?, ended_on = coalesce(?, ended_on) WHERE id = ? AND version = ?"),
            "UPDATE application SET status = $1, ended_on = coalesce($2, ended_on) WHERE id = $3 AND version = $4")
        XCTAssertEqual(Placeholders.numbered("SELECT 1"), "SELECT 1")
        XCTAssertEqual(Placeholders.numbered("IN (?,?,?)"), "IN ($1,$2,$3)")
    }

    func testAQuestionMarkInAStringAnIdentifierOrACommentIsLeftAsItIs() {
        XCTAssertEqual(
            Placeholders.numbered("SELECT '?', 'it''s ?', \"who?\" FROM t WHERE a = ? -- why?\nAND b = ?"),
            "SELECT '?', 'it''s ?', \"who?\" FROM t WHERE a = $1 -- why?\nAND b = $2")
        XCTAssertEqual(
            Placeholders.numbered("SELECT /* a? /* nested? */ still? */ ? - ?, '何？?'"),
            "SELECT /* a? /* nested? */ still? */ $1 - $2, '何？?'")
        // A minus sign is not a comment, nor a slash a block comment.
        XCTAssertEqual(Placeholders.numbered("SELECT ? - -? / ?"), "SELECT $1 - -$2 / $3")
    }
}
