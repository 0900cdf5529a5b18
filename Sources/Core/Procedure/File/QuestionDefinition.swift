/// One question of a form as the procedure file writes it (the application, the double checks,
/// the termination form, the duty records and the events): its words, how it is answered, and
/// its conditions. `FormQuestions` makes it into what the engine asks.
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
    /// May be left empty (`optional: true`).
    public let optional: Bool
    /// May be left empty while this holds (`optional: CONDITION`).
    public let optionalWhen: AnswerCondition?
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
    /// Asked once for each of several (`each: user`), under the ids ID1, ID2…
    public let each: QuestionRepeat?
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
    /// One of the outcomes yakkan records for the form (approve, return, refuse; confirm;
    /// continue, stop), with what stands in the way of the positive one.
    case decision
}

/// What an empty line takes, in the file's words (README, "The procedure file"):
/// `your name`, `your department`, `today`, `you`; `{from: application, question: ID}` the
/// application's answer; `{from: record, value: WORD}` what was recorded while in use;
/// `{text: {ja, en}}` a fixed text; a list of these, the first that gives an answer.
public indirect enum DefaultAnswer: Sendable, Equatable {
    case yourName
    case yourDepartment
    case today
    /// The one answering, as a member of the staff directory.
    case you
    /// The application's answer to a question (its people linked again to the directory of today).
    case application(String)
    case record(RecordValue)
    case text(Localized)
    case first([DefaultAnswer])

    public static let words: [String: DefaultAnswer] = [
        "your name": .yourName, "your department": .yourDepartment, "today": .today, "you": .you,
    ]
    /// Where `{from: …}` may take an answer from.
    public static let sources = ["application", "record"]
}

/// What was recorded of a service while in use, named by a default.
public enum RecordValue: String, Sendable, CaseIterable {
    /// Why it was stopped (6(2), 6(1)).
    case stopReason = "stop reason"
    /// The kinds of information last recorded as held (6(4)).
    case informationHeld = "information held"
    /// The alternative service last recorded (6(3)).
    case alternative
}

/// What a question is asked once for each of.
public enum QuestionRepeat: String, Sendable, CaseIterable {
    /// The application's users, each named by `{user}` in the question's words.
    case user
}

/// What yakkan works out and shows before a question, named by the file: `reviewers`, or
/// `{from: application, question: ID}` (the application's answer under its label).
public enum Preamble: Sendable, Equatable {
    /// Who of the 課 will double-check the form, or a warning that nobody may.
    case reviewers
    case application(String)

    public static let words = ["reviewers"]
}
