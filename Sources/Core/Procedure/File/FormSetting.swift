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

    /// `{name}` replaced in both languages.
    static func filled(_ text: Localized, _ values: [String: Localized]) -> Localized {
        values.reduce(text) { text, entry in
            Localized(
                text.ja.replacingOccurrences(of: "{\(entry.key)}", with: entry.value.ja),
                text.en.replacingOccurrences(of: "{\(entry.key)}", with: entry.value.en))
        }
    }
}
