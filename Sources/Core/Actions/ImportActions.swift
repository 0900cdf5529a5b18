import Foundation

/// One service already in use, read from a row of the spreadsheet, ready to be registered.
public struct ImportedService: Sendable, Equatable {
    /// The spreadsheet's row number, the header being row 1.
    public let row: Int
    public let answers: Answers
}

/// What is wrong with one cell of the spreadsheet (or with its header, as row 1).
public struct ImportProblem: Sendable, Equatable, Error {
    public let row: Int
    public let column: String
    public let problem: Localized

    public func callAsFunction(_ language: Language) -> String {
        Localized("\(row)行目「\(column)」：", "Row \(row), \(column): ")(language) + problem(language)
    }
}

/// Starting an existing village (`yakkan import FILE.csv`): services already in use, registered
/// from a spreadsheet with the columns of `list --format csv`, in either language. Every row is
/// checked before anything is written; one problem anywhere and nothing is imported.
public enum ImportActions {
    typealias F = ApplicationFields

    /// Registering services nobody applied for here is an administrator's act.
    public static func mayImport(member: StaffMember?) -> Localized? {
        member?.isAdministrator == true ? nil : Localized(
            "利用中のサービスの取り込みは管理者だけが行えます（yakkan staff list で管理者を確かめられます）。",
            "Only an administrator can import services in use (yakkan staff list shows who is one).")
    }

    /// What the forms say in place of the decisions of a service decided on paper.
    public static func importedDecision(_ record: ApplicationRecord) -> Localized? {
        guard record.isImported else { return nil }
        let outcome = record.answers[F.importedOutcome]?.choice.flatMap(DecisionOutcome.init(rawValue:))
        let day = record.answers[F.importedDecidedOn]?.date
        let imported = record.submittedDay
        return Localized(
            "表計算から取り込んだ利用中のサービス（\(imported.map(JapaneseDate.wareki) ?? "")）。紙での判断：\(outcome?.label.ja ?? "記載なし")\(day.map { " " + JapaneseDate.wareki($0) } ?? "")",
            "A service in use imported from a spreadsheet (\(imported.map(JapaneseDate.english) ?? "")). Decided on paper: \(outcome?.label.en ?? "not given")\(day.map { " " + JapaneseDate.english($0) } ?? "")")
    }

    /// The services of every row, or every problem found in any row.
    public static func read(_ text: String, staff: [StaffMember], today: Day) -> (services: [ImportedService], problems: [ImportProblem]) {
        let records = CSV.parse(text).filter { $0 != [""] }
        guard let header = records.first else {
            return ([], [ImportProblem(row: 1, column: "—", problem: ImportText.empty)])
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        let language: Language = names.contains(LedgerCSV.headers(.en)[1]) ? .en : .ja
        let expected = LedgerCSV.headers(language)
        let missing = expected.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return ([], missing.map { ImportProblem(row: 1, column: $0, problem: ImportText.missingColumn) })
        }
        guard records.count > 1 else { return ([], [ImportProblem(row: 1, column: "—", problem: ImportText.noRows)]) }
        var services: [ImportedService] = []
        var problems: [ImportProblem] = []
        for (offset, cells) in records.enumerated().dropFirst() {
            var row = RowReader(number: offset + 1, cells: cells, names: names, headers: expected, language: language)
            if let service = row.service(staff: staff, today: today) { services.append(service) }
            problems += row.problems
        }
        return problems.isEmpty ? (services, []) : ([], problems)
    }

    /// Reads one row's cells by the header's names, noting each problem with its column.
    struct RowReader {
        let number: Int
        let cells: [String]
        let names: [String]
        /// The export's column names in the spreadsheet's language, in the export's order.
        let headers: [String]
        let language: Language
        var problems: [ImportProblem] = []

        init(number: Int, cells: [String], names: [String], headers: [String], language: Language) {
            self.number = number
            self.cells = cells
            self.names = names
            self.headers = headers
            self.language = language
        }

        /// The cell of the export's column `index` as it is in the file.
        func rawCell(_ index: Int) -> String {
            guard let position = names.firstIndex(of: headers[index]), position < cells.count else { return "" }
            return cells[position]
        }

        /// The cell checked as a typed answer is (no control characters, not too long), with the
        /// quote that made it formula-safe undone; empty when the check fails.
        func cell(_ index: Int) -> String {
            guard case .success(let value) = InputLine.decode(Array(rawCell(index).utf8)) else { return "" }
            if value.hasPrefix("'"), let next = value.dropFirst().unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(next) {
                return String(value.dropFirst())
            }
            return value
        }

        mutating func note(_ index: Int, _ problem: Localized) {
            problems.append(ImportProblem(row: number, column: headers[index], problem: problem))
        }

