import Foundation

/// Company and service names as people type them: part of the name, without 株式会社 or
/// "Inc.", in full or half width, with or without spaces. An incident elsewhere (6(7)) typed
/// as 「シェアボックス」 must still reach the users of シェアボックス株式会社's service.
public enum ProviderNames {
    /// The forms of a company that say nothing of which company it is.
    static let companyForms = [
        "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人", "一般財団法人", "(株)", "(有)", "(同)",
        "co.,ltd.", "co.,ltd", "co.ltd.", "co.ltd", "corporation", "corp.", "corp", "inc.", "inc", "llc", "ltd.", "ltd",
        "limited", "gmbh", "k.k.",
    ]

    /// The name reduced to what tells companies apart: NFKC (half-width kana become full width,
    /// full-width letters half width, ㈱ becomes (株)), lower case, without company forms,
    /// spaces or punctuation.
    public static func key(_ name: String) -> String {
        var text = name.precomposedStringWithCompatibilityMapping.lowercased()
        for form in companyForms.sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: form.replacingOccurrences(of: " ", with: ""), with: " ")
        }
        let ignored = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters).union(.symbols)
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !ignored.contains($0) }))
    }

    /// Whether what was typed names this company or service: the same key, or one key inside
    /// the other when the shorter has at least two characters (one character fits everything).
    public static func fits(_ typed: String, _ name: String) -> Bool {
        let typedKey = key(typed), nameKey = key(name)
        guard !typedKey.isEmpty, !nameKey.isEmpty else { return false }
        if typedKey == nameKey { return true }
        let shorter = typedKey.count <= nameKey.count ? typedKey : nameKey
        return shorter.count >= 2 && (nameKey.contains(typedKey) || typedKey.contains(nameKey))
    }

    /// The services in use an incident typed this way concerns, for the person to see before
    /// it is recorded; the names of the providers when they differ (several companies fit).
    public static func candidatesNotice(provider: String, service: String, inUse: [ApplicationRecord]) -> Localized {
        let incident = Incident(
            applicationID: nil, provider: provider, service: service, occurredOn: Day(iso: "2000-01-01")!, what: "", source: nil,
            action: nil, recordedBy: "", recordedAt: "")
        let found = Notifications.affected(by: incident, in: inUse)
        guard !found.isEmpty else {
            return Localized(
                "「\(provider)」に当たる利用中のサービスはありません。会社名の一部（例：株式会社を除いた名前）でも探せます。:back で入力し直せます。",
                "No service in use fits “\(provider)”. Part of the company's name works too (without Inc., for example); :back lets you type it again.")
        }
        let ja = found.map { "申請\($0.id)（\($0.provider) / \($0.service)、\($0.department)）" }.joined(separator: "、")
        let en = found.map { "#\($0.id) (\($0.provider) / \($0.service), \($0.department))" }.joined(separator: ", ")
        let companies = Set(found.map { key($0.provider) }).count
        return Localized(
            "該当する利用中のサービス\(found.count)件：\(ja)。"
                + (companies > 1 ? "複数の会社が当たっています。違う会社が含まれるときは :back で会社名をもっと詳しく入力してください。" : "これらの利用者とサービス管理担当者に注意喚起します。"),
            "\(found.count) service(s) in use fit: \(en). "
                + (companies > 1 ? "Several companies fit; if one of them is not meant, type :back and give the company's name more fully." : "Their users and service managers will be alerted."))
    }
}
