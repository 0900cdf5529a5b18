/// A Japanese era. Only Gregorian-calendar days are representable, so 明治 starts at
/// 明治6年1月1日 (1873-01-01), when Japan adopted the Gregorian calendar.
struct JapaneseEra: Sendable {
    let name: String
    let letter: Character
    /// Gregorian year of the era's first year (元年).
    let firstYear: Int
    let start: Day

    static let all: [JapaneseEra] = [
        JapaneseEra(name: "明治", letter: "M", firstYear: 1868, start: Day(year: 1873, month: 1, day: 1)!),
        JapaneseEra(name: "大正", letter: "T", firstYear: 1912, start: Day(year: 1912, month: 7, day: 30)!),
        JapaneseEra(name: "昭和", letter: "S", firstYear: 1926, start: Day(year: 1926, month: 12, day: 25)!),
        JapaneseEra(name: "平成", letter: "H", firstYear: 1989, start: Day(year: 1989, month: 1, day: 8)!),
        JapaneseEra(name: "令和", letter: "R", firstYear: 2019, start: Day(year: 2019, month: 5, day: 1)!),
    ]

    static func named(_ name: String) -> JapaneseEra? {
        all.first { $0.name == name }
    }

    static func lettered(_ letter: Character) -> JapaneseEra? {
        guard letter.isASCII, letter.isLetter else { return nil }
        let upper = Character(letter.uppercased())
        return all.first { $0.letter == upper }
    }

    static func containing(_ day: Day) -> JapaneseEra? {
        all.last { $0.start <= day }
    }

    /// The first day of the following era, after which a date in this era does not exist.
    var end: Day? {
        guard let index = JapaneseEra.all.firstIndex(where: { $0.name == name }), index + 1 < JapaneseEra.all.count else {
            return nil
        }
        return JapaneseEra.all[index + 1].start
    }

    func contains(_ day: Day) -> Bool {
        day >= start && (end.map { day < $0 } ?? true)
    }
}
