/// The server's roles for people: each member of staff logs in as themselves (their
/// operating-system login, so that `peer` authentication on the server's socket needs no
/// password), and is granted the group role that says what they may do.
public enum ServerRoles {
    public static let staff = "yakkan_staff"
    public static let administrators = "yakkan_admin"

    /// The SQL that gives a login its role on the server, made only if missing.
    public static func createLogin(_ login: String, administrator: Bool) -> String {
        let group = administrator ? administrators : staff
        return """
            DO $role$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(ServerSchema.literal(login))) THEN
                    CREATE ROLE \(ServerSchema.identifier(login)) LOGIN;
                END IF;
            END $role$;
            GRANT \(group) TO \(ServerSchema.identifier(login));
            """
    }
}

extension ServerRoles {
    /// A login's role on the server as it is: whether it exists and may log in, and the groups
    /// of yakkan's it is directly a member of.
    public struct Standing: Equatable, Sendable {
        public let exists: Bool
        public let canLogin: Bool
        public let groups: Set<String>

        public init(exists: Bool, canLogin: Bool, groups: Set<String>) {
            self.exists = exists
            self.canLogin = canLogin
            self.groups = groups.intersection([staff, administrators])
        }
    }

    /// Whether the role agrees with the directory: a member may log in with their group (and
    /// an administrator's alone grants what staff may do); someone removed, or never listed,
    /// has neither group. The role itself is kept: entries of the log name it.
    public static func agrees(_ standing: Standing, with member: StaffMember?) -> Bool {
        guard let member else { return standing.groups.isEmpty }
        return standing.exists && standing.canLogin
            && standing.groups == [member.isAdministrator ? administrators : staff]
    }

    /// The SQL that makes a login's role agree with the directory, for IT staff or for an
    /// administrator whose role may create roles.
    public static func bringInLine(_ login: String, with member: StaffMember?) -> String {
        let role = ServerSchema.identifier(login)
        guard let member else {
            return """
                DO $role$
                BEGIN
                    IF EXISTS (SELECT FROM pg_roles WHERE rolname = \(ServerSchema.literal(login))) THEN
                        REVOKE \(staff), \(administrators) FROM \(role);
                    END IF;
                END $role$;
                """
        }
        let other = member.isAdministrator ? staff : administrators
        return createLogin(login, administrator: member.isAdministrator) + "\nALTER ROLE \(role) LOGIN;\nREVOKE \(other) FROM \(role);"
    }

    /// What the server says of a login's role.
    static func standing(of login: String, _ db: any SQLSession) throws -> Standing {
        let role = try db.row(sql: "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", arguments: [login])
        let groups: [String] = try db.values(
            sql: """
                SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
                WHERE r.rolname = ?
                """,
            arguments: [login])
        return Standing(exists: role != nil, canLogin: role?["rolcanlogin"] ?? false, groups: Set(groups))
    }

    /// Whether the login acting may call pg7's `yakkan_follow_directory` (administrators).
    static func mayFollowDirectory(_ db: any SQLSession) throws -> Bool {
        let sql = "SELECT coalesce(has_function_privilege(session_user, to_regprocedure('yakkan_follow_directory(text)'), 'EXECUTE'), false)"
        return try db.value(Bool.self, sql: sql) ?? false
    }

    /// Whether the login acting may create roles and grant yakkan's groups.
    static func mayManageRoles(_ db: any SQLSession) throws -> Bool {
        try db.value(Bool.self, sql: "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user") ?? false
    }
}

public enum ServerRolesText {
    /// The directory changed but the server's role could not follow: the SQL for IT staff.
    public static func left(_ login: String, sql: String) -> Localized {
        Localized(
            "名簿は更新しましたが、\(login) のサーバー上の役割は変えられませんでした（あなたのログインが yakkan_admin でないか、\(login) がスーパーユーザーなど yakkan が変えない役割か、データベースが yakkan store init で pg7 まで更新されていません）。情報システム担当者に次の SQL を実行してもらってください：\n\(sql)",
            "The directory is updated, but the server's role of \(login) could not follow (your login is not yakkan_admin, or \(login) is a role yakkan leaves alone, such as a superuser, or the database has not had yakkan store init up to pg7). Ask IT staff to run this SQL:\n\(sql)")
    }
}
