/// Section 5(3): on approval the サービス管理担当者 is made to understand the risks particular to
/// click-through services. Each risk of the form's notice is shown and acknowledged on its own.
public enum AcknowledgementProcedure {
    public static let id = "acknowledgement"

    public static var procedure: Procedure { Procedure(
        id: id,
        title: Localized("リスクの確認", "Risks"),
        fields: RiskNotice.risks.indices.map { index in
            Field(
                "risk\(index + 1)",
                label: Localized("リスク\(index + 1)", "Risk \(index + 1)"),
                question: ProcedureScope.document.eachRiskQuestion.question,
                help: ProcedureScope.document.eachRiskQuestion.help,
                kind: .acknowledgement,
                preamble: (index == 0 ? RiskNotice.heading + Localized("\n", "\n") : Localized("", ""))
                    + Localized("・", "• ") + RiskNotice.shown(index))
        }) }
}
