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

    public var text: String? { if case .text(let v) = self { return v } else { return nil } }
    public var list: [String]? { if case .list(let v) = self { return v } else { return nil } }
    public var date: Day? { if case .date(let v) = self { return v } else { return nil } }
    public var flag: Bool? { if case .flag(let v) = self { return v } else { return nil } }
    public var mark: Mark? { if case .mark(let v) = self { return v } else { return nil } }
    public var files: [Attachment]? { if case .files(let v) = self { return v } else { return nil } }
    public var choice: String? { if case .choice(let v) = self { return v } else { return nil } }
    public var classification: Classification? {
        if case .classification(let v) = self { return v } else { return nil }
    }
}

/// The answers of one form, keyed by field id.
public typealias Answers = [String: AnswerValue]
