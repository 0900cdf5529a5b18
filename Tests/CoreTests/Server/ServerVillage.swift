import Core
import Foundation
import PrivateServer

/// A new database on the private server with yakkan's schema, and a 課 of three people, each
/// with their own login role: 田中 applies, 鈴木 and 中村 are 利用責任者 of 総務課, and 中村 is
/// also the 所属長 named on 田中's application.
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
        let answers: [String: AnswerValue] = [ApplicationFields.departmentHead: .person(NamedPerson(name: head.name, login: head.login))]
        let answersText = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
        // The applicant submits their own application, as staff may.
        try link(as: applicant.login).execute(
            """
            INSERT INTO application (id, applicant, status, procedure_version, answers, department, provider, service,
                submitted_at, version)
            VALUES ($1, $2, 'submitted', '1.0', $3, $4, 'Example Storage', 'Example Drive', '2026-04-01T09:00:00Z', 1)
            """,
            [applicationID, applicant.login, answersText, department])
    }

    /// A connection as `user` (the superuser who owns the tables when nil).
    func link(as user: String? = nil) throws -> PostgresLink {
        try PostgresLink(uri: server.uri(user: user, database: database))
    }

    /// The insert of a decision on the application, as yakkan's store would write it.
    static let decisionInsert = """
        INSERT INTO decision (application_id, reviewer, reviewer_name, outcome, answers, application_version, decided_at)
        VALUES ($1, $2, $3, 'approved', '{}', 1, '2026-04-02T09:00:00Z')
        """

    func decide(as member: StaffMember, naming named: StaffMember? = nil) throws {
        let named = named ?? member
        try link(as: member.login).execute(Self.decisionInsert, [applicationID, named.login, named.name])
    }

    /// What Core's rule says of the same person and form: the server must say the same.
    func coreRefusals(of member: StaffMember) -> [Localized] {
        let form = ReviewableForm(
            department: department, applicantLogin: applicant.login,
            departmentHead: NamedPerson(name: head.name, login: head.login), editors: [], notAwaiting: nil)
        return FourEyes.refusals(reviewerLogin: member.login, reviewer: member, form: form).map(\.text)
    }
}
