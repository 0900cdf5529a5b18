/// Whom each event of section 6 must reach, and what it says. The store writes these alerts
/// in the same transaction as the event, so nobody is told of something that did not happen.
public enum Notifications {
    enum Audience { case users, manager, reviewers, applicant }

    static func alerts(
        _ kind: Alert.Kind, about application: ApplicationRecord, to audience: [Audience], _ message: Localized,
        _ directory: Directory, at timestamp: String, needsDecision: Bool = false
    ) -> [Alert] {
        // Recipients are the logins kept on the form; a user not in the directory gets an alert
        // under their name, which no login can read as its own.
        var recipients: [(login: String?, name: String?)] = []
        if audience.contains(.users) { recipients += application.userPeople.map { ($0.login, $0.name) } }
        // The applicant by their login, whether the directory lists them or not: they asked for
        // the service and may be using it, though not written among its users.
        if audience.contains(.applicant) { recipients.append((application.applicantLogin, application.answers[ApplicationFields.applicant]?.text)) }
        if audience.contains(.manager) {
            recipients.append((application.serviceManagerLogin, application.serviceManager))
        }
        if audience.contains(.reviewers) {
            recipients += directory.reviewers(of: application.department).map { ($0.login, $0.name) }
        }
        var seen = Set<String>()
        let told = recipients.compactMap { recipient -> Alert? in
            let key = recipient.login ?? Names.normalised(recipient.name ?? "")
            guard seen.insert(key).inserted else { return nil }
            return Alert(
                applicationID: application.id, kind: kind, recipientLogin: recipient.login,
                recipientName: recipient.login == nil ? recipient.name : directory.name(forLogin: recipient.login!) ?? recipient.name,
                message: message, createdAt: timestamp, needsDecision: needsDecision)
        }
        return told + tellOtherwise(application, told.filter { $0.recipientLogin == nil }.compactMap(\.recipientName), message, directory, at: timestamp)
    }

    /// "Every user" must be told (6(2), 6(7)), but one who is not in the directory never reads
    /// an alert here: the 利用責任者 of the 課 gets their names, to tell them by other means.
    static func tellOtherwise(
        _ application: ApplicationRecord, _ unlisted: [String], _ message: Localized, _ directory: Directory, at timestamp: String
    ) -> [Alert] {
        guard !unlisted.isEmpty else { return [] }
        let names = unlisted.joined(separator: "、")
        let request = Localized(
            "名簿にない利用者（\(names)）にはお知らせが届きません。電話・口頭など別の方法で次の内容を伝えてください：",
            "Users not in the directory (\(names)) receive no alert here. Tell them by other means (telephone, in person): ") + message
        return directory.reviewers(of: application.department).map { reviewer in
            Alert(
                applicationID: application.id, kind: .tellOtherwise, recipientLogin: reviewer.login, recipientName: reviewer.name,
                message: request, createdAt: timestamp)
        }
    }

    static func title(_ a: ApplicationRecord) -> Localized {
        Localized("申請番号 \(a.id)（\(a.provider) / \(a.service)）", "Application \(a.id) (\(a.provider) / \(a.service))")
    }

    public static func stopped(_ a: ApplicationRecord, _ stop: ServiceStop, _ directory: Directory) -> [Alert] {
        let message = title(a) + Localized(
            "の利用を停止しました。理由：\(stop.reason)。代替サービス：\(a.currentAlternative)。終了の手続きが必要です。",
            " was stopped: \(stop.reason). Alternative: \(a.currentAlternative). It must now be terminated.")
        return alerts(.stopped, about: a, to: [.users, .applicant, .manager, .reviewers], message, directory, at: stop.stoppedAt)
    }

    public static func serviceChanged(_ a: ApplicationRecord, details: String, _ directory: Directory, at timestamp: String) -> [Alert] {
        let message = title(a) + Localized(
            "のサービス内容に変更がありました：\(details)。継続するか停止するかを判断してください（yakkan continuation \(a.id)）。",
            " changed: \(details). Decide whether to continue or stop it (yakkan continuation \(a.id)).")
        return alerts(.serviceChanged, about: a, to: [.reviewers], message, directory, at: timestamp, needsDecision: true)
    }

