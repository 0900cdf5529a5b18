import Core

/// `# act: LOGIN VERB ARGUMENTS`: a command of the procedure done before the next run, without
/// showing it, so that a transcript whose point is not the application form does not type it.
/// Each act is the typed command the shell would make, decided by Core and appended by
/// `Store.perform` as LOGIN on the `# today:` in effect (ActRunner.swift); never rows. Acts after
/// the last run are done after it (a fixture may end in a state made by acts).
///
/// The vocabulary is kept small; each act answers its form's questions as typed lines:
/// ```
/// # act: yamada submits forms/standard.yaml [FIELD=LINE …]   the application, answers from the file
/// # act: kato approves 1 [FIELD=LINE …]                        the double check, marks as the applicant's
/// # act: kato returns 1 "reason" [FIELD=LINE …]                差し戻し with the reason
/// # act: kato refuses 1 "reason" [FIELD=LINE …]                却下 with the reason
/// # act: sato acknowledges 1                                   the service manager's risk acknowledgement
/// # act: sato terminates 1 forms/termination.yaml [FIELD=LINE …] the termination form (終了確認書)
/// ```
/// A decision is on the form under review: a termination form when one waits (where "approves"
/// is its 確認), else the application.
/// `FIELD=LINE` types LINE at the question FIELD (its id, as `yakkan procedure` names it), over
/// what the form file or the act would type; a question not named takes an empty line (its
/// default, or nothing when it may be left out). Quotes keep spaces in one word.
struct TranscriptAct: Sendable, Equatable {
    enum Verb: Sendable, Equatable {
        case submits(form: String)
        case decides(application: Int64, outcome: DecisionOutcome, reason: String?)
        case acknowledges(application: Int64)
        case terminates(application: Int64, form: String)
    }

    /// The line as written after `# act: `, to name it when it fails.
    let line: String
    let login: String
    let today: String
    let verb: Verb
    /// What is typed at a question instead of what the form or the act would type, by field id.
    let overrides: [String: String]
    /// The `# env:` in effect at the act's line.
    var environment: [String: String] = [:]

    static let verbs = ["submits", "approves", "returns", "refuses", "acknowledges", "terminates"]

    /// Reads one act line; a line that cannot be read gets a worded reason.
    static func parse(_ line: String, today: String) -> Result<TranscriptAct, ActProblem> {
        var words = Transcript.words(line)[...]
        guard let login = words.popFirst(), let verbWord = words.popFirst() else { return .failure(.tooShort(line)) }
        func number() -> Result<Int64, ActProblem> {
            guard let word = words.popFirst() else { return .failure(.noApplication(line, verbWord)) }
            return Int64(word).map { .success($0) } ?? .failure(.notANumber(line, word))
        }
        let verb: Verb
        switch verbWord {
        case "submits":
            guard let form = words.popFirst(), !form.contains("=") else { return .failure(.noForm(line)) }
            verb = .submits(form: form)
        case "approves", "returns", "refuses":
            let outcome: DecisionOutcome = verbWord == "approves" ? .approved : verbWord == "returns" ? .returned : .refused
            let id: Int64
            switch number() {
            case .failure(let problem): return .failure(problem)
            case .success(let value): id = value
            }
            var reason: String?
            if outcome != .approved {
                guard let said = words.popFirst(), !said.contains("=") else { return .failure(.noReason(line, verbWord)) }
                reason = said
            }
            verb = .decides(application: id, outcome: outcome, reason: reason)
        case "acknowledges":
            switch number() {
            case .failure(let problem): return .failure(problem)
            case .success(let id): verb = .acknowledges(application: id)
            }
        case "terminates":
            switch number() {
            case .failure(let problem): return .failure(problem)
            case .success(let id):
                guard let form = words.popFirst(), !form.contains("=") else { return .failure(.noForm(line)) }
                verb = .terminates(application: id, form: form)
            }
        default:
            return .failure(.unknownVerb(line, verbWord))
        }
        var overrides: [String: String] = [:]
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { return .failure(.notAnOverride(line, word)) }
            overrides[parts[0]] = parts[1]
        }
        return .success(TranscriptAct(line: line, login: login, today: today, verb: verb, overrides: overrides))
    }
}

/// Why an act line cannot be read or done, worded for the person writing the transcript.
enum ActProblem: Error, Equatable, CustomStringConvertible {
    case tooShort(String)
    case unknownVerb(String, String)
    case noForm(String)
    case noApplication(String, String)
    case notANumber(String, String)
    case noReason(String, String)
    case notAnOverride(String, String)
    case formUnreadable(String, String)
    case answerRefused(String, field: String, typed: String, reason: String)
    case neverAsked(String, [String])
    case notDone(String, String)

    var description: String {
        switch self {
        case .tooShort(let line):
            return "act \"\(line)\": write who does what, e.g. \"yamada submits forms/standard.yaml\""
        case .unknownVerb(let line, let verb):
            return "act \"\(line)\": \"\(verb)\" is not an act; the acts are \(TranscriptAct.verbs.joined(separator: ", "))"
        case .noForm(let line):
            return "act \"\(line)\": name the file of the form's answers, e.g. \"submits forms/standard.yaml\" or \"terminates 1 forms/termination.yaml\""
        case .noApplication(let line, let verb):
            return "act \"\(line)\": name the application's number after \"\(verb)\""
        case .notANumber(let line, let word):
            return "act \"\(line)\": \"\(word)\" is not an application's number"
        case .noReason(let line, let verb):
            return "act \"\(line)\": \"\(verb)\" needs its reason in quotes after the number"
        case .notAnOverride(let line, let word):
            return "act \"\(line)\": \"\(word)\" is not FIELD=LINE"
        case .formUnreadable(let line, let reason):
            return "act \"\(line)\": \(reason)"
        case .answerRefused(let line, let field, let typed, let reason):
            return "act \"\(line)\": the question \(field) refused \"\(typed)\": \(reason)"
        case .neverAsked(let line, let fields):
            return "act \"\(line)\": never asked \(fields.sorted().joined(separator: ", ")) (a misspelt field, or one that does not apply)"
        case .notDone(let line, let reason):
            return "act \"\(line)\" was refused: \(reason)"
        }
    }
}
