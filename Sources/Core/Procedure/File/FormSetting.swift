/// What a form's questions read beyond their own answers: the application they are about and
/// what was recorded of it while in use, the words put in place of `{…}` in their wording, and
/// what yakkan itself adds to a few questions by their id (a rule on dates, the options of a
/// decision, a notice worked out from the store's records).
public struct FormSetting: Sendable {
    /// The ids of the form's answers are the file's ids after this.
    public var prefix: String = ""
    public var record: ApplicationRecord?
    /// `{class}` and the like, by name without the braces.
    public var placeholders: [String: Localized] = [:]
    /// The outcomes a `decision` question offers.
    public var options: [ChoiceOption] = []
    public var rules: [String: [AnswerRule]] = [:]
    public var notices: [String: [AnswerNotice]] = [:]
    /// Answers (by their full id) a question is asked again after, besides those its conditions read.
    public var dependsOn: [String: [String]] = [:]
    public var preambles: [String: Localized] = [:]

    public init(prefix: String = "", record: ApplicationRecord? = nil) {
        self.prefix = prefix
        self.record = record
    }

    /// The answers as the file's conditions name them: the application's, and over them the
    /// form's own under the file's ids.
    func view(_ answers: Answers) -> Answers {
        guard !prefix.isEmpty || record != nil else { return answers }
        var seen = record?.answers ?? [:]
        for (key, value) in answers where key.hasPrefix(prefix) { seen[String(key.dropFirst(prefix.count))] = value }
        return seen
    }

    /// `{name}` replaced in both languages, in one pass: a `{…}` that names no value stays as
    /// it is, and a value is never read again for braces of its own. Foundation's
    /// `replacingOccurrences`, once for each value and language, was 30 % of the menu's start
    /// (perf, release build): every check of both forms has its wording filled.
    static func filled(_ text: Localized, _ values: [String: Localized]) -> Localized {
        Localized(filled(text.ja, values.mapValues(\.ja)), filled(text.en, values.mapValues(\.en)))
    }

    static func filled(_ text: String, _ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] else {
                result += "{"
                rest = rest[afterOpen...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
