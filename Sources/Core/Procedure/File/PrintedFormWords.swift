import Yams

/// The words of the 様式 that are not questions or checks (`printed_form:`): each form's title,
/// its opening sentence, the ※ remarks, the heading of the checks with its instruction and
/// columns, the heading of the 利用責任者's block. `show`, the printed form and the exports
/// read them under the form's own version, like its questions.
public struct PrintedFormWords: Sendable, Equatable {
    public let title: Localized
    /// The sentence under the title (以下の通り…).
    public let lead: Localized
    /// The box of the day the form was handed in (申請日).
    public let date: Localized
    /// The ※ remark under the service's description.
    public let detailRemark: Localized
    /// ※…を添付のこと, under the boxes.
    public let attachRemark: Localized
    /// 確認事項, and what the form says of who marks them.
    public let checks: Localized
    public let checksInstruction: Localized
    public let checkColumn: Localized
    public let applicantColumn: Localized
    public let reviewerColumn: Localized
    /// The ※ remark under the checks, on their evidence.
    public let evidenceRemark: Localized
    /// The heading of the 利用責任者's decisions.
    public let decision: Localized
    /// The application's 利用期間 box; nil on the termination form.
    public let period: Localized?
    /// The termination form's 利用する組織名 box; nil on the application.
    public let department: Localized?
    /// The termination form's 保管期限, `{retention}` replaced by the file's retention.
    public let keptUntil: Localized?

    static let common = [
        "title", "lead", "date", "detail_remark", "attach_remark", "checks", "checks_instruction",
        "check_column", "applicant_column", "reviewer_column", "evidence_remark", "decision",
    ]
    static let applicationOnly = ["period"]
    static let terminationOnly = ["department", "kept_until"]
}

/// Both forms' words. A file written before the section existed prints with the built-in
/// file's words, which are the village's 様式 as the 1.0 document has them.
public struct PrintedForms: Sendable, Equatable {
    public let application: PrintedFormWords
    public let termination: PrintedFormWords
}

extension NodeReader {
    func printedForms(_ node: Node?) -> PrintedForms? {
        guard let node else { return nil }
        let keys = ["application", "termination"]
        guard let found = entries(node, allowed: keys, required: keys) else { return nil }
        let application = printedFormWords(found["application"], own: PrintedFormWords.applicationOnly)
        let termination = printedFormWords(found["termination"], own: PrintedFormWords.terminationOnly)
        guard let application, let termination else { return nil }
        return PrintedForms(application: application, termination: termination)
    }

    private func printedFormWords(_ node: Node?, own: [String]) -> PrintedFormWords? {
        guard let node else { return nil }
        let keys = PrintedFormWords.common + own
        guard let found = entries(node, allowed: keys, required: keys) else { return nil }
        var read: [String: Localized] = [:]
        for key in keys {
            if let text = text(found[key]) { read[key] = text }
        }
        if let kept = read["kept_until"], !(kept.ja.contains("{retention}") && kept.en.contains("{retention}")) {
            note(found["kept_until"], .missingPlaceholder("{retention}"))
        }
        guard read.count == keys.count, let title = read["title"], let lead = read["lead"], let date = read["date"],
              let detail = read["detail_remark"], let attach = read["attach_remark"], let checks = read["checks"],
              let instruction = read["checks_instruction"], let checkColumn = read["check_column"],
              let applicant = read["applicant_column"], let reviewer = read["reviewer_column"],
              let evidence = read["evidence_remark"], let decision = read["decision"]
        else { return nil }
        return PrintedFormWords(
            title: title, lead: lead, date: date, detailRemark: detail, attachRemark: attach, checks: checks,
            checksInstruction: instruction, checkColumn: checkColumn, applicantColumn: applicant, reviewerColumn: reviewer,
            evidenceRemark: evidence, decision: decision, period: read["period"], department: read["department"],
            keptUntil: read["kept_until"])
    }
}
