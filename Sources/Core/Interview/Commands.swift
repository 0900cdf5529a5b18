/// The meta-commands of every interview. They start with ':' so that no answer is ever
/// mistaken for one; Japanese names work too.
enum InterviewCommand {
    case help, back, review, edit(String), save, quit

    static func parse(_ text: String) -> InterviewCommand? {
        if text == "?" { return .help }
        let body = text.dropFirst()
        let parts = body.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first?.lowercased() else { return nil }
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "help", "h", "?", "ヘルプ", "説明": return .help
        case "back", "b", "戻る": return .back
        case "review", "r", "確認": return .review
        case "edit", "e", "修正": return .edit(argument)
        case "save", "s", "保存": return .save
        case "quit", "q", "exit", "終了", "中断": return .quit
        default: return nil
        }
    }
}

extension Interview {
    func command(_ text: String, _ state: InterviewState) -> Outcome {
        guard let command = InterviewCommand.parse(text) else {
            return Outcome(state: state, messages: [Message(.error, EngineText.unknownCommand(text)(language))],
                           effects: [], refused: true)
        }
        switch command {
        case .help:
            return show(state, help(state))
        case .review:
            return show(state, review(state))
        case .save:
            return Outcome(state: state, messages: [Message(.info, EngineText.saved(language))],
                           effects: [.saveDraft], refused: false)
        case .quit:
            return Outcome(state: state, messages: [Message(.info, EngineText.saved(language))],
                           effects: [.saveDraft, .leave], refused: false)
        case .back:
            return back(state)
        case .edit(let what):
            return edit(what, state)
        }
    }

    private func show(_ state: InterviewState, _ lines: [Message]) -> Outcome {
        Outcome(state: state, messages: lines, effects: [], refused: false)
    }

    func help(_ state: InterviewState) -> [Message] {
        var lines: [Message] = []
        if let field = nextField(state) {
            lines.append(Message(.help, field.help(language)))
            if let example = field.example {
                lines.append(Message(.help, EngineText.examplePrefix(language) + example(language)))
            }
            switch field.kind {
            case .staffMember, .users:
                if let listing = StaffLookup(context.staff).listing(language) { lines.append(Message(.help, listing)) }
            default:
                break
            }
        }
        lines.append(Message(.help, EngineText.commandsHelp(language)))
        return lines
    }

    private func back(_ state: InterviewState) -> Outcome {
        var next = state
        // Answers of questions that no longer apply are not steps the user can go back to.
        while let last = next.order.popLast() {
            guard let value = next.answers.removeValue(forKey: last) else { continue }
            next.previous[last] = value
            let label = procedure.field(last)?.label ?? Localized(last, last)
            return Outcome(state: next, messages: [Message(.info, EngineText.wentBack(label)(language))],
                           effects: [.saveDraft], refused: false)
        }
        return Outcome(state: state, messages: [Message(.error, EngineText.cannotGoBack(language))],
                       effects: [], refused: true)
    }

    private func edit(_ what: String, _ state: InterviewState) -> Outcome {
        let fields = procedure.applicableFields(state.answers)
        let target: Field?
        if let number = Int(what), number >= 1, number <= fields.count {
            target = fields[number - 1]
        } else {
            target = fields.first { $0.id == what }
        }
        guard let field = target else {
            return Outcome(state: state, messages: [Message(.error, EngineText.noSuchField(what)(language))],
                           effects: [], refused: true)
        }
        guard state.answers[field.id] != nil else {
            return Outcome(state: state, messages: [Message(.error, EngineText.notAnsweredYet(field.label)(language))],
                           effects: [], refused: true)
        }
        var next = state
        let dependents = dependentsOf(field.id).filter { next.answers[$0] != nil }
        for id in [field.id] + dependents {
            if let value = next.answers.removeValue(forKey: id) { next.previous[id] = value }
            next.order.removeAll { $0 == id }
        }
        return Outcome(state: next, messages: [Message(.info, EngineText.editing(field.label, dependents.count)(language))],
                       effects: [.saveDraft], refused: false)
    }

    /// Every field that depends on `id`, directly or through another field.
    func dependentsOf(_ id: String) -> [String] {
        var found: [String] = []
        var frontier = [id]
        while let current = frontier.popLast() {
            for field in procedure.fields where field.dependsOn.contains(current) && !found.contains(field.id) {
                found.append(field.id)
                frontier.append(field.id)
            }
        }
        return procedure.fields.map(\.id).filter(found.contains)
    }
}
