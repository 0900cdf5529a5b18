import Core
import Foundation
import PrivateServer
#if canImport(Glibc)
import Glibc
#endif

/// The people and the store of one run. On SQLite each person is an operating-system login of
/// their own (useradd), in one group that owns the store's setgid folder, as the README's
/// "Sharing one store" sets it up; on PostgreSQL each is a login role of a private server, as
/// IT staff make them. Everything made is removed by `tearDown()`.
final class Village {
    enum Kind: String { case sqlite, postgresql }

    /// Up to four departments of at least five people each.
    static func departments(for count: Int) -> [String] {
        Array(["総務課", "企画課", "住民課", "福祉課"].prefix(min(4, max(1, count / 5))))
    }

    let kind: Kind
    let folder: String
    let yakkan: String
    private(set) var people: [Person] = []
    /// How many applications the village had before the run (the reads show them).
    var seeded = 0
    /// The store as its owner reads it in this process, for the reconciliation.
    let ownerStore: String
    private var server: PrivateServer?
    private var database: String?
    private let tag = String(UUID().uuidString.lowercased().prefix(6))
    private var madeAccounts: [String] = []
    private var madeGroup: String?

    init(kind: Kind, count: Int, built: String) throws {
        self.kind = kind
        folder = "/tmp/yakkan-load-" + tag
        for sub in ["", "/files", "/bin", "/homes", "/village"] {
            try FileManager.default.createDirectory(atPath: folder + sub, withIntermediateDirectories: true)
            chmod(folder + sub, 0o755)
        }
        // A copy every login may run, since the build folder may not be theirs to read.
        yakkan = folder + "/bin/yakkan"
        try Child.tool("/usr/bin/install", ["-m", "755", built, yakkan])
        let files = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("transcripts/files").path
        for name in ["signup.png", "terms.pdf"] {
            try Child.tool("/usr/bin/install", ["-m", "644", files + "/" + name, folder + "/files/" + name])
        }
        // Every act runs here, where the files its answers attach are.
        guard FileManager.default.changeCurrentDirectoryPath(folder + "/files") else { throw Failure("cannot enter \(folder)/files") }
        switch kind {
        case .sqlite:
            ownerStore = folder + "/village/yakkan.sqlite"
            let group = "ykl" + tag
            try Child.tool("/usr/sbin/groupadd", [group])
            madeGroup = group
            try Child.tool("/usr/bin/chgrp", [group, folder + "/village"])
            chmod(folder + "/village", 0o2770)
            let gid = getgrnam(group).pointee.gr_gid
            for index in 1...count {
                let login = String(format: "ykl%@%02d", tag, index)
                let home = folder + "/homes/" + login
                try Child.tool("/usr/sbin/useradd", ["--no-create-home", "--home-dir", home, "--shell", "/usr/sbin/nologin", "--gid", group, login])
                madeAccounts.append(login)
                try Child.tool("/usr/bin/install", ["-d", "-m", "700", "-o", login, "-g", group, home])
                let uid = getpwnam(login).pointee.pw_uid
                people.append(Self.person(index, of: count, login: login, home: home,
                    identity: ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--groups=\(gid)", "--inh-caps=-all"],
                    store: ownerStore))
            }
        case .postgresql:
            let server = try PrivateServer.start()
            self.server = server
            let database = try server.newDatabase()
            self.database = database
            ownerStore = server.uri(database: database)
            let initialised = Child.run(yakkan, ["store", "init", ownerStore], as: Person.owner(store: ownerStore, home: folder + "/homes/owner"), in: folder)
            guard initialised.status == 0 else { throw Failure("store init: \(initialised.output)") }
            let link = try PostgresLink(uri: ownerStore)
            for index in 1...count {
                let login = String(format: "p%02d", index)
                try link.execute(ServerRoles.createLogin(login, administrator: index == 1))
                let home = folder + "/homes/" + login
                try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
                people.append(Self.person(index, of: count, login: login, home: home, identity: [], store: server.uri(user: login, database: database)))
            }
        }
    }

    /// Person `index` (from 1): departments in turn; in each, all but every fourth person
    /// double-checks, so each application has a reviewer who is neither its applicant nor its 所属長.
    private static func person(_ index: Int, of count: Int, login: String, home: String, identity: [String], store: String) -> Person {
        let departments = departments(for: count)
        return Person(login: login, name: "Staff \(index)", department: departments[(index - 1) % departments.count], home: home,
               identity: identity, store: store)
    }

    func isReviewer(_ person: Person) -> Bool {
        (people.firstIndex { $0.login == person.login } ?? 0) / Self.departments(for: people.count).count % 4 != 3
    }

    /// The first person adds everyone to the directory (and becomes its administrator).
    func fillDirectory(into tally: Tally) throws {
        for person in people {
            var arguments = ["staff", "add", person.login, "--name", person.name, "--department", person.department]
            if isReviewer(person) { arguments += ["--reviewer-of", person.department] }
            let ran = Child.run(yakkan, arguments, as: people[0], in: folder)
            guard ran.status == 0 else { throw Failure("staff add \(person.login): \(ran.output)") }
            tally.add(Tally.Act(kind: "setup", login: people[0].login, status: 0, milliseconds: ran.milliseconds,
                                action: "staff-add", filed: nil, said: nil))
        }
    }

    func tearDown() {
        for login in madeAccounts { _ = try? Child.tool("/usr/sbin/userdel", [login]) }
        if let madeGroup { _ = try? Child.tool("/usr/sbin/groupdel", [madeGroup]) }
        server?.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The server's log of the run (errors such as serialization failures), when there is one.
    var serverLog: String? {
        server.flatMap { try? String(contentsOfFile: $0.folder + "/server.log", encoding: .utf8) }
    }
}

extension Person {
    /// The tables' owner of a server (the benchmark's own user, the cluster's superuser).
    static func owner(store: String, home: String) -> Person {
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return Person(login: "owner", name: "", department: "", home: home, identity: [], store: store)
    }
}
