/// What the 利用責任者 wrote when returning an application, laid out check by check, so the
/// applicant correcting it sees every note at resume and on the review screen, not only the reason.
public enum ReturnedNotes {
    public static func lines(_ decision: Decision, application: Answers, _ language: Language) -> [Message] {
        let day = Village.day(ofTimestamp: decision.decidedAt)
        let when = day.map { AnswerFormat.date($0, language) } ?? ""
        var lines = [Message(.heading, Localized(
            "── 利用責任者の指摘（\(when) \(decision.reviewerName) さんが差し戻し）──",
            "── What the 利用責任者 wrote (returned by \(decision.reviewerName) on \(when)) ──")(language))]
        if let reason = decision.reason, !reason.isEmpty {
            lines.append(Message(.notice, Localized("  理由：", "  Reason: ")(language) + reason))
        }
        for item in ApplicationChecks.items {
            let reviewerMark = decision.answers[ReviewFields.mark(item.number)]?.mark
            let note = decision.answers[ReviewFields.note(item.number)]?.text ?? ""
            let applicantMark = application[item.markID]?.mark
            guard !note.isEmpty || (reviewerMark != nil && reviewerMark != applicantMark) else { continue }
            let marks = Localized(
                "責任者 \(reviewerMark?.symbol ?? "－")（申請者 \(applicantMark?.symbol ?? "－")）",
                "reviewer \(reviewerMark?.symbol ?? "-") (applicant \(applicantMark?.symbol ?? "-"))")
            let noted = note.isEmpty ? "" : Localized("　備考：", "; note: ")(language) + note
            lines.append(Message(.notice, Localized("  確認事項\(item.number)：", "  Check \(item.number): ")(language) + marks(language) + noted))
        }
        if let permission = decision.answers[ReviewFields.permitReason]?.text, !permission.isEmpty {
            lines.append(Message(.notice, Localized("  重要性分類の許可について：", "  On the classification permit: ")(language) + permission))
        }
        return lines
    }
}
