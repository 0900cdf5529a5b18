/// One accepted answer. Answers are kept by field id, so the procedure can grow without
/// changing how drafts and applications are stored.
public enum AnswerValue: Sendable, Codable, Hashable {
    case text(String)
    case list([String])
    case date(Day)
    case flag(Bool)
    case classification(Classification)
    case mark(Mark)
    case files([Attachment])
    /// The value of a chosen option.
    case choice(String)
    /// An optional question the user chose to leave empty.
    case skipped
    /// Someone chosen from the staff directory (the サービス管理担当者, the 所属長).
    case person(NamedPerson)
    /// Several people (the users), each with their login when the directory knows them.
    case people([NamedPerson])

    /// The text; for a person named on a form, their name as written.
    public var text: String? {
        switch self {
        case .text(let v): return v
        case .person(let person): return person.name
        default: return nil
        }
    }
    /// The items; for people named on a form, their names as written.
    public var list: [String]? {
        switch self {
        case .list(let v): return v
        case .people(let people): return people.map(\.name)
        default: return nil
        }
    }
    public var date: Day? { if case .date(let v) = self { return v } else { return nil } }
    public var flag: Bool? { if case .flag(let v) = self { return v } else { return nil } }
    public var mark: Mark? { if case .mark(let v) = self { return v } else { return nil } }
    public var files: [Attachment]? { if case .files(let v) = self { return v } else { return nil } }
    public var choice: String? { if case .choice(let v) = self { return v } else { return nil } }
    public var classification: Classification? {
        if case .classification(let v) = self { return v } else { return nil }
    }

    /// The person named. Stores and drafts written before names were chosen from the directory
    /// hold a plain name: it is read as a person without a login, who therefore holds no role.
    public var person: NamedPerson? {
        switch self {
        case .person(let person): return person
        case .text(let name): return NamedPerson(name: name, login: nil)
        default: return nil
        }
    }
    /// The people named; a plain list of earlier stores is read as people without logins.
    public var people: [NamedPerson]? {
        switch self {
        case .people(let people): return people
        case .list(let names): return names.map { NamedPerson(name: $0, login: nil) }
        default: return nil
        }
    }
}

/// The answers of one form, keyed by field id.
public typealias Answers = [String: AnswerValue]

extension Answers {
    /// Every attached file with the field it answers, in the order of the fields' ids.
    public var attachments: [(field: String, attachment: Attachment)] {
        keys.sorted().flatMap { key in (self[key]?.files ?? []).map { (key, $0) } }
    }
}
