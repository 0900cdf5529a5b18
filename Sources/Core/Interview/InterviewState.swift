/// Where one person is in one form. It is all that a draft needs to keep: the next question
/// is always derived from it, never stored.
public struct InterviewState: Sendable, Codable, Equatable {
    public var answers: Answers
    /// Field ids in the order they were answered, so that `:back` undoes the last one.
    public var order: [String]
    /// Answers taken back by `:back` or `:edit`, offered again as the default.
    public var previous: Answers
    /// Answers that were the field's computed default, taken with an empty line; when the
    /// answers they came from change, they are computed again rather than offered as typed.
    public var derived: Set<String>
    /// The approved application this one started from, and its answers then, to show at
    /// review what differs.
    public var reusedFrom: Int64?
    public var reusedAnswers: Answers?
    /// The version of the procedure a new application's draft was begun under; nil for a draft
    /// saved before drafts kept it, and for the other forms (they follow their application's).
    public var procedureVersion: String?

    public init(answers: Answers = [:], order: [String] = [], previous: Answers = [:], derived: Set<String> = []) {
        self.answers = answers
        self.order = order
        self.previous = previous
        self.derived = derived
    }

    /// Every question asked again, with what was answered offered as the defaults.
    public func askedAgain() -> InterviewState {
        InterviewState(previous: answers.merging(previous) { current, _ in current })
    }

    enum CodingKeys: String, CodingKey { case answers, order, previous, derived, reusedFrom, reusedAnswers, procedureVersion }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        answers = try container.decode(Answers.self, forKey: .answers)
        order = try container.decode([String].self, forKey: .order)
        previous = try container.decodeIfPresent(Answers.self, forKey: .previous) ?? [:]
        derived = try container.decodeIfPresent(Set<String>.self, forKey: .derived) ?? []
        reusedFrom = try container.decodeIfPresent(Int64.self, forKey: .reusedFrom)
        reusedAnswers = try container.decodeIfPresent(Answers.self, forKey: .reusedAnswers)
        procedureVersion = try container.decodeIfPresent(String.self, forKey: .procedureVersion)
    }
}

/// Who is answering, and what the engine may consult while checking answers.
public struct InterviewContext: Sendable {
    public var language: Language
    public var today: Day
    public var person: Person?
    public var intake: any AttachmentIntake
    /// Incidents on record, shown where a question asks about past incidents (check 6).
    public var incidents: [Incident]
    /// The staff directory, from which people who hold a role on the form are chosen.
    public var staff: [StaffMember]
    /// The decision that returned the application this draft corrects: its notes are shown
    /// with the answers.
    public var returnedBy: Decision?
    /// The login of whoever fills in the form, known even before they have a profile or a
    /// place in the directory (a newcomer's first application).
    public var login: String?

    public init(
        language: Language, today: Day, person: Person?, intake: any AttachmentIntake, incidents: [Incident] = [],
        staff: [StaffMember] = []
    ) {
        self.incidents = incidents
        self.staff = staff
        self.language = language
        self.today = today
        self.person = person
        self.intake = intake
    }

    /// The person answering, as the directory lists them.
    public var member: StaffMember? { person.flatMap { person in staff.first { $0.login == person.login } } }
}

/// The tone of a line shown to the user; the shell maps it to colour.
public enum Tone: Sendable, Equatable {
    case heading, question, hint, help, info, notice, warning, error, success
}

public struct Message: Sendable, Equatable {
    public let tone: Tone
    public let text: String

    public init(_ tone: Tone, _ text: String) {
        self.tone = tone
        self.text = text
    }
}

/// What the shell must do after an input besides showing messages.
public enum Effect: Sendable, Equatable {
    /// The state changed: save the draft before asking anything else.
    case saveDraft
    /// The user confirmed a complete form.
    case submit
    /// The user leaves; the draft stays.
    case leave
}

/// The result of one input.
public struct Outcome: Sendable {
    public var state: InterviewState
    public var messages: [Message]
    public var effects: [Effect]
    /// The input was refused (for `--bail`).
    public var refused: Bool
    /// The store failed while taking the answer in (an attachment's copy on a full disk): the
    /// answer may be given again once there is room; a session that ends on it ends as the
    /// store's fault.
    public var storeFault: StoreError? = nil
}
