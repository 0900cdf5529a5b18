import Core

/// The ledger's query shell: list with conditions, search, show, count, output modes.
struct QueryFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run() throws -> Int32 {
        var mode = OutputMode.table
        session.show(.info, QueryText.banner(language))
        // Read once, and only for a terminal: the shell only reads the store, and at 100,000
        // services they take longer than the answers.
        let completions = session.reader.completes ? try completions() : []
        while true {
            switch session.reader.read(prompt: "> ", completions: completions) {
            case .interrupted: continue
            case .endOfInput: return 0
            case .line(let bytes):
                let line: String
                switch InputLine.decode(bytes) {
                case .failure(let problem):
                    session.show(.error, EngineTextBridge.lineProblem(problem)(language))
                    if bail { return 1 }
                    continue
                case .success(let decoded): line = decoded
                }
                if line.isEmpty { continue }
                switch QueryLanguage.parse(line, today: Village.today(session.clock)) {
                case .failure(let problem):
                    session.show(.error, problem(language))
                    if bail { return 1 }
                case .success(.quit):
                    return 0
                case .success(.mode(let chosen)):
                    mode = chosen
                    session.show(.info, QueryText.modeSet(chosen)(language))
                case .success(.help(let topic)):
                    for text in QueryLanguage.help(topic, language) { session.show(.help, text) }
                case .success(.count(let grouping)):
                    session.output.write(Ledger.counts(try store.counts(by: grouping), by: grouping, language) + "\n")
                case .success(.show(let id)):
                    guard let record = try store.application(id: id) else {
                        session.show(.error, StoreText.describe(.notFound(id: id))(language))
                        if bail { return 1 }
                        continue
                    }
                    switch mode {
                    case .table:
                        session.output.write(ApplicationForm.text(record, applicant: nil, today: Village.today(session.clock), language) + "\n")
                        session.output.write(StaffText.history(try store.auditEntries(), of: id, language) + "\n")
                    default:
                        session.output.write(try Ledger.render([record], mode: mode, today: Village.today(session.clock), language) + (mode == .csv ? "" : "\n"))
                    }
                case .success(.list(let filter)):
                    let count = try session.writeLedger(filter, mode: mode, store: store, emptyNotice: SessionText.noMatches, language)
                    if mode == .table && count > 0 { session.show(.hint, QueryText.rows(count)(language)) }
                }
            }
        }
    }

    /// Commands, conditions, and the departments, providers, services and ids in the store.
    private func completions() throws -> [String] {
        var words = QueryLanguage.commands + QueryLanguage.filterKeys + OutputMode.allCases.map(\.rawValue)
        words += ApplicationStatus.allCases.map(\.rawValue)
        words += try store.distinctValues(.department) + store.distinctValues(.provider) + store.distinctValues(.service)
        // Numbers only while they are few enough to list.
        let total = try store.counts(by: .status).map(\.count).reduce(0, +)
        if total <= 1000 { words += try store.queryIDs(LedgerFilter(), today: Village.today(session.clock)).map { "\($0)" } }
        return words
    }
}
