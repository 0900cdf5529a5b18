/// Columns aligned by display width, so that Japanese text (two columns a character) lines up.
public struct TextTable {
    public let headers: [String]
    public let rows: [[String]]
    /// The widest a cell may be before it is cut with "…".
    public let maximumCellWidth: Int

    public init(headers: [String], rows: [[String]], maximumCellWidth: Int = 30) {
        self.headers = headers
        self.rows = rows
        self.maximumCellWidth = maximumCellWidth
    }

    public func render() -> String {
        var columns = Columns(headers: headers, maximumCellWidth: maximumCellWidth)
        rows.forEach { columns.measure($0) }
        return ([columns.heading] + rows.map(columns.line)).joined(separator: "\n")
    }

    /// The widths of a table's columns, measured a row at a time, and its lines written with
    /// them: a table of any length can be measured in one pass and written in a second without
    /// holding its rows (the list of 100,000 services held as rows and cells was 181 MB).
    public struct Columns {
        private let headers: [String]
        private let maximumCellWidth: Int
        public private(set) var widths: [Int]

        public init(headers: [String], maximumCellWidth: Int = 30) {
            self.headers = headers
            self.maximumCellWidth = maximumCellWidth
            widths = headers.map { DisplayWidth.of(DisplayWidth.truncated($0, to: maximumCellWidth)) }
        }

        public mutating func measure(_ row: [String]) {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], DisplayWidth.of(DisplayWidth.truncated(cell, to: maximumCellWidth)))
            }
        }

        /// The headers and the rule under them.
        public var heading: String {
            line(headers) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        }

        public func line(_ row: [String]) -> String {
            TextTable.trimmingTrailingSpace(zip(row, widths).map {
                DisplayWidth.padded(DisplayWidth.truncated($0, to: maximumCellWidth), to: $1)
            }.joined(separator: "  "))
        }
    }

    /// Without a regular expression, which was compiled again for every line: the table of
    /// `list --limit 50` spent most of its time (a sixth of the whole command) trimming lines.
    static func trimmingTrailingSpace(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return String(text[..<end])
    }
}
