/// The staff directory as people read it, and the words around changing it.
public enum StaffText {
    public static func table(_ staff: [StaffMember], _ language: Language) -> String {
        let ja = language == .ja
        let headers = ja ? ["ログイン", "氏名", "課", "利用責任者", "管理者"] : ["Login", "Name", "課", "利用責任者 of", "Admin"]
        let rows = staff.map {
            [$0.login, $0.name, $0.department, $0.reviewerOf.joined(separator: "、"), $0.isAdministrator ? "○" : ""]
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
    public static func removed(_ login: String) -> Localized {
        Localized("\(login) を名簿から削除しました。", "Removed \(login) from the directory.")
    }
    public static func notListed(_ login: String) -> Localized {
        Localized("\(login) は名簿にありません。", "\(login) is not in the directory.")
    }

    // Audit

    public static func auditTable(_ entries: [AuditEntry], _ language: Language) -> String {
        let headers = language == .ja ? ["番号", "日時", "実行者", "操作", "対象", "ハッシュ"] : ["#", "At", "Actor", "Action", "Subject", "Hash"]
        let rows = entries.map { ["\($0.sequence)", $0.at, $0.actor, $0.action, $0.subject, String($0.hash.prefix(12))] }
        return TextTable(headers: headers, rows: rows).render()
    }

    public static func verification(_ result: AuditVerification) -> Localized {
        switch result {
        case .intact(let count):
            return Localized("監査記録は改ざんされていません（\(count)件、ハッシュの連鎖を確認）。", "The audit trail is intact (\(count) entries; the hash chain holds).")
        case .broken(let sequence, let reason):
            let why: Localized = switch reason {
            case .contentChanged: Localized("内容が書き換えられています", "its content was changed")
            case .chainBroken: Localized("前の記録とのつながりが切れています（削除または並べ替え）", "it does not follow the entry before it (removed or reordered)")
            case .truncated: Localized("末尾の記録が失われています", "the last entries are missing")
            }
            return Localized(
                "監査記録が改ざんされています：最初の異常は \(sequence) 番目の記録です（\(why.ja)）。",
                "The audit trail has been tampered with: the first broken entry is number \(sequence) (\(why.en)).")
        }
    }
}
