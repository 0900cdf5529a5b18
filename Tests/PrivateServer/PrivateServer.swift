import Core
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server of the tests' own: a new cluster in a temporary folder, listening only
/// on a Unix socket in that folder, with `trust` for every role (the folder is readable by the
/// server's account alone), stopped and removed by `stop()`. When the tests run as root the
/// server runs as the `postgres` account of Debian's package (else `nobody`), since PostgreSQL
/// refuses to run as root. The server is a child of the test process under
/// `setpriv --pdeathsig`: if the tests crash, the kernel stops it too, so nothing is left running.
public final class PrivateServer {
    public let folder: String
    /// The database superuser the cluster was made with.
    public let superuser = "dba"
    private var process = Process()
    private let binaries: String
    /// How `postgres` is run: as the server's account, on the folder's data and socket.
    private let command: [String]
    /// Held while roles, which belong to the whole cluster, are made (SharedServer).
    let administration = NSLock()
    /// The login roles made so far, and whether each is an administrator.
    var madeLogins: [String: Bool] = [:]
    /// Whether a migration has made yakkan's group roles on this server yet.
    var groupRolesMade = false

    /// Why no server can start here, when PostgreSQL is not installed (the only reason to skip).
    public struct NotInstalled: Error, CustomStringConvertible {
        public let description: String
    }

    /// The binaries of the newest PostgreSQL installed from the distribution.
    public static func installedBinaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/postgres") }
    }

    public static func start() throws -> PrivateServer {
        guard let binaries = installedBinaries() else {
            throw NotInstalled(description: "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): scripts/setup --test installs it")
        }
        return try PrivateServer(binaries: binaries)
    }

    private init(binaries: String) throws {
        self.binaries = binaries
        var template = Array("/tmp/yakkan-pg-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw Failure("mkdtemp: \(String(cString: strerror(errno)))") }
        folder = String(cString: template)
        let account = Self.serverAccount()
        if let account, chown(folder, account.uid, account.gid) != 0 {
            throw Failure("chown \(folder): \(String(cString: strerror(errno)))")
        }
        let asServer = account.map { ["--reuid=\($0.uid)", "--regid=\($0.gid)", "--clear-groups"] } ?? []
        try Self.runChecked("/usr/bin/setpriv", asServer + [
            "\(binaries)/initdb", "--pgdata=\(folder)/data", "--username=\(superuser)", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        ])
        command = asServer + ["--pdeathsig=INT", "\(binaries)/postgres", "-D", "\(folder)/data",
            "-c", "listen_addresses=", "-c", "unix_socket_directories=\(folder)", "-c", "fsync=off",
            "-c", "logging_collector=off", "-c", "log_min_messages=warning"]
        // The server's log, in the folder, for the message when it does not start.
        _ = FileManager.default.createFile(atPath: "\(folder)/server.log", contents: nil)
        try run()
    }

    private func run() throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = command
        process.standardOutput = FileHandle.nullDevice
        let log = FileHandle(forWritingAtPath: "\(folder)/server.log")
        log?.seekToEndOfFile()
        process.standardError = log
        try process.run()
        try waitUntilAccepting()
    }

    /// The server stopped (fast shutdown, every session cut off) while `whileDown` runs, then
    /// started again on the same data: what people's open sessions meet when it restarts.
    public func restart(whileDown: () throws -> Void) throws {
        process.interrupt()
        process.waitUntilExit()
        do {
            try whileDown()
        } catch {
            try? run()
            throw error
        }
        try run()
    }

    deinit { stop() }

    /// A libpq URI for a role and a database of this server, over its socket.
    public func uri(user: String? = nil, database: String = "postgres") -> String {
        "postgresql:///\(database)?host=\(folder)&user=\(user ?? superuser)"
    }

    /// A new empty database, so that each test starts from nothing on the shared server.
    public func newDatabase() throws -> String {
        let name = "t\(UInt64.random(in: 0...UInt64.max))"
        try PostgresLink(uri: uri()).execute("CREATE DATABASE \(name)")
        return name
    }

    /// Where `psql` of the same version is.
    private var psql: String { "\(binaries)/psql" }

    /// Fast shutdown (SIGINT), then the folder goes.
    public func stop() {
        if process.isRunning {
            process.interrupt()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func waitUntilAccepting() throws {
        // Not a measurement: a safety net for a server that never comes up.
        let deadline = Date().addingTimeInterval(120)
        while !PostgresLink.isAccepting(uri: uri()) {
            guard process.isRunning, Date() < deadline else {
                let log = (try? String(contentsOfFile: "\(folder)/server.log", encoding: .utf8)) ?? ""
                stop()
                throw Failure("the private PostgreSQL server did not start:\n\(log)")
            }
            usleep(20_000)
        }
    }

    /// As root, the account the server runs as.
    private static func serverAccount() -> (uid: uid_t, gid: gid_t)? {
        guard geteuid() == 0 else { return nil }
        for name in ["postgres", "nobody"] {
            if let entry = getpwnam(name) { return (entry.pointee.pw_uid, entry.pointee.pw_gid) }
        }
        return nil
    }

    /// What a program printed (standard output and error together) and its exit status.
    public struct Ran {
        public let status: Int32
        public let output: String

        public init(status: Int32, output: String) {
            self.status = status
            self.output = output
        }
    }

    /// Runs a program to its end, `input` as its standard input.
    /// A program run to its end, `input` on its standard input, its output and errors together;
    /// in `environment` and `workingDirectory` when given, else the tests' own.
    public static func run(
        _ executable: String, _ arguments: [String], input: String = "", environment: [String: String]? = nil,
        workingDirectory: String? = nil
    ) throws -> Ran {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let standardInput = Pipe()
        let output = Pipe()
        process.standardInput = standardInput
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Ran(status: process.terminationStatus, output: text)
    }

    /// The real psql of the server's version, as `user` (the superuser when nil), stopping at
    /// the first error: `sql` as its command, or, when nil, `input` read as a script.
    public func psql(as user: String?, database: String, _ sql: String? = nil, input: String = "") throws -> Ran {
        let command = sql.map { ["-c", $0] } ?? []
        return try Self.run(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", uri(user: user, database: database)] + command, input: input)
    }

    private static func runChecked(_ executable: String, _ arguments: [String]) throws {
        let ran = try run(executable, arguments)
        guard ran.status == 0 else { throw Failure("\(executable) \(arguments.joined(separator: " ")):\n\(ran.output)") }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }
}
