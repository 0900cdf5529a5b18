/// pg6: each person's witness of the log's head they last saw (Trust/Witness.swift), one row a
/// login, written by that login alone: the server, which authenticated it, is what ties a row
/// to its person, as for keys (pg3).
extension ServerSchema {
    static let witnesses = """
        CREATE TABLE log_witness (
            login text PRIMARY KEY, sequence bigint NOT NULL, hash text NOT NULL, signature text NOT NULL,
            written_at timestamptz NOT NULL DEFAULT now());
        CREATE TRIGGER log_witness_own BEFORE INSERT OR UPDATE ON log_witness
            FOR EACH ROW EXECUTE FUNCTION yakkan_written_by_own_login('login', 'a witness is written only by its own login');
        GRANT SELECT, INSERT, UPDATE ON log_witness TO yakkan_staff;
        """
}
