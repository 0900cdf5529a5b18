/// How several items are typed on one line.
public enum ListInput {
    /// Items separated by 、 ， , ; ； or ・, trimmed, empty ones dropped.
    public static func items(_ line: String) -> [String] {
        let separators: Set<Character> = ["、", "，", ",", ";", "；", "・", "､"]
        return line.split { separators.contains($0) }
            .map { $0.trimmingCharacters(in: .whitespaces.union(["\u{3000}"])) }
            .filter { !$0.isEmpty }
    }

    /// File paths separated by spaces; a path with spaces is written in double quotes.
    public static func paths(_ line: String) -> [String] {
        var paths: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if (character == " " || character == "\u{3000}") && !quoted {
                if !current.isEmpty { paths.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { paths.append(current) }
        return paths
    }
}
