import Yams

/// The application's questions as the file writes them, each read into a `QuestionDefinition`.
extension NodeReader {
    static let questionKeys = [
        "id", "label", "question", "help", "example", "answer", "min_length", "optional", "asked_when", "default",
        "notices", "stops_submission", "not_before", "shows",
    ]

    /// The ids the file gives its questions, read before anything else so that a condition
    /// anywhere in the file may name any of them.
    func questionIDs(_ node: Node?) -> [String] {
        (node?.sequence.map(Array.init) ?? []).compactMap { $0.mapping?["id"]?.string }
    }

    func questions(_ node: Node?, knownQuestions: Set<String>) -> [QuestionDefinition]? {
        guard let items = list(node) else { return nil }
        var questions: [QuestionDefinition] = []
        var seen: Set<String> = []
        for item in items {
            if let id = item.mapping?["id"]?.string, !seen.insert(id).inserted { note(item.mapping?["id"], .duplicateQuestion(id)) }
            if let question = question(item, knownQuestions: knownQuestions) { questions.append(question) }
        }
        // The rules of the procedure (who reviews, the period, the duties) read these answers.
        let missing = ApplicationFields.asked.filter { !seen.contains($0) }
        if !missing.isEmpty { note(node, .missingQuestions(missing)) }
        return questions
    }

    func question(_ node: Node, knownQuestions: Set<String>) -> QuestionDefinition? {
        guard let found = entries(node, allowed: Self.questionKeys, required: ["id", "label", "question", "help", "answer"]) else { return nil }
        let id = string(found["id"])
        let label = text(found["label"])
        let question = text(found["question"])
        let help = text(found["help"])
        let example = text(found["example"])
        let answer = word(found["answer"], AnswerKind.self) { .unknownAnswerKind($0, allowed: AnswerKind.allCases.map(\.rawValue)) }
        var minimumLength = 1
        if let written = string(found["min_length"]) {
            if let number = Int(written), number >= 0 { minimumLength = number } else { note(found["min_length"], .notNumber(written)) }
        }
        let optional = found["optional"].flatMap { flag($0) } ?? false
        let askedWhen = condition(found["asked_when"], knownQuestions: knownQuestions)
        let startsWith = word(found["default"], DefaultAnswer.self) { .unknownWord("default", $0, allowed: DefaultAnswer.allCases.map(\.rawValue)) }
        let shows = word(found["shows"], Preamble.self) { .unknownWord("shows", $0, allowed: Preamble.allCases.map(\.rawValue)) }
        let notices = (list(found["notices"]) ?? []).compactMap { conditionalText($0, knownQuestions: knownQuestions) }
        let stops = found["stops_submission"].flatMap { conditionalText($0, knownQuestions: knownQuestions) }
        let notBefore = found["not_before"].flatMap { dateOrder($0, knownQuestions: knownQuestions) }
        guard let id, let label, let question, let help, let answer,
              found["example"] == nil || example != nil, found["asked_when"] == nil || askedWhen != nil
        else { return nil }
        return QuestionDefinition(
            id: id, label: label, question: question, help: help, example: example, answer: answer, minimumLength: minimumLength,
            optional: optional, askedWhen: askedWhen, startsWith: startsWith, notices: notices, stopsSubmission: stops,
            notBefore: notBefore, shows: shows)
    }

    /// `{when: CONDITION, say: {ja, en}}`.
    func conditionalText(_ node: Node, knownQuestions: Set<String>) -> ConditionalText? {
        guard let found = entries(node, allowed: ["when", "say"], required: ["when", "say"]) else { return nil }
        let when = condition(found["when"], knownQuestions: knownQuestions)
        let say = text(found["say"])
        guard let when, let say else { return nil }
        return ConditionalText(when: when, text: say)
    }

    /// `{answer: ID, refusal: {ja, en}}`.
    func dateOrder(_ node: Node, knownQuestions: Set<String>) -> DateOrder? {
        guard let found = entries(node, allowed: ["answer", "refusal"], required: ["answer", "refusal"]) else { return nil }
        let other = string(found["answer"])
        if let other, !knownQuestions.contains(other) { note(found["answer"], .unknownQuestion(other)) }
        let refusal = text(found["refusal"])
        guard let other, let refusal else { return nil }
        return DateOrder(question: other, refusal: refusal)
    }

    /// One of a few words the file may write at `node`; another is noted with `mistake`.
    func word<Word: RawRepresentable>(_ node: Node?, _: Word.Type, mistake: (String) -> ProcedureMistake.Kind) -> Word?
    where Word.RawValue == String {
        guard let node, let written = string(node) else { return nil }
        guard let word = Word(rawValue: written) else {
            note(node, mistake(written))
            return nil
        }
        return word
    }

    /// A question that acknowledges the risk notice; `labelled: false` for one asked of each risk,
    /// which is labelled by the risk's number.
    func riskQuestion(_ node: Node?, labelled: Bool = true) -> RiskQuestion? {
        let keys = labelled ? ["label", "question", "help"] : ["question", "help"]
        guard let node, let found = entries(node, allowed: keys, required: keys) else { return nil }
        let label = labelled ? text(found["label"]) : Localized("", "")
        let question = text(found["question"])
        let help = text(found["help"])
        guard let label, let question, let help else { return nil }
        return RiskQuestion(label: label, question: question, help: help)
    }
}
