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
        let cells = ([headers] + rows).map { $0.map { DisplayWidth.truncated($0, to: maximumCellWidth) } }
        let widths = headers.indices.map { column in cells.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            Self.trimmingTrailingSpace(zip(row, widths).map { DisplayWidth.padded($0, to: $1) }.joined(separator: "  "))
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(cells[0]), rule] + cells.dropFirst().map(line)).joined(separator: "\n")
    }

    /// Without a regular expression, which was compiled again for every line: the table of
    /// `list --limit 50` spent most of its time (a sixth of the whole command) trimming lines.
    static func trimmingTrailingSpace(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return String(text[..<end])
    }
}
