import CLineEdit
import Foundation

// Interim reader until the full libedit reader lands.
final class EditLineReader: LineReader {
    init(historyFile: String?) {}
    func read(prompt: String, completions: [String]) -> ReadResult {
        guard let line = readline(prompt) else { return .endOfInput }
        defer { free(line) }
        return .line(Array(String(cString: line).utf8))
    }
}
