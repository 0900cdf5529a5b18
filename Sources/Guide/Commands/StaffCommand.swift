import ArgumentParser
import Core

// Every subcommand here names itself: without a name ArgumentParser works it out from the
// type's name (String(describing:), then a conversion) each time it builds the tree of
// commands, which is at every start of every command.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: CommandHelp.staff,
        subcommands: [Add.self, List.self, SetRole.self, Remove.self, Vouch.self, Key.self])

    struct Add: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CommandHelp.staffAdd)
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(CommandHelp.staffLogin)) var login: String
        @Option(help: ArgumentHelp(CommandHelp.staffName)) var name: String
        @Option(help: ArgumentHelp(CommandHelp.staffDepartment)) var department: String
        @Option(name: .customLong("reviewer-of"), help: ArgumentHelp(CommandHelp.reviewerOfRepeatable))
        var reviewerOf: [String] = []
        @Flag(help: ArgumentHelp(CommandHelp.makeAdministrator)) var admin = false
        @OptionGroup var mailOptions: MailOptions

        func run(in session: Session) throws -> Int32 {
            let entry = StaffEntry(
                login: login, name: name, department: department, administrator: admin, reviewerOf: reviewerOf,
                mail: mailOptions.mail, mailLanguage: mailOptions.mailLanguage)
            let store = try common.openStore(session)
            let added = try store.addStaff(entry, by: session.login, at: Village.timestamp(session.clock.now))
            session.show(.success, StaffText.added(added)(common.lang))
            try session.showLoginRoleLeft(login, in: store, common.lang)
            return 0
        }
    }

    struct List: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CommandHelp.staffList)
        @OptionGroup var common: CommonOptions

        func run(in session: Session) throws -> Int32 {
            let staff = try common.readStore(session).staff()
            if staff.isEmpty {
                session.show(.info, StaffText.empty(common.lang))
            } else {
                session.output.write(StaffText.table(staff, today: Village.today(session.clock), common.lang) + "\n")
            }
            return 0
        }
    }

    struct SetRole: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-role", abstract: CommandHelp.staffSetRole, aliases: ["update"])
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(CommandHelp.login)) var login: String
        @Option(name: .customLong("reviewer-of"), help: ArgumentHelp(CommandHelp.reviewerOfAdding))
        var reviewerOf: [String] = []
        @Option(name: .customLong("not-reviewer-of"), help: ArgumentHelp(CommandHelp.notReviewerOf))
        var notReviewerOf: [String] = []
        @Flag(name: .customLong("no-reviewer"), help: ArgumentHelp(CommandHelp.noReviewer)) var noReviewer = false
        @Flag(inversion: .prefixedNo, help: ArgumentHelp(CommandHelp.administratorFlag)) var admin: Bool?
        @Option(help: ArgumentHelp(CommandHelp.newDepartment)) var department: String?
        @Option(help: ArgumentHelp(CommandHelp.newName)) var name: String?
        @OptionGroup var mailOptions: MailOptions
        @Flag(name: .customLong("no-mail"), help: ArgumentHelp(CommandHelp.noMail)) var noMail = false
        @Option(name: .customLong("deputy-of"), help: ArgumentHelp(CommandHelp.deputyOf)) var deputyOf: [String] = []
        @Option(help: ArgumentHelp(CommandHelp.deputyUntil)) var until: String?
        @Flag(name: .customLong("no-deputy"), help: ArgumentHelp(CommandHelp.noDeputy)) var noDeputy = false

        /// The deputyships the entry is to hold, if this command changes them.
        func deputies(current: [Deputyship]) throws -> [Deputyship]? {
            guard !deputyOf.isEmpty else { return noDeputy ? [] : nil }
            guard let until, case .success(let day) = JapaneseDate.parse(until) else { throw ValidationError(CommandHelp.deputyUsage) }
            return (noDeputy ? [] : current) + deputyOf.map { Deputyship(department: $0, until: day) }
        }

        func run(in session: Session) throws -> Int32 {
            let store = try common.openStore(session)
            let current = try store.staff().first { $0.login == login }
            let deputyships = try deputies(current: current?.deputyOf ?? [])
            let reviewing = DirectoryRules.reviewerOf(
                current: current?.reviewerOf ?? [], adding: reviewerOf, removing: notReviewerOf, removingAll: noReviewer)
            let entry = StaffEntry(
                login: login, name: name, department: department, administrator: admin, reviewerOf: reviewing,
                mail: mailOptions.mail, mailLanguage: mailOptions.mailLanguage, removesMail: noMail, deputyOf: deputyships)
            let member = try store.updateStaff(entry, by: session.login, at: Village.timestamp(session.clock.now))
            session.show(.success, StaffText.updated(login)(common.lang))
            if reviewing != nil { session.show(.info, StaffText.reviewerOfNow(member)(common.lang)) }
            if deputyships != nil { session.show(.info, StaffText.deputiesNow(member, today: Village.today(session.clock))(common.lang)) }
            try session.showLoginRoleLeft(login, in: store, common.lang)
            return 0
        }
    }

    struct Remove: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: CommandHelp.staffRemove)
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(CommandHelp.login)) var login: String

        func run(in session: Session) throws -> Int32 {
            let store = try common.openStore(session)
            try store.removeStaff(login: login, by: session.login, at: Village.timestamp(session.clock.now))
            session.show(.success, StaffText.removed(login)(common.lang))
            try session.showLoginRoleLeft(login, in: store, common.lang)
            return 0
        }
    }
}

