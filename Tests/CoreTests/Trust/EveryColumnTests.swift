import Foundation
import GRDB
import Testing

@testable import Core

/// Every column of every table the log makes, edited once with SQL (one at a time, then put
/// back) on a store where every kind of record exists: `audit verify` names each.
@Suite struct EveryColumnTests {
    typealias Village = StoreVillage

    /// The tables of the store that the log does not make, as they stand: the log itself and
    /// its head, the schema's own bookkeeping, and each person's working state.
    static let notProjected: [StoreKind: [String]] = [
        .sqlite: ["audit", "audit_head", "draft", "grdb_migrations", "person", "reminder_sent"],
        .server: ["attachment_content", "audit", "audit_head", "draft", "log_witness", "person", "reminder_sent", "signing_key", "yakkan_migration"],
    ]

    @Test(arguments: StoreKind.available)
    func everyColumnOfEveryProjectedTableEditedAloneIsNamed(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.fullLifecycle()
        #expect(try village.verify(as: "sato").findings == [])
        var missed: [String] = []
        var edited = 0
        for table in ProjectedTable.all {
            let first = try village.asOwner { db -> (key: String, cells: [SQLValue])? in
                var found: (key: String, cells: [SQLValue])?
                try table.eachRow(db) { key, cells in
                    if found == nil { found = (key, cells) }
                }
                return found
            }
            guard let (key, cells) = first else {
                missed.append("\(table.name): no row to edit")
                continue
            }
            for (index, column) in table.columns.enumerated() {
                let original = cells[index]
                let keyValues = table.key.map { cells[table.columns.firstIndex(of: $0)!] }
                guard let changed = try Self.change(table, column, from: original, keyValues, village) else {
                    missed.append("\(table.name).\(column): no other value could be written")
                    continue
                }
                edited += 1
                let findings = try village.verify(as: "sato").findings
                let expected = table.key.contains(column)
                    ? Village.rowMissing("\(table.name) \(key)") : Village.rowNotInLog("\(table.name) \(key): \(column)")
                if !findings.contains(expected) { missed.append("\(table.name).\(column): \(findings)") }
                let changedKey = table.key.map { $0 == column ? changed : cells[table.columns.firstIndex(of: $0)!] }
                try village.edit(Self.update(table, column), [original] + changedKey)
            }
        }
        #expect(missed == [])
        #expect(edited == ProjectedTable.all.map(\.columns.count).reduce(0, +))
        #expect(try village.verify(as: "sato").findings == [])
    }

    /// The tables that are neither made by the log nor checked against it.
    @Test(arguments: StoreKind.available)
    func theTablesTheLogDoesNotMakeAreTheWorkingStateAndTheLogItself(_ kind: StoreKind) throws {
        let village = try Village(kind)
        _ = try village.applicationSubmitted()
        let tables: [String] = try village.asOwner { db in
            switch kind {
            case .sqlite:
                return try db.values(String.self, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name NOT LIKE 'ledger_text_%' AND name NOT LIKE 'ledger_short_text_%' ORDER BY name
                    """)
            case .server:
                return try db.values(String.self, sql: "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            }
        }
        let projected = Set(ProjectedTable.all.map(\.name))
        #expect(tables.filter { !projected.contains($0) } == Self.notProjected[kind])
        #expect(projected.subtracting(tables).isEmpty)
    }

    static func quoted(_ column: String) -> String { "\"\(column)\"" }

    static func update(_ table: ProjectedTable, _ column: String) -> String {
        "UPDATE \(table.name) SET \(quoted(column)) = ? WHERE " + table.key.map { "\(quoted($0)) = ?" }.joined(separator: " AND ")
    }

    /// Writes another value than `original` into the column of the row with that key, and
    /// returns it: a text one longer, a number a thousand more, and for NULL whichever of a
    /// text or a number the column takes.
    static func change(_ table: ProjectedTable, _ column: String, from original: SQLValue, _ key: [SQLValue], _ village: Village) throws -> SQLValue? {
        let candidates: [SQLValue]
        switch original {
        case .null: candidates = [.text("2099-12-31"), .integer(1001)]
        case .integer(let number): candidates = [.integer(number + 1000)]
        case .real(let number): candidates = [.real(number + 1000)]
        case .text(let text): candidates = [.text(text + "x"), .text("x")]
        case .blob(let data): candidates = [.blob(data + Data([0]))]
        }
        for candidate in candidates {
            do {
                try village.edit(update(table, column), [candidate] + key)
                return candidate
            } catch {
                continue
            }
        }
        return nil
    }
}
