import Core

extension Session {
    /// Writes the services a filter matches in an output mode, as they are read, so that a list
    /// or an export of 100,000 services keeps memory flat; a table's columns are measured first,
    /// and a table of up to `heldTableBytes` of cells is written from what that pass read. With no
    /// match, `emptyNotice` is shown instead when there is one; a table always has one. Returns
    /// how many were written.
    @discardableResult
    func writeLedger(
        _ filter: LedgerFilter, mode: OutputMode, store: any Store, emptyNotice: Localized?, _ language: Language,
        heldTableBytes: Int = 4 << 20
    ) throws -> Int {
        let today = Village.today(clock)
        var written = ChunkedWriting { self.output.write(bytes: $0) }
        func write(_ piece: String) { written.write(piece) }
        guard mode != .table else {
            // A column is as wide as its widest cell: a long list is measured in one pass and
            // written in a second. Between the two another person may change a row: its line
            // is then only out of line, and the list is what the store holds at the second.
            var columns = TextTable.Columns(headers: Ledger.tableHeaders(language))
            // Held up to 4 MiB of text (10,000 services are about 1.5 MiB): reading and making
            // the rows again cost that list 44 % more CPU (403 -> 579 ms); past it, memory grew
            // with the village (186 MB at 100,000 services).
            var held: [[String]] = []
            var heldBytes = 0
            var count = 0
            try store.eachLedgerRow(filter, today: today) { row in
                let cells = columns.measure(Ledger.tableCells(row, today: today, language))
                count += 1
                guard heldBytes <= heldTableBytes else { return }
                heldBytes += cells.reduce(0) { $0 + $1.utf8.count }
                if heldBytes <= heldTableBytes { held.append(cells) } else { held.removeAll() }
            }
            guard count > 0 else {
                show(.info, (emptyNotice ?? SessionText.noMatches)(language))
                return 0
            }
            write(columns.heading + "\n")
            if heldBytes <= heldTableBytes {
                held.forEach { write(columns.line($0) + "\n") }
            } else {
                try store.eachLedgerRow(filter, today: today) { write(columns.line(uncut: Ledger.tableCells($0, today: today, language)) + "\n") }
            }
            written.flush()
            return count
        }
        var stream = LedgerStream(mode: mode, language)
        if stream.needsWholeRecords {
            try store.eachExportedRecord(filter, today: today) { written.write(bytes: stream.nextJSON($0)) }
        } else {
            try store.eachLedgerRow(filter, today: today) { write(stream.next($0)) }
        }
        if stream.count == 0, let emptyNotice {
            show(.info, emptyNotice(language))
        } else {
            write(stream.end())
        }
        written.flush()
        return stream.count
    }
}
