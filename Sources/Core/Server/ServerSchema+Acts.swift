/// pg4: the log holds commands, and every row is what they make (`Projection`), as in SQLite's
/// v9: rows are no longer captured for the log, since verify rebuilds every one of them.
extension ServerSchema {
    static var logOfActs: String {
        capturedTables.map { "DROP TRIGGER IF EXISTS capture_change ON \($0.name);\nDROP FUNCTION IF EXISTS yakkan_capture_\($0.name)();" }
            .joined(separator: "\n") + "\n" + """
            CREATE TABLE record_counter (name text PRIMARY KEY, last bigint NOT NULL);
            INSERT INTO record_counter (name, last) SELECT 'application', max(id) FROM application HAVING max(id) IS NOT NULL;
            GRANT SELECT, INSERT, UPDATE ON record_counter TO yakkan_staff;
            ALTER TABLE draft ADD COLUMN signature text;
            ALTER TABLE person ADD COLUMN signature text;
            ALTER TABLE application ADD COLUMN reviewing_signature text;
            ALTER TABLE reminder_sent ADD COLUMN sent_by text, ADD COLUMN signature text;
            -- The signature is set on the row just inserted (WorkingSeal).
            GRANT UPDATE ON reminder_sent TO yakkan_staff;
            """
    }
}
