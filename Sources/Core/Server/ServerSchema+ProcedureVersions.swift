/// pg10: the versions of the procedure adopted, as SQLite's v11: written by the projection of
/// an administrator's signed `adoptProcedure` act, read by everyone (each form is shown with
/// the version it was made under).
extension ServerSchema {
    static let procedureVersions = """
        CREATE TABLE procedure_version (
            version text PRIMARY KEY, in_force_from text NOT NULL, text text NOT NULL, sha256 text NOT NULL,
            entry bigint NOT NULL UNIQUE, adopted_by text NOT NULL, adopted_at text NOT NULL);
        GRANT SELECT ON procedure_version TO yakkan_staff;
        GRANT INSERT ON procedure_version TO yakkan_admin;
        """
}
