/// What the shell says around a double check and an acknowledgement.
public enum ReviewText {
    /// The 利用責任者's inbox: oldest first, with how long each has waited.
    public static func inbox(_ records: [ApplicationRecord], today: Day, _ language: Language) -> String {
        let ja = language == .ja
        let headers = ja
            ? ["番号", "種別", "課", "提供会社名", "提供サービス名", "申請者", "提出日", "待ち日数"]
            : ["ID", "Form", "課", "Provider", "Service", "Applicant", "Submitted", "Waiting"]
        let rows = records.map { record -> [String] in
            let termination = record.formUnderReview == .termination
            let submitted = termination ? record.termination.flatMap { Village.day(ofTimestamp: $0.submittedAt) } : record.submittedDay
            let waited = submitted.map { $0.days(until: today) } ?? 0
            let applicant = termination
                ? record.termination?.answers[TerminationFields.applicant]?.text ?? record.termination?.applicantLogin ?? ""
                : record.answers[ApplicationFields.applicant]?.text ?? record.applicantLogin
            return [
                "\(record.id)", termination ? (ja ? "終了" : "termination") : (ja ? "申請" : "application"),
                record.department, record.provider, record.service, applicant,
                submitted.map { Ledger.shortDate($0, language) } ?? "",
                ja ? "\(waited)日" : "\(waited) d",
            ]
        }
        return TextTable(headers: headers, rows: rows).render()
    }

    /// Applications this reviewer is 利用責任者 for that wait for a double check, oldest first;
    /// never their own, which another 利用責任者 checks.
    public static func waiting(for reviewer: StaffMember, in records: [ApplicationRecord]) -> [ApplicationRecord] {
        records.filter { mayCheckApplication($0, reviewer) }
            .sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
    }

    /// Whether the form waits for this reviewer: the four-eyes rule decides, so nobody is shown
    /// a form they filled in or edited, or one that names them 所属長.
    public static func mayCheckApplication(_ record: ApplicationRecord, _ reviewer: StaffMember) -> Bool {
        FourEyes.refusals(reviewerLogin: reviewer.login, reviewer: reviewer, application: record).isEmpty
    }

    public static func mayCheckTermination(_ record: ApplicationRecord, _ reviewer: StaffMember) -> Bool {
        guard record.termination?.status == .submitted, let form = record.reviewableTermination else { return false }
        return FourEyes.refusals(reviewerLogin: reviewer.login, reviewer: reviewer, form: form).isEmpty
    }

    /// Everything waiting for this reviewer's double check: applications, then terminations.
    public static func queue(for reviewer: StaffMember, in records: [ApplicationRecord]) -> [ApplicationRecord] {
        waiting(for: reviewer, in: records) + terminationsWaiting(for: reviewer, in: records)
    }

    /// The record whose number was typed, from those listed.
    public static func pick(_ text: String, among records: [ApplicationRecord]) -> Result<ApplicationRecord, Localized> {
        let folded = InputLine.halfwidthASCII(text).trimmingCharacters(in: .whitespaces)
        return records.first { "\($0.id)" == folded }.map { .success($0) } ?? .failure(notInInbox(folded))
    }

