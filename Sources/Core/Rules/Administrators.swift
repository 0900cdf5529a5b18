/// Who keeps the directory, by name: "ask the administrator" helps nobody who does not know who
/// that is, least of all someone the directory does not list.
public enum Administrators {
    public static func named(_ staff: [StaffMember]) -> Localized {
        let administrators = staff.filter(\.isAdministrator).sorted { $0.login < $1.login }
        guard !administrators.isEmpty else { return Localized("管理者", "an administrator") }
        return Localized(
            "管理者 " + administrators.map { "\($0.name)（\($0.login)）" }.joined(separator: "、"),
            "an administrator (" + administrators.map { "\($0.name) (\($0.login))" }.joined(separator: ", ") + ")")
    }

    /// For someone the directory does not list: whom to ask, and what they will run.
    public static func askToBeAdded(_ login: String, staff: [StaffMember]) -> Localized {
        let whom = named(staff)
        return Localized(
            "登録は\(whom.ja)に依頼してください（yakkan staff add \(login) --name 氏名 --department 課）。",
            "Ask \(whom.en) to add you (yakkan staff add \(login) --name NAME --department 課).")
    }
}
