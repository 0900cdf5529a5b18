/// The words for what the signed log finds and refuses.
public enum ReplayText {
    static let countersBehind = Localized(
        "消去の記録にある申請番号が、それまでに付けた番号より小さくなっています。",
        "The purge names fewer application numbers than had been given before it.")

    static let submittedByAnother = Localized(
        "申請者本人ではない人が提出したことになっています。", "It was submitted by someone other than its applicant.")

    static func resubmittedAfterDecision(_ before: String) -> Localized {
        let label = ApplicationStatus(rawValue: before)?.label ?? Localized(before, before)
        return Localized(
            "「\(label.ja)」の申請が確認待ちに戻されています。戻せるのは差し戻された申請だけです。",
            "An application that was “\(label.en)” was put back to awaiting review; only a returned application can be.")
    }
}

public enum TrustText {
    public static func describe(_ error: TrustError) -> Localized {
        switch error {
        case .cannotSignAs(let login):
            return Localized(
                "\(login) として署名することはできません。記録は、ログインしている本人の鍵でだけ署名されます。",
                "Cannot sign as \(login): entries are signed only with the key of the person logged in.")
        case .unreadableKey(let path):
            return Localized(
                "署名用の鍵を読み書きできません: \(path)。フォルダーの権限を確かめてください。",
                "Cannot read or write the signing key at \(path); check the folder's permissions.")
        case .exposedKey(let path):
            return Localized(
                "署名用の鍵 \(path) が他の人にも読める状態か、あなたのものではありません。chmod 600 にするか、管理者に相談してください。何も記録していません。",
                "The signing key \(path) is readable by others or not yours. Make it mode 600 or ask the administrator; nothing was recorded.")
        case .keyMismatch(let login, let path):
            return Localized(
                "保管庫にある \(login) の公開鍵（\(path)）が、あなたの鍵と一致しません。何も記録していません。別のPCやアカウントで先に yakkan を使ったときは、そこでの鍵フォルダ（~/.local/share/yakkan/keys）をこのPCの同じ場所に複写すると、同じ鍵で署名できます。そうでなければ、別の人が作ったか、鍵を失った可能性があります。管理者に連絡してください。",
                "The public key of \(login) in the store (\(path)) is not yours; nothing was recorded. If you used yakkan first on another PC or account, copy your key folder from there (~/.local/share/yakkan/keys) to the same place here, and you sign with the same key. Otherwise someone else made it, or your key was lost: tell the administrator.")
        }
    }

    /// The progress line of `audit verify` on a terminal.
    public static func verifying(_ progress: VerifyProgress) -> Localized {
        let percent = progress.of == 0 ? 100 : progress.entries * 100 / progress.of
        return Localized(
            "監査記録を確かめています… \(progress.entries) / \(progress.of) 件（\(percent)%）",
            "Checking the audit log… \(progress.entries) of \(progress.of) entries (\(percent)%)")
    }

