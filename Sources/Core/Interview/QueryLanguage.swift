/// The ledger's query language, shared by the query shell and `yakkan list`'s options:
/// `list status=in_use 課=総務課 overdue`, `search 写真`, `show 3`, `count 課`, `mode csv`.
public enum QueryCommand: Equatable, Sendable {
    case list(LedgerFilter)
    case show(Int64)
    case count(LedgerGrouping)
    case mode(OutputMode)
    case help(String?)
    case quit
}

/// How records are shown, as in sqlite3 and psql.
public enum OutputMode: String, Sendable, CaseIterable {
    /// Aligned columns; wide characters count as two; long cells cut with …
    case table
    /// One record expanded, a field a line.
    case line
    case csv
    case json
}

public enum QueryLanguage {
    public static let commands = ["list", "search", "show", "count", "mode", "help", "quit"]
    public static let filterKeys = ["status=", "課=", "department=", "provider=", "service=", "class=", "overdue",
                                    "retention-passed", "personal=", "approved=", "text="]

    public static func parse(_ line: String, today: Day) -> Result<QueryCommand, Localized> {
        let words = InputLine.halfwidthASCII(line).split(separator: " ").map(String.init)
        guard let head = words.first?.lowercased() else { return .failure(emptyLine) }
        let rest = Array(words.dropFirst())
        switch head {
        case "list", "ls", "一覧":
            return filter(rest).map(QueryCommand.list)
        case "search", "検索", "find":
            guard !rest.isEmpty else { return .failure(Localized("検索する言葉を指定してください（例：search 写真）。", "Give words to search for (search photos).")) }
            var filter = LedgerFilter()
            filter.text = rest.joined(separator: " ")
            return .success(.list(filter))
        case "show", "表示":
            guard rest.count == 1, let id = Int64(rest[0]) else {
                return .failure(Localized("show の後に申請番号を1つ指定してください（例：show 3）。", "Give one application number after show (show 3)."))
            }
            return .success(.show(id))
        case "count", "件数":
            let by = rest.first.map { $0.lowercased() } ?? "status"
            switch by {
            case "status", "状態", "by": return .success(.count(rest.count > 1 && ["課", "department"].contains(rest[1]) ? .department : .status))
            case "課", "department", "dept": return .success(.count(.department))
            default: return .failure(Localized("count status か count 課 を指定してください。", "Use count status or count 課."))
            }
        case "mode", "表示形式":
            guard let name = rest.first?.lowercased(), let mode = OutputMode(rawValue: name) else {
                return .failure(Localized("mode table・line・csv・json のいずれかを指定してください。", "Use mode table, line, csv or json."))
            }
            return .success(.mode(mode))
        case "help", "?", "ヘルプ", ":help":
            return .success(.help(rest.first))
        case "quit", "exit", "q", ":q", ":quit", "終了":
            return .success(.quit)
        default:
            return .failure(Localized("「\(head)」というコマンドはありません。help で一覧を表示します。", "There is no command \(head). Type help to list them."))
        }
    }

    static let emptyLine = Localized("コマンドを入力してください（help で一覧）。", "Type a command (help lists them).")

