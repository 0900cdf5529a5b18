extension ServerSchema {
    // MARK: - pgguide

    /// The tables' owner may write decisions and keys in others' names, as the log already lets
    /// it (`audit_own_actor`), but only when its session says so first (`SET
    /// yakkan.owner_writes_for_others = on`, which `yakkan demo` does): the demo village, or a
    /// village copied in, has decisions and keys of many people written by one role, while an
    /// owner's plain psql still meets every check. The four-eyes rule still holds for the
    /// reviewer the decision names; only the checks that the inserting login is that reviewer,
    /// and that a key is published by its own login, give way. The owner could drop any
    /// trigger anyway: the signed chain is the proof.
    static let ownerWritesForOthers = """
        CREATE FUNCTION yakkan_owner_writes_for_others() RETURNS boolean LANGUAGE sql STABLE
        SET search_path = pg_catalog, pg_temp AS $$
            SELECT session_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit')
                AND coalesce(current_setting('yakkan.owner_writes_for_others', true), '') = 'on'
        $$;

        CREATE OR REPLACE FUNCTION yakkan_signing_key_own() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.login IS DISTINCT FROM session_user AND NOT yakkan_owner_writes_for_others() THEN
                RAISE EXCEPTION 'a key is published only by its own login (%), not by %', NEW.login, session_user
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END $$;

        CREATE OR REPLACE FUNCTION yakkan_decision_four_eyes() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            reasons jsonb;
        BEGIN
            IF NEW.reviewer IS NULL OR (NEW.reviewer <> session_user AND NOT yakkan_owner_writes_for_others()) THEN
                reasons := jsonb_build_array(jsonb_build_object(
                    'refusal', 'not_the_login', 'reviewer', coalesce(NEW.reviewer, ''), 'login', session_user));
            ELSE
                reasons := yakkan_four_eyes_refusals(NEW.reviewer, NEW.application_id, NEW.form);
            END IF;
            IF jsonb_array_length(reasons) > 0 THEN
                RAISE EXCEPTION 'four-eyes rule: the decision of % on application % is refused', NEW.reviewer, NEW.application_id
                    USING ERRCODE = 'YK401', DETAIL = reasons::text;
            END IF;
            RETURN NEW;
        END $$;
        """
}
