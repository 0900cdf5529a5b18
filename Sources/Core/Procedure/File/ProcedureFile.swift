import Yams

/// What reading a procedure file gave: the document, or every mistake by its line.
public enum ProcedureReading: Sendable {
    case document(ProcedureDocument)
    case mistakes([ProcedureMistake])
}

/// Reads a procedure file into a `ProcedureDocument`, or names every mistake by its line.
/// The whole file is read even after a mistake, so that one run of `procedure check` lists
/// them all.
public enum ProcedureFile {
    public static func read(_ text: String) -> ProcedureReading {
        let root: Node
        do {
            // Every value is read as its text (NodeReader turns numbers and flags into values
            // itself), so the default resolver's patterns for numbers, flags, nulls and dates,
            // tried on every scalar, only cost: this read was 51 % of an empty store's start and
            // is 24 % without them; the start's CPU went from 35 to 27.5 ms (perf stat).
            guard let node = try Yams.compose(yaml: text, .basic) else {
                return .mistakes([ProcedureMistake(line: 1, .missingKey("version"))])
            }
            root = node
        } catch {
            return .mistakes([readingMistake(error)])
        }
        let reader = NodeReader()
        let document = reader.document(root)
        if let document, reader.mistakes.isEmpty { return .document(document) }
        return .mistakes(reader.mistakes.sorted { $0.line < $1.line })
    }

    static func readingMistake(_ error: Error) -> ProcedureMistake {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ProcedureMistake(line: mark.line, .notReadable(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ProcedureMistake(line: context.mark.line, .duplicateKey(duplicates.joined(separator: ", ")))
        case .reader(let problem, _, _, _):
            return ProcedureMistake(line: 1, .notReadable(problem))
        default:
            return ProcedureMistake(line: 1, .notReadable(String(describing: error)))
        }
    }
}

/// Walks the YAML nodes, keeping each mistake with the line of the node it concerns.
final class NodeReader {
    private(set) var mistakes: [ProcedureMistake] = []
    /// The file's classes that need permission, read before any condition that names them.
    var classesNeedingPermission: Set<String> = []
    /// Reading a form other than the application, whose conditions may read its own questions too.
    var readingForm = false

    func unknownQuestion(_ node: Node?, _ id: String) {
        note(node, readingForm ? .unknownFormQuestion(id) : .unknownQuestion(id))
    }

    func note(_ node: Node?, _ kind: ProcedureMistake.Kind) {
        mistakes.append(ProcedureMistake(line: node?.mark?.line ?? 1, kind))
    }

    /// The entries of a mapping by key; unknown keys and missing required ones are noted.
    func entries(_ node: Node, allowed: [String], required: [String]) -> [String: Node]? {
        guard let mapping = node.mapping else {
            note(node, .notMapping)
            return nil
        }
        var found: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if allowed.contains(name) { found[name] = value } else { note(key, .unknownKey(name, allowed: allowed)) }
        }
        for name in required where found[name] == nil { note(node, .missingKey(name)) }
        return found
    }

    func string(_ node: Node?) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            note(node, .notText)
            return nil
        }
        return scalar.string
    }

    /// A text in both languages; `alsoAllowed` are keys read beside them by the caller.
    func text(_ node: Node?, alsoAllowed: [String] = []) -> Localized? {
        guard let node else { return nil }
        guard let found = entries(node, allowed: ["ja", "en"] + alsoAllowed, required: []) else { return nil }
        var texts: [String] = []
        for language in ["ja", "en"] {
            guard let value = found[language] else {
                note(node, .missingTranslation(language))
                continue
            }
            guard let string = string(value) else { continue }
            // Spaces and tabs only (what `.whitespaces` holds), looked at scalar by scalar: trimming
            // through Foundation made a UTF-16 copy of every text, 4 % of a start (perf).
            if string.unicodeScalars.allSatisfy({ $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }) {
                note(value, .emptyText)
            }
            texts.append(string)
        }
        return texts.count == 2 ? Localized(texts[0], texts[1]) : nil
    }

    func list(_ node: Node?) -> [Node]? {
        guard let node else { return nil }
        guard let sequence = node.sequence else {
            note(node, .notList)
            return nil
        }
        return Array(sequence)
    }

    func flag(_ node: Node?) -> Bool? {
        guard let node, let text = string(node) else { return nil }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            note(node, .notYesNo(text))
            return nil
        }
    }

    func months(_ node: Node?) -> Int? {
        guard let node, let text = string(node) else { return nil }
        guard let months = WrittenPeriod.months(text) else {
            note(node, .unreadablePeriod(text))
            return nil
        }
        return months
    }

    func condition(_ node: Node?, knownQuestions: Set<String>) -> AnswerCondition? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            note(node, .notMapping)
            return nil
        }
        let keys = mapping.keys.compactMap(\.string)
        for key in mapping.keys where !AnswerCondition.words.contains(key.string ?? "") {
            note(key, .unknownConditionWord(key.string ?? ""))
            return nil
        }
        if keys.contains("answer") {
            guard let id = string(mapping["answer"]) else { return nil }
            guard let expected = mapping["is"] else {
                note(node, .missingKey("is"))
                return nil
            }
            if !knownQuestions.contains(id) { unknownQuestion(mapping["answer"], id) }
            return string(expected).map { .answer(id, is: $0) }
        }
        if let inner = mapping["not"] { return condition(inner, knownQuestions: knownQuestions).map { .not($0) } }
        if let named = mapping["needs_permission"] {
            guard let id = string(named) else { return nil }
            if !knownQuestions.contains(id) { unknownQuestion(named, id) }
            return .needsPermission(id, classes: classesNeedingPermission)
        }
        for word in ["all", "any"] {
            if let items = mapping[word] {
                let conditions = (list(items) ?? []).compactMap { condition($0, knownQuestions: knownQuestions) }
                return word == "all" ? .all(conditions) : .any(conditions)
            }
        }
        note(node, .missingKey("answer"))
        return nil
    }
}
