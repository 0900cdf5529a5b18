/// pg2: the server's tables level with SQLite's final schema (`Store/Schema.swift`, to
/// `seed-audit-by-subject`), so that the store's statements, written once, run on both, and a
/// record row reads the same, cell for cell, whichever store holds it.
extension ServerSchema {
    /// SQLite keeps a boolean as the integer 0 or 1, and the log signs a row as it reads: the
    /// server keeps the same integers (pg1 had booleans). Then the tables of SQLite's v8, the
    /// log's index by subject, and its order of writing under SQLite's name for it, `rowid`,
    /// which the append-only rule keeps as it is.
    static let levelRecords = """
        ALTER TABLE application ALTER COLUMN personal_information TYPE integer USING personal_information::integer;
        ALTER TABLE staff ALTER COLUMN is_administrator DROP DEFAULT,
            ALTER COLUMN is_administrator TYPE integer USING is_administrator::integer,
            ALTER COLUMN is_administrator SET DEFAULT 0;
        ALTER TABLE alert ALTER COLUMN needs_decision DROP DEFAULT,
            ALTER COLUMN needs_decision TYPE integer USING needs_decision::integer,
            ALTER COLUMN needs_decision SET DEFAULT 0;
        -- A member of staff's address, part of the directory (a record, signed like it).
        CREATE TABLE staff_mail (
            login text PRIMARY KEY REFERENCES staff ON DELETE CASCADE, mail text NOT NULL, language text);
        -- What `remind` sent, so that each item is mailed at most once a day: working state.
        CREATE TABLE reminder_sent (
            login text NOT NULL, item text NOT NULL, day text NOT NULL, sent_at text NOT NULL,
            PRIMARY KEY (login, item, day));
        CREATE INDEX audit_by_subject ON audit (subject, action);
        -- The log's entries in the order they were written, as SQLite's rowid keeps them:
        -- `audit verify` reads the log in that order, not by sequence, so that a reordering shows.
        ALTER TABLE audit ADD COLUMN rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE;
        CREATE OR REPLACE FUNCTION yakkan_audit_append_only() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            IF TG_OP = 'UPDATE'
                AND NEW.rowid = OLD.rowid
                AND NEW.sequence = OLD.sequence AND NEW.at = OLD.at AND NEW.actor = OLD.actor
                AND NEW.action = OLD.action AND NEW.subject = OLD.subject AND NEW.detail_digest = OLD.detail_digest
                AND NEW.previous_hash = OLD.previous_hash AND NEW.hash = OLD.hash
                AND (NEW.detail IS NOT DISTINCT FROM OLD.detail OR NEW.detail IS NULL)
                AND (NEW.signature IS NOT DISTINCT FROM OLD.signature OR OLD.signature IS NULL) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'audit is append-only: % refused', TG_OP USING ERRCODE = 'YK402';
        END $$;
        """

    /// The ledger's search text (SQLite's fts5 tables), one row per service under a column
    /// named `rowid`, as SQLite's are, so the statements that keep them run on both. A word of
    /// one or two characters is looked up in `ledger_short_text` as an element of its words
    /// (`string_to_array(words, ' ') @> ARRAY[?]`, indexed); longer text in `ledger_text` with
    /// `ILIKE`, indexed by pg_trgm's trigrams when the extension can be created (PostgreSQL 13
    /// and later trust it to a database's owner; it ships with the server in Debian's package).
    /// Without it the search reads every service's text, and the migration says so in a notice.
    static let ledgerSearch = """
        CREATE TABLE ledger_text (
            rowid bigint PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE, content text NOT NULL);
        CREATE TABLE ledger_short_text (
            rowid bigint PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE, words text NOT NULL);
        CREATE INDEX ledger_short_text_words ON ledger_short_text USING gin (string_to_array(words, ' '));
        DO $$
        DECLARE
            trigram_schema name;
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_trgm')
               AND EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
                BEGIN
                    CREATE EXTENSION pg_trgm;
                EXCEPTION WHEN insufficient_privilege THEN
                    RAISE NOTICE 'pg_trgm could not be created by %: the ledger''s text is searched without an index', current_user;
                END;
            END IF;
            SELECT extnamespace::regnamespace::name INTO trigram_schema FROM pg_extension WHERE extname = 'pg_trgm';
            IF trigram_schema IS NOT NULL THEN
                EXECUTE format('CREATE INDEX ledger_text_trigrams ON ledger_text USING gin (content %I.gin_trgm_ops)', trigram_schema);
            END IF;
        END $$;
        """

