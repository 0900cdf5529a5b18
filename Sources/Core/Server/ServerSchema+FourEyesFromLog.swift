/// pg9: the server's four-eyes check reads the form from the log, never from rows staff write.
///
/// Until pg8 the check read `application.applicant`, `application.department`, the answers'
/// 所属長 and `application_editor`: rows every member of staff may insert and update, since
/// each person's yakkan writes the projection of their own acts. A 利用責任者 who deleted her
/// editor row and changed the applicant column with psql then approved her own application,
/// and the server let it through (verify named it afterwards). Now the form's facts are those
/// of the signed entries that made it, which staff only append to:
/// - its applicant is the actor of the entry that filed it (`submit`; nobody for an `import`),
///   or of the newest `submit-termination` for a termination;
/// - its editors are the actors of `submit` and `resubmit` (of `submit-termination`), as
///   `Decide` adds them;
/// - its 課 and 所属長 are in the answers of the newest of those entries;
/// - whether it awaits review, and the status a refusal words, follow the acts since.
/// The directory (`staff`, `staff_reviewer`, `staff_deputy`) is read as before: only
/// administrators write it. The check runs twice: when an entry that decides a form is
/// appended (judged by the entries before it), and when a decision row is inserted (judged by
/// the entries before the one it projects), so neither a row nor an entry alone gets past it.
/// Core's `FourEyes` stays the rule's source; this is its conditions, one for one, on other facts.
extension ServerSchema {
    static let fourEyesFromLog = """
        -- An entry's detail that is not JSON (appended by hand) makes the form unknown, never
        -- an error in the way of everyone deciding it.
        CREATE FUNCTION yakkan_json_or_null(text text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE
        SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
            RETURN text::jsonb;
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END $$;

        -- The form as the log made it, from the entries before `before_sequence`. The answers
        -- are the command's, as `ActEntry` encodes it ({"act":{"submitApplication":{"_0":{"answers":…}}}}).
        CREATE FUNCTION yakkan_form_in_log(form_application bigint, form_kind text, before_sequence bigint,
            OUT applicant text, OUT editors text[], OUT department text, OUT head jsonb, OUT status text)
        LANGUAGE plpgsql STABLE
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            entry record;
            act jsonb;
            answers jsonb;
        BEGIN
            editors := '{}';
            FOR entry IN SELECT a.actor, a.action, a.detail FROM audit a
                    WHERE a.subject = 'application/' || form_application AND a.sequence < before_sequence ORDER BY a.sequence LOOP
                -- Only the entries that file a form are parsed: a service's monthly duties are not.
                act := CASE WHEN entry.action IN ('submit', 'resubmit', 'import', 'submit-termination')
                    THEN yakkan_json_or_null(entry.detail) -> 'act' END;
                IF entry.action IN ('submit', 'resubmit') THEN
                    answers := act #> '{submitApplication,_0,answers}';
                    department := answers #>> '{department,text,_0}';
                    IF form_kind = 'application' THEN
                        IF entry.action = 'submit' THEN applicant := entry.actor; END IF;
                        editors := editors || entry.actor;
                        head := answers -> 'department_head';
                        status := 'submitted';
                    END IF;
                ELSIF entry.action = 'import' THEN
                    answers := act #> '{importService,answers}';
                    department := answers #>> '{department,text,_0}';
                    IF form_kind = 'application' THEN
                        applicant := '';
                        head := answers -> 'department_head';
                        status := 'in_use';
                    END IF;
                ELSIF entry.action = 'submit-termination' THEN
                    IF form_kind = 'termination' THEN
                        applicant := entry.actor;
                        editors := editors || entry.actor;
                        head := act #> '{submitTermination,answers,termination.department_head}';
                        status := 'submitted';
                    END IF;
                ELSIF entry.action LIKE 'decide-termination-%' THEN
                    IF form_kind = 'termination' THEN status := substr(entry.action, length('decide-termination-') + 1); END IF;
                    IF form_kind = 'application' AND entry.action = 'decide-termination-confirmed' THEN status := 'ended'; END IF;
                ELSIF entry.action LIKE 'decide-%' THEN
                    IF form_kind = 'application' THEN status := substr(entry.action, length('decide-') + 1); END IF;
                ELSIF form_kind = 'application' THEN
                    status := CASE entry.action
                        WHEN 'withdraw' THEN 'withdrawn' WHEN 'acknowledge-risks' THEN 'in_use'
                        WHEN 'stop' THEN 'stopped' WHEN 'discontinue' THEN 'stopped' ELSE status END;
                END IF;
            END LOOP;
        END $$;

        -- pg5's reasons, with the form's facts from the log.
        CREATE FUNCTION yakkan_four_eyes_refusals(
            deciding text, form_application bigint, form_kind text, on_day text, before_sequence bigint)
        RETURNS jsonb LANGUAGE plpgsql STABLE
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            form record;
            head_name text;
            head_login text;
            member staff%ROWTYPE;
            reasons jsonb := '[]';
        BEGIN
            SELECT * INTO form FROM yakkan_form_in_log(form_application, form_kind, before_sequence);
            IF form.status IS DISTINCT FROM 'submitted' THEN
                reasons := reasons || jsonb_build_object(
                    'refusal', 'not_awaiting_review', 'form', form_kind, 'status', coalesce(form.status, ''));
            END IF;
            SELECT * INTO member FROM staff WHERE login = deciding;
            IF NOT FOUND THEN
                RETURN reasons || jsonb_build_object('refusal', 'not_in_directory', 'login', deciding);
            END IF;
            IF NOT yakkan_reviews_on(deciding, form.department, on_day) THEN
                reasons := reasons || jsonb_build_object('refusal', 'not_reviewer_of', 'department', coalesce(form.department, ''));
            END IF;
            IF form.applicant = deciding THEN
                reasons := reasons || jsonb_build_object('refusal', 'is_applicant');
            ELSIF deciding = ANY (form.editors) THEN
                reasons := reasons || jsonb_build_object('refusal', 'edited_it');
            END IF;
            -- A person chosen from the directory ({"person":{"_0":{"login","name"}}}), or
            -- the plain name an earlier store kept ({"text":{"_0":name}}).
            head_login := form.head #>> '{person,_0,login}';
            head_name := coalesce(form.head #>> '{person,_0,name}', form.head #>> '{text,_0}', '');
            IF (head_login IS NOT NULL AND head_login = deciding)
               OR (head_login IS NULL AND yakkan_name_key(head_name) <> ''
                   AND yakkan_name_key(head_name) = yakkan_name_key(member.name)) THEN
                reasons := reasons || jsonb_build_object('refusal', 'is_department_head', 'name', head_name);
            END IF;
            RETURN reasons;
        END $$;

        CREATE FUNCTION yakkan_village_day(at text) RETURNS text LANGUAGE sql STABLE
        SET search_path = pg_catalog, pg_temp
        RETURN to_char(at::timestamptz AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD');

        CREATE FUNCTION yakkan_refuse_unless_four_eyes(reasons jsonb, deciding text, form_application bigint) RETURNS void
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
            IF jsonb_array_length(reasons) > 0 THEN
                RAISE EXCEPTION 'four-eyes rule: the decision of % on application % is refused', deciding, form_application
                    USING ERRCODE = 'YK401', DETAIL = reasons::text;
            END IF;
        END $$;

        -- A decision row: judged by the log before the entry it projects (the newest, when that
        -- entry decides this form by this reviewer and has no row yet), or by the whole log when
        -- no entry made it: a second row of one decision meets a form already decided.
        CREATE OR REPLACE FUNCTION yakkan_decision_four_eyes() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            newest record;
            bound bigint;
            deciding_action text;
        BEGIN
            IF NEW.reviewer IS NULL OR (NEW.reviewer <> session_user AND NOT yakkan_owner_writes_for_others()) THEN
                PERFORM yakkan_refuse_unless_four_eyes(jsonb_build_array(jsonb_build_object(
                    'refusal', 'not_the_login', 'reviewer', coalesce(NEW.reviewer, ''), 'login', session_user)),
                    NEW.reviewer, NEW.application_id);
            END IF;
            SELECT a.sequence, a.at, a.actor, a.action, a.subject INTO newest FROM audit a ORDER BY a.sequence DESC LIMIT 1;
            bound := coalesce(newest.sequence, 0) + 1;
            deciding_action := CASE WHEN NEW.form = 'termination' THEN 'decide-termination-%' ELSE 'decide-%' END;
            -- The row of the newest entry: that entry decides this form by this reviewer, and the
            -- form's rows are one fewer than the entries deciding it.
            IF newest.actor = NEW.reviewer AND newest.subject = 'application/' || NEW.application_id
               AND newest.action LIKE deciding_action
               AND (SELECT count(*) FROM decision d WHERE d.application_id = NEW.application_id AND d.form = NEW.form)
                   < (SELECT count(*) FROM audit a WHERE a.subject = newest.subject AND a.action LIKE deciding_action
                          AND (NEW.form = 'termination' OR a.action NOT LIKE 'decide-termination-%')) THEN
                bound := newest.sequence;
            END IF;
            PERFORM yakkan_refuse_unless_four_eyes(
                yakkan_four_eyes_refusals(NEW.reviewer, NEW.application_id, NEW.form, yakkan_village_day(NEW.decided_at), bound),
                NEW.reviewer, NEW.application_id);
            RETURN NEW;
        END $$;

        -- An entry that decides a form: judged by the log it extends, before it is written.
        CREATE FUNCTION yakkan_entry_four_eyes() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            form_kind text := CASE WHEN NEW.action LIKE 'decide-termination-%' THEN 'termination' ELSE 'application' END;
            form_application bigint;
        BEGIN
            IF NEW.action LIKE 'decide-%' AND NEW.subject ~ '^application/[0-9]+$' THEN
                form_application := substr(NEW.subject, length('application/') + 1)::bigint;
                PERFORM yakkan_refuse_unless_four_eyes(
                    yakkan_four_eyes_refusals(NEW.actor, form_application, form_kind, yakkan_village_day(NEW.at), NEW.sequence),
                    NEW.actor, form_application);
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER audit_four_eyes BEFORE INSERT ON audit
            FOR EACH ROW EXECUTE FUNCTION yakkan_entry_four_eyes();
        """
}
