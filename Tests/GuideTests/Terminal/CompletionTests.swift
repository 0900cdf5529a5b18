import Testing

@testable import Guide

/// TAB completes the longest tail of the line that some choices begin with.
@Suite struct CompletionTests {
    static let names = ["佐藤 花子", "鈴木 一郎", "山田 太郎（yamada, 総務課）", "山田 太郎（yamada2, 住民課）", "sato", "suzuki"]

    @Test func aNameWithASpaceIsCompletedFromItsSecondWord() {
        #expect(Completion.complete("佐藤 花", among: Self.names)?.replacement == "佐藤 花子")
        #expect(Completion.complete("佐", among: Self.names)?.replacement == "佐藤 花子")
    }

    @Test func namesSharedByTwoStopWhereTheyDiffer() {
        let completed = Completion.complete("山田", among: Self.names)
        #expect(completed?.replacement == "山田 太郎（yamada")
        #expect(completed?.matches.count == 2)
    }

    @Test func theLastItemOfAListIsCompleted() {
        #expect(Completion.complete("佐藤 花子、suz", among: Self.names)?.replacement == "佐藤 花子、suzuki")
        #expect(Completion.complete("佐藤 花子, 鈴", among: Self.names)?.replacement == "佐藤 花子, 鈴木 一郎")
    }

    @Test func aValueAfterAnEqualsSignAsInTheQueryShell() {
        #expect(Completion.complete("list provider=Ex", among: ["Example Storage", "list"])?.replacement == "list provider=Example Storage")
        #expect(Completion.complete("li", among: ["list", "count"])?.replacement == "list")
    }

    @Test func nothingMatchesNothing() {
        #expect(Completion.complete("田中", among: Self.names) == nil)
    }
}
