/// The filled 利用申請書 as one printable, self-contained HTML5 document, laid out like the
/// 様式: the bordered field table in the form's order, the 確認事項 table with the 申請者 and
/// 責任者 columns, the risk notice and the 利用責任者's block.
///
/// Self-contained: inline CSS only, no scripts, no web fonts, no resource of any kind to
/// fetch, so it prints the same offline. The font stack prefers the Japanese fonts Debian
/// packages. `@page` sets A4 with 15 mm margins and rows never split across pages, so a
/// normal application prints on one or two sheets.
///
/// Built from reusable pieces so a second form (the 終了確認書) can be appended to the same
/// document later: `page(title:language:forms:)` wraps any number of `<article class="form">`
/// (each starts on a new sheet), `section` makes a titled bordered table of label/value rows,
/// `checksTable` the NO / 確認内容 / 申請者 / 責任者 table of any list of `CheckItem`s.
public enum FormHTML {
    typealias F = ApplicationFields

    /// The whole document for one application.
    public static func document(_ record: ApplicationRecord, today: Day, _ language: Language) -> String {
        page(title: ProcedureScope.forForm(record) { FormText.application.title(language) } + " \(record.id)", language: language,
             forms: [applicationForm(record, today: today, language)] + [terminationForm(record, language)].compactMap { $0 })
    }

    // MARK: - The 利用申請書

    /// The 利用申請書 as one `<article>`, to be put in a `page`.
    public static func applicationForm(_ record: ApplicationRecord, today: Day, _ language: Language) -> String {
        ProcedureScope.forForm(record) { applicationFormUnderItsVersion(record, today: today, language) }
    }

