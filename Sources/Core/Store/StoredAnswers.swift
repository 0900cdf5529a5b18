/// Stored answers read straight from their bytes, without the decoder, when the text is in
/// the one shape yakkan writes: a case with one key, its value under `_0`, strings where strings
/// go, `true` or `false` for a flag, whole numbers, dates that read, no key written twice (nor
/// twice in canonical form), no whitespace. Anything else returns nil and the decoder decides,
/// so what reads, and what is refused, stays the decoder's.
///
/// `JSONDecoder` was 19 % of a whole verify's CPU time (perf, release build, 1,000 services'
/// lifetime): every act loads its service and its duty records twice. `JSONSerialization`, which
/// read them next, still built a Foundation object for every value and key and was 14 %. This
/// reads them in one pass over the UTF-8, building nothing but the answers.
struct StoredAnswers {
    static func read(_ text: String) -> Answers? {
        reading(text) { $0.answers() }
    }

    /// The same answers in the order of their ids' bytes, without a dictionary, when every id is
    /// ASCII and each follows the one before it (as the encoder sorts them), else nil. For the
    /// JSON export, which writes them in that order: building each duty record's dictionary and
    /// then sorting it was a seventh of the export of 10,000 services (perf, release build).
    /// ASCII ids differ in canonical form exactly when their bytes differ, so none is written
    /// twice where the dictionary would hold it once.
    static func inOrder(_ text: String) -> [(id: String, value: AnswerValue)]? {
        reading(text) { reader in
            var members: [(id: String, value: AnswerValue)] = []
            let complete = reader.members { id, reader in
                guard id.utf8.allSatisfy({ $0 < 0x80 }),
                      members.last.map({ $0.id.utf8.lexicographicallyPrecedes(id.utf8) }) ?? true,
                      let value = reader.answer() else { return false }
                members.append((id, value))
                return true
            }
            return complete ? members : nil
        }
    }

