public enum DateParseError: Error, Equatable, Sendable {
    case unrecognised
    /// The year is Gregorian even when the input used an era.
    case impossible(year: Int, month: Int, day: Int)
    case outsideEra(era: String, year: Int)
}

/// Reads and writes the date forms found on Japanese municipal paperwork.
public enum JapaneseDate {
    public static func parse(_ text: String) -> Result<Day, DateParseError> {
        let normalised = normalise(text)
        // The English screens show dates as "31 March 2030": what is shown must be typeable.
        if let english = englishParts(normalised) {
            guard let day = Day(year: english.year, month: english.month, day: english.day) else {
                return .failure(.impossible(year: english.year, month: english.month, day: english.day))
            }
            return .success(day)
        }
        let (era, rest) = splitEra(normalised)
        guard let parts = DateTokens.match(rest, allowEraYear: era != nil) else {
            return .failure(.unrecognised)
        }
        guard let era else {
            guard let day = Day(year: parts.year, month: parts.month, day: parts.day) else {
                return .failure(.impossible(year: parts.year, month: parts.month, day: parts.day))
            }
            return .success(day)
        }
        guard parts.year >= 1 else { return .failure(.outsideEra(era: era.name, year: parts.year)) }
        let gregorianYear = era.firstYear + parts.year - 1
        guard let day = Day(year: gregorianYear, month: parts.month, day: parts.day) else {
            return .failure(.impossible(year: gregorianYear, month: parts.month, day: parts.day))
        }
        guard era.contains(day) else { return .failure(.outsideEra(era: era.name, year: parts.year)) }
        return .success(day)
    }

    public static func wareki(_ day: Day) -> String {
        guard let eraYear = eraYear(day) else { return day.iso }
        return "\(eraYear)年\(day.month)月\(day.day)日"
    }

    /// 令和8 or 令和元: the era and its year, without 年; nil before the first era known.
    public static func eraYear(_ day: Day) -> String? {
        guard let era = JapaneseEra.containing(day) else { return nil }
        let year = day.year - era.firstYear + 1
        return era.name + (year == 1 ? "元" : String(year))
    }

    public static func warekiShort(_ day: Day) -> String {
        guard let era = JapaneseEra.containing(day) else { return day.iso }
        return "\(era.letter)\(day.year - era.firstYear + 1).\(day.month).\(day.day)"
    }

    public static func english(_ day: Day) -> String {
        "\(day.day) \(monthNames[day.month - 1]) \(day.year)"
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// "31 March 2030", "31 Mar 2030", "March 31, 2030" and "Mar. 31 2030", any case: the day,
    /// a month's English name (or its first three letters) and a four-digit year.
    static func englishParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let words = text.lowercased().split(whereSeparator: { " ,.".contains($0) }).map(String.init)
        guard words.count == 3 else { return nil }
        func month(_ word: String) -> Int? {
            guard word.count >= 3 else { return nil }
            return monthNames.firstIndex { name in
                let name = name.lowercased()
                return name == word || (word.count == 3 && name.hasPrefix(word)) || (name == "september" && word == "sept")
            }.map { $0 + 1 }
        }
        func number(_ word: String, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(word.count), word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(word)
        }
        guard let year = number(words[2], digits: 4...4) else { return nil }
        if let day = number(words[0], digits: 1...2), let month = month(words[1]) { return (year, month, day) }
        if let month = month(words[0]), let day = number(words[1], digits: 1...2) { return (year, month, day) }
        return nil
    }

    private static func normalise(_ text: String) -> String {
        let halfwidth = InputLine.halfwidthASCII(text)
        // People type whichever dash their input method offers; all of them mean "-" here.
        let dashes: Set<UInt32> = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63]
        var scalars = String.UnicodeScalarView()
        for scalar in halfwidth.unicodeScalars {
            scalars.append(dashes.contains(scalar.value) ? "-" : scalar)
        }
        return InputLine.trimSpaces(String(scalars))
    }

    private static func splitEra(_ text: String) -> (JapaneseEra?, Substring) {
        for era in JapaneseEra.all where text.hasPrefix(era.name) {
            return (era, text.dropFirst(era.name.count))
        }
        // A lone letter counts only when a number follows, so words are not mistaken for eras.
        if let first = text.first, let era = JapaneseEra.lettered(first),
           let next = text.dropFirst().first(where: { $0 != " " }), next.isASCII, next.isNumber {
            return (era, text.dropFirst())
        }
        return (nil, text[...])
    }
}
