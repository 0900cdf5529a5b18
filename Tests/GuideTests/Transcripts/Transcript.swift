import Foundation

/// One transcript file: sessions of yakkan, each with who runs it, on which day, with which
/// arguments, and the whole expected output with the typed lines visible after "> ".
struct Transcript: CustomStringConvertible, Sendable {
    struct Run: Sendable {
        var login: String
        var today: String
        var environment: [String: String]
        /// `# downloads: a.png b.pdf`: files of transcripts/files put in the home's ダウンロード
        /// folder before the run, the first the newest (a minute apart, before the run's 09:00).
        var downloads: [String] = []
        var arguments: [String]
        /// Header lines written before the "$" line, kept as they are when rewriting.
        var headerLines: [String]
        var commandLine: String
        /// The expected output, without the closing "[exit N]".
        var expected: [String]
        var expectedStatus: Int32
        var trailingLines: [String]
        /// `$ yakkan … &`: the run stops at the line "> ^Z" and waits while the next runs go on.
        var background = false
        /// `$ fg`: the waiting run goes on with the lines typed here.
        var foreground = false
        /// The block ended with "[paused]" rather than an exit status.
        var paused = false
        /// `# act:` lines before the run: commands done through Core before it, not shown.
        var acts: [TranscriptAct] = []

        /// The expected output on one kind of store: a line marked `[sqlite] ` or `[server] ` is
        /// expected on that store alone (what only a file or only a server says), unmarked.
        func expected(on store: String) -> [String] {
            expected.compactMap { line in
                guard let marked = Run.storeMark(line) else { return line }
                return marked.store == store ? marked.line : nil
            }
        }

        static func storeMark(_ line: String) -> (store: String, line: String)? {
            for store in ["sqlite", "server"] where line.hasPrefix("[\(store)] ") {
                return (store, String(line.dropFirst(store.count + 3)))
            }
            return nil
        }

        /// The lines typed into this run: everything after a prompt "> " at a line start.
        var inputs: [[UInt8]] {
            expected.compactMap { line -> [UInt8]? in
                guard line == ">" || line.hasPrefix("> ") else { return nil }
                let typed = line == ">" ? "" : String(line.dropFirst(2))
                return typed == "^D" ? nil : Array(typed.utf8)
            }
        }

        static let pauseMarker = Array("^Z".utf8)
    }

    let path: String
    let runs: [Run]
    /// `# fixture: fixtures/NAME.transcript`: another transcript replayed first into the same
    /// store, its output not shown, so that a conversation can start where its point begins.
    var fixtures: [String] = []
    /// Header lines that could not be read (an act the runner cannot do as written).
    var problems: [String] = []
    /// `# act:` lines after the last run (a fixture that ends in a state made by acts).
    var trailingActs: [TranscriptAct] = []
    var description: String { (path as NSString).lastPathComponent }

    static let folder: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("transcripts").path
    }()

    /// Whether the transcript holds on a server too: not when it shows what only a file can
    /// (a store not made yet, attachment files beside it), said by `# store: sqlite`.
    var runsOnServer: Bool { !sqliteOnly }
    var sqliteOnly = false

    /// Everyone the transcripts log in as, each a login role on the server; kato keeps the
    /// directory in every transcript.
    static let logins: [String] = Array(Set(all().flatMap { transcript in
        transcript.runs.flatMap { run in
            [run.login] + run.acts.map(\.login) + (run.arguments.starts(with: ["staff", "add"]) ? Array(run.arguments.dropFirst(2).prefix(1)) : [])
        }
    })).sorted()
    static let administrators: Set<String> = ["kato"]

    /// Why the file could not be loaded (not UTF-8, not readable): it stays in the suite, to
    /// fail with its name, rather than drop out of it unseen. Such a file is never rewritten.
    var loadFailure: String?

    static func all(in folder: String = folder) -> [Transcript] {
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".transcript") }.sorted().map { name in
            let path = folder + "/" + name
            do {
                return try load(path)
            } catch {
                return Transcript(path: path, runs: [], loadFailure: "cannot be loaded: \(error.localizedDescription)")
            }
        }
    }

    static func load(_ path: String) throws -> Transcript {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var runs: [Run] = []
        var login = "yamada", today = "2026-04-01"
        var environment: [String: String] = [:]
        var downloads: [String] = []
        var header: [String] = []
        var fixtures: [String] = []
        var acts: [TranscriptAct] = []
        var problems: [String] = []
        var sqliteOnly = false
        var current: Run?
        for line in lines {
            if var run = current {
                if let status = exitStatus(line) {
                    run.expectedStatus = status
                    runs.append(run)
                    current = nil
                } else if line == "[paused]" {
                    run.paused = true
                    runs.append(run)
                    current = nil
                } else {
                    run.expected.append(line)
                    current = run
                }
                continue
            }
            if line.hasPrefix("$ yakkan") || line == "$ fg" {
                var arguments = words(String(line.dropFirst("$ yakkan".count)))
                let background = arguments.last == "&"
                if background { arguments.removeLast() }
                current = Run(
                    login: login, today: today, environment: environment, arguments: arguments,
                    headerLines: header, commandLine: line, expected: [], expectedStatus: 0, trailingLines: [],
                    background: background, foreground: line == "$ fg")
                current?.downloads = downloads
                current?.acts = acts
                header = []
                acts = []
                continue
            }
            header.append(line)
            if let value = headerValue(line, "user") { login = value }
            if let value = headerValue(line, "today") { today = value }
            if let value = headerValue(line, "fixture") { fixtures.append(value) }
            if let value = headerValue(line, "act") {
                switch TranscriptAct.parse(value, today: today) {
                case .success(var act):
                    act.environment = environment
                    acts.append(act)
                case .failure(let problem): problems.append(problem.description)
                }
            }
            if let value = headerValue(line, "downloads") { downloads = value.split(separator: " ").map(String.init) }
            if headerValue(line, "store")?.hasPrefix("sqlite") == true { sqliteOnly = true }
            if let value = headerValue(line, "env") {
                for pair in value.split(separator: " ") {
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    environment[parts[0]] = parts.count > 1 ? parts[1] : ""
                }
            }
        }
        if !header.isEmpty, !runs.isEmpty { runs[runs.count - 1].trailingLines = header }
        return Transcript(path: path, runs: runs, fixtures: fixtures, problems: problems, trailingActs: acts, sqliteOnly: sqliteOnly)
    }

    /// Splits a command line into words; double quotes keep spaces inside one word.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    static func headerValue(_ line: String, _ key: String) -> String? {
        let prefix = "# \(key): "
        return line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : nil
    }

    static func exitStatus(_ line: String) -> Int32? {
        guard line.hasPrefix("[exit "), line.hasSuffix("]") else { return nil }
        return Int32(line.dropFirst(6).dropLast())
    }
}

/// Expected lines may hold "[..]", which stands for anything within the line.
enum LineMatch {
    static func matches(expected: String, actual: String) -> Bool {
        let expected = trimmed(expected), actual = trimmed(actual)
        guard expected.contains("[..]") else { return expected == actual }
        let pieces = expected.components(separatedBy: "[..]")
        var rest = Substring(actual)
        guard rest.hasPrefix(pieces[0]) else { return false }
        rest = rest.dropFirst(pieces[0].count)
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(pieces.last!)
    }

    static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
