/// Who may be named on a form. The サービス管理担当者 and the 所属長 hold roles, so only people
/// in the staff directory can be named, and they are kept with their login; users may be
/// anyone, linked to their login when the directory knows them.
public enum NamingRules {
    /// The one member of staff the typed words name, or why they name nobody.
    public static func listed(_ typed: String, among staff: [StaffMember]) -> Result<NamedPerson, Localized> {
        guard !staff.isEmpty else { return .failure(nobodyListedYet) }
        switch StaffLookup(staff).find(typed) {
        case .one(let member): return .success(NamedPerson(member))
        case .several(let members): return .failure(several(typed, members))
        case .none: return .failure(notListed(typed, staff: staff))
        }
    }

    /// The users: each linked to their login when listed; a name shared by several must say which.
    public static func users(_ names: [String], among staff: [StaffMember]) -> Result<[NamedPerson], Localized> {
        let lookup = StaffLookup(staff)
        var people: [NamedPerson] = []
        for name in names {
            switch lookup.find(name) {
            case .one(let member): people.append(NamedPerson(member))
            case .several(let members): return .failure(several(name, members))
            case .none: people.append(NamedPerson(name: name, login: nil))
            }
        }
        return .success(people)
    }

    /// Said after the users are accepted, when some are not in the directory.
    public static func unlistedUsers(_ people: [NamedPerson]) -> Localized? {
        let unlisted = people.filter { !$0.isListed }.map(\.name)
        guard !unlisted.isEmpty else { return nil }
        return Localized(
            "名簿にない利用者：\(unlisted.joined(separator: "、"))（お知らせは名簿に登録された人にだけ届きます）",
            "Users not in the directory: \(unlisted.joined(separator: ", ")) (alerts reach only people listed there)")
    }

    /// How an unlisted user is marked wherever the answers are listed.
    public static let unlistedMark = Localized("（名簿にない利用者）", " (not in the directory)")

    public static let emptyDirectory = Localized(
        "サービス管理担当者と所属長は職員名簿から選びますが、名簿はまだ空です。まず自分を登録してください：yakkan staff add 自分のログイン --name 氏名 --department 課（最初に登録した人が管理者になり、ほかの人を登録できます）。下書きは保存されているので、登録のあとで続きから再開できます。",
        "The service manager and the head of department are chosen from the staff directory, which is still empty. First add yourself: yakkan staff add YOUR-LOGIN --name NAME --department 課 (the first person added becomes its administrator and can add the others). Your draft is kept: carry on once they are added.")

    /// The refusal on an empty directory; the question itself says what to do.
    static let nobodyListedYet = Localized(
        "職員名簿が空のため、まだ誰も指定できません。",
        "The staff directory is empty, so nobody can be named yet.")

    static func notListed(_ typed: String, staff: [StaffMember] = []) -> Localized {
        let whom = Administrators.named(staff)
        return Localized(
            "「\(typed)」は職員名簿にありません。サービス管理担当者と所属長には名簿に登録された人だけを指定できます。\(whom.ja)に yakkan staff add ログイン --name 氏名 --department 課 で登録してもらってから、もう一度答えてください（下書きは保存されています）。",
            "“\(typed)” is not in the staff directory. Only people listed there can be named as service manager or head of department. Ask \(whom.en) to add them (yakkan staff add LOGIN --name NAME --department 課), then answer again (your draft is kept).")
    }

    static func several(_ typed: String, _ found: [StaffMember]) -> Localized {
        let members = found.sorted { $0.login < $1.login }
        return Localized(
            "「\(typed)」は名簿に\(members.count)人います。ログインか、氏名と課で指定してください：" + members.map { StaffLookup.label($0, .ja) }.joined(separator: "、"),
            "\(members.count) people in the directory are called “\(typed)”. Give the login, or the name with the 課: " + members.map { StaffLookup.label($0, .en) }.joined(separator: ", "))
    }
}

extension NamingRules {
    /// A person named on an earlier form, offered again only while the directory still lists
    /// them; a plain name of an earlier store is offered when it names one member alone.
    public static func stillListed(_ value: AnswerValue?, among staff: [StaffMember]) -> AnswerValue? {
        guard let person = value?.person else { return nil }
        if let login = person.login { return staff.contains { $0.login == login } ? .person(person) : nil }
        return (try? listed(person.name, among: staff).get()).map(AnswerValue.person)
    }

    /// Users named on an earlier form, each linked again to the directory as it stands.
    public static func relinkedUsers(_ value: AnswerValue?, among staff: [StaffMember]) -> AnswerValue? {
        guard let people = value?.people else { return nil }
        let linked = people.map { person -> NamedPerson in
            if let login = person.login, staff.contains(where: { $0.login == login }) { return person }
            if case .one(let member) = StaffLookup(staff).find(person.name) { return NamedPerson(member) }
            return NamedPerson(name: person.name, login: nil)
        }
        return .people(linked)
    }
}
