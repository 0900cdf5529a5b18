import CLibPQ

/// Statements with typed values, for the store's executor (`PostgresSession`): values go out
/// as `SQLValue`s and come back typed by their columns, and a query's rows can be read one at
/// a time.
extension PostgresLink {
    /// Runs one statement (several when it has no values); returns how many rows it changed.
    func run(_ sql: String, _ values: [SQLValue]) throws -> Int {
        try settleOpenStream()
        let result: OpaquePointer?
        if values.isEmpty {
            result = pq.exec(connection, sql)
        } else {
            result = try ServerParameters(values).withArrays { count, types, texts, lengths, formats in
                pq.execParams(connection, sql, count, types, texts, lengths, formats, 0)
            }
        }
        defer { pq.clear(result) }
        switch pq.resultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return pq.cmdTuples(result).flatMap { Int(String(cString: $0)) } ?? 0
        default:
            throw fault(of: result)
        }
    }

    /// Runs one query and hands its rows to `body` as the server sends them, one at a time.
    func stream(_ sql: String, _ values: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        try settleOpenStream()
        let sent = try ServerParameters(values).withArrays { count, types, texts, lengths, formats in
            pq.sendQueryParams(connection, sql, count, types, texts, lengths, formats, 0)
        }
        guard sent == 1 else { throw fault(of: nil) }
        // Should the mode not take, the rows come in one result, and the stream reads them from it.
        _ = pq.setSingleRowMode(connection)
        let stream = ServerRowStream(pq, connection)
        openStream = stream
        defer {
            stream.discardRest()
            if openStream === stream { openStream = nil }
        }
        while let row = try stream.next() { try body(row) }
    }

    /// Frees the connection of a query whose rows are still coming, keeping them for its loop.
    func settleOpenStream() throws {
        guard let stream = openStream else { return }
        openStream = nil
        try stream.readRest()
    }

    /// The statement with its `?` numbered for the server, translated once per text.
    func numbered(_ sql: String) -> String {
        if let known = numberedStatements[sql] { return known }
        // Statements built with a varying number of values are many: the cache starts afresh
        // rather than grow without end in a long session.
        if numberedStatements.count >= 1_000 { numberedStatements.removeAll(keepingCapacity: true) }
        let numbered = Placeholders.numbered(sql)
        numberedStatements[sql] = numbered
        return numbered
    }
}
