/// A check of a form (section 5(2), section 7), as the engine asks it: each becomes a mark, an
/// optional note (required for ／), optional evidence, and a question whether to go on after ×.
public struct CheckItem: Sendable {
    public let number: Int
    public let text: Localized
    public let help: Localized
    /// Fields whose answers change what this check may be (check 3 and personal information).
    public let dependsOn: [String]
    public let markRules: [AnswerRule]
    public let defaultMark: DefaultRule?
    public let defaultNote: DefaultRule?
    public let preamble: PreambleRule?
    /// Distinguishes the checks of the two forms in the answers ("check", "termination.check").
    public let prefix: String
    /// A ○ needs a file attached.
    public let requiresEvidence: Bool

    public init(
        number: Int, text: Localized, help: Localized, dependsOn: [String] = [],
        markRules: [AnswerRule] = [], defaultMark: DefaultRule? = nil, defaultNote: DefaultRule? = nil,
        preamble: PreambleRule? = nil, prefix: String = "check", requiresEvidence: Bool = false
    ) {
        self.requiresEvidence = requiresEvidence
        self.prefix = prefix
        self.preamble = preamble
        self.number = number
        self.text = text
        self.help = help
        self.dependsOn = dependsOn
        self.markRules = markRules
        self.defaultMark = defaultMark
        self.defaultNote = defaultNote
    }

    public var markID: String { "\(prefix)\(number)" }
    public var proceedID: String { "\(prefix)\(number).proceed" }
    public var noteID: String { "\(prefix)\(number).note" }
    public var evidenceID: String { "\(prefix)\(number).evidence" }
}

/// The checks of the 利用申請書 as the procedure file says them.
public enum ApplicationChecks {
    public static var items: [CheckItem] { ProcedureScope.document.applicationChecks.map { CheckItem($0, prefix: "check") } }
}
