/// What one attempt to read an answer gave.
enum ReadResult: Equatable {
    /// The bytes of one line, without its line terminator. Not yet validated: Core decides
    /// whether they are acceptable UTF-8.
    case line([UInt8])
    /// Ctrl-C: the half-typed answer is dropped and the question is asked again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input: the user leaves.
    case endOfInput
}

/// The one seam between the shell loop and the keyboard: libedit on a terminal,
/// plain lines otherwise.
protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line. `completions` are the words TAB may complete
    /// for the current question (its choices); empty when it has none.
    func read(prompt: String, completions: [String]) -> ReadResult
    /// Shows `prompt` and reads one line of file paths: TAB completes the path being typed from
    /// the folders it names, relative ones from `workingDirectory`.
    func readPaths(prompt: String, workingDirectory: String, home: String?) -> ReadResult
    /// Whether TAB completes: only on a terminal, so piped runs need not gather completions.
    var completes: Bool { get }
    /// Keeps what must outlive the run (the history file).
    func close()
}

extension LineReader {
    func close() {}
    func readPaths(prompt: String, workingDirectory: String, home: String?) -> ReadResult {
        read(prompt: prompt, completions: [])
    }
    var completes: Bool { false }
}
