import CLibPQ

/// The rows of one query, received one at a time in libpq's single-row mode, so that a query
/// of 100,000 services never holds them all. While it is open the connection is busy: a
/// statement run meanwhile (from inside the loop over the rows) first reads the rest of the
/// rows ahead into memory, and the loop goes on from there.
final class ServerRowStream {
    private let pq: LibPQ
    private let connection: OpaquePointer
    private var columns: ServerColumns?
    /// The rows read ahead, last first, so that taking the next one is O(1).
    private var readAhead: [SQLRow] = []
    private var failure: PostgresFault?
    private(set) var isReceiving = true

    init(_ pq: LibPQ, _ connection: OpaquePointer) {
        self.pq = pq
        self.connection = connection
    }

    /// The next row, nil after the last; the server's fault when the query failed.
    func next() throws -> SQLRow? {
        if let row = readAhead.popLast() { return row }
        let rows = try receive()
        readAhead = rows.dropFirst().reversed()
        return rows.first
    }

    /// Reads every row still to come into memory, so the connection can run another statement.
    func readRest() throws {
        var rest: [SQLRow] = []
        defer { readAhead = rest.reversed() + readAhead }
        while true {
            let rows = try receive()
            if rows.isEmpty { return }
            rest += rows
        }
    }

    /// Discards the rows still to come, when the loop over them ended early.
    func discardRest() {
        while isReceiving { _ = try? receive() }
    }

    /// The next rows from the server: one in single-row mode, none once it has sent them all
    /// (the server's fault then, if the query failed). Every result is read up to libpq's
    /// last, nil, so the connection is free again.
    private func receive() throws -> [SQLRow] {
        while isReceiving {
            guard let result = pq.getResult(connection) else {
                isReceiving = false
                break
            }
            defer { pq.clear(result) }
            switch pq.resultStatus(result) {
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                // TUPLES_OK ends the rows; it holds them all only if single-row mode could not be set.
                let rows = rowsOf(result)
                if !rows.isEmpty { return rows }
            default:
                failure = failure ?? PostgresLink.fault(pq, connection, result)
            }
        }
        if let failure { throw failure }
        return []
    }

    private func rowsOf(_ result: OpaquePointer) -> [SQLRow] {
        let count = pq.ntuples(result)
        guard count > 0 else { return [] }
        let columns = self.columns ?? ServerColumns(pq, result)
        self.columns = columns
        return (0..<count).map { columns.row(pq, result, $0) }
    }
}