    /// The form read with the checks and notices of the version it was made under.
    private static func applicationFormUnderItsVersion(_ record: ApplicationRecord, today: Day, _ language: Language) -> String {
        let a = record.answers
        func label(_ id: String) -> String { ApplicationProcedure.procedure.field(id)?.label(language) ?? id }
        func text(_ id: String) -> String {
            guard let value = a[id] else { return "" }
            if case .skipped = value { return "" }
            return escape(AnswerFormat.inline(value, language))
        }
        func list(_ id: String, extra: String? = nil) -> String {
            itemList(a[id]?.list ?? [], extra: extra)
        }
        func files(_ id: String) -> String {
            (a[id]?.files ?? []).map { escape($0.fileName) }.joined(separator: "<br>")
        }
        func date(_ day: Day?) -> String { day.map { escape(AnswerFormat.date($0, language)) } ?? "" }

        let applicant = [text(F.applicant), record.applicantLogin.isEmpty ? "" : "<span class=\"login\">(\(escape(record.applicantLogin)))</span>"]
            .filter { !$0.isEmpty }.joined(separator: " ")
        let userCount = record.userCount
        let period = "\(date(a[F.periodStart]?.date)) ～ \(date(a[F.periodEnd]?.date))"

        let serviceRows: [Row] = [
            .pair(FormText.application.date(language), date(record.applicationDay), label(F.applicant), applicant),
            .full(label(F.department), text(F.department)),
            .full(label(F.provider), text(F.provider)),
            .full(label(F.service), "<strong class=\"service\">\(text(F.service))</strong>"),
            .full(label(F.description), detailed(multiline(text(F.description)), FormText.application, language)),
            .full(label(F.purpose), multiline(text(F.purpose))),
            .full(label(F.informationKinds), list(F.informationKinds)),
            .full(label(F.classification), text(F.classification)),
            .pair(label(F.personalInformation), text(F.personalInformation), label(F.overseas), text(F.overseas)),
            .full(label(F.users), list(F.users, extra: escape(FormText.userTotal(userCount)(language)))),
            .full(FormText.application.period?(language) ?? "", period),
            .pair(label(F.serviceManager), text(F.serviceManager), label(F.departmentHead), text(F.departmentHead)),
            .full(label(F.alternative), multiline(text(F.alternative))),
            .full(label(F.signupRecord), files(F.signupRecord)),
            .full(label(F.terms), files(F.terms)),
        ] + (a[F.termsAddresses]?.list?.isEmpty == false || !TermsRecord.history(record).isEmpty
            ? [.full(label(F.termsAddresses), list(F.termsAddresses, extra: TermsCheckText.lastChecks(record).map { escape($0(language)) }.joined(separator: "<br>")))]
            : [])
            + ApplicationProcedure.addedQuestions.filter { a[$0.id] != nil }.map { .full($0.label(language), multiline(text($0.id))) }

        var marksByApplicant: [Int: Mark] = [:]
        var marksByReviewer: [Int: Mark] = [:]
        var notes: [Int: [String]] = [:]
        let review = record.latestDecision?.answers ?? [:]
        for item in ApplicationChecks.items {
            marksByApplicant[item.number] = a[item.markID]?.mark
            marksByReviewer[item.number] = review[ReviewFields.mark(item.number)]?.mark
            var lines: [String] = []
            if let note = a[item.noteID]?.text, !note.isEmpty {
                lines.append(FormText.applicantNote(language) + note)
            }
            if let note = review[ReviewFields.note(item.number)]?.text, !note.isEmpty {
                lines.append(FormText.reviewerNote(language) + note)
            }
            for file in a[item.evidenceID]?.files ?? [] {
                lines.append(FormText.evidence(language) + file.fileName)
            }
            notes[item.number] = lines
        }

        var html = "<article class=\"form\">\n"
        html += "<header>\n<p class=\"meta\"><span>\(escape(FormText.applicationNumber(language))) \(record.id)</span>"
            + "<span class=\"status\">\(escape(record.status.label(periodStart: record.periodStart, today: today)(language)))</span></p>\n"
        html += "<h1>\(escape(FormText.application.title(language)))</h1>\n"
        html += "<p class=\"lead\">\(escape(FormText.application.lead(language)))</p>\n</header>\n"
        html += section(nil, rows: serviceRows, className: "fields")
        html += "<p class=\"remark\">\(escape(FormText.application.attachRemark(language)))</p>\n"
        html += checksTable(
            items: ApplicationChecks.items, words: FormText.application, applicantMarks: marksByApplicant, reviewerMarks: marksByReviewer,
            notes: notes, language: language)
        html += "<p class=\"remark\">\(escape(FormText.application.evidenceRemark(language)))</p>\n"
        html += riskNotice(understood: text(F.risks), label: label(F.risks), language)
        html += approval(record, language)
        html += duringUse(record, language)
        html += attachments(record, language)
        let version = ProcedureScope.document.version
        html += "<footer>\(escape(FormText.madeUnder(record.procedureVersion, version)(language)))"
            + (record.lastEntry.map { "<br>" + escape(FormText.loggedAs($0)(language)) } ?? "") + "</footer>\n"
        html += "</article>\n"
        return html
    }

    // MARK: - Reusable pieces

    /// A row of a bordered field table: one label and its value across the width, or two
    /// label/value pairs side by side (申請日 | 申請者, サービス管理担当者 | 所属長名).
    /// Values are HTML, already escaped.
    public enum Row: Sendable {
        case full(String, String)
        case pair(String, String, String, String)
    }

