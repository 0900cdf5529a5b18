/// The form's notice of the risks particular to click-through services (利用上のリスク), in the
/// procedure file's words. Shown in full before the applicant acknowledges it, and again to the
/// サービス管理担当者 on approval (section 5(3)).
public enum RiskNotice {
    public static var heading: Localized { ProcedureScope.document.riskHeading }

    public static var risks: [Localized] { ProcedureScope.document.risks.map(\.text) }

    /// Where the file says the shown wording departs from the source, and why.
    public static func correction(_ index: Int) -> Localized? { ProcedureScope.document.risks[index].correction }

    /// A risk as shown: one whose wording was corrected carries the note of its correction.
    public static func shown(_ index: Int) -> Localized {
        correction(index).map { risks[index] + Localized("\n  ", "\n  ") + $0 } ?? risks[index]
    }

    /// The whole notice as one text, each risk on its own line.
    public static var fullText: Localized {
        risks.indices.reduce(heading) { text, index in text + Localized("\n  ・", "\n  • ") + shown(index) }
    }
}
