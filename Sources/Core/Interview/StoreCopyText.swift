/// What `yakkan store copy` says.
public enum StoreCopyText {
    public static func copying(from source: String, to target: String) -> Localized {
        Localized(
            "保管庫をコピーします: \(ServerAddress.redacted(source)) → \(ServerAddress.redacted(target))",
            "Copying the store \(ServerAddress.redacted(source)) to \(ServerAddress.redacted(target))")
    }

    public static func copied(_ report: StoreCopyReport) -> Localized {
        Localized(
            "コピーしました：記録 \(report.records) 行、監査記録 \(report.auditEntries) 件、添付ファイル \(report.attachments) 件、公開鍵 \(report.keys) 件。",
            "Copied \(report.records) record rows, \(report.auditEntries) audit entries, \(report.attachments) attachments and \(report.keys) public keys.")
    }

    /// What the source could not give as it is; each one a record needs is named again by the
    /// check of the copy.
    public static func left(_ report: StoreCopyReport) -> [Localized] {
        var lines: [Localized] = []
        if !report.attachmentsLeft.isEmpty {
            let list = report.attachmentsLeft.joined(separator: ", ")
            lines.append(Localized(
                "コピー元の添付ファイル \(report.attachmentsLeft.count) 件は読めないか、内容が名前のハッシュと一致しないため、コピーしませんでした：\(list)",
                "\(report.attachmentsLeft.count) attachments of the source were not copied: unreadable, or no longer of the hash they are named by: \(list)"))
        }
        if !report.keysLeft.isEmpty {
            let list = report.keysLeft.joined(separator: ", ")
            lines.append(Localized(
                "コピー元の公開鍵 \(report.keysLeft.count) 件が読めないため、コピーしませんでした：\(list)",
                "\(report.keysLeft.count) public keys of the source could not be read and were not copied: \(list)"))
        }
        return lines
    }

    public static let verifying = Localized(
        "コピー先の監査記録を検査します（yakkan audit verify と同じ検査）。",
        "Checking the copy's audit trail (as yakkan audit verify does).")

    public static let verified = Localized(
        "コピーは完了し、検査に合格しました。全員の YAKKAN_STORE（または --store）をコピー先に切り替えてください。",
        "The copy is complete and passed the check. Point everyone's YAKKAN_STORE (or --store) at the copy.")

    public static let notVerified = Localized(
        "コピー先の検査で問題が見つかりました。上の指摘はコピー元にもあるものです。コピー元で yakkan audit verify を実行し、原因を確かめてください。",
        "The check of the copy found problems; the source has them too. Run yakkan audit verify on the source to find their cause.")

    static func targetNotEmpty(_ held: [String]) -> Localized {
        let list = held.prefix(4).joined(separator: ", ") + (held.count > 4 ? ", …" : "")
        return Localized(
            "コピー先は空ではありません（\(list)）。何も書き込んでいません。コピーは yakkan store init で作ったばかりの空の保管庫にだけ行えます。",
            "The target is not empty (\(list)); nothing was written. A store is copied only into an empty one, just made with yakkan store init.")
    }

    static func notTheOwner(login: String, owner: String) -> Localized {
        Localized(
            "サーバーへのコピーは表の所有者（\(owner)、yakkan store init を実行した役割）として行ってください。いまの接続は \(login) です。何も書き込んでいません。",
            "Copy into a server as the owner of its tables (\(owner), the role that ran yakkan store init); this connection is \(login). Nothing was written.")
    }

    static func cannotKeep(_ sha256: String) -> Localized {
        Localized(
            "コピー先に添付ファイル（\(sha256)）を書き込めませんでした。コピーは取り消しました。",
            "An attachment (\(sha256)) could not be written to the target; the copy was undone.")
    }
}
