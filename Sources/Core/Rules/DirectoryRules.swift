import Foundation

/// Who may change the staff directory. The first person to add themselves to an empty
/// directory becomes its administrator; after that only administrators change it, and
/// nobody changes their own roles.
public enum DirectoryRules {
    /// The 課 someone reviews after `staff update`: `--reviewer-of` adds to those they have
    /// (a 利用責任者 of two 課 keeps the first when given the second), `--not-reviewer-of`
    /// takes one away, `--no-reviewer` every one. Nil when nothing about them was asked.
    public static func reviewerOf(current: [String], adding: [String], removing: [String], removingAll: Bool) -> [String]? {
        guard removingAll || !adding.isEmpty || !removing.isEmpty else { return nil }
        var kept = removingAll ? [] : current.filter { held in !removing.contains { Names.same($0, held) } }
        for department in adding where !kept.contains(where: { Names.same($0, department) }) { kept.append(department) }
        return kept
    }

    public static func refusal(actor: String, actorMember: StaffMember?, directoryIsEmpty: Bool, target: String) -> Localized? {
        if directoryIsEmpty {
            return actor == target ? nil : Localized(
                "名簿はまだ空です。最初は自分自身（\(actor)）を登録してください。最初に登録した人が管理者になります。",
                "The directory is empty. First add yourself (\(actor)); the first person added becomes its administrator.")
        }
        guard actorMember?.isAdministrator == true else {
            return Localized(
                "職員名簿を変更できるのは管理者だけです。",
                "Only an administrator can change the staff directory.")
        }
        if actor == target {
            return Localized(
                "自分自身の登録内容や役割は変更できません。別の管理者に依頼してください。",
                "Nobody can change their own entry or roles; ask another administrator.")
        }
        return nil
    }

    /// An address `remind` can hand to sendmail as it is: one mailbox, nothing that could end
    /// the header line or add another recipient.
    public static func mailRefusal(_ mail: String) -> Localized? {
        let parts = mail.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(CharacterSet(charactersIn: ",;:<>()[]\\\"'"))
        let plain = mail.unicodeScalars.allSatisfy { $0.isASCII && !forbidden.contains($0) }
        // A domain has a dot, except the machine's own mailboxes (user@localhost).
        let domain = parts.count == 2 ? parts[1] : ""
        if plain, parts.count == 2, !parts[0].isEmpty, domain == "localhost" || domain.contains("."), !domain.hasPrefix("."),
           !domain.hasSuffix("."), mail.count <= 254 {
            return nil
        }
        return Localized(
            "メールアドレス「\(mail)」は使えません。name@example.lg.jp の形で、1つだけ入力してください。",
            "\(mail) is not an address yakkan can use: give one address, as name@example.lg.jp.")
    }

}

/// Who may acknowledge the risks of an approved application: the サービス管理担当者 named on it,
/// while the directory lists them.
public enum AcknowledgementRules {
    public static func refusal(login: String, member: StaffMember?, application: ApplicationRecord) -> Localized? {
        if application.status != .approved {
            return Localized(
                "この申請はリスクの確認を待っていません（状態：\(application.status.label.ja)）。",
                "This application is not waiting for the risks to be acknowledged (it is \(application.status.label.en)).")
        }
        if CurrentEntry.actsAsManager(login: login, member: member, of: application) { return nil }
        if let refusal = CurrentEntry.unlistedManager(login: login, member: member, of: application) { return refusal }
        let named = application.serviceManager
        return Localized(
            "リスクの確認は様式に記載されたサービス管理担当者（\(named)）本人が、自分のログインで行います。",
            "The risks are acknowledged by the service manager named on the form (\(named)), logged in as themselves.")
    }
}
