/// The public keys of a store on a server, in its table `signing_key`. The server lets a login
/// publish only its own key and nobody change one, so a key found there under a login was
/// published by that login, authenticated by the server.
struct ServerKeys: KeyDirectory {
    func publish(login: String, publicKey: String, _ db: any SQLSession) throws {
        if let existing = try read(login, db) {
            guard existing == publicKey else { throw TrustError.keyMismatch(login: login, path: location(of: login)) }
            return
        }
        try db.execute(sql: "INSERT INTO signing_key (login, public_key) VALUES (?, ?)", arguments: [login, publicKey])
    }

    func isEmpty(_ db: any SQLSession) throws -> Bool {
        try !(db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM signing_key)") ?? false)
    }

    func read(_ login: String, _ db: any SQLSession) throws -> String? {
        try db.value(String.self, sql: "SELECT public_key FROM signing_key WHERE login = ?", arguments: [login])
    }

    func binding(of login: String, accounts: Accounts, _ db: any SQLSession) throws -> KeyBinding {
        try read(login, db) == nil ? .missing : .bound
    }

    func location(of login: String) -> String { "signing_key/" + login }

    /// Each login writes only its own row (pg6's trigger), and nobody deletes one.
    func leave(_ witness: Witness, _ db: any SQLSession) throws {
        try db.execute(
            sql: """
                INSERT INTO log_witness (login, sequence, hash, signature) VALUES (?, ?, ?, ?)
                ON CONFLICT (login) DO UPDATE SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash,
                signature = EXCLUDED.signature, written_at = now()
                """,
            arguments: [witness.login, witness.sequence, witness.hash, witness.signature])
    }

    func witnesses(_ db: any SQLSession) throws -> [Witness] {
        try db.rows(sql: "SELECT login, sequence, hash, signature FROM log_witness ORDER BY login").map { row in
            Witness(login: row["login"], sequence: row["sequence"], hash: row["hash"], signature: row["signature"])
        }
    }
}