        mutating func required(_ index: Int) -> String? {
            let value = cell(index)
            if value.isEmpty { note(index, ImportText.required) }
            return value.isEmpty ? nil : value
        }

        mutating func date(_ index: Int, required: Bool) -> Day? {
            let value = cell(index)
            if value.isEmpty {
                if required { note(index, ImportText.required) }
                return nil
            }
            switch JapaneseDate.parse(value) {
            case .success(let day): return day
            case .failure: note(index, ImportText.notADate(value)); return nil
            }
        }

        mutating func person(_ index: Int, staff: [StaffMember]) -> NamedPerson? {
            guard let name = required(index) else { return nil }
            switch NamingRules.listed(name, among: staff) {
            case .success(let person): return person
            case .failure(let refusal):
                // The interview's refusal speaks of a draft; a spreadsheet's row needs the directory first.
                note(index, refusal == NamingRules.notListed(name, staff: staff) ? ImportText.notListed(name) : refusal)
                return nil
            }
        }

        // The export's columns: 番号 状態 課 提供会社名 提供サービス名 申請者 申請日 利用開始 利用終了 終了日
        // 重要性分類 個人情報 利用者数 サービス管理担当者 所属長名 最新の判断 判断日.
        mutating func service(staff: [StaffMember], today: Day) -> ImportedService? {
            // A spreadsheet can hold what nobody could type: escape sequences, line breaks, huge cells.
            for index in headers.indices {
                if case .failure(let problem) = InputLine.decode(Array(rawCell(index).utf8)) {
                    note(index, EngineText.lineProblem(problem))
                }
            }
            guard problems.isEmpty else { return nil }
            let status = cell(1)
            if !status.isEmpty, ![ApplicationStatus.inUse.label.ja, ApplicationStatus.inUse.label.en, ApplicationStatus.inUse.rawValue]
                .contains(status) {
                note(1, ImportText.notInUse(status))
            }
            var answers: Answers = [F.imported: .flag(true)]
            for (index, field) in [(2, F.department), (3, F.provider), (4, F.service), (5, F.applicant)] {
                if let value = required(index) { answers[field] = .text(value) }
            }
            // A service of a 課 without a 利用責任者 would wait on nobody from its first day (6(1), 7).
            if let department = answers[F.department]?.text, !staff.contains(where: { $0.reviews(department) }) {
                note(2, ImportText.noReviewer(department))
            }
            let submitted = date(6, required: false)
            let start = date(7, required: true), end = date(8, required: true)
            if let start, let end, end < start { note(8, ImportText.endsBeforeStart) }
            start.map { answers[F.periodStart] = .date($0) }
            end.map { answers[F.periodEnd] = .date($0) }
            if !cell(9).isEmpty { note(9, ImportText.alreadyEnded) }
            if !cell(10).isEmpty {
                if let level = Classification(typed: InputLine.halfwidthASCII(cell(10))) { answers[F.classification] = .classification(level) } else {
                    note(10, ImportText.notAClassification(cell(10)))
                }
            }
            if !cell(11).isEmpty {
                if let flag = YesNo.parse(cell(11)) { answers[F.personalInformation] = .flag(flag) } else { note(11, ImportText.notYesNo(cell(11))) }
            }
            if let count = required(12) {
                if let number = Int(InputLine.halfwidthASCII(count)), number >= 0 { answers[F.importedUserCount] = .text(String(number)) } else {
                    note(12, ImportText.notACount(count))
                }
            }
            person(13, staff: staff).map { answers[F.serviceManager] = .person($0) }
            person(14, staff: staff).map { answers[F.departmentHead] = .person($0) }
            if !cell(15).isEmpty {
                if let outcome = DecisionOutcome.allCases.first(where: { $0.label(language) == cell(15) || $0.rawValue == cell(15) }) {
                    answers[F.importedOutcome] = .choice(outcome.rawValue)
                } else {
                    note(15, ImportText.notADecision(cell(15)))
                }
            }
            date(16, required: false).map { answers[F.importedDecidedOn] = .date($0) }
            guard problems.isEmpty else { return nil }
            submitted.map { answers[F.importedSubmittedOn] = .date($0) }
            return ImportedService(row: number, answers: answers)
        }
    }
}

