/// Where the public keys of everyone who has signed an entry are published, and what vouches
/// that a key published under a login is that person's: for a SQLite store the owner of a file
/// beside it (`KeyFolder`); for a server, the login the server authenticated.
protocol KeyDirectory: Sendable {
    /// Publishes a login's public key, or checks that the one published under it is this one:
    /// the signer's own, in the transaction of the first entry they sign, or one copied with
    /// its store (`StoreCopy`).
    func publish(login: String, publicKey: String, _ db: any SQLSession) throws
    /// Whether no key is published here yet.
    func isEmpty(_ db: any SQLSession) throws -> Bool
    /// The public key published under this login: nil when there is none, empty when it cannot be read.
    func read(_ login: String, _ db: any SQLSession) throws -> String?
    /// What vouches for the key published under this login.
    func binding(of login: String, accounts: Accounts, _ db: any SQLSession) throws -> KeyBinding
    /// Where the key is published, as findings name it.
    func location(of login: String) -> String
    /// Replaces this person's witness of the head they saw (Witness.swift).
    func leave(_ witness: Witness, _ db: any SQLSession) throws
    /// Every witness left beside the store.
    func witnesses(_ db: any SQLSession) throws -> [Witness]
}

extension KeyDirectory {
    func publish(_ signer: Signer, _ db: any SQLSession) throws {
        try publish(login: signer.login, publicKey: signer.publicKey, db)
    }
}

extension KeyFolder: KeyDirectory {
    func publish(login: String, publicKey: String, _ db: any SQLSession) throws { try publish(login: login, publicKey: publicKey) }
    func isEmpty(_ db: any SQLSession) throws -> Bool { isEmpty() }
    func read(_ login: String, _ db: any SQLSession) throws -> String? { try read(login) }
    func binding(of login: String, accounts: Accounts, _ db: any SQLSession) throws -> KeyBinding { binding(of: login, accounts: accounts) }
    func location(of login: String) -> String { file(login) }
    func leave(_ witness: Witness, _ db: any SQLSession) throws { try witnessFolder.leave(witness) }
    func witnesses(_ db: any SQLSession) throws -> [Witness] { witnessFolder.all() }
}
