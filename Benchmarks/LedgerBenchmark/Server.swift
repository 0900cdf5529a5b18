import Core
import Foundation
import PrivateServer

/// The PostgreSQL side of a run: the benchmark's store copied into a database by the real
/// `yakkan store copy`, measured as the benchmark's login (the store's administrator), beside
/// psql of the server's own version on the same database.
///
/// `ownerURI` reaches the copied database as a role that may create databases and roles (the
/// tables' owner, who copied it). Without it a private server is started for the run, the store
/// copied into a new database, and the server stopped at the end; with it a database copied
/// before is measured again without copying.
final class BenchmarkServer {
    /// The copied store, as the benchmark's login.
    let login: String
    /// An empty store on the same server, as the benchmark's login.
    let empty: String
    let psql: String
    /// The server's version, as it says it.
    let version: String
    /// What the copy took and said, when this run copied.
    let copy: (seconds: Double, status: Int32, output: String)?
    private let privateServer: PrivateServer?
    private let owner: String
    private let emptyDatabase: String

    init(ownerURI: String?, yakkan: String, store: String, login benchmarkLogin: String) throws {
        guard let binaries = PrivateServer.installedBinaries() else {
            throw PrivateServer.Failure("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): scripts/setup --test installs it")
        }
        psql = binaries + "/psql"
        if let ownerURI {
            privateServer = nil
            owner = ownerURI
            copy = nil
        } else {
            let server = try PrivateServer.start()
            privateServer = server
            owner = server.uri(database: try server.newDatabase())
            log("Copying \(store) into \(owner) (yakkan store copy, then its check)")
            try Self.initialise(owner, yakkan: yakkan)
            let start = DispatchTime.now().uptimeNanoseconds
            let copied = try PrivateServer.run(yakkan, ["store", "copy", store, owner])
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
            copy = (seconds, copied.status, copied.output)
            log(copied.output + "  copied and checked in \(String(format: "%.1f", seconds)) s, status \(copied.status)")
            guard copied.status == 0 else { throw PrivateServer.Failure("yakkan store copy failed:\n\(copied.output)") }
        }
        let link = try PostgresLink(uri: owner)
        version = try link.execute("SHOW server_version").value("server_version")?.split(separator: " ").first.map(String.init) ?? "?"
        // The store's directory has the benchmark's login as its administrator: the server's role says the same.
        try link.execute(ServerRoles.createLogin(benchmarkLogin, administrator: true))
        login = Self.uri(owner, ["user": benchmarkLogin])
        emptyDatabase = "yakkan_benchmark_empty_\(UInt32.random(in: 0...UInt32.max))"
        try link.execute("CREATE DATABASE \(emptyDatabase)")
        let emptyOwner = Self.uri(owner, ["dbname": emptyDatabase])
        try Self.initialise(emptyOwner, yakkan: yakkan)
        empty = Self.uri(emptyOwner, ["user": benchmarkLogin])
    }

    /// The empty database goes; a private server stops with its folder.
    func stop() {
        if let privateServer {
            privateServer.stop()
        } else {
            _ = try? PostgresLink(uri: owner).execute("DROP DATABASE IF EXISTS \(emptyDatabase)")
        }
    }

    /// The same URI with parameters set (libpq takes a parameter's last value).
    static func uri(_ uri: String, _ parameters: [String: String]) -> String {
        uri + (uri.contains("?") ? "&" : "?") + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// `yakkan store init`, as a DBA makes a store: the schema and the group roles.
    private static func initialise(_ uri: String, yakkan: String) throws {
        let ran = try PrivateServer.run(yakkan, ["store", "init", uri])
        guard ran.status == 0 else { throw PrivateServer.Failure("yakkan store init \(uri) failed:\n\(ran.output)") }
    }
}