    public static func verification(_ report: AuditReport) -> [Localized] {
        var lines: [Localized] = []
        if report.isIntact, case .appendedEveryRecord = report.scope {
            lines.append(Localized(
                "追加された記録と保管庫のすべての記録は正常です（連鎖・署名・鍵を確かめ、手続きを決まりに照らして再現し、すべての記録・添付ファイルと一致）。",
                "What was appended, and every record, is intact (chain, signatures and keys checked; its acts replayed under the rules; every record and attachment matches)."))
        } else if report.isIntact, case .appended = report.scope {
            lines.append(Localized(
                "追加された記録は正常です（連鎖・署名・鍵を確かめ、手続きを決まりに照らして再現し、触れたサービスの記録・添付ファイルと一致）。",
                "What was appended is intact (chain, signatures and keys checked; its acts replayed under the rules; the records and attachments of the services they touched match)."))
        } else if report.isIntact {
            lines.append(Localized(
                "監査記録は正常です（\(report.entries)件：連鎖・署名・鍵を確かめ、すべての手続きを決まりに照らして再現し、すべての記録・添付ファイルと一致）。",
                "The audit trail is intact (\(report.entries) entries: chain, signatures and keys checked; every act replayed under the rules; every record and attachment matches)."))
        } else {
            lines.append(Localized(
                "監査記録と保管庫に異常があります（\(report.findings.count)件）。最初の異常：",
                "The store does not match its audit trail (\(report.findings.count) findings). The first:"))
            lines += report.findings.prefix(10).map { Localized("  ", "  ") + finding($0) }
        }
        switch report.scope {
        case .whole:
            break
        case .wholeInstead(let why):
            let reason: Localized = switch why {
            case .none: Localized("この保管庫を異常なしと確かめた検証がまだないため", "no verify of yours has found this store intact yet")
            case .otherBuild: Localized("前回の検証は別の版の yakkan によるものだったため", "your last verify was made by another build of yakkan")
            case .unreadable: Localized("前回の検証の控えが読めなかったため", "what your last verify kept could not be read")
            case .wholeDue(let days): Localized("最初からすべて確かめてから\(days)日を過ぎたため", "more than \(days) days have passed since the whole log was last checked")
            }
            lines.append(Localized("記録の最初からすべて確かめました（", "The whole log was checked from its first entry (") + reason
                + Localized("）。", ")."))
        case .appendedEveryRecord(let after):
            lines.append(Localized(
                "前回の異常なしの検証（記録 \(after) まで）の後に追加された \(report.entries) 件を再現し、すべての記録と照合しました。",
                "Replayed the \(report.entries) entries appended after your last clean verify (which reached entry \(after)), and compared every record."))
        case .appended(let after, let services):
            lines.append(Localized(
                "前回の異常なしの検証（記録 \(after) まで）の後に追加された \(report.entries) 件と、それが触れた \(services) 件のサービスの記録を確かめました。",
                "Checked the \(report.entries) entries appended after your last clean verify (which reached entry \(after)), and the records of the \(services) services they touched."))
        }
        if !report.vouchedLogins.isEmpty {
            lines.append(Localized(
                "このマシンのアカウントではないため、管理者が鍵を保証した人：\(report.vouchedLogins.joined(separator: "、"))",
                "Not accounts of this machine; an administrator vouched for their keys: \(report.vouchedLogins.joined(separator: ", "))"))
        }
        return lines
    }

