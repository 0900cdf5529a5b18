extension ServerSchema {
    // MARK: - pg3

    /// What a store on the server keeps that a SQLite store keeps in files beside itself: each
    /// person's public key and the attachments' contents.
    ///
    /// A key is published only by the login it belongs to: the server, which authenticated that
    /// login, is what ties the key to the person (for SQLite the key file's owner does), and a
    /// log entry is written only by the login it names. Nobody replaces or removes a published
    /// key. An attachment's content is named by its SHA-256 and the server refuses a content
    /// that does not have the hash it is named by.
    ///
    /// The tables' owner may write decisions, keys and log entries in others' names, but only
    /// when its session says so first (`SET yakkan.owner_writes_for_others = on`, which `yakkan
    /// demo` and `yakkan store copy` do): the demo village, or a village copied in, has the
    /// records of many people written by one role, while an owner's plain psql still meets every
    /// check. The four-eyes rule still holds for the reviewer a decision names. The owner could
    /// drop any trigger anyway: the signed chain is the proof.
    static let storeTrust = """
        CREATE FUNCTION yakkan_owner_writes_for_others() RETURNS boolean LANGUAGE sql STABLE
        SET search_path = pg_catalog, pg_temp AS $$
            SELECT session_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit')
                AND coalesce(current_setting('yakkan.owner_writes_for_others', true), '') = 'on'
        $$;

        -- A row that names a login (a key's, a log entry's actor) is written by that login, or by
        -- the tables' owner whose session asks to write for others. The trigger's arguments: the
        -- column that names the login, and what the refusal says.
        CREATE FUNCTION yakkan_written_by_own_login() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            named text := to_jsonb(NEW) ->> TG_ARGV[0];
        BEGIN
            IF named IS DISTINCT FROM session_user AND NOT yakkan_owner_writes_for_others() THEN
                RAISE EXCEPTION '% (%), not by %', TG_ARGV[1], named, session_user USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END $$;

        CREATE TABLE signing_key (
            login text PRIMARY KEY, public_key text NOT NULL, published_at timestamptz NOT NULL DEFAULT now());
        CREATE TRIGGER signing_key_own BEFORE INSERT ON signing_key
            FOR EACH ROW EXECUTE FUNCTION yakkan_written_by_own_login('login', 'a key is published only by its own login');
        GRANT SELECT, INSERT ON signing_key TO yakkan_staff;

        CREATE TABLE attachment_content (
            sha256 text PRIMARY KEY, content bytea NOT NULL, stored_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT content_has_its_hash CHECK (sha256 = encode(sha256(content), 'hex')));
        GRANT SELECT, INSERT ON attachment_content TO yakkan_staff;
        GRANT DELETE ON attachment_content TO yakkan_admin;

        -- Every entry of the log is written by the login it names: staff cannot enter a change
        -- in someone else's name even with their own psql.
        CREATE TRIGGER audit_own_actor BEFORE INSERT ON audit
            FOR EACH ROW EXECUTE FUNCTION yakkan_written_by_own_login('actor', 'an entry is written only by that login');

        -- pg1's four-eyes check, with the same exception: the reviewer a decision names must be
        -- the login inserting it, unless the owner writes for others; the rule itself still holds.
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
