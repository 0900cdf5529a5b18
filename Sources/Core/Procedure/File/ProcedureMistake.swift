/// One mistake in a procedure file, at the line where it is. Each kind is worded in both
/// languages by `wording`, for `yakkan procedure check` and for a refused adoption.
public struct ProcedureMistake: Sendable, Equatable, Error {
    public let line: Int
    public let kind: Kind

    public enum Kind: Sendable, Equatable {
        /// The text is not YAML at all (a tab, an unclosed quote, a bad indent…).
        case notReadable(String)
        case duplicateKey(String)
        case unknownKey(String, allowed: [String])
        case missingKey(String)
        /// A text has one language and not the other.
        case missingTranslation(String)
        case emptyText
        case notText
        case notList
        case notMapping
        case notNumber(String)
        case notYesNo(String)
        case duplicateNumber(Int)
        case numberOutOfOrder(expected: Int, found: Int)
        case duplicateDuty(String)
        case unknownDuty(String)
        case missingDuty(String)
        case unknownRole(String)
        case unreadableInterval(String)
        case unreadableDate(String)
        case unreadablePeriod(String)
        case unknownConditionWord(String)
        /// A condition reads a question the form does not have.
        case unknownQuestion(String)
        /// A condition of another form reads a question neither it nor the application has.
        case unknownFormQuestion(String)
        case unknownClass(String)
        case emptyScale
        case duplicateClass(String)
        /// A text must say where yakkan puts a value.
        case missingPlaceholder(String)
        /// A default or a preamble takes an answer from somewhere yakkan does not know.
        case unknownSource(String, allowed: [String])
        /// A default or a preamble names a question the application does not ask.
        case unknownApplicationQuestion(String)
        /// Two questions with one id.
        case duplicateQuestion(String)
        /// Questions the rules of the procedure read are not in the file.
        case missingQuestions([String])
        case unknownAnswerKind(String, allowed: [String])
        /// A value of `key` that is not one of the words it takes.
        case unknownWord(String, String, allowed: [String])
        case unreadableEvidence(String)
        case noChecks
    }