    public static func finding(_ finding: AuditFinding) -> Localized {
        let at = finding.sequence.map { Localized("記録 \($0)：", "entry \($0): ") } ?? Localized("", "")
        let what: Localized
        switch finding.kind {
        case .contentChanged: what = Localized("内容が書き換えられています", "its content was changed")
        case .chainBroken: what = Localized("前の記録とのつながりが切れています（削除・挿入または並べ替え）", "it does not follow the entry before it (removed, inserted or reordered)")
        case .truncated: what = Localized("末尾の記録が失われています", "the last entries are missing")
        case .unsigned: what = Localized("署名がありません", "it is not signed")
        case .badSignature: what = Localized("署名が正しくありません", "its signature is not valid")
        case .unknownSigner: what = Localized("鍵を登録していない人（\(finding.subject)）の署名です", "it is signed by someone who never entered a key (\(finding.subject))")
        case .secondKey: what = Localized("\(finding.subject) の二つ目の鍵が登録されています", "a second key was entered for \(finding.subject)")
        case .keyFile(let binding):
            let why: Localized = switch binding {
            case .missing: Localized("ないか、記録と一致しません", "is missing or differs from the log")
            case .notAFile: Localized("が通常のファイルではありません", "is not a regular file")
            case .writableByOthers: Localized("を他の人も書き換えられます", "can be written by others")
            case .ownedByAnother(let uid): Localized("の持ち主が本人ではありません（uid \(uid)）", "is owned by someone else (uid \(uid))")
            case .noSuchAccount: Localized(
                "の持ち主がこのマシンのアカウントになく、管理者も保証していません（yakkan staff vouch LOGIN）",
                "belongs to no account of this machine and no administrator vouched for it (yakkan staff vouch LOGIN)")
            case .bound: Localized("は正常です", "is fine")
            }
            what = Localized("公開鍵ファイル \(finding.subject) ", "the public key file \(finding.subject) ") + why
        case .rowNotInLog: what = Localized("\(finding.subject) が監査記録にない内容に変わっています（記録の外で追加・変更）", "\(finding.subject) is not what the log says (added or changed outside yakkan)")
        case .rowMissing: what = Localized("\(finding.subject) が記録の外で削除されています", "\(finding.subject) was deleted outside yakkan")
        case .workingStateChanged: what = Localized("\(finding.subject) は持ち主の署名と合いません（本人以外が書き換え）", "\(finding.subject) does not hold its owner's signature (changed by someone else)")
        case .unreadableEntry: what = Localized("内容を読み取れません（yakkan の手続きの記録ではありません）", "it cannot be read (it is not a command of yakkan's)")
        case .relabelled(let action): what = Localized("操作名か対象が記録の内容（\(action)）と合いません", "its action or subject does not match what it records (\(action))")
        case .ruleBroken(let reason): what = Localized("\(finding.subject) は手順の決まりに反しています：", "\(finding.subject) breaks a rule of the procedure: ") + reason
        case .attachmentChanged: what = Localized("添付ファイル \(finding.subject) の内容が変わっています", "the attachment \(finding.subject) was changed")
        case .attachmentMissing: what = Localized("添付ファイル \(finding.subject) がありません", "the attachment \(finding.subject) is missing")
        case .witnessLost(let login, let sequence):
            what = Localized(
                "\(login) さんが署名して残した確認（\(sequence)番までの記録を見た）の記録が、この保管庫にありません。保管庫が巻き戻されたおそれがあります",
                "\(login) signed a witness of having seen entry \(sequence), which this store no longer holds: it may have been rolled back")
        case .datedBeforeEarlierEntries(let at, let latest):
            what = Localized(
                "\(finding.subject) の日時（\(at)）が、それより前に記録された記録の日時（\(latest)）より前です。日付をさかのぼって記録されたか、記録した PC の時計が遅れています",
                "\(finding.subject) is dated \(at), before an entry recorded ahead of it (\(latest)): it was backdated, or the clock of the PC that recorded it is slow")
        case .datedInTheFuture(let at):
            what = Localized(
                "\(finding.subject) の日時（\(at)）が、この確認の時点より後です。日付を先にして記録されたか、記録した PC の時計が進んでいます",
                "\(finding.subject) is dated \(at), after the moment of this check: it was dated ahead, or the clock of the PC that recorded it is fast")
        case .timeUnreadable(let at):
            what = Localized("\(finding.subject) の日時（\(at)）が読み取れません", "\(finding.subject) has a time that cannot be read (\(at))")
        case .headNotExtended(let sequence, let hash):
            what = Localized(
                "前回あなたが見た記録（\(sequence)番、\(hash.prefix(12))）がこの保管庫にありません。巻き戻し・書き換え・作り直しのおそれがあります",
                "the entry you saw last time (number \(sequence), \(hash.prefix(12))) is not in this store: it was rolled back, rewritten or recreated")
        }
        return at + what
    }
}

extension TrustText {
    public static func headLost(_ seen: LogHead, storePath: String) -> Localized {
        Localized(
            "警告：保管庫 \(storePath) には、前回あなたが見た監査記録（\(seen.sequence)番、\(seen.hash.prefix(12))）がありません。保管庫が巻き戻されたか、書き換えられたか、削除して作り直されたおそれがあります。管理者に知らせ、yakkan audit verify で確かめてください。確かめた後は yakkan audit verify --accept-head で今の状態を覚え直します。",
            "WARNING: the store \(storePath) no longer holds the audit entry you saw last time (number \(seen.sequence), \(seen.hash.prefix(12))). It may have been rolled back, rewritten, or deleted and made anew. Tell the administrator and check with yakkan audit verify; once checked, yakkan audit verify --accept-head remembers the store as it is now.")
    }

    /// Said at every start while the store holds less than someone saw, to everyone.
    public static func witnessesLost(_ lost: [Witness], storePath: String) -> Localized {
        let ja = lost.map { "\($0.login) さん（\($0.sequence)番）" }.joined(separator: "、")
        let en = lost.map { "\($0.login) (entry \($0.sequence))" }.joined(separator: ", ")
        return Localized(
            "警告：保管庫 \(storePath) には、\(ja)が見たと署名して残した監査記録がありません。保管庫がバックアップなどで巻き戻され、その後の記録が失われたおそれがあります。管理者に知らせ、yakkan audit verify で確かめてください。",
            "WARNING: the store \(storePath) no longer holds the audit entries that \(en) signed as seen. It may have been rolled back (a backup restored over newer work), losing what was recorded since. Tell the administrator and check with yakkan audit verify.")
    }

    public static let headAccepted = Localized(
        "今の監査記録の先頭を覚えました。", "The current head of the audit trail is remembered.")
}
