/// The engine's own words: everything it says that is not part of a form.
enum EngineText {
    static let required = Localized(
        "回答が必要です。わからないときは ? で説明を表示できます。",
        "An answer is needed. Type ? to see what this question means.")
    static func tooShort(_ minimum: Int) -> Localized {
        Localized(
            "もう少し詳しく書いてください（\(minimum)文字以上）。",
            "Please write this in more detail (at least \(minimum) characters).")
    }
    static let emptyList = Localized(
        "1件以上入力してください。複数あるときは「、」で区切ります。",
        "Enter at least one item; separate several with commas.")
    static let notYesNo = Localized(
        "「はい」か「いいえ」（y / n）で答えてください。",
        "Answer yes or no (y / n).")
    static let notMark = Localized(
        "○（可）、×（不可）、／（該当なし）のいずれかで答えてください。o / x / - でも入力できます。",
        "Answer ○ (yes), × (no) or ／ (not applicable); o, x and - work too.")
    static func notChoice(_ labels: [Localized]) -> Localized {
        Localized(
            "次のいずれかで答えてください：" + labels.map(\.ja).joined(separator: "、"),
            "Answer with one of: " + labels.map(\.en).joined(separator: ", "))
    }
    /// The scale of the version being read.
    static var notClassification: Localized {
        let scale = ProcedureScope.document.classificationScale
        return Localized(
            "重要性分類は次のいずれかで答えてください：" + scale.joined(separator: "・"),
            "Give the classification as one of: " + scale.joined(separator: ", "))
    }
    static let mustAcknowledge = Localized(
        "内容を理解したうえで「はい」と答えないと先へ進めません。中断するには :quit と入力します。",
        "You can go on only by answering yes once you have understood it. Type :quit to stop here.")
    static let noFiles = Localized(
        "ファイルのパスを入力してください（複数あるときは空白で区切ります）。",
        "Enter the path of a file (separate several with spaces).")
    /// 「わからない」 and the like: an honest answer that is not one of the choices.
    static func isUnsure(_ folded: String) -> Bool {
        let words = ["わからない", "分からない", "分らない", "わかりません", "分かりません", "不明", "わからん", "?わからない",
                     "unknown", "not sure", "don't know", "dont know", "idk"]
        return words.contains(folded.lowercased().trimmingCharacters(in: .whitespaces))
    }

    static func unsure(_ reviewers: [StaffMember]) -> Localized {
        let ja = reviewers.isEmpty ? "利用責任者（課の情報セキュリティ管理者）" : "利用責任者（" + reviewers.map { "\($0.name)（\($0.login)）" }.joined(separator: "、") + "）"
        let en = reviewers.isEmpty ? "your 課's 利用責任者" : "the 利用責任者 (" + reviewers.map { "\($0.name) (\($0.login))" }.joined(separator: ", ") + ")"
        return Localized(
            "わからないときは、:save で下書きを保存して :quit で中断し、\(ja)に相談してください。yakkan apply でここから再開できます。? でこの質問の説明を表示します。",
            "If you do not know, keep the draft (:save), leave (:quit) and ask \(en); yakkan apply carries on from here. ? explains this question.")
    }

    /// How a person who holds a role is named, said in the help of those questions.
    /// How people are named from the staff directory, in the words of the form's version (`wording:`).
    static var roleFromDirectory: Localized { ProcedureScope.document.wording.staffMemberHelp }
    static var usersFromDirectory: Localized { ProcedureScope.document.wording.peopleHelp }
    static let classUndecided = Localized("決められないときは「わからない」と答えてください。", "If you cannot decide, answer “don't know”.")

    /// Deciding the 重要性分類: the definitions of the classes in the procedure file of the form's
    /// version (`classification.guide`).
    static var classificationGuide: Localized { ProcedureScope.document.classificationGuide }

