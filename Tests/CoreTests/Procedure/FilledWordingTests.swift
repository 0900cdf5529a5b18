import Testing
@testable import Core

/// The `{…}` of a question's wording filled in one pass, in both languages.
@Suite struct FilledWordingTests {
    @Test func eachNamedPlaceIsFilledAndNothingElse() {
        let values = ["class": Localized("Ⅱ", "II"), "count": Localized("3", "3"), "loop": Localized("{class}", "{class}")]
        let text = Localized("{class}の情報を{count}人で。{unknown}と{ と } と {class}", "{class} for {count} people. {unknown}, { and } and {class}")
        let filled = FormSetting.filled(text, values)
        #expect(filled.ja == "Ⅱの情報を3人で。{unknown}と{ と } と Ⅱ")
        #expect(filled.en == "II for 3 people. {unknown}, { and } and II")
        // A value is not read again for braces of its own.
        #expect(FormSetting.filled("[{loop}]", values.mapValues(\.ja)) == "[{class}]")
        #expect(FormSetting.filled("no places", [:]) == "no places")
        #expect(FormSetting.filled("{{class}}", values.mapValues(\.en)) == "{II}")
        #expect(FormSetting.filled("{", values.mapValues(\.en)) == "{" && FormSetting.filled("{class", values.mapValues(\.en)) == "{class")
    }
}
