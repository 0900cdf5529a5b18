import Core

extension Session {
    /// Writes the services a filter matches in an output mode: a table once every row is read
    /// (its columns are as wide as their widest cell), any other mode as it is read, so that an
    /// export of 100,000 services keeps memory flat. With no match, `emptyNotice` is shown
    /// instead when there is one; a table always has one. Returns how many were written.
    @discardableResult
    func writeLedger(_ filter: LedgerFilter, mode: OutputMode, store: any Store, emptyNotice: Localized?, _ language: Language) throws -> Int {
        let today = Village.today(clock)
        guard mode != .table else {
            var rows: [LedgerRow] = []
            try store.eachLedgerRow(filter, today: today) { rows.append($0) }
            if rows.isEmpty {
                show(.info, (emptyNotice ?? SessionText.noMatches)(language))
            } else {
                output.write(Ledger.table(rows: rows, today: today, language) + "\n")
            }
            return rows.count
        }
        var stream = LedgerStream(mode: mode, language)
        var written = ChunkedWriting { self.output.write(bytes: $0) }
        func write(_ piece: String) { written.write(piece) }
        if stream.needsWholeRecords {
            try store.eachRecord(filter, today: today) { written.write(bytes: stream.nextJSON($0)) }
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
