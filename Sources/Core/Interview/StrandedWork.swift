/// Work waiting on nobody, for the administrators' `due`: a form no listed 利用責任者 may
/// double-check, a person named on a form who is not in the directory (their part of the
/// procedure reaches nobody), and drafts nobody has touched for a month.
public enum StrandedWork {
    public static let staleDraftDays = 30
    /// A form waiting this long for its double check has a 利用責任者 who may be away: the
    /// queue is someone's, but nobody is working it.
    public static let unreviewedDays = 14

    public static func items(records: [ApplicationRecord], drafts: [Draft], staff: [StaffMember], today: Day) -> [TodayItem] {
        var items: [TodayItem] = []
        let listed = Set(staff.map(\.login))
        // Each 課's 利用責任者 found once: matching every form against the whole directory by
        // normalised names was a third of `due --all`'s CPU time at 1,000 services (perf).
        var reviewersOf: [String: [StaffMember]] = [:]
        func reviewers(_ department: String) -> [StaffMember] {
            if let known = reviewersOf[department] { return known }
            let found = staff.filter { $0.reviews(department) }
            reviewersOf[department] = found
            return found
        }
        for record in records {
            let reviewing = reviewers(record.department)
            if record.status == .submitted,
               SubmissionActions.eligibleReviewers(
                   of: record.department, applicantLogin: record.applicantLogin,
                   departmentHeadLogin: record.answers[ApplicationFields.departmentHead]?.person?.login, staff: reviewing).isEmpty {
                items.append(item(record, noReviewer(record.department, form: ApplicationProcedure.formName)))
            } else if record.status == .submitted, let waited = waitedDays(record.submittedAt, today) {
                items.append(item(record, unreviewed(record.department, waited, staff: reviewing, form: ApplicationProcedure.formName)))
            }
            if let termination = record.termination, termination.status == .submitted,
               SubmissionActions.eligibleReviewers(
                   of: record.department, applicantLogin: termination.applicantLogin,
                   departmentHeadLogin: termination.answers[TerminationFields.departmentHead]?.person?.login, staff: reviewing).isEmpty {
                items.append(item(record, noReviewer(record.department, form: Localized("終了確認書", "termination form"))))
            } else if let termination = record.termination, termination.status == .submitted,
                      let waited = waitedDays(termination.submittedAt, today) {
                items.append(item(record, unreviewed(record.department, waited, staff: reviewing, form: Localized("終了確認書", "termination form"))))
            }
            let managerMatters: [ApplicationStatus] = [.approved, .inUse, .stopped]
            if managerMatters.contains(record.status), record.serviceManagerLogin.map(listed.contains) != true {
                items.append(item(record, Localized(
                    "サービス管理担当者「\(record.serviceManager)」が職員名簿にいないため、リスクの確認・利用中の記録・お知らせが誰にも届きません（yakkan staff add LOGIN --name … --department …）",
                    "The service manager \"\(record.serviceManager)\" is not in the staff directory, so the acknowledgement, the duties and alerts reach nobody (yakkan staff add LOGIN --name … --department …)")))
            }
        }
        let cutoff = today.adding(days: -staleDraftDays)
        for draft in drafts {
            guard let saved = Village.day(ofTimestamp: draft.updatedAt), saved <= cutoff else { continue }
            let days = saved.days(until: today)
            items.append(TodayItem(
                kind: .stranded, applicationID: draft.applicationID, duty: nil,
                service: draft.state.answers[ApplicationFields.service]?.text ?? "",
                title: Localized(
                    "\(draft.owner) さんの下書きが\(days)日間更新されていません（最終更新 \(JapaneseDate.wareki(saved))）",
                    "\(draft.owner)'s draft has not been touched for \(days) days (last saved \(JapaneseDate.english(saved)))"),
                dueDate: nil, overduePeriods: 0, alertID: nil))
        }
        return items
    }

    static func noReviewer(_ department: String, form: Localized) -> Localized {
        Localized(
            "\(form.ja)をダブルチェックできる\(department)の利用責任者が職員名簿にいません（yakkan staff set-role LOGIN --reviewer-of \(department)）",
            "Nobody listed may double-check this \(form.en) as 利用責任者 of \(department) (yakkan staff set-role LOGIN --reviewer-of \(department))")
    }

    /// Days a form has waited since it was submitted, when that is past `unreviewedDays`.
    static func waitedDays(_ submittedAt: String, _ today: Day) -> Int? {
        guard let submitted = Village.day(ofTimestamp: submittedAt) else { return nil }
        let days = submitted.days(until: today)
        return days > unreviewedDays ? days : nil
    }

    static func unreviewed(_ department: String, _ days: Int, staff: [StaffMember], form: Localized) -> Localized {
        let reviewers = staff.filter { $0.reviews(department) }
        let ja = reviewers.map { "\($0.name)（\($0.login)）" }.joined(separator: "、")
        let en = reviewers.map { "\($0.name) (\($0.login))" }.joined(separator: ", ")
        return Localized(
            "\(form.ja)が提出から\(days)日、ダブルチェックされていません。\(department)の利用責任者（\(ja)）が不在でないか確かめ、不在なら期限を決めて代理を立ててください（yakkan staff set-role LOGIN --deputy-of \(department) --until 日付）",
            "This \(form.en) has waited \(days) days for its double check. Make sure the 利用責任者 of \(department) (\(en)) is not away; if they are, name a deputy until a day (yakkan staff set-role LOGIN --deputy-of \(department) --until DATE)")
    }

    static func item(_ record: ApplicationRecord, _ title: Localized) -> TodayItem {
        TodayItem(
            kind: .stranded, applicationID: record.id, duty: nil, service: record.service, title: title,
            dueDate: nil, overduePeriods: 0, alertID: nil)
    }
}
