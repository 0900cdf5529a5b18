/// The public keys of a store on a server, in its table `signing_key`. The server lets a login
/// publish only its own key and nobody change one, so a key found there under a login was
/// published by that login, authenticated by the server.
struct ServerKeys: KeyDirectory {
    func publish(_ signer: Signer, _ db: any SQLSession) throws {
        if let existing = try read(signer.login, db) {
            guard existing == signer.publicKey else { throw TrustError.keyMismatch(login: signer.login, path: location(of: signer.login)) }
            return
        }
        try db.execute(
            sql: "INSERT INTO signing_key (login, public_key) VALUES (?, ?)", arguments: [signer.login, signer.publicKey])
    }

    func read(_ login: String, _ db: any SQLSession) throws -> String? {
        try db.value(String.self, sql: "SELECT public_key FROM signing_key WHERE login = ?", arguments: [login])
    }

    func binding(of login: String, accounts: Accounts, _ db: any SQLSession) throws -> KeyBinding {
        try read(login, db) == nil ? .missing : .bound
    }

    func location(of login: String) -> String { "signing_key/" + login }
}
