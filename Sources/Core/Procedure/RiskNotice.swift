/// The form's notice of the risks particular to click-through services (利用上のリスク),
/// in the form's own words. Shown in full before the applicant acknowledges it, and again
/// to the サービス管理担当者 on approval (section 5(3)).
public enum RiskNotice {
    public static let heading = Localized(
        "約款による外部サービスには特有のリスクが存在する。これを理解したうえで利用すること。",
        "Services used under click-through terms carry risks of their own. Use them only once you understand these.")

    public static let risks: [Localized] = [
        Localized(
            "サービス提供者は、保存された情報を自由に利用することが可能である。",
            "The provider can use the stored information freely."),
        Localized(
            "情報が意に反して公開されてしまった場合や、情報が改ざんされた場合でも、サービス提供者は一切の責任を負わない。",
            "If information is published against your will or altered, the provider takes no responsibility at all."),
        Localized(
            "突然サービス停止に陥ることがある。その際に預けた情報の取扱いは保障されず、損害賠償も行われない場合がある。",
            "The service may stop suddenly. What happens to the information entrusted to it is not guaranteed, and no damages may be paid."),
        Localized(
            "利用上の不都合、不利益等が発生してもサービス提供者が個々の対応には応じない場合が多く、万が一対応を承諾された場合にでも、その対応には時間を要することが多い。",
            "When problems or losses arise, the provider often will not deal with individual cases, and even when it agrees to, it usually takes a long time."),
    ]

    /// The risk whose wording is corrected from the source (see SourceNotes), by its index.
    public static let correctedRisk = 2

    /// A risk as shown: the third carries the note of its correction.
    public static func shown(_ index: Int) -> Localized {
        index == correctedRisk ? risks[index] + Localized("\n  ", "\n  ") + SourceNotes.thirdRiskCorrection : risks[index]
    }

    /// The whole notice as one text, each risk on its own line.
    public static var fullText: Localized {
        risks.indices.reduce(heading) { text, index in text + Localized("\n  ・", "\n  • ") + shown(index) }
    }
}
