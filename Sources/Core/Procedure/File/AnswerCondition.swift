/// The procedure file's words for a condition on the answers, interpreted here and nowhere
/// else. Documented in the README ("The procedure file") and at the top of the built-in file.
public indirect enum AnswerCondition: Sendable, Equatable {
    /// `{answer: ID, is: VALUE}`: the answer to question ID reads as VALUE.
    case answer(String, is: String)
    /// `{all: [...]}`: every condition holds.
    case all([AnswerCondition])
    /// `{any: [...]}`: at least one holds.
    case any([AnswerCondition])
    /// `{not: C}`: C does not hold.
    case not(AnswerCondition)
    /// `{needs_permission: ID}`: the answer to question ID is a class the file's
    /// `classification.needs_permission` names (kept here as the file of the condition says).
    case needsPermission(String, classes: Set<String>)

    /// The condition's words, as the file writes them.
    public static let words = ["answer", "is", "all", "any", "not", "needs_permission"]

    public func holds(_ answers: Answers) -> Bool {
        switch self {
        case .answer(let id, let expected):
            if let value = answers[id] { return Self.reads(value, as: expected) }
            // A question asked once for each of several (`each: user`) is answered under ID1,
            // ID2…: the condition holds when it holds for any of them.
            return answers.contains { key, value in
                key.hasPrefix(id) && Int(key.dropFirst(id.count)) != nil && Self.reads(value, as: expected)
            }
        case .needsPermission(let id, let classes):
            guard let label = answers[id]?.classification?.label else { return false }
            return classes.contains(label)
        case .all(let conditions): return conditions.allSatisfy { $0.holds(answers) }
        case .any(let conditions): return conditions.contains { $0.holds(answers) }
        case .not(let condition): return !condition.holds(answers)
        }
    }

    /// The questions this condition reads, so a form asks it again when one of them changes.
    public var questions: [String] {
        switch self {
        case .answer(let id, _), .needsPermission(let id, _): return [id]
        case .all(let conditions), .any(let conditions): return conditions.flatMap(\.questions)
        case .not(let condition): return condition.questions
        }
    }

    /// Whether an answer is the value written in the file: yes/no for a yes-no question, a mark
    /// as the form prints it or types it, a class by its label, or the text itself.
    static func reads(_ value: AnswerValue, as expected: String) -> Bool {
        if let flag = value.flag { return YesNo.parse(expected) == flag }
        if let mark = value.mark { return Mark(typed: expected) == mark }
        if let classification = value.classification { return Classification(typed: expected) == classification }
        if let choice = value.choice { return choice == expected }
        if let text = value.text { return text == expected }
        return false
    }
}