    /// A titled (or untitled) bordered table of label/value rows. Labels are escaped here;
    /// values are HTML.
    public static func section(_ title: String?, rows: [Row], className: String = "") -> String {
        var html = "<section class=\"\(escape(["table", className].filter { !$0.isEmpty }.joined(separator: " ")))\">\n"
        if let title { html += "<h2>\(escape(title))</h2>\n" }
        html += "<table class=\"grid\">\n<colgroup><col class=\"label\"><col><col class=\"label\"><col></colgroup>\n<tbody>\n"
        for row in rows {
            switch row {
            case .full(let label, let value):
                html += "<tr><th scope=\"row\">\(escape(label))</th><td colspan=\"3\">\(value)</td></tr>\n"
            case .pair(let label1, let value1, let label2, let value2):
                html += "<tr><th scope=\"row\">\(escape(label1))</th><td>\(value1)</td>"
                    + "<th scope=\"row\">\(escape(label2))</th><td>\(value2)</td></tr>\n"
            }
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    /// The 確認事項 table: NO, 確認内容, 申請者, 責任者, with the legend in the heading and,
    /// under each check, its notes (plain text, escaped here). A missing mark is an empty
    /// box, as on paper.
    public static func checksTable(
        items: [CheckItem], words: PrintedFormWords, applicantMarks: [Int: Mark], reviewerMarks: [Int: Mark],
        notes: [Int: [String]] = [:], language: Language = .ja
    ) -> String {
        var html = "<section class=\"checks\">\n"
        html += "<h2>\(escape(FormText.checksTitle(words)(language)))</h2>\n"
        html += "<table class=\"grid checks\">\n<colgroup><col class=\"no\"><col><col class=\"mark\"><col class=\"mark\"></colgroup>\n"
        html += "<thead><tr><th>NO</th><th>\(escape(words.checkColumn(language)))"
            + " <span class=\"legend\">\(escape(FormText.legend(language)))</span></th>"
            + "<th>\(escape(words.applicantColumn(language)))</th><th>\(escape(words.reviewerColumn(language)))</th></tr></thead>\n"
        for item in items {
            let lines = notes[item.number] ?? []
            html += "<tbody class=\"check\">\n"
            html += "<tr><td class=\"no\"\(lines.isEmpty ? "" : " rowspan=\"2\"")>\(item.number)</td>"
                + "<td class=\"question\">\(escape(item.text(language)))</td>"
                + "<td class=\"mark\">\(applicantMarks[item.number].map { escape($0.symbol) } ?? "")</td>"
                + "<td class=\"mark\">\(reviewerMarks[item.number].map { escape($0.symbol) } ?? "")</td></tr>\n"
            if !lines.isEmpty {
                html += "<tr class=\"note\"><td colspan=\"3\">"
                    + lines.map { escape($0) }.joined(separator: "<br>") + "</td></tr>\n"
            }
            html += "</tbody>\n"
        }
        html += "</table>\n</section>\n"
        return html
    }

    /// The notice of risks particular to click-through services, and the applicant's answer.
    static func riskNotice(understood: String, label: String, _ language: Language) -> String {
        var html = "<section class=\"risks\">\n<p class=\"heading\">\(escape(RiskNotice.heading(language)))</p>\n<ul>\n"
        for (index, risk) in RiskNotice.risks.enumerated() {
            let note = RiskNotice.correction(index).map { "<br><span class=\"note\">\(escape($0(language)))</span>" } ?? ""
            html += "<li>\(escape(risk(language)))\(note)</li>\n"
        }
        html += "</ul>\n"
        if !understood.isEmpty { html += "<p class=\"understood\">\(escape(label))：\(understood)</p>\n" }
        html += "</section>\n"
        return html
    }

    /// The 利用責任者's block: every decision, dated in 和暦 and named, and the service manager's
    /// acknowledgement of the risks.
    static func approval(_ record: ApplicationRecord, _ language: Language) -> String {
        func day(_ timestamp: String) -> String {
            escape(Village.day(ofTimestamp: timestamp).map { AnswerFormat.date($0, language) } ?? timestamp)
        }
        var html = "<section class=\"approval\">\n<h2>\(escape(FormText.application.decision(language)))</h2>\n"
        html += "<table class=\"grid\">\n<thead><tr><th>\(escape(FormText.decidedOn(language)))</th>"
            + "<th>\(escape(FormText.decision(language)))</th><th>\(escape(FormText.reviewer(language)))</th>"
            + "<th>\(escape(FormText.remarks(language)))</th></tr></thead>\n<tbody>\n"
        if let imported = ImportActions.importedDecision(record) {
            html += "<tr class=\"empty\"><td colspan=\"4\">\(escape(imported(language)))</td></tr>\n"
        } else if record.decisions.isEmpty {
            html += "<tr class=\"empty\"><td colspan=\"4\">\(escape(FormText.notReviewed(language)))</td></tr>\n"
        }
        for decision in record.decisions {
            var remarks = [FormText.onSubmission(decision, among: record.decisions)(language)]
            if let reason = decision.reason, !reason.isEmpty { remarks.append(FormText.reason(language) + reason) }
            if decision.answers[ReviewFields.permitClassification]?.flag == true {
                remarks.append(FormText.classificationPermitted(language) + (decision.answers[ReviewFields.permitReason]?.text ?? ""))
            }
            html += "<tr><td class=\"date\">\(day(decision.decidedAt))</td>"
                + "<td class=\"outcome\">\(escape(decision.outcome.label(language)))</td>"
                + "<td>\(escape(decision.reviewerName)) <span class=\"login\">(\(escape(decision.reviewerLogin)))</span></td>"
                + "<td>\(remarks.map { escape($0) }.joined(separator: "<br>"))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if let acknowledgement = record.acknowledgement {
            html += "<p class=\"acknowledgement\">\(escape(FormText.acknowledged(language))) "
                + "\(day(acknowledgement.acknowledgedAt)) \(escape(acknowledgement.name)) "
                + "<span class=\"login\">(\(escape(acknowledgement.login)))</span></p>\n"
            if let approval = record.approval {
                html += "<p class=\"acknowledgement\">\(escape(FormText.explained(language))) \(escape(approval.reviewerName)) "
                    + "<span class=\"login\">(\(escape(approval.reviewerLogin)))</span></p>\n"
            }
        }
        html += "</section>\n"
        return html
    }

    /// Section 6: what was recorded while the service was in use.
    static func duringUse(_ record: ApplicationRecord, _ language: Language) -> String {
        let events = ServiceLife.events(record, language)
        guard !events.isEmpty else { return "" }
        var html = "<section class=\"use\">\n<h2>\(escape(FormText.duringUseTitle(language)))</h2>\n<table class=\"grid\">\n<tbody>\n"
        for event in events {
            let details = ([escape(event.title)] + event.details.map(escape)).joined(separator: "<br>")
            html += "<tr><td class=\"date\">\(escape(event.day))</td><td>\(details)</td>"
                + "<td class=\"login\">\(escape(event.by))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    /// Every attached file, of the application and of its termination, with its size and full
    /// SHA-256, so the paper names exactly the files the store keeps.
    static func attachments(_ record: ApplicationRecord, _ language: Language) -> String {
        let termination = TerminationProcedure.procedure(for: record)
        let files = record.attachments + (record.termination?.answers.attachments ?? [])
        guard !files.isEmpty else { return "" }
        var html = "<section class=\"attachments\">\n<h2>\(escape(FormText.attachmentsTitle(language)))</h2>\n"
        html += "<table class=\"grid\">\n<colgroup><col class=\"item\"><col><col class=\"size\"><col class=\"hash\"></colgroup>\n"
        html += "<thead><tr><th>\(escape(FormText.attachedTo(language)))</th>"
            + "<th>\(escape(FormText.fileName(language)))</th><th>\(escape(FormText.size(language)))</th>"
            + "<th>SHA-256</th></tr></thead>\n<tbody>\n"
        for (field, attachment) in files {
            let label = (ApplicationProcedure.procedure.field(field) ?? termination.field(field))?.label(language) ?? field
            html += "<tr><td>\(escape(label))</td><td>\(escape(attachment.fileName))</td>"
                + "<td class=\"size\">\(escape(FormText.bytes(attachment.size)(language)))</td>"
                + "<td class=\"hash\">\(escape(attachment.sha256))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    /// A value the form asks to be written in detail, with the form's ※ note under it.
    static func detailed(_ html: String, _ words: PrintedFormWords, _ language: Language) -> String {
        html + "<p class=\"remark\">\(escape(words.detailRemark(language)))</p>"
    }

    /// A bulleted list of escaped items, with an optional last line of HTML (the users' total).
    static func itemList(_ items: [String], extra: String? = nil) -> String {
        var html = items.isEmpty ? "" : "<ul class=\"items\">" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        if let extra { html += "<p class=\"total\">\(extra)</p>" }
        return html
    }

    /// Keeps the line breaks of escaped text.
    static func multiline(_ escaped: String) -> String {
        escaped.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "<br>")
    }

    /// A whole HTML5 document around one or more forms; each form after the first starts a
    /// new sheet.
    public static func page(title: String, language: Language, forms: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(stylesheet)</style>
        </head>
        <body>

        """ + forms.joined(separator: "\n") + "</body>\n</html>\n"
    }

    /// Text made safe in HTML content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static let stylesheet = """
        @page { size: A4; margin: 15mm; }
        html { font-family: "Noto Sans CJK JP", "IPAexGothic", "IPAGothic", sans-serif; font-size: 9pt; line-height: 1.3; color: #000; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; }
        @media screen { body { max-width: 180mm; margin: 10mm auto; padding: 0 5mm; } }
        article.form + article.form { break-before: page; }
        header .meta { display: flex; justify-content: space-between; margin: 0; font-size: 8.5pt; }
        header .status { border: 0.6pt solid #000; padding: 0 2mm; }
        h1 { font-size: 15pt; text-align: center; letter-spacing: 0.1em; margin: 1mm 0 2mm; }
        h2 { font-size: 10pt; margin: 2.5mm 0 1mm; break-after: avoid; page-break-after: avoid; }
        p { margin: 1mm 0; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; }
        th, td { border: 0.6pt solid #000; padding: 0.6mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        th { background: #eee; font-weight: normal; }
        col.label { width: 32mm; }
        tr, tbody.check, li, section.risks, header, footer { break-inside: avoid; page-break-inside: avoid; }
        ul { margin: 0; padding-left: 5mm; }
        ul.items { list-style: "・"; padding-left: 4mm; }
        .total { margin: 0; }
        .login { color: #444; font-size: 8pt; }
        .service { font-weight: bold; }
        .remark { font-size: 8pt; }
        .legend { font-size: 8pt; font-weight: normal; }
        table.checks col.no { width: 9mm; }
        table.checks col.mark { width: 17mm; }
        table.checks th { text-align: center; }
        table.checks thead th { font-size: 8pt; }
        table.checks td.no, table.checks td.mark { text-align: center; vertical-align: middle; }
        table.checks td.mark { font-size: 11pt; line-height: 1.1; }
        table.checks tr.note td { font-size: 7.5pt; line-height: 1.2; border-top-style: dotted; }
        section.risks { border: 0.6pt solid #000; padding: 1mm 2mm; margin-top: 2mm; }
        section.risks .heading { font-weight: bold; margin-top: 0; }
        section.approval td.date, section.use td.date { white-space: nowrap; }
        section.attachments { font-size: 8pt; }
        section.attachments td.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 7pt; word-break: break-all; }
        section.attachments td.size { text-align: right; white-space: nowrap; }
        section.attachments table { line-height: 1.2; }
        section.attachments col.item { width: 34mm; }
        section.attachments col.size { width: 17mm; }
        section.attachments col.hash { width: 55mm; }
        footer { margin-top: 3mm; font-size: 8pt; text-align: right; }

        """
}

/// The words of the printable form that are not field labels. The 様式's own (titles, remarks,
/// the checks' heading) come from the procedure file of the form's version; what remains here is
/// yakkan's, which the paper form has no box for (numbers, notes, attachments' hashes).
enum FormText {
    static var application: PrintedFormWords { ProcedureScope.document.printedForms.application }
    static var termination: PrintedFormWords { ProcedureScope.document.printedForms.termination }
    static let applicationNumber = Localized("申請番号", "Application")
    static func userTotal(_ n: Int) -> Localized { ApplicationProcedure.userTotal(n) }
    /// 「■確認事項（申請者がチェックすること。…）」 as the 様式 heads its checks.
    static func checksTitle(_ words: PrintedFormWords) -> Localized {
        heading(words.checks + Localized(words.checksInstruction.ja, " " + words.checksInstruction.en))
    }
    /// A heading of the 様式 (the 利用責任者's block, say), after its ■.
    static func heading(_ words: Localized) -> Localized { Localized("■", "■ ") + words }
    /// The legend of the marks as the file of the form's version writes it.
    static var legend: Localized {
        let marks = ProcedureScope.document.markLegend
        return Localized("（凡例：\(marks.ja)）", "(\(marks.en))")
    }
    /// The 保管期限 under the termination form, with the retention of the form's version.
    static var keptUntil: Localized {
        let words = termination.keptUntil ?? Localized("{retention}", "{retention}")
        return FormSetting.filled(words, ["retention": WrittenPeriod.said(months: ProcedureScope.document.retentionMonths)])
    }
    static let applicantNote = Localized("備考：", "Note: ")
    static let reviewerNote = Localized("責任者の備考：", "Reviewer's note: ")
    static let evidence = Localized("資料：", "Evidence: ")
    static let decidedOn = Localized("日付", "Date")
    static let decision = Localized("判断", "Decision")
    static let reviewer = Localized("利用責任者", "利用責任者")
    static let remarks = Localized("備考", "Remarks")
    static let notReviewed = Localized("（未確認）", "(not yet reviewed)")
    /// Which submission a decision was made on, counted as the applicant counts them: the
    /// stored version also counts the saves of a returned draft, so 「第3版」 would follow a
    /// single resubmission.
    static func onSubmission(_ decision: Decision, among decisions: [Decision]) -> Localized {
        let earlier = Set(decisions.filter { $0.form == decision.form && $0.applicationVersion < decision.applicationVersion }.map(\.applicationVersion))
        let ordinal = earlier.count + 1
        return ordinal == 1
            ? Localized("最初の提出に対して", "on the first submission")
            : Localized("\(ordinal)回目の提出（再提出）に対して", "on submission \(ordinal) (resubmitted)")
    }
    static let reason = Localized("理由：", "Reason: ")
    /// The classes needing permission on the scale of the form's version.
    static var classificationPermitted: Localized {
        let needing = classesNeedingPermission
        return Localized("重要性分類\(needing.ja)の許可（決裁）：", "Class \(needing.en) permitted: ")
    }
    static var classesNeedingPermission: Localized {
        let needing = ProcedureScope.document.scaleNeedingPermission
        return Localized(needing.joined(separator: "・"), needing.joined(separator: "/"))
    }
    static let acknowledged = Localized(
        "リスクの確認（サービス管理担当者）：", "Risks acknowledged by the service manager:")
    static let explained = Localized("リスクの説明（利用責任者）：", "Risks explained by the 利用責任者:")
    static let attachmentsTitle = Localized("添付資料", "Attachments")
    static let duringUseTitle = Localized("利用中の記録", "During use")
    static let attachedTo = Localized("項目", "Item")
    static let fileName = Localized("ファイル名", "File")
    static let size = Localized("バイト数", "Bytes")
    /// 412,903: digits grouped by three in both languages.
    static func bytes(_ n: Int64) -> Localized {
        let digits = Array(String(n))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0, digit != "-", digits[index - 1] != "-" { grouped += "," }
            grouped.append(digit)
        }
        return Localized(grouped, grouped)
    }
    /// The log entry the form was printed at, so that the paper copy can be checked against the
    /// store (yakkan audit verify) and names what a rolled-back store has lost.
    static func loggedAs(_ entry: LogHead) -> Localized {
        Localized(
            "監査記録 \(entry.sequence)番（\(entry.hash.prefix(12))）までの内容",
            "As of audit entry \(entry.sequence) (\(entry.hash.prefix(12)))")
    }

    static func madeUnder(_ procedureVersion: String, _ version: ProcedureVersion) -> Localized {
        Localized(
            "手順書 \(procedureVersion) 版（\(JapaneseDate.wareki(version.enacted)) \(version.reason.ja)）に基づく申請",
            "Made under procedure version \(procedureVersion) (\(JapaneseDate.english(version.enacted)), \(version.reason.en))")
    }
}