    /// The record rows a change touched, captured in the writer's own transaction as SQLite's
    /// temporary triggers capture them (`Store/ChangeCapture.swift`): into the session's
    /// temporary table `changed_row`, which yakkan's store makes
    /// (`CREATE TEMP TABLE IF NOT EXISTS changed_row (seq bigserial PRIMARY KEY, tbl text NOT NULL, key text NOT NULL)`),
    /// each row's key as a JSON array of its key's values; an update, the key before and after,
    /// and only when it sets one of the record's columns. A session without that table,
    /// someone's psql, is not captured: `audit verify` then finds the rows its SQL changed, as
    /// it does in SQLite. One function per table, naming its key's columns: a generic one
    /// reading the key from the whole row as JSON made each insert three times slower.
    static var changeCapture: String {
        capturedTables.map { table in
            let name = table.name
            func key(_ row: String) -> String {
                "jsonb_build_array(" + table.key.map { "\(row).\(identifier($0))" }.joined(separator: ", ") + ")::text"
            }
            return """
                CREATE FUNCTION yakkan_capture_\(name)() RETURNS trigger LANGUAGE plpgsql
                SET search_path = pg_catalog, public, pg_temp AS $$
                BEGIN
                    IF to_regclass('pg_temp.changed_row') IS NULL THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP <> 'INSERT' THEN
                        INSERT INTO pg_temp.changed_row (tbl, key) VALUES ('\(name)', \(key("OLD")));
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO pg_temp.changed_row (tbl, key) VALUES ('\(name)', \(key("NEW")));
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER capture_change AFTER INSERT OR DELETE OR UPDATE OF
                    \(table.columns.map(identifier).joined(separator: ", "))
                    ON \(name) FOR EACH ROW EXECUTE FUNCTION yakkan_capture_\(name)();
                """
        }.joined(separator: "\n")
    }

    /// The record tables as pg2 captures them: the record tables when pg2 was written, kept
    /// here as it was, since a migration never changes (a test compares the two: a record
    /// table added later needs a migration of its own).
    static let capturedTables: [(name: String, key: [String], columns: [String])] = [
        ("application", ["id"], [
            "id", "applicant", "status", "procedure_version", "answers", "department", "provider", "service",
            "period_start", "period_end", "submitted_at", "version", "stopped_reason", "stopped_by", "stopped_at", "ended_on",
        ]),
        ("application_attachment", ["application_id", "field", "sha256"], [
            "application_id", "field", "sha256", "file_name", "size", "added_at",
        ]),
        ("application_editor", ["application_id", "login"], ["application_id", "login"]),
        ("decision", ["id"], [
            "id", "application_id", "reviewer", "reviewer_name", "outcome", "reason", "answers", "application_version",
            "decided_at", "form",
        ]),
        ("acknowledgement", ["application_id"], ["application_id", "login", "name", "acknowledged_at"]),
        ("duty_record", ["id"], ["id", "application_id", "kind", "done_on", "answers", "recorded_by", "recorded_at"]),
        ("alert", ["id"], [
            "id", "application_id", "kind", "recipient_login", "recipient_name", "message", "needs_decision", "created_at",
            "acknowledged_at", "acknowledged_by",
        ]),
        ("incident", ["id"], [
            "id", "application_id", "provider", "service", "occurred_on", "what", "source", "action", "recorded_by", "recorded_at",
        ]),
        ("termination", ["application_id"], ["application_id", "applicant", "status", "answers", "submitted_at", "version"]),
        ("termination_editor", ["application_id", "login"], ["application_id", "login"]),
        ("retention_hold", ["id"], ["id", "application_id", "until", "reason", "held_by", "held_at"]),
        ("staff", ["login"], ["login", "name", "department", "is_administrator", "added_at"]),
        ("staff_reviewer", ["login", "department"], ["login", "department"]),
        ("staff_mail", ["login"], ["login", "mail", "language"]),
    ]

    /// The new tables' grants, as pg1's: the search text and the reminders sent are working
    /// state that staff write; addresses are the directory's, for administrators. Staff may
    /// make temporary tables again, for the store's `changed_row`: the rules' functions name
    /// their search path with `pg_temp` last, so a temporary table cannot stand in for one of
    /// yakkan's there.
    static let levelRoles = """
        DO $$
        BEGIN
            EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO yakkan_staff', current_database());
        END $$;
        GRANT SELECT ON staff_mail, reminder_sent, ledger_text, ledger_short_text TO yakkan_staff;
        GRANT INSERT, DELETE ON ledger_text, ledger_short_text, reminder_sent TO yakkan_staff;
        GRANT INSERT, UPDATE, DELETE ON staff_mail TO yakkan_admin;
        """
}
