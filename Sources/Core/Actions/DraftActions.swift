/// What an applicant may take back: a draft of their own, and an application they submitted
/// that nobody has decided yet. Asked by the shell first and by the store again inside the
/// transaction that records it, and verify again for every signed command (Decide).
public enum DraftActions {
    /// Only the one who wrote a draft throws it away.
    public static func mayDiscard(_ draft: Draft, login: String) -> Localized? {
        draft.owner == login ? nil : Localized(
            "この下書きは\(draft.owner)さんのものです。捨てられるのは書いた本人だけです。",
            "This draft is \(draft.owner)'s; only the one who wrote it can discard it.")
    }

    static let notYourDraft = Localized(
        "この下書きはあなたのものではないか、すでにありません。捨てられるのは書いた本人だけです。",
        "This draft is not yours, or is gone already; only the one who wrote it can discard it.")

    /// An application is withdrawn by its applicant while it waits for the double check, or
    /// while it is back with them for correction; once decided, it is on the record.
    public static func mayWithdraw(_ application: ApplicationRecord, login: String) -> Localized? {
        guard application.applicantLogin == login else {
            return Localized(
                "申請番号 \(application.id) を取り下げられるのは申請者（\(application.applicantLogin)）だけです。",
                "Only its applicant (\(application.applicantLogin)) can withdraw application \(application.id).")
        }
        if application.status == .withdrawn {
            return Localized("申請番号 \(application.id) はすでに取り下げられています。", "Application \(application.id) is already withdrawn.")
        }
        return withdrawable.contains(application.status) ? nil : Localized(
            "申請番号 \(application.id) は\(application.status.label.ja)のため取り下げられません。取り下げは利用責任者の判断の前（確認待ち・差し戻し）だけです。",
            "Application \(application.id) is \(application.status.label.en) and cannot be withdrawn: only before the 利用責任者 decides (awaiting review or returned).")
    }

    /// The statuses from which an applicant may withdraw.
    static let withdrawable: Set<ApplicationStatus> = [.submitted, .returned]

    public static func discarded(_ draft: Draft) -> Localized {
        let name = draft.serviceName
        return Localized(
            "下書き（\(name.isEmpty ? "名称未入力" : name)）を捨てました。",
            "Discarded the draft (\(name.isEmpty ? "no name yet" : name)).")
    }

    public static func withdrawn(_ application: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(application.id)（\(application.provider) / \(application.service)）を取り下げました。記録は残り、yakkan show \(application.id) で見られます。",
            "Withdrew application \(application.id) (\(application.provider) / \(application.service)). It stays on the record: yakkan show \(application.id).")
    }
}

extension Draft {
    /// "provider / service" as far as answered: how a person recognises their draft.
    public var serviceName: String {
        let answers = state.answers
        return [answers[ApplicationFields.provider]?.text, answers[ApplicationFields.service]?.text].compactMap { $0 }.joined(separator: " / ")
    }
}