    /// Filter words such as `status=in_use,stopped 課=総務課 overdue approved=2026-04-01..2026-06-30`.
    public static func filter(_ words: [String]) -> Result<LedgerFilter, Localized> {
        var filter = LedgerFilter()
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let key = parts[0].lowercased()
            let value = parts.count > 1 ? parts[1] : ""
            switch key {
            case "overdue", "期限切れ": filter.overdue = true; continue
            case "retention-passed", "保管期限切れ": filter.retentionPassed = true; continue
            default: break
            }
            guard !value.isEmpty else {
                return .failure(Localized("「\(word)」が分かりません。条件は 名前=値 の形で書きます（help list）。", "Cannot read \(word): conditions are written name=value (help list)."))
            }
            switch key {
            case "status", "状態":
                var statuses: [ApplicationStatus] = []
                for name in ListInput.items(value) {
                    guard let status = ApplicationStatus.named(name) else {
                        return .failure(Localized(
                            "状態「\(name)」はありません（" + ApplicationStatus.allCases.map { $0.rawValue + "=" + $0.label.ja }.joined(separator: "、") + "）。",
                            "There is no status \(name) (" + ApplicationStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")."))
                    }
                    statuses.append(status)
                }
                filter.statuses = statuses
            case "課", "department", "dept": filter.department = value
            case "provider", "提供会社": filter.provider = value
            case "service", "サービス": filter.service = value
            case "class", "重要性分類":
                var levels: [ClassInVersion] = []
                let book = ProcedureScope.book
                for name in ListInput.items(value) {
                    guard let named = ClassInVersion.named(name, in: book) else {
                        let labels = book.classLabels
                        return .failure(Localized(
                            "重要性分類「\(name)」はどの版の手順書にもありません。次のいずれかで指定してください：\(labels.joined(separator: "、"))",
                            "No version of the procedure has the classification “\(name)”. Give one of: \(labels.joined(separator: ", "))"))
                    }
                    levels += named
                }
                filter.classifications = levels
            case "personal", "個人情報":
                guard let flag = YesNo.parse(value.lowercased()) else {
                    return .failure(Localized("personal=yes か personal=no で指定してください。", "Use personal=yes or personal=no."))
                }
                filter.personalInformation = flag
            case "approved", "承認日":
                let ends = value.components(separatedBy: "..")
                guard ends.count <= 2 else {
                    return .failure(Localized("承認日は approved=開始..終了 の形で指定します。", "Write approved=FROM..TO."))
                }
                func day(_ text: String) -> Result<Day?, Localized> {
                    if text.isEmpty { return .success(nil) }
                    return JapaneseDate.parse(text).map { Optional($0) }.mapError(EngineText.dateProblem)
                }
                switch (day(ends[0]), day(ends.count > 1 ? ends[1] : ends[0])) {
                case (.success(let from), .success(let to)):
                    filter.approvedFrom = from
                    filter.approvedTo = to
                case (.failure(let problem), _), (_, .failure(let problem)):
                    return .failure(problem)
                }
            case "text", "検索": filter.text = value
            case "limit":
                guard let limit = Int(value), limit > 0 else { return .failure(Localized("limit は正の整数です。", "limit is a positive number.")) }
                filter.limit = limit
            default:
                return .failure(Localized("条件「\(key)」はありません（help list）。", "There is no condition \(key) (help list)."))
            }
        }
        return .success(filter)
    }

    public static func help(_ topic: String?, _ language: Language) -> [String] {
        let ja = language == .ja
        switch topic?.lowercased() {
        case "list", "ls", "search":
            return ja ? [
                "list [条件…]   申請・サービスの一覧。条件は組み合わせられます：",
                "  status=in_use,stopped   状態（submitted returned refused approved in_use stopped ended／確認待ち 利用中 など）",
                "  課=総務課               利用する課",
                "  provider=Example        提供会社名の一部   service=Drive  サービス名の一部",
                "  class=分類,分類         重要性分類（手順書の版の分類名）",
                "  overdue                 期限切れの義務があるもの",
                "  retention-passed        保管期限を過ぎたもの",
                "  personal=yes            個人情報を扱うもの",
                "  approved=2026-04-01..2026-06-30   承認日の範囲（片側だけでも可）",
                "  text=写真               申請・記録・備考の全文から検索",
                "search 言葉   全文検索（list text=言葉 と同じ）",
            ] : [
                "list [conditions…]   the services; conditions combine:",
                "  status=in_use,stopped   (submitted returned refused approved in_use stopped ended)",
                "  課=総務課 (or department=)   provider=PART   service=PART   class=LABEL,LABEL",
                "  overdue   retention-passed   personal=yes|no",
                "  approved=2026-04-01..2026-06-30   (either side may be left out)",
                "  text=WORDS   search forms, records and notes",
                "search WORDS   the same as list text=WORDS",
            ]
        default:
            return ja ? [
                "台帳の問い合わせ。コマンド：",
                "  list [条件…]    一覧（help list で条件）     search 言葉   全文検索",
                "  show 番号       1件を全履歴つきで表示         count status / count 課   件数",
                "  mode table|line|csv|json   表示形式           help [コマンド]   quit   終了",
                "TAB でコマンド・条件・課・提供会社・サービス・番号を補完します。",
            ] : [
                "Query the ledger. Commands:",
                "  list [conditions…]   (help list)      search WORDS",
                "  show ID   one record with its history  count status / count 課",
                "  mode table|line|csv|json               help [command]   quit",
                "TAB completes commands, conditions, 課, providers, services and ids.",
            ]
        }
    }
}

extension ApplicationStatus {
    /// A status by its stored name or its label in either language.
    public static func named(_ text: String) -> ApplicationStatus? {
        let folded = text.lowercased()
        return allCases.first { $0.rawValue == folded || $0.label.ja == text || $0.label.en.lowercased() == folded }
            ?? ["利用中": .inUse, "inuse": .inUse, "確認待ち": .submitted, "停止": .stopped, "終了": .ended, "承認": .approved][text]
    }
}