    static func dateProblem(_ problem: DateParseError) -> Localized {
        switch problem {
        case .unrecognised:
            return Localized(
                "日付として読めません。2026-04-01、令和8年4月1日、R8.4.1 のように入力してください。",
                "That is not a date. Write it as 2026-04-01, 31 March 2030, 令和8年4月1日 or R8.4.1.")
        case .impossible(let y, let m, let d):
            return Localized(
                "\(y)年\(m)月\(d)日という日付はありません。",
                "There is no such date: \(y)-\(m)-\(d).")
        case .outsideEra(let era, let year):
            return Localized(
                "\(era)\(year)年のその日付は存在しません（元号の範囲外です）。",
                "\(era) year \(year) has no such date: it is outside that era.")
        }
    }
    static func attachmentProblem(_ problem: AttachmentProblem) -> Localized {
        switch problem {
        case .missing(let path):
            return Localized("ファイルが見つかりません: \(path)", "No such file: \(path)")
        case .unreadable(let path):
            return Localized("ファイルを読み込めません: \(path)", "Cannot read the file: \(path)")
        case .notAFile(let path):
            return Localized("ファイルではありません（フォルダなど）: \(path)", "Not a file: \(path)")
        case .empty(let path):
            return Localized("ファイルが空です: \(path)", "The file is empty: \(path)")
        case .symbolicLink(let path):
            return Localized(
                "シンボリックリンクは添付できません。リンク先のファイルそのものを指定してください: \(path)",
                "A symbolic link cannot be attached; give the file itself: \(path)")
        case .notKept(let path, let fault):
            let store = StoreText.describe(fault)
            return Localized(
                "\(path) は読み込めましたが、その写しを保管庫に保存できませんでした。ファイルそのものには問題ありません。\(store.ja)",
                "\(path) was read, but its copy could not be kept in the store; the file itself is fine. \(store.en)")
        case .tooLarge(let path, let size, let limit):
            return Localized(
                "ファイルが大きすぎます（\(megabytes(size)) MB、上限 \(megabytes(limit)) MB）: \(path)",
                "The file is too large (\(megabytes(size)) MB, the limit is \(megabytes(limit)) MB): \(path)")
        }
    }
    /// Whole megabytes, rounded up, so that a file just over the limit never reads as equal to it.
    static func megabytes(_ bytes: Int64) -> Int64 {
        (bytes + 1_048_575) / 1_048_576
    }
    static func lineProblem(_ problem: LineProblem) -> Localized {
        switch problem {
        case .invalidUTF8:
            return Localized(
                "文字コードが UTF-8 でない入力は受け付けられません。もう一度入力してください。",
                "The input is not valid UTF-8. Please type it again.")
        case .controlCharacter:
            return Localized(
                "制御文字を含む入力は受け付けられません。もう一度入力してください。",
                "The input contains control characters. Please type it again.")
        case .tooLong(let limit):
            return Localized(
                "入力が長すぎます（\(limit)文字まで）。",
                "The input is too long (at most \(limit) characters).")
        }
    }
    static func unknownCommand(_ command: String) -> Localized {
        Localized(
            "「\(command)」というコマンドはありません。:help で一覧を表示します。",
            "There is no command \(command). Type :help to list them.")
    }
    static let cannotGoBack = Localized("これより前には戻れません。", "There is nothing to go back to.")
    static func wentBack(_ label: Localized) -> Localized {
        Localized("「\(label.ja)」の回答を取り消しました。", "Took back the answer to “\(label.en)”.")
    }
    static func noSuchField(_ what: String) -> Localized {
        Localized(
            "「\(what)」という項目はありません。:review で番号を確認してください。",
            "There is no item \(what). Type :review to see the numbers.")
    }
    static func notAnsweredYet(_ label: Localized) -> Localized {
        Localized("「\(label.ja)」はまだ回答されていません。", "“\(label.en)” has not been answered yet.")
    }
    static func editing(_ label: Localized, _ count: Int) -> Localized {
        count == 0
            ? Localized("「\(label.ja)」を修正します。", "Editing “\(label.en)”.")
            : Localized(
                "「\(label.ja)」と、それに関係する\(count)件の項目を修正します。",
                "Editing “\(label.en)” and \(count) item(s) that depend on it.")
    }
    static let saved = Localized(
        "下書きを保存しました。yakkan を起動すると続きから再開できます。",
        "The draft is saved. Start yakkan again to go on where you left off.")
    static let reviewHeading = Localized(
        "── 入力内容の確認 ──", "── Review your answers ──")
    static func unanswered(_ count: Int) -> Localized {
        Localized("（未回答：あと\(count)問）", "(\(count) question(s) still to answer)")
    }
    static let submitQuestion = Localized(
        "この内容で提出しますか？（y: 提出する / n: 下書きのまま中断 / :edit 番号: 修正）",
        "Submit this? (y: submit / n: stop, keeping the draft / :edit NUMBER: change an answer)")
    static let cannotSubmit = Localized(
        "このままでは提出できません:", "It cannot be submitted as it stands:")
    static let examplePrefix = Localized("例：", "e.g. ")
    static let defaultPrefix = Localized("Enter で ", "Enter for ")
    static let choicesPrefix = Localized("選択肢：", "choices: ")
    static let fromDirectory = Localized("職員名簿から（TAB で補完）", "from the staff directory (TAB completes)")
    static let optionalHint = Localized("省略可（Enter で空欄）", "optional (Enter to leave empty)")
    static let helpHint = Localized("? で説明", "? for help")
    static let commandsHelp = Localized(
        """
        コマンド: ? / :help 説明 ・ :back 一つ前に戻る ・ :review 入力内容の確認 ・ :edit 番号 修正 ・ :save 保存 ・ :quit 中断（下書きは残ります）
        """,
        """
        Commands: ? / :help this help · :back go back one question · :review review answers · :edit NUMBER change an answer · :save save · :quit stop (the draft stays)
        """)
    static let yes = Localized("はい", "yes")
    static let no = Localized("いいえ", "no")
    static let none = Localized("（なし）", "(none)")
    static func count(_ n: Int) -> Localized { Localized("（計\(n)）", " (\(n) in all)") }
}

/// A refused answer carries nothing but the words that explain it.
extension Localized: Error {}
