/// How an answer reads on the review screen and the forms.
public enum AnswerFormat {
    public static func inline(_ value: AnswerValue, _ language: Language) -> String {
        switch value {
        case .text(let text): return text
        case .list(let items):
            let separator = language == .ja ? "、" : ", "
            return items.joined(separator: separator) + EngineText.count(items.count)(language)
        case .date(let day): return date(day, language)
        case .flag(let flag): return (flag ? EngineText.yes : EngineText.no)(language)
        case .classification(let level): return level.label
        case .mark(let mark): return mark.symbol
        case .files(let files): return files.map(file).joined(separator: language == .ja ? "、" : ", ")
        case .choice(let value): return value
        case .skipped: return EngineText.none(language)
        case .person(let person): return person.name
        case .people(let people):
            let separator = language == .ja ? "、" : ", "
            return people.map { $0.name + ($0.isListed ? "" : NamingRules.unlistedMark(language)) }.joined(separator: separator)
                + EngineText.count(people.count)(language)
        }
    }

    /// As `inline`, with a choice shown by its option's label rather than its stored value.
    public static func inline(_ value: AnswerValue, of field: Field, _ language: Language) -> String {
        if case .choice(let chosen) = value, case .choice(let options) = field.kind,
           let option = options.first(where: { $0.value == chosen }) {
            return option.label(language)
        }
        return inline(value, language)
    }

    public static func date(_ day: Day, _ language: Language) -> String {
        switch language {
        case .ja: return JapaneseDate.wareki(day)
        case .en: return JapaneseDate.english(day)
        }
    }

    /// A file as a person can recognise and check it: name, size, the start of its SHA-256.
    public static func file(_ attachment: Attachment) -> String {
        "\(attachment.fileName) (\(attachment.size) B, sha256:\(attachment.sha256.prefix(12)))"
    }
}
