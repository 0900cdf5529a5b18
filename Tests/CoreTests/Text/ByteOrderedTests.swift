import Testing
@testable import Core

/// A list sorted on disk compares keys as bytes: for every key the bytes' order is the key's.
@Suite struct ByteOrderedTests {
    static func bytes<Key: ByteOrdered>(_ key: Key) -> [UInt8] {
        var bytes: [UInt8] = []
        key.appendOrderBytes(to: &bytes)
        return bytes
    }

    static func agree<Key: ByteOrdered>(_ keys: [Key]) {
        for a in keys {
            for b in keys {
                #expect((a < b) == bytes(a).lexicographicallyPrecedes(bytes(b)), "\(a) \(b)")
            }
        }
    }

    @Test func numbersOfEverySign() {
        Self.agree([Int.min, -70_000, -256, -1, 0, 1, 255, 256, 70_000, Int.max])
    }

    @Test func todaysItems() {
        var keys: [TodayItem.Order] = []
        for rank in [0, 1, 7] {
            for due in [20_260_401, 20_261_207, 99_991_231] {
                for applicationID: Int64 in [0, 9, 100_000] {
                    for alertID: Int64 in [0, 3, 26_216] {
                        keys.append(TodayItem.Order(rank: rank, due: due, applicationID: applicationID, alertID: alertID))
                    }
                }
            }
        }
        Self.agree(keys)
    }

    @Test func calendarEvents() {
        var keys: [DutyEvent.Order] = []
        for due in [Day(iso: "2026-04-01")!, Day(iso: "2026-12-07")!, Day(iso: "2027-01-01")!] {
            for applicationID: Int64 in [1, 255, 256, 100_000] {
                for duty in DutyKind.allCases {
                    keys.append(DutyEvent.Order(due: due, applicationID: applicationID, duty: duty.rawValue))
                }
            }
        }
        Self.agree(keys)
    }
}