/// What `yakkan import` says.
public enum ImportText {
    static let empty = Localized("ファイルが空です。", "The file is empty.")
    static let noRows = Localized("見出しの行のほかに、取り込むサービスの行がありません。", "There is no row of services under the header.")
    static let missingColumn = Localized(
        "この列がありません。yakkan list --format csv と同じ列が必要です。", "This column is missing: the columns of yakkan list --format csv are needed.")
    static let required = Localized("空欄です。入力が必要です。", "It is empty; a value is needed.")
    static let endsBeforeStart = Localized("利用開始より前の日付です。", "It is before the period's first day.")
    static let alreadyEnded = Localized(
        "終了したサービスは取り込めません（取り込むのは利用中のサービスです）。", "An ended service cannot be imported (only services in use are).")
    static func notInUse(_ status: String) -> Localized {
        Localized(
            "「\(status)」のサービスは取り込めません。取り込めるのは利用中のサービスだけです（空欄か「利用中」）。",
            "A service that is “\(status)” cannot be imported: only services in use are (leave it empty or write “in use”).")
    }
    static func notListed(_ name: String) -> Localized {
        Localized(
            "「\(name)」は職員名簿にありません。先に yakkan staff add ログイン --name 氏名 --department 課 で登録してください。",
            "“\(name)” is not in the staff directory. Add them first: yakkan staff add LOGIN --name NAME --department 課.")
    }
    static func notADate(_ value: String) -> Localized {
        Localized("「\(value)」は日付として読めません（例：2026-04-01、令和8年4月1日）。", "“\(value)” is not a date (e.g. 2026-04-01).")
    }
    static func notAClassification(_ value: String) -> Localized {
        let scale = ProcedureScope.document.classificationScale
        return Localized(
            "「\(value)」は重要性分類ではありません（\(scale.joined(separator: "・"))）。",
            "“\(value)” is not a classification (\(scale.joined(separator: ", "))).")
    }
    static func notYesNo(_ value: String) -> Localized {
        Localized("「\(value)」は「はい」か「いいえ」で書いてください。", "Write “yes” or “no”, not “\(value)”.")
    }
    static func notACount(_ value: String) -> Localized {
        Localized("「\(value)」は人数として読めません（0 以上の整数）。", "“\(value)” is not a number of users (a whole number, 0 or more).")
    }
    static func notADecision(_ value: String) -> Localized {
        Localized("「\(value)」は判断として読めません（承認など）。", "“\(value)” is not a decision (approved, for example).")
    }
    public static func unreadable(_ path: String) -> Localized {
        Localized("\(path) を読み込めません（ファイルがないか、読む権限がありません）。", "Cannot read \(path): it does not exist, or you may not read it.")
    }
    /// Excel's plain "CSV" on a Japanese Windows is Shift_JIS: say so, and how to save UTF-8.
    public static func notUTF8(_ path: String, _ data: Data) -> Localized {
        let how = Localized(
            "Excel では「名前を付けて保存」で、ファイルの種類に「CSV UTF-8（コンマ区切り）(*.csv)」を選んで保存し直してください。",
            "In Excel, use Save As and choose the file type “CSV UTF-8 (Comma delimited) (*.csv)”.")
        if Encodings.looksLikeShiftJIS(data) {
            return Localized(
                "\(path) は Shift_JIS（Excel の「CSV（コンマ区切り）」）で保存されています。yakkan が読めるのは UTF-8 だけです。" + how.ja,
                "\(path) is saved in Shift_JIS (Excel's plain “CSV (Comma delimited)” on a Japanese Windows); yakkan reads UTF-8 only. " + how.en)
        }
        return Localized(
            "\(path) は UTF-8 のテキストではありません。yakkan が読めるのは UTF-8 の CSV だけです。" + how.ja,
            "\(path) is not UTF-8 text; yakkan reads UTF-8 CSV only. " + how.en)
    }
    static func noReviewer(_ department: String) -> Localized {
        Localized(
            "「\(department)」の利用責任者が職員名簿にいません。取り込んだサービスの変更の判断や終了確認書のダブルチェックができなくなるため、先に yakkan staff set-role ログイン --reviewer-of \(department) で利用責任者を決めてください。",
            "Nobody in the staff directory is 利用責任者 of “\(department)”, so nobody could decide on changes to the service or double-check its termination form. Name one first: yakkan staff set-role LOGIN --reviewer-of \(department).")
    }
    public static func refused(_ count: Int) -> Localized {
        Localized(
            "問題が\(count)件あるため、何も取り込みませんでした。直してからもう一度実行してください。",
            "Nothing was imported: there \(count == 1 ? "is 1 problem" : "are \(count) problems"). Correct them and run it again.")
    }
    public static func imported(_ records: [ApplicationRecord]) -> Localized {
        Localized(
            "利用中のサービスを\(records.count)件取り込みました（申請番号 \(records.first?.id ?? 0)〜\(records.last?.id ?? 0)）。監査記録には取り込みとして残ります。",
            "Imported \(records.count) service(s) in use (applications \(records.first?.id ?? 0) to \(records.last?.id ?? 0)). The audit trail records them as imported.")
    }
}
