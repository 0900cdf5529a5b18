import Yams

/// The forms' questions as the file writes them, each read into a `QuestionDefinition`.
extension NodeReader {
    static let questionKeys = [
        "id", "label", "question", "help", "example", "answer", "min_length", "optional", "asked_when", "default",
        "notices", "stops_submission", "not_before", "shows", "each",
    ]

    /// The ids the file gives its questions, read before anything else so that a condition
    /// anywhere in the file may name any of them.
    func questionIDs(_ node: Node?) -> [String] {
        (node?.sequence.map(Array.init) ?? []).compactMap { $0.mapping?["id"]?.string }
    }

    /// `required`: the questions the rules of the procedure (who reviews, the period, the duties)
    /// read. `application`: the application's questions, which a default or a preamble may name.
    func questions(_ node: Node?, knownQuestions: Set<String>, required: [String], application: Set<String>) -> [QuestionDefinition]? {
        guard let items = list(node) else { return nil }
        var questions: [QuestionDefinition] = []
        var seen: Set<String> = []
        for item in items {
            if let id = item.mapping?["id"]?.string, !seen.insert(id).inserted { note(item.mapping?["id"], .duplicateQuestion(id)) }
            if let question = question(item, knownQuestions: knownQuestions, application: application) { questions.append(question) }
        }
        let missing = required.filter { !seen.contains($0) }
        if !missing.isEmpty { note(node, .missingQuestions(missing)) }
        return questions
    }

    func question(_ node: Node, knownQuestions: Set<String>, application: Set<String>) -> QuestionDefinition? {
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
        // `optional:` is true, false, or a condition under which the question may be left empty.
        let optionalNode = found["optional"]
        let optionalWhen = optionalNode?.mapping != nil ? condition(optionalNode, knownQuestions: knownQuestions) : nil
        let optional = optionalNode?.mapping == nil ? optionalNode.flatMap { flag($0) } ?? false : false
        let askedWhen = condition(found["asked_when"], knownQuestions: knownQuestions)
        let startsWith = found["default"].flatMap { defaultAnswer($0, application: application) }
        let shows = found["shows"].flatMap { preamble($0, application: application) }
        let each = word(found["each"], QuestionRepeat.self) { .unknownWord("each", $0, allowed: QuestionRepeat.allCases.map(\.rawValue)) }
        let notices = (list(found["notices"]) ?? []).compactMap { conditionalText($0, knownQuestions: knownQuestions) }
        let stops = found["stops_submission"].flatMap { conditionalText($0, knownQuestions: knownQuestions) }
        let notBefore = found["not_before"].flatMap { dateOrder($0, knownQuestions: knownQuestions) }
        guard let id, let label, let question, let help, let answer,
              found["example"] == nil || example != nil, found["asked_when"] == nil || askedWhen != nil,
              found["default"] == nil || startsWith != nil, found["shows"] == nil || shows != nil
        else { return nil }
        return QuestionDefinition(
            id: id, label: label, question: question, help: help, example: example, answer: answer, minimumLength: minimumLength,
            optional: optional, optionalWhen: optionalWhen, askedWhen: askedWhen, startsWith: startsWith, notices: notices,
            stopsSubmission: stops, notBefore: notBefore, shows: shows, each: each)
    }

    /// A default as the file writes it: a word, `{from: SOURCE, …}`, `{text: {ja, en}}`, or a
    /// list of these of which the first that gives an answer is taken.
    func defaultAnswer(_ node: Node, application: Set<String>) -> DefaultAnswer? {
        if let items = node.sequence {
            let choices = items.compactMap { defaultAnswer($0, application: application) }
            return choices.count == items.count ? .first(choices) : nil
        }
        if node.mapping == nil {
            guard let written = string(node) else { return nil }
            guard let answer = DefaultAnswer.words[written] else {
                note(node, .unknownWord("default", written, allowed: DefaultAnswer.words.keys.sorted() + ["{from: …}", "{text: …}"]))
                return nil
            }
            return answer
        }
        if node.mapping?["text"] != nil {
            return entries(node, allowed: ["text"], required: ["text"]).flatMap { text($0["text"]) }.map { .text($0) }
        }
        guard let found = entries(node, allowed: ["from", "question", "value"], required: ["from"]), let source = string(found["from"]) else { return nil }
        switch source {
        case "application":
            return applicationQuestion(found["question"], in: node, application: application).map { .application($0) }
        case "record":
            guard let valueNode = found["value"] else {
                note(node, .missingKey("value"))
                return nil
            }
            return word(valueNode, RecordValue.self) { .unknownWord("value", $0, allowed: RecordValue.allCases.map(\.rawValue)) }.map { .record($0) }
        default:
            note(found["from"], .unknownSource(source, allowed: DefaultAnswer.sources))
            return nil
        }
    }

    /// `reviewers`, or `{from: application, question: ID}`.
    func preamble(_ node: Node, application: Set<String>) -> Preamble? {
        if node.mapping == nil {
            return word(node, Word.self) { .unknownWord("shows", $0, allowed: Preamble.words + ["{from: application, question: …}"]) }.map { _ in .reviewers }
        }
        guard let found = entries(node, allowed: ["from", "question"], required: ["from", "question"]), let source = string(found["from"]) else { return nil }
        guard source == "application" else {
            note(found["from"], .unknownSource(source, allowed: ["application"]))
            return nil
        }
        return applicationQuestion(found["question"], in: node, application: application).map { .application($0) }
    }

    private enum Word: String { case reviewers }

    /// The application's question a default or a preamble names, which the application must ask.
    func applicationQuestion(_ node: Node?, in parent: Node, application: Set<String>) -> String? {
        guard let node else {
            note(parent, .missingKey("question"))
            return nil
        }
        guard let id = string(node) else { return nil }
        guard application.contains(id) else {
            note(node, .unknownApplicationQuestion(id))
            return nil
        }
        return id
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
        if let other, !knownQuestions.contains(other) { unknownQuestion(found["answer"], other) }
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
