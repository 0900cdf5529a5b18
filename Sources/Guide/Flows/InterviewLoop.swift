import Core

/// Runs one interview in the shell: shows each question, reads the answer, hands it to Core's
/// engine, shows what it says, and saves the draft after every accepted answer. Every form
/// (application, review, acknowledgement) goes through this one loop.
struct InterviewLoop {
    enum Ending {
        /// The user confirmed the complete form; the caller records it.
        case confirmed(Draft)
        /// The user left; the draft is kept.
        case left
        /// `--bail` stopped at a refused answer.
        case bailed
    }

    let session: Session
    let store: any Store
    let interview: Interview
    let bail: Bool
    /// Called after every save, for what else follows an answer (remembering a profile,
    /// offering to reuse an approved application); may return the draft changed and saved.
    var afterSave: (Draft) throws -> Draft = { $0 }

    var language: Language { interview.context.language }

    func run(_ start: Draft) throws -> Ending {
        var draft = start
        // A store that failed to take an answer in (an attachment on a full disk), until an
        // answer is taken: leaving then is the store's fault (status 3), as the README promises.
        var pendingFault: StoreError?
        // Answers taken while the store was too busy to save them: saved with the next answer,
        // or before leaving.
        var unsaved = false
        while true {
            session.show(interview.prompt(draft.state))
            let fileField = interview.nextField(draft.state).flatMap { field -> Field? in
                if case .files = field.kind { return field }
                return nil
            }
            // The list is read once per question and kept until the answer, so that a number
            // means the file that was shown, even if another arrives meanwhile.
            let offered = fileField == nil ? [] : RecentFiles.scan(home: session.environment["HOME"])
            session.show(FileChoice.listing(offered, language: language))
            let read = fileField == nil
                ? session.reader.read(prompt: "> ", completions: interview.completions(draft.state))
                : session.reader.readPaths(
                    prompt: "> ", workingDirectory: session.workingDirectory, home: session.environment["HOME"])
            switch read {
            case .interrupted:
                session.show(.hint, SessionText.interrupted(language))
            case .endOfInput:
                if unsaved { guard try save(draft, keepingOnBusy: false) != nil else { throw FaultAlreadyShown(fault: .busy) } }
                if !interview.isBlank(draft.state) { session.show(.info, SessionText.saved(language)) }
                if let pendingFault { throw FaultAlreadyShown(fault: pendingFault) }
                return .left
            case .line(var bytes):
                var confirm: Field?
                if let fileField, case .success(let line) = InputLine.decode(bytes), !FileChoice.isCommand(line),
                   !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    switch FileChoice.resolve(line, offered: offered, exists: {
                        RecentFiles.exists($0, workingDirectory: session.workingDirectory)
                    }) {
                    case .failure(let reason):
                        session.show(.error, reason(language))
                        if bail {
                            session.show(.error, SessionText.bail(language))
                            return .bailed
                        }
                        continue
                    case .success(let resolved):
                        bytes = Array(resolved.utf8)
                        confirm = fileField
                    }
                }
                let outcome = interview.handle(bytes: bytes, draft.state)
                if let confirm, !outcome.refused, let files = outcome.state.answers[confirm.id]?.files {
                    session.show(FileChoice.confirmation(files, language: language))
                }
                session.show(outcome.messages)
                if let fault = outcome.storeFault {
                    if bail { throw FaultAlreadyShown(fault: fault) }
                    pendingFault = fault
                } else if !outcome.refused {
                    pendingFault = nil
                }
                draft.state = outcome.state
                for effect in outcome.effects {
                    switch effect {
                    case .saveDraft:
                        if !interview.isBlank(draft.state) || draft.id != nil {
                            switch try save(draft, keepingOnBusy: true) {
                            case .saved(let saved)?:
                                draft = saved
                                unsaved = false
                            case .kept?: unsaved = true
                            case nil: return .left
                            }
                        }
                    case .submit:
                        // What is submitted is the answers held here; the draft consumed is the
                        // one last saved, whose version the store checks. Answers not saved yet
                        // are tried once more, so that a submit the store refuses keeps them.
                        if unsaved, case .saved(let saved)? = try save(draft, keepingOnBusy: true) { draft = saved }
                        return .confirmed(draft)
                    case .leave:
                        if unsaved { guard try save(draft, keepingOnBusy: false) != nil else { throw FaultAlreadyShown(fault: .busy) } }
                        if let pendingFault { throw FaultAlreadyShown(fault: pendingFault) }
                        return .left
                    }
                }
                if outcome.refused && bail {
                    session.show(.error, SessionText.bail(language))
                    return .bailed
                }
            }
        }
    }

    /// A fault of the store already told to the person: the command ends with the store's status.
    struct FaultAlreadyShown: Error {
        let fault: StoreError
    }

    enum Saved {
        case saved(Draft)
        /// The store was busy or its server unreachable: the answers are kept here, to be saved
        /// with the next one.
        case kept
    }

    /// Saves the draft. A draft's save waits only briefly for others' acts; when the store is
    /// busy or its server unreachable and `keepingOnBusy`, the person goes on and the answers are
    /// saved with the next one.
    /// For other faults that may pass (a full disk), and a busy store when leaving, says why and
    /// offers to try again, the answers kept in memory meanwhile; nil when the person leaves
    /// instead, with the draft as last saved.
    private func save(_ draft: Draft, keepingOnBusy: Bool) throws -> Saved? {
        // Once the draft is saved, trying again repeats only what follows the save.
        var saved: Draft?
        while true {
            do {
                let current = try saved ?? store.saveDraft(draft, at: Village.timestamp(session.clock.now))
                saved = current
                return .saved(try afterSave(current))
            } catch {
                guard let fault = StoreError(classifying: error), fault.isTransient else { throw error }
                if keepingOnBusy && saved == nil, let kept = Self.keptMessage(fault) {
                    session.show(.hint, kept(language))
                    return .kept
                }
                guard !bail else { throw error }
                session.show(.error, StoreText.describe(fault)(language))
                let again = try session.ask(
                    [Message(.question, StoreCommandText.retrySave(language))], bail: false, language: language,
                    interpret: StoreCommandText.interpretRetry)
                if again != true {
                    session.show(.info, StoreCommandText.leftUnsaved(language))
                    return nil
                }
            }
        }
    }

    /// What the person is told when an answer is kept in memory to be saved with the next one:
    /// a store busy with others' acts, or a server that went away (it is connected to again at
    /// the next save). Nil for faults that are not kept through.
    private static func keptMessage(_ fault: StoreError) -> Localized? {
        switch fault {
        case .busy: return StoreCommandText.keptWhileBusy
        case .serverUnreachable: return StoreCommandText.keptWhileUnreachable
        default: return nil
        }
    }

    /// Offers the person's drafts of this procedure; nil when they left instead of choosing.
    func chooseDraft(_ drafts: [Draft], fresh: Draft) throws -> Draft? {
        var drafts = drafts
        while !drafts.isEmpty {
            let choice = try session.ask(
                DraftChoice.prompt(drafts, interview: interview), completions: ["new"], bail: bail, language: language
            ) { DraftChoice.interpret($0, count: drafts.count) }
            switch choice {
            case nil: return nil
            case .startNew: return fresh
            case .leave: return nil
            case .resume(let index):
                session.show(DraftChoice.resumed(interview))
                return drafts[index]
            case .discard(let index):
                let draft = drafts.remove(at: index)
                if let refusal = DraftActions.mayDiscard(draft, login: session.login) {
                    session.show(.error, refusal(language))
                    return nil
                }
                try store.discardDraft(draft, by: session.login, at: Village.timestamp(session.clock.now))
                session.show(.success, DraftActions.discarded(draft)(language))
            }
        }
        return fresh
    }
}
