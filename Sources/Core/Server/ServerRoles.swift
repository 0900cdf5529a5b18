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
