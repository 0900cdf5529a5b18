/// pg11: searches of one or two characters read a narrow table. pg2 indexed the words split
/// into an array; PostgreSQL then read every found service's row again, 1.9 KB of words each,
/// to confirm the index's answer, so that 名簿 (25,000 services of 100,000) read 19,811 pages of
/// the table and 課 (65,900) 22,720: 150 to 450 ms on this machine, against 8 to 18 ms for the
/// index alone (`EXPLAIN ANALYZE`, a copy of the benchmark's words 100 times over).
///
/// Now the words are also kept as a `tsvector` of the same words, generated from them (so every
/// statement that writes the table stays SQLite's `INSERT ... (rowid, words)`), indexed, and
/// matched with `@@`, which needs no second look at the row; and both long columns are kept out
/// of the row (storage EXTERNAL, `toast_tuple_target` 128), so that the rows PostgreSQL still
/// visits to know they are current hold little more than their `rowid`: 7.7 MB for 100,000
/// services instead of 191 MB. 名簿 and 課 then took 15 to 40 ms and 26 to 70 ms.
extension ServerSchema {
    static let shortSearchLexemes = """
        ALTER TABLE ledger_short_text SET (toast_tuple_target = 128);
        ALTER TABLE ledger_short_text ALTER COLUMN words SET STORAGE EXTERNAL,
            ADD COLUMN lexemes tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(words, ' '))) STORED,
            ALTER COLUMN lexemes SET STORAGE EXTERNAL;
        DROP INDEX ledger_short_text_words;
        CREATE INDEX ledger_short_text_lexemes ON ledger_short_text USING gin (lexemes);
        """
}
