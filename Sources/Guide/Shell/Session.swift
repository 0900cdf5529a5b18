import Core
import Foundation

/// Everything one run of yakkan talks to. The real one comes from the process; tests build
/// their own, with a fixed clock, a chosen login and scripted input.
final class Session {
    let environment: [String: String]
    let workingDirectory: String
    /// Who is at the keyboard: the operating system's login, never something typed; once a
    /// store that authenticates people is open (a server), the login it authenticated.
    private(set) var login: String
    let clock: any Clock
    let reader: LineReader
    let output: Output
    let palette: Palette
    /// Where warnings and faults about the run itself go (a log head lost, a store that failed,
    /// a refusal that ends the command): standard error, so that what a command writes on
    /// standard output (an export, JSON, CSV, a calendar) is only that. Tests read both as one.
    let diagnostics: Output
    let diagnosticPalette: Palette
    /// Which account of this machine each login is, to check who owns a key file.
    let accounts: Accounts
    /// Work left for the end of the run, such as remembering the log's head.
    var onFinish: [() -> Void] = []
    /// Someone is at a terminal who can be asked before something is created.
    let isTerminal: Bool

    init(
        environment: [String: String], workingDirectory: String, login: String, clock: any Clock,
        reader: LineReader, output: Output, palette: Palette, isTerminal: Bool = false, accounts: Accounts = .system,
        diagnostics: (output: Output, palette: Palette)? = nil
    ) {
        self.diagnostics = diagnostics?.output ?? output
        self.diagnosticPalette = diagnostics?.palette ?? palette
        self.accounts = accounts
        self.isTerminal = isTerminal
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.login = login
        self.clock = clock
        self.reader = reader
        self.output = output
        self.palette = palette
    }

    /// Acts from now on as the login the store authenticated, if it authenticates anyone.
    func actAs(_ store: any Store) {
        if let authenticated = store.authenticatedLogin { login = authenticated }
    }

    func finish() {
        for work in onFinish { work() }
        onFinish = []
    }

    func show(_ messages: [Message]) {
        for message in messages { show(message) }
    }

    func show(_ message: Message) {
        output.writeVerbatim(rendered(message))
    }

    /// A message as `show` writes it: neutralised, painted, and ending its line.
    func rendered(_ message: Message) -> String {
        palette.paint(message.tone, TerminalText.neutralised(message.text)) + "\n"
    }

    func show(_ tone: Tone, _ text: String) { show(Message(tone, text)) }

    /// A warning or fault about the run, never part of what the command writes (`diagnostics`).
    func warn(_ tone: Tone, _ text: String) {
        diagnostics.writeVerbatim(diagnosticPalette.paint(tone, TerminalText.neutralised(text)) + "\n")
    }

    /// The session of the real process.
    static func system() -> Session {
        let environment = ProcessInfo.processInfo.environment
        let isTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let output = StandardOutput()
        let reader: LineReader
        if isTerminal {
            prepareTerminalLocale()
            reader = EditLineReader(historyFile: historyPath(environment))
        } else {
            reader = PlainLineReader(source: DescriptorSource(descriptor: STDIN_FILENO), echo: output)
        }
        return Session(
            environment: environment, workingDirectory: FileManager.default.currentDirectoryPath,
            login: SystemIdentity.login(), clock: SystemClock(), reader: reader, output: output,
            palette: Palette.decide(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment),
            isTerminal: isTerminal,
            diagnostics: (StandardOutput(descriptor: STDERR_FILENO), Palette.decide(isTerminal: isatty(STDERR_FILENO) == 1, environment: environment)))
    }

    static func historyPath(_ environment: [String: String]) -> String? {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].map { $0 + "/.local/state" }
        guard let folder = state.map({ $0 + "/yakkan" }) else { return nil }
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder + "/history"
    }
}

enum SystemIdentity {
    /// The login of the effective user, from the password database rather than $USER,
    /// which anyone can set.
    static func login() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else {
            return "uid\(geteuid())"
        }
        return String(cString: name)
    }
}
