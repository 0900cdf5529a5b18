/// Section 5(2): a submitted application waits for the double check of its 課's 利用責任者. One
/// submitted where nobody can do that check would wait for ever, unseen, so it is refused at
/// submission with what to do; the draft waits until an administrator names a 利用責任者.
/// (Routing it to the administrators instead would not help: they may not double-check
/// another 課's forms either.) Asked by the interview before it asks to submit, and by the
/// store again inside the transaction that records the submission.
public enum SubmissionActions {
    public static func maySubmit(_ answers: Answers, applicantLogin: String?, staff: [StaffMember]) -> Localized? {
        if let refusal = importOnlyRefusal(answers) { return refusal }
        guard let department = answers[ApplicationFields.department]?.text else { return nil }
        let head = answers[ApplicationFields.departmentHead]?.person?.login
        guard eligibleReviewers(of: department, applicantLogin: applicantLogin, departmentHeadLogin: head, staff: staff).isEmpty else {
            return nil
        }
        let administrators = staff.filter(\.isAdministrator).map { "\($0.name)（\($0.login)）" }.joined(separator: "、")
        let whom = administrators.isEmpty ? Localized("管理者", "an administrator") : Localized("管理者 \(administrators)", "an administrator (\(administrators))")
        return Localized(
            "\(department)には、この申請をダブルチェックできる利用責任者が職員名簿にいません（申請者本人と所属長はできません）。提出しても誰にも届かないため、提出できません。\(whom.ja)に「yakkan staff set-role LOGIN --reviewer-of \(department)」で利用責任者の登録を依頼してください。下書きは保存されています。登録の後、yakkan apply で提出できます。",
            "Nobody in the staff directory can double-check this application for \(department) (the applicant and the 所属長 cannot), so it would reach nobody and cannot be submitted. Ask \(whom.en) to name its 利用責任者 with \"yakkan staff set-role LOGIN --reviewer-of \(department)\". The draft is kept; once they have, submit it with yakkan apply.")
    }

    /// A form submitted here never carries what only an import writes (a draft edited behind
    /// yakkan's back could, to show "decided on paper: approved" on a form nobody decided).
    static func importOnlyRefusal(_ answers: Answers) -> Localized? {
        answers.keys.contains(where: ApplicationFields.importOnly.contains) ? Localized(
            "この申請には、表計算からの取り込みだけが書く項目（紙での判断など）が含まれているため、提出できません。",
            "This application holds what only an import writes (a decision on paper, for example), so it cannot be submitted.") : nil
    }

    /// The same, said early: the form can be filled in and kept, but not yet submitted.
    public static func warning(_ answers: Answers, applicantLogin: String?, staff: [StaffMember]) -> Localized? {
        guard let department = answers[ApplicationFields.department]?.text, !staff.isEmpty,
              eligibleReviewers(of: department, applicantLogin: applicantLogin, departmentHeadLogin: nil, staff: staff).isEmpty
        else { return nil }
        return Localized(
            "（注意）\(department)には、ダブルチェックできる利用責任者が職員名簿にいません。最後まで入力して下書きに残せますが、管理者が利用責任者を登録するまで提出できません。",
            "(Note) Nobody in the staff directory may double-check applications for \(department). You can fill this in and keep it as a draft, but it cannot be submitted until an administrator names its 利用責任者.")
    }

    /// Listed 利用責任者 of the 課 who are neither the applicant nor the 所属長 named on the form.
    public static func eligibleReviewers(
        of department: String, applicantLogin: String?, departmentHeadLogin: String?, staff: [StaffMember]
    ) -> [StaffMember] {
        staff.filter { $0.reviews(department) && $0.login != applicantLogin && $0.login != departmentHeadLogin }
    }
}
