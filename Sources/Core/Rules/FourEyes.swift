/// Why a person may not double-check an application. The rule of the form: the check is done
/// by the 利用責任者 (not the 所属長), never by whoever filled it in.
public enum ReviewRefusal: Equatable, Sendable {
    case notInDirectory(login: String)
    case notReviewerOf(department: String)
    case isApplicant
    case isDepartmentHead(name: String)
    case editedIt
    case notAwaitingReview(ApplicationStatus)
    /// Someone already decided it: the reviewer is told who and what, not to review again.
    case alreadyDecided(Decision, now: ApplicationStatus)

    public var text: Localized {
        switch self {
        case .notInDirectory(let login):
            return Localized(
                "あなた（\(login)）は職員名簿に登録されていないため、ダブルチェックはできません。管理者に yakkan staff add で登録を依頼してください。",
                "You (\(login)) are not in the staff directory, so you cannot double-check. Ask an administrator to add you with yakkan staff add.")
        case .notReviewerOf(let department):
            return Localized(
                "あなたは\(department)の利用責任者ではありません。ダブルチェックはその課の利用責任者（情報セキュリティ管理者）が行います。",
                "You are not the 利用責任者 of \(department). The double check is done by that 課's 利用責任者 (information security manager).")
        case .isApplicant:
            return Localized(
                "自分が申請したものは自分でダブルチェックできません。申請者とは別の利用責任者が確認します。",
                "You cannot double-check your own application: a different 利用責任者 must.")
        case .isDepartmentHead(let name):
            return Localized(
                "所属長（\(name)）として様式に記載されている人はダブルチェックできません。様式の定め「利用責任者（所属長ではない）」によります。",
                "The head of department named on the form (\(name)) cannot do the double check: the form says 利用責任者, not the 所属長.")
        case .editedIt:
            return Localized(
                "この申請の内容を編集した人はダブルチェックできません。",
                "Someone who edited this application cannot double-check it.")
        case .notAwaitingReview(let status):
            return Localized(
                "この申請は確認待ちではありません（状態：\(status.label.ja)）。",
                "This application is not awaiting review (it is \(status.label.en)).")
        case .alreadyDecided(let decision, let status):
            let day = Village.day(ofTimestamp: decision.decidedAt)
            let when = day.map(JapaneseDate.wareki) ?? "", whenEnglish = day.map(JapaneseDate.english) ?? ""
            return Localized(
                "この申請は\(when)に\(decision.reviewerName)（\(decision.reviewerLogin)）が「\(decision.outcome.label.ja)」と判断済みです（現在の状態：\(status.label.ja)）。確認し直す必要はありません。",
                "This application was already decided: \(decision.outcome.label.en) by \(decision.reviewerName) (\(decision.reviewerLogin)) on \(whenEnglish) (it is now \(status.label.en)). There is nothing left to review.")
        }
    }
}

/// The four-eyes rule, decided in one place and enforced again by the store inside the
/// transaction that records a decision, so no path approves without a second eligible person.
public enum FourEyes {
    public static func refusals(reviewerLogin: String, reviewer: StaffMember?, application: ApplicationRecord) -> [ReviewRefusal] {
        var reasons: [ReviewRefusal] = []
        if application.status != .submitted {
            // A returned application waits for its applicant; any other decided one is done, and
            // its latest decision (of the termination, once there is one) says by whom.
            if let decision = application.termination?.latestDecision ?? application.latestDecision, application.status != .returned {
                reasons.append(.alreadyDecided(decision, now: application.status))
            } else {
                reasons.append(.notAwaitingReview(application.status))
            }
        }
        return reasons + refusals(reviewerLogin: reviewerLogin, reviewer: reviewer, form: application.reviewable)
    }

    /// The rule for any form: a listed 利用責任者 of its 課, neither who filled it in, nor
    /// an editor, nor the 所属長 named on it.
    public static func refusals(reviewerLogin: String, reviewer: StaffMember?, form: ReviewableForm) -> [ReviewRefusal] {
        guard let reviewer else { return [.notInDirectory(login: reviewerLogin)] }
        var reasons: [ReviewRefusal] = []
        if !reviewer.reviews(form.department) {
            reasons.append(.notReviewerOf(department: form.department))
        }
        if form.applicantLogin == reviewer.login {
            reasons.append(.isApplicant)
        } else if form.editors.contains(reviewer.login) {
            reasons.append(.editedIt)
        }
        if isDepartmentHead(reviewer, of: form) {
            reasons.append(.isDepartmentHead(name: form.departmentHead.name))
        }
        return reasons
    }

    /// The 所属長 is known by the login kept on the form. A plain name of an earlier store has
    /// no login: it still keeps out a reviewer listed under that name, since refusing gives
    /// nobody a role.
    public static func isDepartmentHead(_ reviewer: StaffMember, of form: ReviewableForm) -> Bool {
        if let login = form.departmentHead.login { return login == reviewer.login }
        return Names.same(form.departmentHead.name, reviewer.name)
    }
}