extension StaffCommand {
    /// An administrator vouches for the key a colleague with no account on this machine published.
    struct Vouch: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "vouch", abstract: CommandHelp.staffVouch)
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(CommandHelp.login)) var login: String

        func run(in session: Session) throws -> Int32 {
            let store = try common.openStore(session)
            guard let key = try store.publishedKeys().first(where: { $0.login == login })?.key else {
                session.show(.error, KeyVouching.notAKey(login)(common.lang))
                return 1
            }
            try store.perform(.vouchKey(login: login, publicKey: key), by: session.login, at: Village.timestamp(session.clock.now))
            session.show(.success, KeyVouching.vouched(login, fingerprint: KeyVouching.fingerprint(key) ?? "")(common.lang))
            return 0
        }
    }

    /// The fingerprint of one's own key, to read to the administrator who vouches for it.
    struct Key: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "key", abstract: CommandHelp.staffKey)
        @OptionGroup var common: CommonOptions

        func run(in session: Session) throws -> Int32 {
            let signer = try KeyRing.personal(login: session.login, environment: session.environment).signer(for: session.login)
            session.show(.info, KeyVouching.yourFingerprint(KeyVouching.fingerprint(signer.publicKey) ?? "")(common.lang))
            return 0
        }
    }
}

extension Session {
    /// On a server whose roles could not follow the directory, the SQL IT staff must run.
    func showLoginRoleLeft(_ login: String, in store: any Store, _ language: Language) throws {
        if let sql = try store.loginRoleLeft(for: login) { show(.info, ServerRolesText.left(login, sql: sql)(language)) }
    }
}

/// Where `yakkan remind` mails someone, and in which language.
struct MailOptions: ParsableArguments {
    @Option(help: ArgumentHelp(CommandHelp.staffMail)) var mail: String?
    @Option(name: .customLong("mail-language"), help: "ja | en") var mailLanguage: Language?
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: CommandHelp.audit, subcommands: [Verify.self, List.self])

    struct Verify: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: CommandHelp.auditVerify)
        @OptionGroup var common: CommonOptions
        @Flag(name: .long, help: ArgumentHelp(CommandHelp.acceptHead))
        var acceptHead = false
        @Flag(name: .long, help: ArgumentHelp(CommandHelp.incrementalVerify))
        var incremental = false

        func run(in session: Session) throws -> Int32 {
            let path = StoreLocation.resolve(option: common.store, environment: session.environment)
            let memory = HeadMemory.personal(environment: session.environment)
            let remembered = memory.recall(storePath: path)
            let store = try common.readStore(session)
            let kept = KeptRebuild.personal(environment: session.environment, storePath: path)
            return try AuditCommand.check(
                store, remembered: acceptHead ? nil : remembered, kept: kept, incremental: incremental, in: session, common.lang
            ) {
                if acceptHead, let head = try store.head() {
                    memory.remember(head, storePath: path)
                    session.show(.info, TrustText.headAccepted(common.lang))
                }
            }
        }
    }

    /// The file's own check (of a SQLite store), then the log's, each shown with its verdict
    /// first: 0 when both hold, 1 for findings in the log, 3 for a damaged file.
    static func check(
        _ store: any Store, remembered: LogHead?, kept: KeptRebuild? = nil, incremental: Bool = false, in session: Session,
        _ lang: Language, beforeLog: () throws -> Void = {}
    ) throws -> Int32 {
        // The file first: a damaged page can hide from the log, or keep it from being read.
        // A server keeps its own pages; only the log is for yakkan to check there. Going on from
        // the last clean verify reads what was appended only; the whole file is a whole verify's.
        let goesOn = incremental && kept?.isUsable == true
        let checked = goesOn ? nil : try store.integrityCheck()
        let damage = checked ?? []
        if goesOn {
            session.show(.info, StoreCommandText.integrityIsTheWholeVerifys(lang))
        } else if checked == nil {
            session.show(.info, StoreCommandText.integrityIsTheServers(lang))
        } else if damage.isEmpty {
            session.show(.success, StoreCommandText.integrityOK(lang))
        } else {
            session.show(.error, StoreCommandText.integrityFailed(damage)(lang))
        }
        let damaged: Int32 = damage.isEmpty ? 0 : 3
        try beforeLog()
        let report: AuditReport
        do {
            let line = VerifyProgressLine(session: session, lang: lang)
            report = try store.verifyAudit(VerifyRequest(
                accounts: session.accounts, remembered: remembered, progress: line.map { line in { line.show($0) } }, kept: kept,
                incremental: incremental))
            line?.clear()
        } catch let error where damaged != 0 && StoreError(classifying: error) == .corrupt {
            session.show(.error, StoreCommandText.chainUnreadable(lang))
            return damaged
        }
        let headline: Tone = report.isIntact && damage.isEmpty ? .success : .error
        for (index, line) in TrustText.verification(report).enumerated() {
            let tone: Tone = index == 0 ? headline : .info
            session.show(tone, line(lang))
        }
        if damaged != 0 { return damaged }
        return report.isIntact ? 0 : 1
    }

    struct List: ParsableCommand, SessionCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CommandHelp.auditList)
        @OptionGroup var common: CommonOptions

        func run(in session: Session) throws -> Int32 {
            let entries = try common.readStore(session).auditEntries()
            session.output.write(StaffText.auditTable(entries, common.lang) + "\n")
            return 0
        }
    }
}
