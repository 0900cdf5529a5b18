/// Where the public keys of everyone who has signed an entry are published, and what vouches
/// that a key published under a login is that person's: for a SQLite store the owner of a file
/// beside it (`KeyFolder`); for a server, the login the server authenticated.
protocol KeyDirectory: Sendable {
    /// Publishes the signer's public key, in the transaction of the first entry they sign, or
    /// checks that the one published under their login is theirs.
    func publish(_ signer: Signer, _ db: any SQLSession) throws
    /// The public key published under this login: nil when there is none, empty when it cannot be read.
    func read(_ login: String, _ db: any SQLSession) throws -> String?
    /// What vouches for the key published under this login.
    func binding(of login: String, accounts: Accounts, _ db: any SQLSession) throws -> KeyBinding
    /// Where the key is published, as findings name it.
    func location(of login: String) -> String
}

extension KeyFolder: KeyDirectory {
    func publish(_ signer: Signer, _ db: any SQLSession) throws { try publish(signer) }
    func read(_ login: String, _ db: any SQLSession) throws -> String? { try read(login) }
    func binding(of login: String, accounts: Accounts, _ db: any SQLSession) throws -> KeyBinding { binding(of: login, accounts: accounts) }
    func location(of login: String) -> String { file(login) }
}
