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

    /// The condition's words, as the file writes them.
    public static let words = ["answer", "is", "all", "any", "not"]

    public func holds(_ answers: Answers) -> Bool {
        switch self {
        case .answer(let id, let expected):
            guard let value = answers[id] else { return false }
            return Self.reads(value, as: expected)
        case .all(let conditions): return conditions.allSatisfy { $0.holds(answers) }
        case .any(let conditions): return conditions.contains { $0.holds(answers) }
        case .not(let condition): return !condition.holds(answers)
        }
    }

    /// The questions this condition reads, so a form asks it again when one of them changes.
    public var questions: [String] {
        switch self {
        case .answer(let id, _): return [id]
        case .all(let conditions), .any(let conditions): return conditions.flatMap(\.questions)
        case .not(let condition): return condition.questions
        }
    }

    /// Whether an answer is the value written in the file: yes/no for a yes-no question, a mark
    /// as the form prints it or types it, a class by its numeral, or the text itself.
    static func reads(_ value: AnswerValue, as expected: String) -> Bool {
        if let flag = value.flag { return YesNo.parse(expected) == flag }
        if let mark = value.mark { return Mark(typed: expected) == mark }
        if let classification = value.classification { return Classification(typed: expected) == classification }
        if let text = value.text { return text == expected }
        return false
    }
}