    /// A terms check found the published terms changed (6(1), 6(4)): the 利用責任者 decides,
    /// with the difference shown by `show`; the サービス管理担当者 is told, for the quarterly review.
    public static func termsChanged(_ a: ApplicationRecord, addresses: String, _ directory: Directory, at timestamp: String) -> [Alert] {
        let decision = title(a) + Localized(
            "の約款が変わりました（\(addresses)）。変更点を確認し（yakkan show \(a.id)）、継続するか停止するかを判断してください（yakkan continuation \(a.id)）。",
            ": its terms changed (\(addresses)). Read what changed (yakkan show \(a.id)) and decide whether to continue or stop it (yakkan continuation \(a.id)).")
        let notice = title(a) + Localized(
            "の約款が変わりました（\(addresses)）。利用責任者が継続の可否を判断します。四半期の確認（yakkan record \(a.id) review）で内容を確かめてください。",
            ": its terms changed (\(addresses)). The 利用責任者 decides whether to continue; look at the change in the quarterly review (yakkan record \(a.id) review).")
        return alerts(.serviceChanged, about: a, to: [.reviewers], decision, directory, at: timestamp, needsDecision: true)
            + alerts(.serviceChanged, about: a, to: [.manager], notice, directory, at: timestamp)
    }

    public static func usageDiffers(_ a: ApplicationRecord, users: [String], details: String, _ directory: Directory, at timestamp: String) -> [Alert] {
        let who = users.joined(separator: "、")
        let message = title(a) + Localized(
            "で、利用目的または取り扱う情報の種類が申請と異なっています（\(who)）：\(details)。新しい申請が必要です。",
            ": purpose or information differ from the application (\(who)): \(details). A new application is needed.")
        return alerts(.usageDiffers, about: a, to: [.reviewers, .manager], message, directory, at: timestamp)
    }

    public static func incidentElsewhere(_ incident: Incident, affected: [ApplicationRecord], _ directory: Directory) -> [Alert] {
        affected.flatMap { a in
            let message = Localized(
                "【注意喚起】他組織で \(incident.provider)\(incident.service.isEmpty ? "" : " / " + incident.service) のインシデントが発生しました（\(JapaneseDate.wareki(incident.occurredOn))）：\(incident.what)。利用中の",
                "[Alert] An incident at another organisation with \(incident.provider)\(incident.service.isEmpty ? "" : " / " + incident.service) (\(JapaneseDate.english(incident.occurredOn))): \(incident.what). It concerns ")
                + title(a) + Localized("に関係します。利用に注意してください。", ", which is in use. Take care when using it.")
            return alerts(.incidentElsewhere, about: a, to: [.users, .manager], message, directory, at: incident.recordedAt)
        }
    }

    public static func ownIncident(_ incident: Incident, _ a: ApplicationRecord, _ directory: Directory) -> [Alert] {
        let message = title(a) + Localized(
            "で情報セキュリティインシデントが報告されました（\(JapaneseDate.wareki(incident.occurredOn))）：\(incident.what)。対応：\(incident.action ?? "")",
            ": a security incident was reported (\(JapaneseDate.english(incident.occurredOn))): \(incident.what). Action: \(incident.action ?? "")")
        return alerts(.incident, about: a, to: [.reviewers, .manager], message, directory, at: incident.recordedAt)
    }

    public static func continuationDecided(_ a: ApplicationRecord, continues: Bool, reason: String, by name: String, _ directory: Directory, at timestamp: String) -> [Alert] {
        let message = title(a) + (continues
            ? Localized("の変更について、\(name)さんが継続を決めました：\(reason)", ": after the change \(name) decided to continue: \(reason)")
            : Localized("の変更について、\(name)さんが利用の停止を決めました：\(reason)", ": after the change \(name) decided to stop it: \(reason)"))
        return alerts(.continuationDecided, about: a, to: continues ? [.manager] : [.users, .manager], message, directory, at: timestamp)
    }

    /// Services in use that an incident elsewhere concerns.
    public static func affected(by incident: Incident, in records: [ApplicationRecord]) -> [ApplicationRecord] {
        records.filter { $0.status == .inUse && incident.concerns(provider: $0.provider, service: $0.service) }
    }
}
