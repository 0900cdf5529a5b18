extension ServerSchema {
    // MARK: - pg3

    /// What a store on the server keeps that a SQLite store keeps in files beside itself: each
    /// person's public key and the attachments' contents.
    ///
    /// A key is published only by the login it belongs to: the server, which authenticated that
    /// login, is what ties the key to the person (for SQLite the key file's owner does). The
    /// tables' owner may publish others' keys too, as it may write others' log entries: it
    /// copies a village in (`store copy`), keys and log as they were. Nobody replaces or
    /// removes a published key. An attachment's content is named by its SHA-256 and
    /// the server refuses a content that does not have the hash it is named by.
    static let storeTrust = """
        CREATE TABLE signing_key (
            login text PRIMARY KEY, public_key text NOT NULL, published_at timestamptz NOT NULL DEFAULT now());
        CREATE FUNCTION yakkan_signing_key_own() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.login IS DISTINCT FROM session_user
                AND session_user <> (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'signing_key') THEN
                RAISE EXCEPTION 'a key is published only by its own login (%), not by %', NEW.login, session_user
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER signing_key_own BEFORE INSERT ON signing_key
            FOR EACH ROW EXECUTE FUNCTION yakkan_signing_key_own();
        GRANT SELECT, INSERT ON signing_key TO yakkan_staff;

        CREATE TABLE attachment_content (
            sha256 text PRIMARY KEY, content bytea NOT NULL, stored_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT content_has_its_hash CHECK (sha256 = encode(sha256(content), 'hex')));
        GRANT SELECT, INSERT ON attachment_content TO yakkan_staff;
        GRANT DELETE ON attachment_content TO yakkan_admin;

        -- Every entry of the log is written by the login it names: staff cannot enter a change
        -- in someone else's name even with their own psql. The tables' owner (who copies a
        -- village in, or writes the demo) may.
        CREATE FUNCTION yakkan_audit_own_actor() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.actor IS DISTINCT FROM session_user
                AND session_user <> (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit') THEN
                RAISE EXCEPTION 'an entry by % is written only by that login, not by %', NEW.actor, session_user
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER audit_own_actor BEFORE INSERT ON audit
            FOR EACH ROW EXECUTE FUNCTION yakkan_audit_own_actor();
        """
}