    public static let nothingWaiting = Localized(
        "ダブルチェックを待っている申請はありません。", "No application is waiting for your double check.")
    public static let chooseApplication = Localized(
        "確認する申請の番号を入力してください。Enter で一番古いもの", "Which application? Enter for the oldest")
    public static func notInInbox(_ text: String) -> Localized {
        Localized("「\(text)」は一覧にありません。番号で選んでください。", "\(text) is not in the list; choose by number.")
    }
    public static let cannotReview = Localized("この申請はダブルチェックできません：", "You cannot double-check this application:")
    public static func heldBy(_ login: String, since: String?) -> Localized {
        let day = since.flatMap(Village.day(ofTimestamp:))
        let when = day.map(JapaneseDate.wareki) ?? "", whenEnglish = day.map(JapaneseDate.english) ?? ""
        return Localized(
            "\(login) さんがこの申請を確認中です（\(when)から）。同時に判断した場合、後から記録しようとした判断は受け付けられません。",
            "\(login) already has this application open (since \(whenEnglish)). If you both decide, the later decision will be refused.")
    }
    public static let reviewingNewVersion = Localized(
        "あなたが下書きを始めた後に、申請が修正されています。最新の内容で確認し直してください（前回の記入は既定値として表示します）。",
        "The application was changed after you began your draft. Review the latest version (your earlier answers are offered as defaults).")
    public static let beginReview = Localized(
        "── ダブルチェック ── 確認事項ごとに、まずあなたの判断を記入します。申請者の記入はその後に表示されます。",
        "── Double check ── For each check you mark first; the applicant's mark is shown afterwards.")
    public static func decided(_ record: ApplicationRecord, _ outcome: DecisionOutcome) -> Localized {
        switch outcome {
        case .approved:
            return Localized(
                "申請番号 \(record.id) を承認しました。サービス管理担当者（\(record.serviceManager)）が次に yakkan を起動したとき、利用上のリスクを確認します。その確認が済むと利用中になります。",
                "Approved application \(record.id). When the service manager (\(record.serviceManager)) next starts yakkan they acknowledge the risks; the service is then in use.")
        case .returned:
            return Localized(
                "申請番号 \(record.id) を差し戻しました。申請者が次に yakkan を起動したとき理由が表示され、修正して再提出できます。",
                "Returned application \(record.id). The applicant sees the reason on their next start and can correct and resubmit it.")
        case .refused:
            return Localized("申請番号 \(record.id) を却下しました。", "Refused application \(record.id).")
        case .confirmed:
            let until = record.keepUntil.map(JapaneseDate.wareki) ?? ""
            let untilEnglish = record.keepUntil.map(JapaneseDate.english) ?? ""
            return Localized(
                "申請番号 \(record.id) の終了を確認しました。記録は \(until) まで保管されます。",
                "Confirmed the end of application \(record.id). Its records are kept until \(untilEnglish).")
        }
    }

