import Testing
@testable import Core

@Suite struct ListInputTests {
    @Test func aForeignNameAndAnItemWithItsDetailsStayOneItemEach() {
        #expect(ListInput.items("ジョン・スミス、名簿（氏名・電話番号）") == ["ジョン・スミス", "名簿（氏名・電話番号）"])
    }

    @Test func itemsAreSeparatedByTheIdeographicCommaCommasAndNewLines() {
        #expect(ListInput.items("住民票, 写真，議事録､予定表\n会議資料\r\n名簿") == ["住民票", "写真", "議事録", "予定表", "会議資料", "名簿"])
    }

    @Test func semicolonsNoLongerSeparate() {
        #expect(ListInput.items("予定表；会議資料; 写真") == ["予定表；会議資料; 写真"])
    }

    @Test func blanksAroundItemsAndEmptyItemsGo() {
        #expect(ListInput.items("　山田 太郎 、、 佐藤 花子　") == ["山田 太郎", "佐藤 花子"])
    }
}
