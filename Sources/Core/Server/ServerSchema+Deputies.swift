/// pg5: deputies (代理), as SQLite's v10: who stands in as 利用責任者 of a 課 until a day. The
/// server's four-eyes check learns them too, counting a deputyship on the day of the decision
/// (its `decided_at`, read in the village's time), as `Decide` does through `ActingDirectory`.
extension ServerSchema {
    static let deputies = """
        CREATE TABLE staff_deputy (
            login text NOT NULL REFERENCES staff ON DELETE CASCADE, department text NOT NULL, until text NOT NULL,
            PRIMARY KEY (login, department));
        GRANT SELECT ON staff_deputy TO yakkan_staff;
        GRANT INSERT, UPDATE, DELETE ON staff_deputy TO yakkan_admin;

        -- Whether `deciding` is 利用責任者 of `department` on `on_day` (YYYY-MM-DD): their own
        -- 課, or one they stand in for until that day or later.
        -- (Parameters by position: inside the subqueries a name would mean the table's column.)
        CREATE FUNCTION yakkan_reviews_on(deciding text, form_department text, on_day text) RETURNS boolean
        LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
            SELECT yakkan_name_key($2) <> '' AND (
                EXISTS (SELECT FROM staff_reviewer r WHERE r.login = $1
                        AND yakkan_name_key(r.department) = yakkan_name_key($2))
                OR EXISTS (SELECT FROM staff_deputy d WHERE d.login = $1 AND d.until >= $3
                        AND yakkan_name_key(d.department) = yakkan_name_key($2)))
        $$;

        CREATE FUNCTION yakkan_four_eyes_refusals(deciding text, form_application bigint, form_kind text, on_day text)
        RETURNS jsonb LANGUAGE plpgsql STABLE
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            form_department text;
            reasons jsonb;
        BEGIN
            -- pg1's reasons, less its reviewer check, which reads standing roles only.
            reasons := (SELECT coalesce(jsonb_agg(reason), '[]') FROM jsonb_array_elements(
                yakkan_four_eyes_refusals(deciding, form_application, form_kind)) AS reason
                WHERE reason ->> 'refusal' <> 'not_reviewer_of');
            IF reasons @> '[{"refusal": "not_in_directory"}]' THEN
                RETURN reasons;
            END IF;
            SELECT department INTO form_department FROM application WHERE id = form_application;
            IF NOT yakkan_reviews_on(deciding, form_department, on_day) THEN
                reasons := reasons || jsonb_build_object('refusal', 'not_reviewer_of', 'department', coalesce(form_department, ''));
            END IF;
            RETURN reasons;
        END $$;

        CREATE OR REPLACE FUNCTION yakkan_decision_four_eyes() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            reasons jsonb;
            on_day text := to_char(NEW.decided_at::timestamptz AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD');
        BEGIN
            IF NEW.reviewer IS NULL OR (NEW.reviewer <> session_user AND NOT yakkan_owner_writes_for_others()) THEN
                reasons := jsonb_build_array(jsonb_build_object(
                    'refusal', 'not_the_login', 'reviewer', coalesce(NEW.reviewer, ''), 'login', session_user));
            ELSE
                reasons := yakkan_four_eyes_refusals(NEW.reviewer, NEW.application_id, NEW.form, on_day);
            END IF;
            IF jsonb_array_length(reasons) > 0 THEN
                RAISE EXCEPTION 'four-eyes rule: the decision of % on application % is refused', NEW.reviewer, NEW.application_id
                    USING ERRCODE = 'YK401', DETAIL = reasons::text;
            END IF;
            RETURN NEW;
        END $$;
        """
}
