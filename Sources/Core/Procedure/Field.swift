/// How an answer is typed and what it becomes.
public enum FieldKind: Sendable {
    /// One line of free text; at least `minimumLength` characters when given.
    case text(minimumLength: Int)
    /// Several items on one line, separated by 、 or commas.
    case list
    case date
    case yesNo
    /// A yes/no where "no" means the user stops here (the draft is kept).
    case proceed
    case classification
    case mark
    /// File paths separated by spaces, copied into the store.
    case files
    /// A notice that must be acknowledged with an explicit yes.
    case acknowledgement
    /// One of a few named options.
    case choice([ChoiceOption])
    /// Someone from the staff directory, kept with their login: a person who holds a role.
    case staffMember
    /// Several people; those in the staff directory are kept with their login.
    case users
}

/// One option of a choice question: what is stored, what is shown, and what may be typed.
public struct ChoiceOption: Sendable {
    public let value: String
    public let label: Localized
    public let typed: [String]

    public init(_ value: String, label: Localized, typed: [String] = []) {
        self.value = value
        self.label = label
        self.typed = typed
    }

    func matches(_ text: String) -> Bool {
        let folded = text.lowercased()
        return ([value, label.ja, label.en.lowercased()] + typed).contains { $0.lowercased() == folded }
    }
}

/// A test on an answer, with the other answers at hand; returns why it is refused.
public typealias AnswerRule = @Sendable (AnswerValue, Answers) -> Localized?
/// Something to tell the user once an answer is accepted.
public typealias AnswerNotice = @Sendable (AnswerValue, Answers) -> Localized?
/// Whether a question applies, given the answers so far.
public typealias Condition = @Sendable (Answers) -> Bool
/// What an empty line takes, given the answers so far and who is answering.
public typealias DefaultRule = @Sendable (Answers, InterviewContext) -> AnswerValue?
/// Something to show before a question that depends on the answers or on the store's records.
public typealias PreambleRule = @Sendable (Answers, InterviewContext) -> Localized?

/// One question of a form: everything the engine needs to ask it, explain it and check it.
public struct Field: Sendable {
    public let id: String
    /// Short name used on the review screen and the printed form.
    public let label: Localized
    public let question: Localized
    public let help: Localized
    public let example: Localized?
    public let kind: FieldKind
    /// May be left empty: an empty line then records `.skipped`.
    public let optional: Condition
    /// Asked only when this holds; otherwise the field does not exist for this form.
    public let askedWhen: Condition
    /// Fields whose answers must be asked again when one of these changes.
    public let dependsOn: [String]
    public let rules: [AnswerRule]
    public let notices: [AnswerNotice]
    public let defaultValue: DefaultRule?
    /// Shown before the question, in full (the risk notice, for example).
    public let preamble: Localized?
    public let preambleRule: PreambleRule?

    public init(
        _ id: String,
        label: Localized,
        question: Localized,
        help: Localized,
        example: Localized? = nil,
        kind: FieldKind,
        optional: @escaping Condition = { _ in false },
        askedWhen: @escaping Condition = { _ in true },
        dependsOn: [String] = [],
        rules: [AnswerRule] = [],
        notices: [AnswerNotice] = [],
        defaultValue: DefaultRule? = nil,
        preamble: Localized? = nil,
        preambleRule: PreambleRule? = nil
    ) {
        self.preambleRule = preambleRule
        self.id = id
        self.label = label
        self.question = question
        self.help = help
        self.example = example
        self.kind = kind
        self.optional = optional
        self.askedWhen = askedWhen
        self.dependsOn = dependsOn
        self.rules = rules
        self.notices = notices
        self.defaultValue = defaultValue
        self.preamble = preamble
    }
}

/// A whole form as data: its fields in the form's order, and what stops it being submitted.
public struct Procedure: Sendable {
    public let id: String
    /// What the progress label calls it: 申請, 終了.
    public let title: Localized
    public let fields: [Field]
    /// Reasons the form cannot be submitted as it stands.
    public let submissionBlockers: [@Sendable (Answers) -> Localized?]
    /// Reasons that depend on who answers and on the staff directory, not on the answers alone.
    public let directoryBlockers: [PreambleRule]

    public init(
        id: String, title: Localized, fields: [Field],
        submissionBlockers: [@Sendable (Answers) -> Localized?] = [], directoryBlockers: [PreambleRule] = []
    ) {
        self.directoryBlockers = directoryBlockers
        self.id = id
        self.title = title
        self.fields = fields
        self.submissionBlockers = submissionBlockers
    }

    public func field(_ id: String) -> Field? { fields.first { $0.id == id } }

    /// The fields that exist for these answers, in order.
    public func applicableFields(_ answers: Answers) -> [Field] {
        fields.filter { $0.askedWhen(answers) }
    }
}
