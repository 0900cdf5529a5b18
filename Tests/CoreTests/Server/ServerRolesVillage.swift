import Foundation
import PrivateServer

@testable import Core

extension ServerRolesFollowTests {
    /// A database on the suite's server with login roles for kato (an administrator), yamada,
    /// suzuki and sato; each opens the store as their own role with their own key folder.
    struct Village {
        let server: PrivateServer
        let database: String
        let folder: String
        let clock = FixedClock(day: Day(year: 2026, month: 4, day: 1)!)

        init(on server: PrivateServer) throws {
            self.server = server
            database = try server.newDatabase()
            folder = NSTemporaryDirectory() + "yakkan-server-store-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let owner = try PostgresLink(uri: server.uri(database: database))
            try ServerMigrator.migrate(owner)
            for (login, administrator) in [("kato", true), ("yamada", false), ("suzuki", false), ("sato", false)] {
                try owner.execute(ServerRoles.createLogin(login, administrator: administrator))
            }
        }

        /// The store as one person opens it, authenticated by the server as `login`.
        func store(as login: String) throws -> ServerStore {
            try ServerStore(
                uri: server.uri(user: login, database: database), workingDirectory: folder, clock: clock,
                cacheFolder: folder + "/cache-\(login)", keyRing: KeyRing(folder: folder + "/home-\(login)/keys", scope: .only(login)))
        }

        func psql(as user: String?, _ sql: String) throws -> PrivateServer.Ran {
            try server.psql(as: user, database: database, sql)
        }

        /// kato keeps the directory and reviews 総務課; yamada applies; suzuki keeps the service.
        func applicationSubmitted(attachment: Attachment? = nil) throws -> ApplicationRecord {
            let kato = try store(as: "kato")
            _ = try kato.addStaff(StaffMember(login: "kato", name: "加藤 誠", department: "総務課", reviewerOf: ["総務課"]), by: "kato", at: "2026-04-01T00:00:00Z")
            _ = try kato.addStaff(StaffMember(login: "yamada", name: "山田 太郎", department: "総務課"), by: "kato", at: "2026-04-01T00:01:00Z")
            _ = try kato.addStaff(StaffMember(login: "suzuki", name: "鈴木 花子", department: "総務課"), by: "kato", at: "2026-04-01T00:02:00Z")
            var answers: Answers = [
                ApplicationFields.department: .text("総務課"), ApplicationFields.departmentHead: .person(NamedPerson(name: "田中 部長", login: nil)),
                ApplicationFields.serviceManager: .person(NamedPerson(name: "鈴木 花子", login: "suzuki")),
            ]
            if let attachment { answers[ApplicationFields.terms] = .files([attachment]) }
            let draft = Draft(owner: "yamada", procedureID: "application", state: InterviewState(answers: answers))
            return try store(as: "yamada").submitApplication(from: draft, procedureVersion: "1.0", at: "2026-04-01T01:00:00Z")
        }

        func approve(_ record: ApplicationRecord) throws -> ApplicationRecord {
            try store(as: "kato").decide(Decision(
                applicationID: record.id, reviewerLogin: "kato", reviewerName: "加藤 誠", outcome: .approved, reason: nil,
                answers: [:], decidedAt: "2026-04-02T01:00:00Z", applicationVersion: record.version))
        }
    }
}
