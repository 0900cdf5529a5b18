/// The parts of a file path, worked out on its characters. Foundation's NSString path methods
/// on Linux trap on a path of one character ("a", "7"), which a person may well give as a
/// store or a file name: these never trap.
public enum PathText {
    /// The path without its last component, as `dirname` gives it but "" for a bare name:
    /// "a/b" → "a", "/a" → "/", "a" → "", "a/b/" → "a".
    public static func folder(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let folder = withoutTrailingSlashes(String(trimmed[..<slash]))
        return folder.isEmpty ? "/" : folder
    }

    /// The last component: "a/b" → "b", "a/b/" → "b", "/" → "/", "a" → "a".
    public static func lastComponent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        let last = String(trimmed[trimmed.index(after: slash)...])
        return last.isEmpty ? "/" : last
    }

    /// What follows the last "." of the last component, unless the name starts with it
    /// (".profile" has none): "terms.pdf" → "pdf", "a" → "".
    public static func fileExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// "~" and "~/…" with the home folder; anything else as it is.
    public static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }

    static func withoutTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
