/// pg8: staff append to the log through one function, never by writing its tables (issue 20).
///
/// Before it, the grants `yakkan_staff` had let a member of staff, with psql, move the head
/// (`audit_head`, a table they could update) back or forward and so block or fork the chain,
/// insert entries at future sequence numbers, and `LOCK TABLE audit_head` to stall every
/// writer (38 s, measured). Now:
/// - `yakkan_append_entry` (SECURITY DEFINER, run as the tables' owner) is the only way in: it
///   takes the head from the log itself (its newest entry, by the primary key), and refuses an
///   entry that does not extend it (its sequence the next, its previous hash the head's), whose
///   digests are not what its fields give, or whose actor is not `session_user` (the trigger
///   `audit_own_actor`, which still fires, as it does for the owner writing for others).
/// - `audit_head` stays as a mirror of the head for readers, written by that function alone;
///   staff keep SELECT on it and on the log, so without UPDATE they can lock neither for more
///   than reading (ACCESS SHARE, which blocks no writer).
/// - Setting an entry's signature, once, is still staff's (pg1's trigger holds it to that).
extension ServerSchema {
    static let appendThroughFunction = """
        REVOKE INSERT ON audit FROM yakkan_staff;
        REVOKE INSERT, UPDATE, DELETE ON audit_head FROM yakkan_staff;

        CREATE FUNCTION yakkan_entry_digest(seq bigint, at text, actor text, action text, subject text, detail_digest text, previous text)
        RETURNS text LANGUAGE sql IMMUTABLE
        SET search_path = pg_catalog, pg_temp AS $$
            -- AuditTrail.digest: each part as its length in UTF-8 bytes, a colon and itself, joined by '|'.
            SELECT encode(sha256(convert_to(string_agg(octet_length(convert_to(part, 'UTF8')) || ':' || part, '|' ORDER BY n), 'UTF8')), 'hex')
            FROM unnest(ARRAY[seq::text, at, actor, action, subject, detail_digest, previous]) WITH ORDINALITY AS parts(part, n)
        $$;

        CREATE FUNCTION yakkan_append_entry(
            seq bigint, at text, actor text, action text, subject text, detail text, detail_digest text, previous_hash text, hash text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            head_sequence bigint;
            head_hash text;
        BEGIN
            SELECT a.sequence, a.hash INTO head_sequence, head_hash FROM audit a ORDER BY a.sequence DESC LIMIT 1;
            head_sequence := coalesce(head_sequence, 0);
            head_hash := coalesce(head_hash, repeat('0', 64));
            IF seq IS DISTINCT FROM head_sequence + 1 OR previous_hash IS DISTINCT FROM head_hash THEN
                RAISE EXCEPTION 'an entry must extend the log''s head (entry %, after %)', seq, head_sequence
                    USING ERRCODE = 'YK403';
            END IF;
            IF detail_digest IS DISTINCT FROM encode(sha256(convert_to(coalesce(detail, ''), 'UTF8')), 'hex')
                OR hash IS DISTINCT FROM yakkan_entry_digest(seq, at, actor, action, subject, detail_digest, previous_hash) THEN
                RAISE EXCEPTION 'the entry''s digests are not those of its fields' USING ERRCODE = 'YK403';
            END IF;
            INSERT INTO audit (sequence, at, actor, action, subject, detail, detail_digest, previous_hash, hash)
            VALUES (seq, at, actor, action, subject, detail, detail_digest, previous_hash, hash);
            -- The mirror comes back even when someone removed it (audit verify names what they did).
            INSERT INTO audit_head (id, sequence, hash) VALUES (1, seq, yakkan_append_entry.hash)
                ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash;
        END $$;
        REVOKE ALL ON FUNCTION yakkan_append_entry(bigint, text, text, text, text, text, text, text, text) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION yakkan_append_entry(bigint, text, text, text, text, text, text, text, text) TO yakkan_staff;
        """
}
