/// pg7: a narrow way for yakkan's administrators to keep login roles in step with the
/// directory, instead of `CREATEROLE` (which lets a role create, alter and drop any other
/// ordinary role of the server). One function, run with the rights of a role made for it alone
/// (`yakkan_role_keeper`, NOLOGIN, CREATEROLE, ADMIN OPTION on yakkan's two groups), callable
/// only by `yakkan_admin`: it makes a login's groups what the directory says (a login role
/// with `yakkan_staff`, or `yakkan_admin` for an administrator; none for someone removed) and
/// nothing else. It never touches a superuser, a role that may create roles, replicate or
/// bypass row security, one that cannot log in, yakkan's own roles or the server's.
extension ServerSchema {
    public static let roleKeeper = "yakkan_role_keeper"

    static var roleGranting: String {
        """
        DO $keeper$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yakkan_role_keeper') THEN
                CREATE ROLE yakkan_role_keeper NOLOGIN CREATEROLE;
            END IF;
            -- ADMIN OPTION is what PostgreSQL 16 and later ask of a role granting a group; 15 takes CREATEROLE.
            IF NOT EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
                           WHERE r.rolname = 'yakkan_role_keeper' AND g.rolname = 'yakkan_staff' AND m.admin_option) THEN
                GRANT yakkan_staff TO yakkan_role_keeper WITH ADMIN OPTION;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
                           WHERE r.rolname = 'yakkan_role_keeper' AND g.rolname = 'yakkan_admin' AND m.admin_option) THEN
                GRANT yakkan_admin TO yakkan_role_keeper WITH ADMIN OPTION;
            END IF;
            -- An owner who is not a superuser hands the function over only as a member of its owner.
            IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
               AND NOT pg_has_role(current_user, 'yakkan_role_keeper', 'MEMBER') THEN
                EXECUTE format('GRANT yakkan_role_keeper TO %I', current_user);
            END IF;
        END $keeper$;
        GRANT SELECT ON staff TO yakkan_role_keeper;
        CREATE FUNCTION yakkan_follow_directory(target text) RETURNS boolean
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $follow$
        DECLARE
            existing pg_roles%ROWTYPE;
            exists_already boolean;
            administrator boolean;
            wanted text;
            other text;
        BEGIN
            SELECT * INTO existing FROM pg_roles WHERE rolname = target;
            exists_already := FOUND;
            IF target IN ('yakkan_staff', 'yakkan_admin', 'yakkan_role_keeper') OR target LIKE 'pg\\_%'
               OR (exists_already AND (existing.rolsuper OR existing.rolcreaterole OR existing.rolreplication
                                       OR existing.rolbypassrls OR NOT existing.rolcanlogin)) THEN
                RETURN false;
            END IF;
            SELECT s.is_administrator <> 0 INTO administrator FROM public.staff s WHERE s.login = target;
            IF NOT FOUND THEN
                -- Removed, or never listed: the role stays (the log names it), without yakkan's groups.
                FOR other IN SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                             WHERE m.member = existing.oid AND g.rolname IN ('yakkan_staff', 'yakkan_admin') LOOP
                    EXECUTE format('REVOKE %I FROM %I', other, target);
                END LOOP;
                RETURN true;
            END IF;
            IF NOT exists_already THEN
                EXECUTE format('CREATE ROLE %I LOGIN', target);
            END IF;
            wanted := CASE WHEN administrator THEN 'yakkan_admin' ELSE 'yakkan_staff' END;
            other := CASE WHEN administrator THEN 'yakkan_staff' ELSE 'yakkan_admin' END;
            EXECUTE format('GRANT %I TO %I', wanted, target);
            IF EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
                       WHERE r.rolname = target AND g.rolname = other) THEN
                EXECUTE format('REVOKE %I FROM %I', other, target);
            END IF;
            RETURN true;
        END $follow$;
        DO $hand$
        BEGIN
            ALTER FUNCTION yakkan_follow_directory(text) OWNER TO yakkan_role_keeper;
        EXCEPTION WHEN insufficient_privilege THEN
            -- The keeper may not create in schema public (an owner who is not the database's owner
            -- cannot let it): the function stays the owner's, as narrow, with the owner's rights.
            RAISE NOTICE 'yakkan_follow_directory stays owned by %, not yakkan_role_keeper: %', current_user, SQLERRM;
        END $hand$;
        REVOKE ALL ON FUNCTION yakkan_follow_directory(text) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION yakkan_follow_directory(text) TO yakkan_admin;
        """
    }
}
