import Core

/// `--bail` met a refused answer outside an interview: the run ends with status 1.
struct BailedOut: Error {}

extension Session {
    /// Asks one question until `interpret` accepts the line typed; nil when the person leaves.
    /// Ctrl-C asks again; a refused line is explained in the user's language.
    func ask<T>(
        _ question: [Message], completions: [String] = [], bail: Bool, language: Language,
        interpret: (String) -> Result<T, Localized>
    ) throws -> T? {
        while true {
            show(question)
            switch reader.read(prompt: "> ", completions: completions) {
            case .interrupted: continue
            case .endOfInput: return nil
            case .line(let bytes):
                switch InputLine.decode(bytes).mapError(EngineTextBridge.lineProblem).flatMap(interpret) {
                case .success(let answer): return answer
                case .failure(let reason):
                    show(.error, reason(language))
                    if bail {
                        show(.error, SessionText.bail(language))
                        throw BailedOut()
                    }
                }
            }
        }
    }
}
