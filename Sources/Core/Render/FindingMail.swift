import Crypto
import Foundation

/// The mail `yakkan remind` sends each administrator when `audit verify` finds something new:
/// what verify found, in the administrator's language, each finding mailed once. A finding is
/// known by what it says (its words in both languages, its entry and subject), so a finding
/// already mailed is not mailed again while it stays, and a new one is.
public enum FindingMail {
    /// The finding's key among what `remind` mailed (working state beside the reminders).
    public static func key(_ finding: AuditFinding) -> String {
        let said = TrustText.finding(finding)
        let identity = [said.ja, said.en, finding.subject, finding.sequence.map(String.init) ?? ""].joined(separator: "\u{1F}")
        return prefix + Hex.string(SHA256.hash(data: Data(identity.utf8)))
    }

    /// What every finding key starts with: reminders' keys never do.
    public static let prefix = "finding/"

    /// The findings not yet mailed to this administrator.
    public static func unsent(_ findings: [AuditFinding], mailed: Set<String>) -> [AuditFinding] {
        var seen = Set<String>()
        return findings.filter { finding in
            let key = key(finding)
            return !mailed.contains(key) && seen.insert(key).inserted
        }
    }

    public static func message(to member: StaffMember, address: String, findings: [AuditFinding], today: Day) -> String {
        let language = member.mailLanguage ?? .ja
        let headers = [
            "To: " + address,
            "Subject: " + ReminderMail.encodedWords(subject(count: findings.count, today: today)(language)),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "Auto-Submitted: auto-generated",
        ]
        var body = [Localized("\(member.name) さん", "Dear \(member.name),")(language), ""]
        body.append(Localized(
            "yakkan remind が監査記録を検証（yakkan audit verify）し、新しい異常を\(findings.count)件見つけました：",
            "yakkan remind verified the audit trail (yakkan audit verify) and found \(findings.count) new finding(s):")(language))
        body += findings.map { "  - " + TrustText.finding($0)(language) }
        body += ["", Localized(
            "yakkan audit verify で確かめ、誰が何をしたかを調べてください。同じ異常は一度だけ知らせます（新しい異常があれば、また知らせます）。",
            "Check with yakkan audit verify and find out who did what. Each finding is mailed once; new ones will be mailed as they are found.")(language)]
        let lines = body.flatMap { $0.components(separatedBy: "\n") }.map(TerminalText.neutralised).flatMap { ReminderMail.folded($0) }
        return (headers + [""] + lines).joined(separator: "\n") + "\n"
    }

    public static func subject(count: Int, today: Day) -> Localized {
        Localized(
            "[yakkan] 監査記録の検証で新しい異常 \(count)件（\(JapaneseDate.wareki(today))）",
            "[yakkan] \(count) new finding(s) of the audit trail's verification (\(JapaneseDate.english(today)))")
    }
}

/// What `yakkan remind` says about the verification it ran.
public enum FindingText {
    public static func mailed(_ member: StaffMember, _ address: String, _ count: Int) -> Localized {
        Localized(
            "監査記録の新しい異常 \(count)件を \(member.name)（\(member.login)）に送りました：\(address)",
            "Mailed \(count) new finding(s) of the audit trail to \(member.name) (\(member.login)) at \(address)")
    }

    public static func noAddress(_ member: StaffMember, _ count: Int) -> Localized {
        Localized(
            "管理者 \(member.name)（\(member.login)）にはメールアドレスがないため、監査記録の新しい異常 \(count)件を送れません（yakkan staff update \(member.login) --mail ADDRESS）",
            "The administrator \(member.name) (\(member.login)) has no mail address, so \(count) new finding(s) of the audit trail were not sent (yakkan staff update \(member.login) --mail ADDRESS)")
    }
}