    public static func terminationReturned(_ record: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(record.id) の終了確認書を差し戻しました。サービス管理担当者が修正して再提出します。",
            "Returned the termination form of application \(record.id); the service manager corrects and resubmits it.")
    }

    /// Terminations of this reviewer's 課 waiting for a double check, oldest first.
    public static func terminationsWaiting(for reviewer: StaffMember, in records: [ApplicationRecord]) -> [ApplicationRecord] {
        records.filter { mayCheckTermination($0, reviewer) }
            .sorted { ($0.termination!.submittedAt, $0.id) < ($1.termination!.submittedAt, $1.id) }
    }

    // Acknowledgement

    public static func awaitingAcknowledgement(_ record: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(record.id)（\(record.provider) / \(record.service)）が承認されました。サービス管理担当者として利用上のリスクを確認してください。",
            "Application \(record.id) (\(record.provider) / \(record.service)) was approved. As its service manager, acknowledge the risks.")
            + explainedBy(record) + Localized("\n", "\n") + SourceNotes.breach
    }

    /// 5(3): the 利用責任者 who approved has the service manager understand the risks.
    static func explainedBy(_ record: ApplicationRecord) -> Localized {
        guard let approval = record.approval else { return Localized("", "") }
        return Localized(
            "\nリスクの説明：承認した利用責任者 \(approval.reviewerName)（\(approval.reviewerLogin)）",
            "\nThe risks are explained by the 利用責任者 who approved it, \(approval.reviewerName) (\(approval.reviewerLogin)).")
    }
    public static let nothingToAcknowledge = Localized(
        "あなたがリスクを確認する申請はありません。", "There is nothing for you to acknowledge.")
    /// A service is in use from the first day of its approved period, not before (4, 5(1)②).
    public static func acknowledged(_ record: ApplicationRecord) -> Localized {
        let acknowledgedOn = record.acknowledgement.flatMap { Village.day(ofTimestamp: $0.acknowledgedAt) }
        if let start = record.inUseFrom, let acknowledgedOn, start > acknowledgedOn {
            return Localized(
                "リスクの確認を記録しました。申請番号 \(record.id) は利用期間の初日 \(JapaneseDate.wareki(start)) から利用中になります。それまで利用中の記録は求められません。",
                "Recorded your acknowledgement. Application \(record.id) is in use from the first day of its period, \(JapaneseDate.english(start)); nothing of its use is due before then.")
        }
        return Localized(
            "リスクの確認を記録しました。申請番号 \(record.id) は利用中になりました。",
            "Recorded your acknowledgement. Application \(record.id) is now in use.")
    }

    /// Said after the acknowledgement: the manager's own duties of the service from now on,
    /// each with its first due date, and how they are reminded.
    public static func managerDuties(_ record: ApplicationRecord, manager: Actor, today: Day) -> [Localized] {
        guard let start = record.inUseFrom else { return [] }
        let events = DutyCalendar.events(for: manager, records: [record], today: max(today, start))
            .sorted { ($0.due, $0.duty.rawValue) < ($1.due, $1.duty.rawValue) }
        guard !events.isEmpty else { return [] }
        return [Localized(
            "これからのあなたの仕事（サービス管理担当者・手順書6）：",
            "Your duties from now on (service manager, section 6):")]
            + events.map { event in
                Localized(
                    "  ・\(event.duty.title.ja)：最初の期限 \(JapaneseDate.wareki(event.due))（yakkan record \(record.id)）",
                    "  ・\(event.duty.title.en): first due \(JapaneseDate.english(event.due)) (yakkan record \(record.id))")
            }
            + [Localized(
                "期限が近づくと yakkan を起動したとき（yakkan due）に表示されます。yakkan calendar --output ~/yakkan.ics でカレンダーにも入れられます。",
                "They show when you start yakkan (yakkan due) as they fall due; yakkan calendar --output ~/yakkan.ics puts them in your calendar.")]
    }

    /// For a resubmitted application: the return it answers, with the reason and the notes and
    /// marks the 利用責任者 wrote then, so that the second check starts from the first. Their own
    /// earlier marks say nothing of the applicant's, so the check stays blind.
    public static func earlierReview(
        _ application: ApplicationRecord, resubmission: Resubmission? = nil, reviewer: String = "", _ language: Language
    ) -> [Message] {
        guard let returned = application.decisions.last(where: {
            $0.form == .application && $0.outcome == .returned && $0.applicationVersion < application.version
        }) else { return [] }
        let day = Village.day(ofTimestamp: returned.decidedAt).map { AnswerFormat.date($0, language) } ?? returned.decidedAt
        var lines = [Message(.heading, Localized(
            "── 再提出です。前回の差し戻し（\(day)、\(returned.reviewerName)）で書いたこと ──",
            "── A resubmission. What was written when it was returned (\(day), \(returned.reviewerName)) ──")(language))]
        if let reason = returned.reason, !reason.isEmpty {
            lines.append(Message(.info, Localized("  理由：", "  Reason: ")(language) + reason))
        }
        for item in ApplicationChecks.items {
            let mark = returned.answers[ReviewFields.mark(item.number)]?.mark
            let note = returned.answers[ReviewFields.note(item.number)]?.text
            guard mark == .no || note != nil else { continue }
            lines.append(Message(.info, Localized("  確認事項\(item.number)：", "  Check \(item.number): ")(language)
                + (mark?.symbol ?? "—") + (note.map { Localized("　備考：", "  note: ")(language) + $0 } ?? "")))
        }
        guard let resubmission else {
            lines.append(Message(.hint, Localized(
                "申請者が直した内容は上の様式で確かめてください。今回もそれぞれの確認事項に記入します。",
                "Check what the applicant corrected in the form above; each check is marked again.")(language)))
            return lines
        }
        lines += resubmission.changeLines(language)
        if let kept = resubmission.keptLine(for: reviewer, language) { lines.append(kept) }
        return lines
    }

    /// Approved applications whose named service manager is this person, while listed.
    public static func toAcknowledge(login: String, member: StaffMember?, in records: [ApplicationRecord]) -> [ApplicationRecord] {
        records.filter { AcknowledgementRules.refusal(login: login, member: member, application: $0) == nil }
    }
}