    public init(line: Int, _ kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// 「12行目：…」 / "line 12: …".
    public var wording: Localized { Localized("\(line)行目：", "line \(line): ") + ProcedureMistake.describe(kind) }

    static func describe(_ kind: Kind) -> Localized {
        switch kind {
        case .notReadable(let problem):
            return Localized("YAML として読めません（\(problem)）。字下げ、引用符の閉じ忘れ、タブ文字がないか確かめてください。",
                             "this is not readable YAML (\(problem)). Look for a wrong indent, an unclosed quote or a tab.")
        case .duplicateKey(let key):
            return Localized("「\(key)」が同じ場所に二度書かれています。", "\"\(key)\" is written twice in the same place.")
        case .unknownKey(let key, let allowed):
            return Localized("「\(key)」という項目はありません（書けるもの：\(allowed.joined(separator: "、"))）。",
                             "there is no entry \"\(key)\" (allowed: \(allowed.joined(separator: ", "))).")
        case .missingKey(let key):
            return Localized("「\(key)」がありません。", "\"\(key)\" is missing.")
        case .missingTranslation(let language):
            return Localized("\(language) の訳がありません。文言は ja と en の両方が必要です。",
                             "the \(language) translation is missing; every text needs both ja and en.")
        case .emptyText:
            return Localized("文言が空です。", "the text is empty.")
        case .notText:
            return Localized("文言は ja: と en: の二行で書きます。", "a text is written as two entries, ja: and en:.")
        case .notList:
            return Localized("ここには「- 」で始まる並びを書きます。", "a list (entries starting with \"- \") is expected here.")
        case .notMapping:
            return Localized("ここには「名前: 値」の組を書きます。", "entries of the form \"name: value\" are expected here.")
        case .notNumber(let text):
            return Localized("「\(text)」は番号として読めません。", "\"\(text)\" is not a number.")
        case .notYesNo(let text):
            return Localized("「\(text)」は true か false で書きます。", "\"\(text)\" must be true or false.")
        case .duplicateNumber(let number):
            return Localized("番号 \(number) の確認事項が二つあります。", "there are two checks numbered \(number).")
        case .numberOutOfOrder(let expected, let found):
            return Localized("確認事項の番号は 1 から順に付けます（ここは \(expected) のはずが \(found)）。",
                             "checks are numbered from 1 in order (\(expected) expected here, \(found) found).")
        case .duplicateDuty(let id):
            return Localized("義務「\(id)」が二つあります。", "the duty \"\(id)\" is written twice.")
        case .unknownDuty(let id):
            return Localized("「\(id)」という義務は記録できません（使えるもの：\(DutyKind.allCases.map(\.rawValue).joined(separator: "、"))）。",
                             "yakkan cannot record a duty \"\(id)\" (known: \(DutyKind.allCases.map(\.rawValue).joined(separator: ", "))).")
        case .missingDuty(let id):
            return Localized("義務「\(id)」がありません。yakkan が記録する義務はすべて書いてください（予定がないなら every: as needed）。",
                             "the duty \"\(id)\" is missing; write every duty yakkan records (every: as needed when it has no schedule).")
        case .unknownRole(let role):
            return Localized("「\(role)」という役割はありません（使えるもの：\(DutyRole.allCases.map(\.rawValue).joined(separator: "、"))）。",
                             "there is no role \"\(role)\" (known: \(DutyRole.allCases.map(\.rawValue).joined(separator: ", "))).")
        case .unreadableInterval(let text):
            return Localized("間隔「\(text)」が読めません（使えるもの：\(DutyInterval.words.joined(separator: "、"))）。",
                             "the interval \"\(text)\" cannot be read (use: \(DutyInterval.words.joined(separator: ", "))).")
        case .unreadableDate(let text):
            return Localized("日付「\(text)」が読めません（2017-11-30 のように書きます）。",
                             "the date \"\(text)\" cannot be read (write it as 2017-11-30).")
        case .unreadablePeriod(let text):
            return Localized("期間「\(text)」が読めません（3 years、36 months のように書きます）。",
                             "the period \"\(text)\" cannot be read (write it as 3 years or 36 months).")
        case .unknownConditionWord(let word):
            return Localized("条件に「\(word)」という語はありません（使えるもの：answer と is、needs_permission、all、any、not）。",
                             "a condition has no word \"\(word)\" (use answer with is, needs_permission, all, any, not).")
        case .unknownQuestion(let id):
            return Localized("条件が、申請書にない問い「\(id)」を読んでいます。", "the condition reads a question \"\(id)\" the application does not have.")
        case .unknownSource(let source, let allowed):
            return Localized("「\(source)」から答えは取れません（使えるもの：\(allowed.joined(separator: "、"))）。",
                             "an answer cannot be taken from \"\(source)\" (use: \(allowed.joined(separator: ", "))).")
        case .unknownApplicationQuestion(let id):
            return Localized("申請書に問い「\(id)」はありません。application_questions の id を書きます。",
                             "the application has no question \"\(id)\"; name an id of application_questions.")
        case .missingPlaceholder(let placeholder):
            return Localized("ja と en の文言のどちらにも \(placeholder) を書きます（その値が入ります）。",
                             "both the ja and the en text must hold \(placeholder), where the value goes.")
        case .unknownFormQuestion(let id):
            return Localized("条件が、この様式にも申請書にもない問い「\(id)」を読んでいます。",
                             "the condition reads a question \"\(id)\" neither this form nor the application has.")
        case .unknownClass(let name):
            return Localized("分類「\(name)」は scale にありません。", "the class \"\(name)\" is not on the scale.")
        case .emptyScale:
            return Localized("scale に分類が一つもありません。最も重要な分類から順に書きます。",
                             "the scale has no class; list the classes from the most sensitive down.")
        case .duplicateClass(let name):
            return Localized("分類「\(name)」が scale に二つあります。分類名は一つずつ違うものにします。",
                             "the class \"\(name)\" is on the scale twice; each class needs a label of its own.")
        case .unreadableEvidence(let text):
            return Localized("evidence「\(text)」は required（○には添付が必要）か optional で書きます。",
                             "evidence \"\(text)\" must be required (a ○ needs a file attached) or optional.")
        case .duplicateQuestion(let id):
            return Localized("問い「\(id)」が二つあります。問いの id は一つずつ違うものにします。",
                             "there are two questions \"\(id)\"; each question needs an id of its own.")
        case .missingQuestions(let ids):
            return Localized("問い \(ids.joined(separator: "、")) がありません。手順の決まり（審査する人、利用期間、義務など）がこれらの答えを読みます。",
                             "the questions \(ids.joined(separator: ", ")) are missing; the procedure's rules (who reviews, the period, the duties…) read their answers.")
        case .unknownAnswerKind(let kind, let allowed):
            return Localized("答え方「\(kind)」はありません（使えるもの：\(allowed.joined(separator: "、"))）。",
                             "there is no answer kind \"\(kind)\" (use: \(allowed.joined(separator: ", "))).")
        case .unknownWord(let key, let word, let allowed):
            return Localized("\(key) に「\(word)」は書けません（使えるもの：\(allowed.joined(separator: "、"))）。",
                             "\(key) cannot be \"\(word)\" (use: \(allowed.joined(separator: ", "))).")
        case .noChecks:
            return Localized("確認事項が一つもありません。", "there are no checks.")
        }
    }
}
