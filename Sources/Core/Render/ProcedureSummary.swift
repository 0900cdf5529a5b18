/// `yakkan procedure show`: the procedure in force as a reader checks it, every text in the
/// user's language, every interval and condition as the file says it.
public enum ProcedureSummary {
    public static func text(_ document: ProcedureDocument, _ language: Language) -> String {
        let version = document.version
        var lines: [String] = []
        func add(_ text: Localized) { lines.append(text(language)) }
        add(Localized(
            "約款による外部サービスの利用手順 第\(version.version)版（\(JapaneseDate.wareki(version.enacted))・\(version.reason.ja)）",
            "Procedure for click-through services, version \(version.version) (\(JapaneseDate.english(version.enacted)), \(version.reason.en))"))
        add(Localized("保管期間：利用終了後\(period(document.retentionMonths).ja)", "Forms kept: \(period(document.retentionMonths).en) after the use ends"))
        let scale = document.classificationScale.joined(separator: language == .ja ? "・" : ", ")
        let needing = document.scaleNeedingPermission.joined(separator: language == .ja ? "・" : ", ")
        add(Localized("重要性分類：\(scale)（許可が必要：\(needing)）", "Classification: \(scale) (permission needed: \(needing))"))
        lines.append("")
        add(Localized("利用申請書の問い", "Questions of the application"))
        for (index, question) in document.applicationQuestions.enumerated() { lines += questionLines(index + 1, question, language) }
        for form in FormName.allCases {
            lines.append("")
            add(Localized("\(form.title.ja)の問い（\(form.rawValue)）", "Questions of the \(form.title.en) (\(form.rawValue))"))
            for (index, question) in document.questions(form).enumerated() { lines += questionLines(index + 1, question, language) }
        }
        lines.append("")
        add(Localized("利用申請書の確認事項", "Checks of the application"))
        lines += document.applicationChecks.flatMap { checkLines($0, language) }
        lines.append("")
        add(Localized("終了確認書の確認事項", "Checks of the termination form"))
        lines += document.terminationChecks.flatMap { checkLines($0, language) }
        lines.append("")
        add(Localized("利用中の義務", "Duties during use"))
        for duty in document.duties {
            add(Localized("  \(duty.section) ", "  \(duty.section) ") + duty.title
                + Localized("：\(interval(duty.cadence).ja)・\(role(duty.who).ja)", ": \(interval(duty.cadence).en), by the \(role(duty.who).en)"))
        }
        lines.append("")
        add(Localized("利用上のリスク", "Risks"))
        add(Localized("  ", "  ") + document.riskHeading)
        for risk in document.risks { add(Localized("  ・", "  • ") + risk.text) }
        lines.append("")
        add(document.breach)
        return lines.joined(separator: "\n")
    }

    /// A question by its label, id and answer kind as the file writes them, then its conditions.
    static func questionLines(_ number: Int, _ question: QuestionDefinition, _ language: Language) -> [String] {
        let kind = Localized("（\(question.id)・\(question.answer.rawValue)）：", " (\(question.id), \(question.answer.rawValue)): ")
        var lines = ["  \(number). " + (question.label + kind + question.question)(language)]
        if question.optional { lines.append(Localized("     省略可", "     may be left empty")(language)) }
        if let optional = question.optionalWhen {
            lines.append(Localized("     省略できるとき：", "     may be left empty when ")(language) + ConditionWording.text(optional, language))
        }
        if question.each == .user { lines.append(Localized("     利用者ごとに尋ねる", "     asked for each user")(language)) }
        if let asked = question.askedWhen {
            lines.append(Localized("     尋ねるとき：", "     asked when ")(language) + ConditionWording.text(asked, language))
        }
        if let stop = question.stopsSubmission {
            lines.append(Localized("     提出できないとき：", "     cannot be sent when ")(language) + ConditionWording.text(stop.when, language))
        }
        return lines
    }

    static func checkLines(_ check: CheckDefinition, _ language: Language) -> [String] {
        var lines = ["  \(check.number). " + check.text(language)]
        if let rule = check.notApplicable {
            if let refused = rule.refusedWhen {
                lines.append(Localized("     ／にできないとき：", "     ／ refused when ")(language) + ConditionWording.text(refused, language))
            }
            if let offered = rule.defaultWhen {
                lines.append(Localized("     ／を既定とするとき：", "     ／ offered when ")(language) + ConditionWording.text(offered, language))
            }
        }
        if check.blocks { lines.append(Localized("     ×では確認できません", "     cannot be confirmed with ×")(language)) }
        if check.evidenceRequired { lines.append(Localized("     ○には資料の添付が必要", "     a ○ needs a file attached")(language)) }
        if let months = check.showsIncidentsWithinMonths {
            lines.append(Localized("     記録されたインシデント（過去\(period(months).ja)）を示す", "     shows incidents on record (past \(period(months).en))")(language))
        }
        return lines
    }

    static func period(_ months: Int) -> Localized { WrittenPeriod.said(months: months) }

    static func interval(_ cadence: DutySchedule.Cadence?) -> Localized {
        switch cadence {
        case .week: return Localized("毎週", "weekly")
        case .month: return Localized("毎月", "monthly")
        case .fiscalQuarter: return Localized("四半期ごと", "each fiscal quarter")
        case .fiscalHalf: return Localized("半年ごと", "each fiscal half-year")
        case .fiscalYear: return Localized("毎年度", "each fiscal year")
        case nil: return Localized("随時", "as needed")
        }
    }

    static func role(_ role: DutyRole) -> Localized {
        switch role {
        case .serviceManager: return Localized("サービス管理担当者", "service manager (サービス管理担当者)")
        case .responsible: return Localized("利用責任者", "利用責任者")
        case .staff: return Localized("職員等", "staff (職員等)")
        }
    }
}

/// A condition of the procedure file said as a sentence.
public enum ConditionWording {
    public static func text(_ condition: AnswerCondition, _ language: Language) -> String {
        switch condition {
        case .answer(let id, let value):
            return Localized("「\(id)」が \(value)", "\(id) is \(value)")(language)
        case .all(let conditions):
            return conditions.map { text($0, language) }.joined(separator: Localized("、かつ ", " and ")(language))
        case .any(let conditions):
            return conditions.map { text($0, language) }.joined(separator: Localized("、または ", " or ")(language))
        case .not(let inner):
            return Localized("次でない：", "not: ")(language) + text(inner, language)
        case .needsPermission(let id, _):
            return Localized("「\(id)」が許可の必要な分類", "\(id) is a class needing permission")(language)
        }
    }
}
