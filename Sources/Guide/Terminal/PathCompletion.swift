import Core
import Foundation

/// What TAB makes of a file question's line: the path being typed (the last one on the line)
/// completed from the folder it names, as a shell would, with the quotes a name with spaces
/// needs added, so that what TAB writes is always read back as the same file.
enum PathCompletion {
    /// `typed` is the line before the cursor. Returns the new line and the names to show when
    /// several fit (folders with a trailing "/"); nil when nothing fits.
    static func complete(_ typed: String, workingDirectory: String, home: String?) -> (replacement: String, matches: [String])? {
        guard let (start, quote, partial) = lastPath(typed) else { return nil }
        let slash = partial.lastIndex(of: "/")
        let folderPart = slash.map { String(partial[...$0]) } ?? ""
        let prefix = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        var folder = folderPart.isEmpty ? "." : folderPart
        if folder.hasPrefix("~"), let home {
            folder = home + folder.dropFirst()
        }
        if !folder.hasPrefix("/") { folder = workingDirectory + "/" + folder }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        let fitting = names.filter { $0.hasPrefix(prefix) && ($0.hasPrefix(".") == prefix.hasPrefix(".")) }.sorted()
        guard let first = fitting.first else { return nil }
        var common = first
        for name in fitting.dropFirst() {
            common = String(zip(common, name).prefix(while: { $0.0 == $0.1 }).map(\.0))
        }
        func isFolder(_ name: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let whole = fitting.count == 1
        let completed = folderPart + common + (whole && isFolder(common) ? "/" : "")
        let finished = whole && !isFolder(common)
        let before = String(typed[..<start])
        let written: String
        if let quote {
            written = String(quote) + completed + (finished ? String(quote) : "")
        } else if completed.contains(where: { FileChoice.isSeparator($0) || $0 == "'" || $0 == "\"" }) {
            // A name with spaces or quotes gets the quotes it needs to be read back whole.
            if finished, let quoted = FileChoice.quoted(completed) {
                written = quoted
            } else {
                written = (completed.contains("'") ? "\"" : "'") + completed
            }
        } else {
            written = completed
        }
        let shown = fitting.map { $0 + (isFolder($0) ? "/" : "") }
        return (before + written, shown)
    }

    /// Where the last path of the line starts, the quote it was opened with, and what of it is
    /// typed so far (its quote removed, `\ ` read as a space); nil when the line ends with a
    /// closed quote, since that path is already whole.
    static func lastPath(_ typed: String) -> (start: String.Index, quote: Character?, partial: String)? {
        var start = typed.endIndex
        var quote: Character?
        var partial = ""
        var inPath = false
        var index = typed.startIndex
        while index < typed.endIndex {
            let character = typed[index]
            let nextIndex = typed.index(after: index)
            let next = nextIndex < typed.endIndex ? typed[nextIndex] : nil
            if !inPath {
                if FileChoice.isSeparator(character) { index = nextIndex; continue }
                inPath = true
                start = index
                partial = ""
                quote = nil
                if character == "'" || character == "\"" {
                    quote = character
                    index = nextIndex
                    continue
                }
            }
            if let open = quote {
                if character == open, next.map(FileChoice.isSeparator) ?? true {
                    if next == nil { return nil }
                    quote = nil
                } else {
                    partial.append(character)
                }
            } else if character == "\\", next == " " {
                partial.append(" ")
                index = typed.index(after: nextIndex)
                continue
            } else if FileChoice.isSeparator(character) {
                inPath = false
            } else {
                partial.append(character)
            }
            index = nextIndex
        }
        if !inPath { return (typed.endIndex, nil, "") }
        return (start, quote, partial)
    }
}
