/// The staff directory as people read it, and the words around changing it.
public enum StaffText {
    public static func table(_ staff: [StaffMember], today: Day, _ language: Language) -> String {
        let ja = language == .ja
        var headers = ja ? ["ログイン", "氏名", "課", "利用責任者", "管理者"] : ["Login", "Name", "課", "利用責任者 of", "Admin"]
        var rows = staff.map {
            [$0.login, $0.name, $0.department, $0.reviewerOf.joined(separator: "、"), $0.isAdministrator ? "○" : ""]
        }
        // Deputies only once someone stands in: most directories never have one.
        if staff.contains(where: { !$0.deputyOf.isEmpty }) {
            headers.append(ja ? "利用責任者の代理" : "Deputy 利用責任者 of")
            for (index, member) in staff.enumerated() {
                rows[index].append(member.deputyOf.map { Deputies.cell($0, today: today)(language) }.joined(separator: ja ? "、" : ", "))
            }
        }
        // Addresses only once someone has one: most directories never mail.
        if staff.contains(where: { $0.mail != nil }) {
            headers.append(ja ? "メール（yakkan remind）" : "Mail (yakkan remind)")
            for (index, member) in staff.enumerated() {
                rows[index].append(member.mail.map { $0 + (member.mailLanguage == .en ? " (en)" : "") } ?? "")
            }
        }
        return TextTable(headers: headers, rows: rows).render()
    }

    public static let empty = Localized(
        "職員名簿は空です。yakkan staff add 自分のログイン --name 氏名 --department 課 で最初の登録をすると、その人が管理者になります。",
        "The staff directory is empty. The first person to add themselves (yakkan staff add LOGIN --name NAME --department 課) becomes its administrator.")
    public static func added(_ member: StaffMember) -> Localized {
        Localized(
            "\(member.name)（\(member.login)）を名簿に登録しました。" + (member.isAdministrator ? "管理者です。" : ""),
            "Added \(member.name) (\(member.login)) to the directory." + (member.isAdministrator ? " They are an administrator." : ""))
    }
    public static func updated(_ login: String) -> Localized {
        Localized("\(login) の登録内容を変更しました。", "Updated \(login).")
    }
    /// Said after a change of someone's 課 as 利用責任者: every one they now hold, so that none
    /// is lost unnoticed.
    public static func reviewerOfNow(_ member: StaffMember) -> Localized {
        member.reviewerOf.isEmpty
            ? Localized("\(member.name)（\(member.login)）は、どの課の利用責任者でもなくなりました。", "\(member.name) (\(member.login)) is now 利用責任者 of no 課.")
            : Localized(
                "\(member.name)（\(member.login)）が利用責任者を務める課：\(member.reviewerOf.joined(separator: "、"))",
                "\(member.name) (\(member.login)) is now 利用責任者 of: \(member.reviewerOf.joined(separator: ", "))")
    }
    /// Said after a change of someone's deputyships: every one they now hold.
    public static func deputiesNow(_ member: StaffMember, today: Day) -> Localized {
        guard !member.deputyOf.isEmpty else {
            return Localized("\(member.name)（\(member.login)）は、どの課の代理でもありません。", "\(member.name) (\(member.login)) stands in for no 課.")
        }
        let ja = member.deputyOf.map { Deputies.describe($0, today: today).ja }.joined(separator: "、")
        let en = member.deputyOf.map { Deputies.describe($0, today: today).en }.joined(separator: "; ")
        return Localized(
            "\(member.name)（\(member.login)）は利用責任者の代理です：\(ja)。その日まで、その課の申請のダブルチェックと義務の確認ができます。",
            "\(member.name) (\(member.login)) now stands in as 利用責任者: \(en). Until then they double-check that 課's forms and oversee its duties.")
    }
    public static func notInDirectory(_ login: String) -> Localized {
        Localized("\(login) は職員名簿にいません（yakkan staff list）。", "\(login) is not in the staff directory (yakkan staff list).")
    }
    public static func removed(_ login: String) -> Localized {
        Localized("\(login) を名簿から削除しました。", "Removed \(login) from the directory.")
    }
    public static func notListed(_ login: String) -> Localized {
        Localized("\(login) は名簿にありません。", "\(login) is not in the directory.")
    }

    // Audit

    /// Everything that happened to one service, from the audit trail.
    public static func history(_ entries: [AuditEntry], of id: Int64, _ language: Language) -> String {
        let mine = entries.filter { $0.subject == "application/\(id)" }
        let rows = mine.map { entry -> [String] in
            let day = Village.day(ofTimestamp: entry.at).map { AnswerFormat.date($0, language) } ?? entry.at
            return [day, entry.actor, actionName(entry.action)(language)]
        }
        let title = language == .ja ? "■履歴（監査記録より）" : "■ History (from the audit trail)"
        let headers = language == .ja ? ["日付", "実行者", "操作"] : ["Date", "By", "What"]
        return title + "\n" + TextTable(headers: headers, rows: rows, maximumCellWidth: 60).render()
    }

    static func actionName(_ action: String) -> Localized {
        let names: [String: Localized] = [
            "submit": Localized("申請を提出", "submitted"), "resubmit": Localized("修正して再提出", "resubmitted"),
            "decide-approved": Localized("承認", "approved"), "decide-returned": Localized("差し戻し", "returned"),
            "decide-refused": Localized("却下", "refused"), "acknowledge-risks": Localized("リスクを確認・利用開始", "risks acknowledged; in use"),
            "duty-content_review": Localized("サービス内容の確認", "quarterly review"), "duty-backup": Localized("バックアップ", "backup"),
            "duty-user_confirmation": Localized("利用者への確認", "user confirmation"), "duty-alternative": Localized("代替サービスの確認", "alternative service"),
            "duty-inventory": Localized("取り扱う情報の把握", "information held"), "stop": Localized("利用を停止", "stopped"),
            "continue": Localized("継続を判断", "decided to continue"), "discontinue": Localized("停止を判断", "decided to stop"),
            "submit-termination": Localized("終了確認書を提出", "termination submitted"),
            "decide-termination-confirmed": Localized("終了を確認", "termination confirmed"),
            "decide-termination-returned": Localized("終了確認書を差し戻し", "termination returned"),
            "retention-hold": Localized("保管期限を延長", "retention extended"),
        ]
        return names[action] ?? Localized(action, action)
    }

    public static func auditTable(_ entries: [AuditEntry], _ language: Language) -> String {
        let headers = language == .ja ? ["番号", "日時", "実行者", "操作", "対象", "ハッシュ"] : ["#", "At", "Actor", "Action", "Subject", "Hash"]
        let rows = entries.map { ["\($0.sequence)", $0.at, $0.actor, $0.action, $0.subject, String($0.hash.prefix(12))] }
        return TextTable(headers: headers, rows: rows).render()
    }
}
