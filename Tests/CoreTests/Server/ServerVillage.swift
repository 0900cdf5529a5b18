import Core
import Foundation
import PrivateServer

/// A new database on the private server with yakkan's schema, and a 課 of three people, each
/// with their own login role: 田中 applies, 鈴木 and 中村 are 利用責任者 of 総務課, and 中村 is
/// also the 所属長 named on 田中's application. The application is in the log as 田中 filed it:
/// the server's four-eyes check reads the form from there (pg9), not from its rows.
struct ServerVillage {
    let server: PrivateServer
    let database: String
    let applicationID: Int64 = 1
    let department = "総務課"
    let applicant = StaffMember(login: "tanaka", name: "田中 一郎", department: "総務課", reviewerOf: ["総務課"])
    let reviewer = StaffMember(login: "suzuki", name: "鈴木 次郎", department: "総務課", reviewerOf: ["総務課"])
    let head = StaffMember(login: "nakamura", name: "中村 正樹", department: "総務課", reviewerOf: ["総務課"])

    init(on server: PrivateServer) throws {
        self.server = server
        database = try server.newDatabase()
        let owner = try link()
        try ServerMigrator.migrate(owner)
        for member in [applicant, reviewer, head] {
            try owner.execute(ServerRoles.createLogin(member.login, administrator: false))
            try owner.execute(
                "INSERT INTO staff (login, name, department, added_at) VALUES ($1, $2, $3, '2026-04-01T00:00:00Z')",
                [member.login, member.name, member.department])
            for department in member.reviewerOf {
                try owner.execute("INSERT INTO staff_reviewer (login, department) VALUES ($1, $2)", [member.login, department])
            }
        }
        try file(applicationID, by: applicant, answers: [ApplicationFields.departmentHead: .person(NamedPerson(name: head.name, login: head.login))])
    }

    /// An application `member` submits: its row, as staff may write it, and its entry in the log.
    func file(_ id: Int64, by member: StaffMember, answers: [String: AnswerValue]) throws {
        var answers = answers
        answers[ApplicationFields.department] = answers[ApplicationFields.department] ?? .text(department)
        try link(as: member.login).execute(
            """
            INSERT INTO application (id, applicant, status, procedure_version, answers, department, provider, service,
                submitted_at, version)
            VALUES ($1, $2, 'submitted', '1.0', $3, $4, 'Example Storage', 'Example Drive', '2026-04-01T09:00:00Z', 1)
            """,
            [id, member.login, try Self.answersText(answers), answers[ApplicationFields.department]?.text ?? ""])
        try link(as: member.login).execute("INSERT INTO application_editor (application_id, login) VALUES ($1, $2)", [id, member.login])
        try append(.submitApplication(Command.Submission(answers: answers, correcting: nil, procedureVersion: "1.0")),
                   by: member.login, subject: "application/\(id)")
    }

    /// A signed-for-nobody entry of `command` by `actor`, appended through the server's function
    /// by the tables' owner writing for others: the log as yakkan would have written it, less
    /// the signature, which the server's checks do not read.
    func append(_ command: Command, by actor: String, subject: String, at: String = "2026-04-01T09:00:00Z") throws {
        struct Entry: Encodable { let act: Command }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let detail = String(decoding: try encoder.encode(Entry(act: command)), as: UTF8.self)
        let owner = try link()
        try owner.execute("SET yakkan.owner_writes_for_others = on")
        try owner.execute(
            """
            WITH head AS (
                SELECT coalesce(max(sequence), 0) + 1 AS next,
                    coalesce((SELECT hash FROM audit ORDER BY sequence DESC LIMIT 1), repeat('0', 64)) AS previous FROM audit),
            digest AS (SELECT encode(sha256(convert_to($4, 'UTF8')), 'hex') AS of_detail)
            SELECT yakkan_append_entry(next, $1, $2, $3, $5, $4, of_detail, previous,
                yakkan_entry_digest(next, $1, $2, $3, $5, of_detail, previous)) FROM head, digest
            """,
            [at, actor, command.action, detail, subject])
    }

    /// A connection as `user` (the superuser who owns the tables when nil).
    func link(as user: String? = nil) throws -> PostgresLink {
        try PostgresLink(uri: server.uri(user: user, database: database))
    }

    /// The insert of a decision on the application, as yakkan's store would write it.
    static let decisionInsert = """
        INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, answers, application_version, decided_at, form)
        VALUES ($1, $2, $3, 'approved', '{}', 1, '2026-04-02T09:00:00Z', $4)
        """

    func decide(as member: StaffMember, naming named: StaffMember? = nil, form: Decision.Form = .application, application: Int64? = nil) throws {
        let named = named ?? member
        try link(as: member.login).execute(Self.decisionInsert, [application ?? applicationID, named.login, named.name, form.rawValue])
    }

    /// The applicant's correction of the application, as the log keeps it: by `member`, with `answers`.
    func correct(_ id: Int64? = nil, by member: StaffMember? = nil, answers: [String: AnswerValue]) throws {
        let id = id ?? applicationID
        var answers = answers
        answers[ApplicationFields.department] = answers[ApplicationFields.department] ?? .text(department)
        try append(.submitApplication(Command.Submission(answers: answers, correcting: id, procedureVersion: "1.0")),
                   by: (member ?? applicant).login, subject: "application/\(id)")
    }

    /// What Core's rule says of the same person and form: the server must say the same.
    func coreRefusals(
        of member: StaffMember, department: String? = nil, departmentHead: NamedPerson? = nil, editors: [String] = []
    ) -> [Localized] {
        let form = ReviewableForm(
            department: department ?? self.department, applicantLogin: applicant.login,
            departmentHead: departmentHead ?? NamedPerson(name: head.name, login: head.login), editors: editors, notAwaiting: nil)
        return FourEyes.refusals(reviewerLogin: member.login, reviewer: member, form: form).map(\.text)
    }

    /// The answers as the store keeps them: their JSON text.
    static func answersText(_ answers: [String: AnswerValue]) throws -> String {
        String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
    }
}
