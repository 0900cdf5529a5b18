/// Who may adopt a version of the procedure, and which adoptions the log may hold: an
/// administrator, a file read without mistakes whose digest is the one signed, a version the
/// village does not have yet, in force from today or later and never before the last one
/// adopted, so that the version in force for every act already in the log stays what it was.
public enum ProcedureAdoptionRules {
    public static func refusal(_ adoption: ProcedureAdoption, member: StaffMember?, book: ProcedureBook, today: Day) -> Localized? {
        guard member?.isAdministrator == true else { return onlyAdministrators }
        guard ProcedureAdoption.digest(of: adoption.text) == adoption.sha256 else { return digestDiffers }
        guard case .document(let document) = ProcedureFile.read(adoption.text) else {
            return notReadable
        }
        guard document.version.version == adoption.version else { return versionDiffers(adoption.version, document.version.version) }
        guard !book.has(version: adoption.version) else { return alreadyAdopted(adoption.version) }
        guard adoption.from >= today else { return fromPast(adoption.from, today) }
        if let last = book.adoptions.last, adoption.from < last.from { return beforeLast(last) }
        return nil
    }

    // MARK: Wording

    static let onlyAdministrators = Localized(
        "手順書の版を採用できるのは管理者だけです。",
        "Only an administrator may adopt a version of the procedure.")
    static let digestDiffers = Localized(
        "手順書の内容とそのSHA-256が一致しません。",
        "The procedure's text does not match its SHA-256.")
    static let notReadable = Localized(
        "この手順書には誤りがあります。yakkan procedure check で確かめてください。",
        "This procedure file has mistakes: see yakkan procedure check.")

    static func versionDiffers(_ named: String, _ read: String) -> Localized {
        Localized("採用する版「\(named)」と、ファイルの版「\(read)」が違います。", "The version adopted, \(named), is not the file's, \(read).")
    }

    static func alreadyAdopted(_ version: String) -> Localized {
        Localized(
            "手順書 \(version) 版はすでにあります。改訂したファイルには新しい版番号（version）を付けてください。",
            "Procedure version \(version) exists already. Give the revised file a new version number (version).")
    }

    static func fromPast(_ from: Day, _ today: Day) -> Localized {
        Localized(
            "施行日 \(JapaneseDate.wareki(from)) は過ぎています。今日（\(JapaneseDate.wareki(today))）以降の日を指定してください。すでに記録された手続は、そのときの版のままです。",
            "The first day \(JapaneseDate.english(from)) has passed. Give today (\(JapaneseDate.english(today))) or a later day: acts already recorded keep the version they were made under.")
    }

    static func beforeLast(_ last: ProcedureAdoption) -> Localized {
        Localized(
            "手順書 \(last.version) 版が \(JapaneseDate.wareki(last.from)) から施行されます。それより後の日を指定してください。",
            "Procedure version \(last.version) is in force from \(JapaneseDate.english(last.from)). Give a later day.")
    }

    /// A new form begun under one version and sent while another is in force.
    public static func madeUnderAnother(_ version: String, inForce: ProcedureVersion) -> Localized {
        Localized(
            "この申請は手順書 \(version) 版で作成されましたが、現在は \(inForce.version) 版（\(JapaneseDate.wareki(inForce.enacted))）が施行されています。下書きを開き直し、新しい版の質問に答えてから提出してください。",
            "This application was made under procedure version \(version), but version \(inForce.version) (\(JapaneseDate.english(inForce.enacted))) is in force now. Open the draft again and answer the new version's questions before sending it.")
    }
}
