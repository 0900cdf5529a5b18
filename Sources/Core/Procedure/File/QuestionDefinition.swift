/// One question of the application form as the procedure file writes it: its words, how it is
/// answered, and its conditions. `Field.init(_:)` makes it into what the engine asks.
public struct QuestionDefinition: Sendable, Equatable {
    public let id: String
    /// The short name of the review screen and the printed form.
    public let label: Localized
    public let question: Localized
    public let help: Localized
    public let example: Localized?
    public let answer: AnswerKind
    /// Fewest characters of a text answer.
    public let minimumLength: Int
    /// May be left empty.
    public let optional: Bool
    /// Asked only when this holds.
    public let askedWhen: AnswerCondition?
    public let startsWith: DefaultAnswer?
    /// Said once the answer is accepted, when its condition holds with that answer.
    public let notices: [ConditionalText]
    /// While this holds, the form cannot be sent (routing abroad, section 6(2)).
    public let stopsSubmission: ConditionalText?
    /// A date that may not be before another question's date, with the words of the refusal.
    public let notBefore: DateOrder?
    public let shows: Preamble?
}

/// A text said when a condition holds.
public struct ConditionalText: Sendable, Equatable {
    public let when: AnswerCondition
    public let text: Localized
}

/// A date answer that may not come before the answer to `question`. The refusal's `{this}` and
/// `{that}` are replaced by the two dates as each language writes them.
public struct DateOrder: Sendable, Equatable {
    public let question: String
    public let refusal: Localized
}

/// How a question is answered, in the file's words.
public enum AnswerKind: String, Sendable, CaseIterable {
    case text
    /// Several items on one line.
    case list
    /// Web addresses, each checked as `yakkan terms check` would fetch it.
    case webAddresses = "web addresses"
    case date
    case yesNo = "yes or no"
    case classification = "class"
    case files
    /// Someone from the staff directory.
    case staffMember = "staff member"
    /// Several people, those in the directory kept with their login.
    case people
}

/// What an empty line takes, in the file's words.
public enum DefaultAnswer: String, Sendable, CaseIterable {
    case yourName = "your name"
    case yourDepartment = "your department"
    case today
    /// The one answering, as a member of the staff directory.
    case you
}

/// What yakkan works out and shows before a question, named by the file.
public enum Preamble: String, Sendable, CaseIterable {
    /// Who of the 課 will double-check the form, or a warning that nobody may.
    case reviewers
}
