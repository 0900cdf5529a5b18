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
        let cut = rows.map { columns.measure($0) }
        return ([columns.heading] + cut.map { columns.line($0) }).joined(separator: "\n")
    }

    /// The widths of a table's columns, measured a row at a time, and its lines written with
    /// them: a table of any length can be measured in one pass and written in a second without
    /// holding its rows (the list of 100,000 services held as rows and cells was 181 MB).
    public struct Columns {
        private let headers: [String]
        private let maximumCellWidth: Int
        public private(set) var widths: [Int]

        public init(headers: [String], maximumCellWidth: Int = 30) {
            self.maximumCellWidth = maximumCellWidth
            self.headers = headers.map { DisplayWidth.truncated($0, to: maximumCellWidth) }
            widths = self.headers.map(DisplayWidth.of)
        }

        /// Widens the columns to the row's cells, and returns the cells cut to the widest a
        /// cell may be, as `line` writes them.
        @discardableResult
        public mutating func measure(_ row: [String]) -> [String] {
            let cut = row.map { DisplayWidth.truncated($0, to: maximumCellWidth) }
            for (column, cell) in cut.enumerated() where column < widths.count {
                widths[column] = max(widths[column], DisplayWidth.of(cell))
            }
            return cut
        }

        /// The headers and the rule under them.
        public var heading: String {
            line(headers) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        }

        /// A row whose cells `measure` cut.
        public func line(_ cut: [String]) -> String {
            TextTable.trimmingTrailingSpace(zip(cut, widths).map { DisplayWidth.padded($0, to: $1) }.joined(separator: "  "))
        }

        /// A row as it was read, cut as `measure` cuts it.
        public func line(uncut row: [String]) -> String {
            line(row.map { DisplayWidth.truncated($0, to: maximumCellWidth) })
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