    /// A duty's record as its signed entry holds it, the encoder's bytes of
    /// `{"act":{"recordDuty":{"answers":…,"application":N,"kind":"…"}}}`: five entries in six of
    /// a lifetime's log, and `JSONDecoder` on them was 9 % of a whole verify's CPU (perf). Any
    /// other text is nil, and the decoder decides.
    static func recordedDuty(_ text: String) -> (application: Int64, kind: String, answers: Answers)? {
        reading(text) { reader in
            guard reader.take(#"{"act":{"recordDuty":{"answers":"#), let answers = reader.answers(),
                  reader.take(#","application":"#), let application = reader.whole(),
                  reader.take(#","kind":"#), let kind = reader.string(), reader.take("}}}") else { return nil }
            return (application, kind, answers)
        }
    }

    /// A text in both languages, `{"ja":…,"en":…}`: an alert's message. The village's 26,216
    /// open alerts decoded by `JSONDecoder` were a fifth of the pages `due --all` touched (perf).
    static func localized(_ text: String) -> Localized? {
        reading(text) { reader in
            var ja: String?, en: String?
            let complete = reader.members { key, reader in
                switch key {
                case "ja" where ja == nil: ja = reader.string(); return ja != nil
                case "en" where en == nil: en = reader.string(); return en != nil
                default: return false
                }
            }
            guard complete, let ja, let en else { return nil }
            return Localized(ja, en)
        }
    }

    /// What `read` makes of the whole text, nil when anything is left after it.
    private static func reading<T>(_ text: String, _ read: (inout StoredAnswers) -> T?) -> T? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = StoredAnswers(bytes: bytes)
            guard let value = read(&reader), reader.at == bytes.count else { return nil }
            return value
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func answers() -> Answers? {
        var answers: Answers = [:]
        let complete = members { id, reader in
            guard let value = reader.answer(), answers.updateValue(value, forKey: id) == nil else { return false }
            return true
        }
        return complete ? answers : nil
    }

    /// `{"case":{"_0":value}}`, or `{"skipped":{}}`.
    private mutating func answer() -> AnswerValue? {
        guard take(UInt8(ascii: "{")), let name = string(), take(UInt8(ascii: ":")), take(UInt8(ascii: "{")) else { return nil }
        if name == "skipped" {
            return take(UInt8(ascii: "}")) && take(UInt8(ascii: "}")) ? .skipped : nil
        }
        guard string() == "_0", take(UInt8(ascii: ":")) else { return nil }
        let value: AnswerValue?
        switch name {
        case "text": value = string().map(AnswerValue.text)
        case "choice": value = string().map(AnswerValue.choice)
        case "list": value = list { $0.string() }.map(AnswerValue.list)
        case "date": value = string().flatMap(Day.init(iso:)).map(AnswerValue.date)
        case "flag": value = flag().map(AnswerValue.flag)
        case "mark": value = string().flatMap(Mark.init(rawValue:)).map(AnswerValue.mark)
        case "classification": value = whole().flatMap { Classification(rawValue: Int($0)) }.map(AnswerValue.classification)
        case "files": value = list { $0.attachment() }.map(AnswerValue.files)
        case "person": value = person().map(AnswerValue.person)
        case "people": value = list { $0.person() }.map(AnswerValue.people)
        default: value = nil
        }
        guard let value, take(UInt8(ascii: "}")), take(UInt8(ascii: "}")) else { return nil }
        return value
    }

    private mutating func attachment() -> Attachment? {
        var sha256: String?, fileName: String?, size: Int64?, addedAt: String?
        let complete = members { key, reader in
            switch key {
            case "sha256" where sha256 == nil: sha256 = reader.string(); return sha256 != nil
            case "fileName" where fileName == nil: fileName = reader.string(); return fileName != nil
            case "size" where size == nil: size = reader.whole(); return size != nil
            case "addedAt" where addedAt == nil: addedAt = reader.string(); return addedAt != nil
            default: return false
            }
        }
        guard complete, let sha256, let fileName, let size, let addedAt else { return nil }
        return Attachment(sha256: sha256, fileName: fileName, size: size, addedAt: addedAt)
    }

    private mutating func person() -> NamedPerson? {
        var name: String?, login: String?
        let complete = members { key, reader in
            switch key {
            case "name" where name == nil: name = reader.string(); return name != nil
            case "login" where login == nil: login = reader.string(); return login != nil
            default: return false
            }
        }
        guard complete, let name else { return nil }
        return NamedPerson(name: name, login: login)
    }

    /// An object's members, each read by `member` (false: not taken); an empty object is none.
    private mutating func members(_ member: (String, inout StoredAnswers) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), member(key, &self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    private mutating func list<T>(_ item: (inout StoredAnswers) -> T?) -> [T]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var items: [T] = []
        if take(UInt8(ascii: "]")) { return items }
        repeat {
            guard let one = item(&self) else { return nil }
            items.append(one)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? items : nil
    }

    /// A string, its escapes read as JSON reads them; a control character, a lone surrogate or
    /// an escape JSON does not have is left to the decoder. Most strings have no escape and are
    /// taken as they lie.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var unescaped: [UInt8]?
        var run = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                defer { at += 1 }
                guard var built = unescaped else {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<at]), as: UTF8.self)
                }
                built += bytes[run..<at]
                return String(decoding: built, as: UTF8.self)
            }
            guard byte >= 0x20 else { return nil }
            guard byte == UInt8(ascii: "\\") else {
                at += 1
                continue
            }
            var built = unescaped ?? []
            built += bytes[run..<at]
            at += 1
            guard at < bytes.count else { return nil }
            let code = bytes[at]
            at += 1
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): built.append(code)
            case UInt8(ascii: "b"): built.append(0x08)
            case UInt8(ascii: "f"): built.append(0x0C)
            case UInt8(ascii: "n"): built.append(0x0A)
            case UInt8(ascii: "r"): built.append(0x0D)
            case UInt8(ascii: "t"): built.append(0x09)
            case UInt8(ascii: "u"):
                guard let scalar = escapedScalar() else { return nil }
                built += Array(String(Character(scalar)).utf8)
            default: return nil
            }
            unescaped = built
            run = at
        }
        return nil
    }

    /// The scalar after `\u`: four hex digits, or a surrogate pair written as two escapes.
    private mutating func escapedScalar() -> Unicode.Scalar? {
        guard let first = hex4() else { return nil }
        guard (0xD800...0xDBFF).contains(first) else { return Unicode.Scalar(first) }
        guard take("\\u"), let second = hex4(), (0xDC00...0xDFFF).contains(second) else { return nil }
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    private mutating func flag() -> Bool? {
        if take("true") { return true }
        if take("false") { return false }
        return nil
    }

    /// A whole number, not negative, as JSON writes one: no sign, no leading zero, no fraction,
    /// no exponent, and short enough that it cannot overflow (sizes and classes are all there are).
    private mutating func whole() -> Int64? {
        let start = at
        while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
        let digits = at - start
        guard digits > 0, digits <= 18, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if at < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) { return nil }
        var number: Int64 = 0
        for index in start..<at { number = number * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
        return number
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    private mutating func take(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for index in 0..<count where bytes[at + index] != word.utf8Start[index] { return false }
        at += count
        return true
    }
}
