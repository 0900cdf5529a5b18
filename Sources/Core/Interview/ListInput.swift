/// How several items are typed on one line.
public enum ListInput {
    /// Items separated by 、 or a comma (either width) or a new line, trimmed, empty ones dropped.
    /// Nothing else separates: ・ joins the parts of a foreign name (ジョン・スミス) and
    /// brackets hold an item's own details (名簿（氏名・電話番号）).
    public static func items(_ line: String) -> [String] {
        let separators: Set<Character> = ["、", "､", "，", ",", "\n", "\r\n"]
        return line.split { separators.contains($0) }
            .map { $0.trimmingCharacters(in: .whitespaces.union(["\u{3000}"])) }
            .filter { !$0.isEmpty }
    }

    /// File paths separated by spaces; a path with spaces is quoted with either kind of quote
    /// (see `FileChoice.tokens`).
    public static func paths(_ line: String) -> [String] {
        FileChoice.tokens(line)
    }
}
