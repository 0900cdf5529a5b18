/// What the procedure says of itself beyond its steps: section 8, and where the product's
/// wording departs from the source on purpose. Shown where staff commit to the procedure.
public enum SourceNotes {
    /// Section 8 (その他), in the source's words: breaking the procedure is punishable.
    public static let breach = Localized(
        "【手順書8 その他】上記内容に違反した場合は、地方公務員法に基づき、処罰の対象となる。",
        "[Procedure, section 8] A breach of this procedure can be punished under the Local Public Service Act (地方公務員法).")

    /// The form's third risk reads 「…取扱いは保障される、損害賠償も…」 in the source, which
    /// says the opposite of what the sentence means; the notice keeps the corrected wording and
    /// says so wherever the risk is shown.
    public static let thirdRiskCorrection = Localized(
        "※原文（様式）は「預けた情報の取扱いは保障される、」ですが、文意から「保障されず、」と訂正して表示しています。",
        "※ The source form reads 「保障される」 (is guaranteed); from the sentence's sense it is shown corrected to \"is not guaranteed\".")
}
