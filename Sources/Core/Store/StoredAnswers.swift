import Foundation

/// Stored answers read without the decoder where they are in the one shape yakkan writes.
///
/// `JSONDecoder` was 19 % of a whole verify's CPU time (perf, release build, 1,000 services'
/// lifetime): every act loads its service, and with it the answers of the application, its
/// decisions and every duty record. `JSONSerialization` parses the same texts in about a third of
/// the time (6,000 stored answers: 0.29 to 0.45 s against 1.07 to 1.54 s). The parsed value is
/// taken only when every part of it is exactly what the encoder writes: a case with one key, its
/// value under `_0`, strings where strings go, a flag that is `true` or `false`, whole numbers,
/// dates that read, each key written once. Anything else is left to the decoder, so a value
/// reads, or is refused, just as it always was.
enum StoredAnswers {
    /// The answers, or nil when the decoder must decide.
    static func read(_ text: String) -> Answers? {
        if let answers = CompactAnswers.read(text) { return answers }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
              let fields = object as? [String: Any]
        else { return nil }
        var reader = Reader()
        guard let answers = reader.answers(fields), reader.members == members(text) else { return nil }
        return answers
    }

    /// The members of every object of a text the parser took: each has the one colon outside
    /// a string. A key written twice is one member to the parser, which keeps the last value,
    /// and to the decoder, which keeps the first (`{"_0":1,"_0":"a"}` it refuses): such a text
    /// has more colons than the parsed objects have members, and is left to the decoder. So are
    /// two keys equal only in canonical form (`é` precomposed and not), one key to a String.
    /// (6,000 readings of a 4.5 kB text of answers, release build: 0.04 to 0.06 s of CPU for
    /// the colons, 0.40 to 0.48 s for the parse and the reading.)
    static func members(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var colons = 0, inString = false, escaped = false
            for byte in bytes {
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: ":") {
                    colons += 1
                }
            }
            return colons
        }
    }

    /// Reads the parsed objects, counting their members.
    private struct Reader {
        var members = 0

        mutating func answers(_ fields: [String: Any]) -> Answers? {
            members += fields.count
            var answers: Answers = [:]
            answers.reserveCapacity(fields.count)
            for (id, field) in fields {
                guard let value = answer(field) else { return nil }
                answers[id] = value
            }
            return answers
        }

        mutating func answer(_ field: Any) -> AnswerValue? {
            guard let cases = field as? [String: Any], cases.count == 1, let (name, payload) = cases.first,
                  let fields = payload as? [String: Any]
            else { return nil }
            members += 1 + fields.count
            if name == "skipped" { return fields.isEmpty ? .skipped : nil }
            guard fields.count == 1, let value = fields["_0"] else { return nil }
            switch name {
            case "text": return string(value).map(AnswerValue.text)
            case "choice": return string(value).map(AnswerValue.choice)
            case "list": return strings(value).map(AnswerValue.list)
            case "date": return string(value).flatMap(Day.init(iso:)).map(AnswerValue.date)
            case "flag": return flag(value).map(AnswerValue.flag)
            case "mark": return string(value).flatMap(Mark.init(rawValue:)).map(AnswerValue.mark)
            case "classification": return whole(value).flatMap { Classification(rawValue: Int($0)) }.map(AnswerValue.classification)
            case "files": return list(value) { attachment($0) }.map(AnswerValue.files)
            case "person": return person(value).map(AnswerValue.person)
            case "people": return list(value) { person($0) }.map(AnswerValue.people)
            default: return nil
            }
        }

        mutating func attachment(_ value: Any) -> Attachment? {
            guard let fields = value as? [String: Any], fields.count == 4,
                  let sha256 = fields["sha256"].flatMap(string), let fileName = fields["fileName"].flatMap(string),
                  let size = fields["size"].flatMap(whole), let addedAt = fields["addedAt"].flatMap(string)
            else { return nil }
            members += 4
            return Attachment(sha256: sha256, fileName: fileName, size: size, addedAt: addedAt)
        }

        mutating func person(_ value: Any) -> NamedPerson? {
            guard let fields = value as? [String: Any], let name = fields["name"].flatMap(string) else { return nil }
            members += fields.count
            switch (fields.count, fields["login"]) {
            case (1, nil): return NamedPerson(name: name, login: nil)
            case (2, let login?): return string(login).map { NamedPerson(name: name, login: $0) }
            default: return nil
            }
        }
    }

    private static func string(_ value: Any) -> String? {
        value as? String
    }

    private static func strings(_ value: Any) -> [String]? {
        list(value, string)
    }

    private static func list<T>(_ value: Any, _ item: (Any) -> T?) -> [T]? {
        guard let items = value as? [Any] else { return nil }
        var read: [T] = []
        read.reserveCapacity(items.count)
        for element in items {
            guard let one = item(element) else { return nil }
            read.append(one)
        }
        return read
    }

    /// `true` or `false` as the parser reads them; a number (`1`) is left to the decoder.
    private static func flag(_ value: Any) -> Bool? {
        guard let number = value as? NSNumber, isBoolean(number) else { return nil }
        return number.boolValue
    }

    /// A whole number as the parser reads one; a flag or a fraction is left to the decoder.
    private static func whole(_ value: Any) -> Int64? {
        guard let number = value as? NSNumber, ["q", "l", "i", "s"].contains(String(cString: number.objCType)) else { return nil }
        return number.int64Value
    }

    /// The parser gives `true` and `false` as numbers of type `c` (char), never a number it read.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
