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
                question: Localized("このリスクを理解しましたか？（はい）", "Do you understand this risk? (yes)"),
                help: Localized(
                    "承認された約款による外部サービスを使い始める前に、サービス管理担当者が様式の4つのリスクを一つずつ確認します。確認した日時と氏名が記録されます。",
                    "Before an approved service is used, its service manager acknowledges each of the form's four risks. The name and time are recorded."),
                kind: .acknowledgement,
                preamble: (index == 0 ? RiskNotice.heading + Localized("\n", "\n") : Localized("", ""))
                    + Localized("・", "• ") + RiskNotice.shown(index))
        }) }
}
