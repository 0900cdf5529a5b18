import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A village host as the README's SSH recipe makes one, inside this machine: a group, a
/// setgid folder for the store, a login of its own made with useradd (with its desk folder
/// and the test's own authorized key), and a private `sshd` on a high port of the loopback
/// address, its host key in a temporary folder. Everything is removed by `tearDown()`: the
/// login's processes (by their ids), the login, its group, the server and the folder.
///
/// Making logins needs root: `whyNot` says so otherwise, and what is missing.
final class DeskHost {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let sshd = "/usr/sbin/sshd"
    static let ssh = "/usr/bin/ssh"
    static let scp = "/usr/bin/scp"

    /// Why the host cannot be made here, or nil.
    static var whyNot: String? {
        if geteuid() != 0 { return "needs root: it makes an operating-system login with useradd and runs sshd" }
        for tool in [sshd, ssh, scp, "/usr/sbin/useradd", "/usr/bin/ssh-keygen", "/usr/bin/setpriv"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing: scripts/setup --test installs openssh-server and openssh-client"
        }
        return nil
    }

    let folder: String
    let login: String
    let group: String
    let home: String
    /// The setgid folder of the store, group `group`.
    let village: String
    var store: String { village + "/yakkan.sqlite" }
    /// The yakkan the login runs: a copy readable by everyone, since the build folder may not be.
    let yakkan: String
    let clientKey: String
    let knownHosts: String
    private(set) var port: UInt16 = 0
    private var server: pid_t?
    private var madeLogin = false
    private var madeGroup = false

    /// `settings` are lines of sshd_config included before the host's own, as the recipe's
    /// drop-in file is on a real host; `$STORE` in them is the store's path.
    ///
    /// With `recipe`, only the folder, the keys and the binary are made: the caller runs the
    /// README's recipe (which makes the group, the login and the drop-in under the names given
    /// here), then `adoptRecipe()` and `start(dropIn:)`.
    init(settings: [String] = [], recipe: Bool = false) throws {
        let tag = String(UUID().uuidString.lowercased().prefix(8))
        folder = "/tmp/yakkan-desk-" + tag
        login = "ykd" + tag
        group = "ykg" + tag
        home = recipe ? "/home/" + login : folder + "/home/" + login
        village = folder + "/village"
        yakkan = folder + "/bin/yakkan"
        clientKey = folder + "/client/id_ed25519"
        knownHosts = folder + "/client/known_hosts"
        try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/client", withIntermediateDirectories: true)
        // The login must reach its home and the store through this folder.
        chmod(folder, 0o755)
        chmod(folder + "/home", 0o755)
        chmod(folder + "/bin", 0o755)
        chmod(folder + "/client", 0o700)
        do {
            try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "desk", "-f", clientKey])
            try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "host", "-f", folder + "/host_key"])
            if let built = EndToEndBinary.path {
                try Self.run("/usr/bin/install", ["-m", "755", built, yakkan])
            }
            if recipe { return }
            try Self.run("/usr/sbin/groupadd", [group])
            madeGroup = true
            try Self.run("/usr/sbin/useradd", ["--create-home", "--home-dir", home, "--shell", "/bin/bash",
                                               "--groups", group, login])
            madeLogin = true
            // The store's folder as the recipe makes it: the group's, setgid, closed to others.
            try FileManager.default.createDirectory(atPath: village, withIntermediateDirectories: true)
            try Self.run("/usr/bin/chgrp", [group, village])
            chmod(village, 0o2770)
            // The login's .ssh and desk folders, and the desk's public key, as an administrator adds them.
            try Self.run("/usr/bin/install", ["-d", "-m", "700", "-o", login, "-g", login, home + "/.ssh", home + "/desk"])
            try Self.run("/usr/bin/install", ["-m", "600", "-o", login, "-g", login, clientKey + ".pub",
                                              home + "/.ssh/authorized_keys"])
            let dropIn = folder + "/yakkan.conf"
            try (settings.joined(separator: "\n").replacingOccurrences(of: "$STORE", with: store) + "\n")
                .write(toFile: dropIn, atomically: true, encoding: .utf8)
            try start(dropIn: dropIn)
        } catch {
            tearDown()
            throw error
        }
    }

    /// The recipe run by the caller made the group and the login: they are removed at the end.
    func adoptRecipe() {
        madeGroup = true
        madeLogin = true
    }

    /// Starts the private sshd, reading `dropIn` first as Debian's sshd_config reads its
    /// sshd_config.d.
    func start(dropIn: String) throws {
        // sshd's privilege separation needs this folder; the package's service makes it at boot.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o755])
        var lastLog = ""
        for _ in 0..<5 {
            port = try Self.freePort()
            let configuration = [
                "Include \(dropIn)",
                "Port \(port)",
                "ListenAddress 127.0.0.1",
                "HostKey \(folder)/host_key",
                "PidFile \(folder)/sshd.pid",
                "AuthorizedKeysFile .ssh/authorized_keys",
                // Only the login of this test may come in through this server.
                "AllowUsers \(login)",
                "PermitRootLogin no",
                "KbdInteractiveAuthentication no",
                "UsePAM yes",
                // As Debian's own sshd_config: scp since OpenSSH 9 (Windows' too) copies over SFTP.
                "Subsystem sftp /usr/lib/openssh/sftp-server",
            ].joined(separator: "\n") + "\n"
            try configuration.write(toFile: folder + "/sshd_config", atomically: true, encoding: .utf8)
            try Self.run(Self.sshd, ["-t", "-f", folder + "/sshd_config"])
            let log = folder + "/sshd.log"
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            // Spawned directly and reaped by its id: Foundation's Process would wait for this
            // long-lived child on the thread that reaps every other one, and hang them.
            // setpriv: the kernel stops the server if the tests die.
            let pid = try Self.spawn("/usr/bin/setpriv",
                                     ["--pdeathsig=TERM", Self.sshd, "-D", "-e", "-f", folder + "/sshd_config"], log: log)
            server = pid
            // Ready once it says it listens; a port taken meanwhile ends it, and another is tried.
            var status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                lastLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                if lastLog.contains("Server listening on 127.0.0.1 port \(port)") {
                    let hostKey = try String(contentsOfFile: folder + "/host_key.pub", encoding: .utf8)
                    // The host key is known beforehand, so the client checks it for real.
                    try "[127.0.0.1]:\(port) \(hostKey)".write(toFile: knownHosts, atomically: true, encoding: .utf8)
                    return
                }
                usleep(20_000)
            }
            lastLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            server = nil
        }
        throw Failure(description: "sshd did not start:\n\(lastLog)")
    }

    /// The options of every ssh and scp of the desk: its own key, the host's key known, no
    /// configuration or agent of whoever runs the tests.
    var clientOptions: [String] {
        ["-F", "/dev/null", "-i", clientKey, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
         "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=\(knownHosts)"]
    }

    /// A desk's terminal connected to the host: `ssh -t`, running `command` there, on a
    /// pseudo-terminal of its own (the desk's terminal window).
    func connect(_ command: [String], columns: UInt16 = 100) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: Self.ssh,
            arguments: clientOptions + ["-tt", "-p", "\(port)", "\(login)@127.0.0.1"] + command,
            environment: ["TERM": "xterm-256color", "HOME": folder + "/client", "PATH": "/usr/bin:/bin"],
            columns: columns)
    }

    /// `scp` from the desk into the login's folder on the host.
    func copy(_ local: String, to remote: String) throws {
        try Self.run(Self.scp, clientOptions + ["-P", "\(port)", local, "\(login)@127.0.0.1:\(remote)"])
    }

    /// The ids of the login's processes still running.
    func processes() -> [pid_t] {
        guard let uid = uid else { return [] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            var status = stat()
            return stat("/proc/\(pid)", &status) == 0 && status.st_uid == uid
        }
    }

    var uid: uid_t? { getpwnam(login).map { $0.pointee.pw_uid } }

    func tearDown() {
        if let server {
            kill(server, SIGTERM)
            var status: Int32 = 0
            _ = waitpid(server, &status, 0)
        }
        server = nil
        if madeLogin {
            for pid in processes() { kill(pid, SIGKILL) }
            _ = try? Self.run("/usr/sbin/userdel", ["--remove", login])
            madeLogin = false
        }
        if madeGroup {
            _ = try? Self.run("/usr/sbin/groupdel", [group])
            madeGroup = false
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    deinit { tearDown() }

    /// Starts a program with no input, its output and errors appended to `log`.
    static func spawn(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_APPEND, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard result == 0 else { throw Failure(description: "posix_spawn \(executable): \(String(cString: strerror(result)))") }
        return pid
    }

    /// A port nobody listens on now: the kernel's choice for port 0, given back at once.
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "bind: \(String(cString: strerror(errno)))") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Runs a command to its end; its output, or a failure with what it said.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        // The parent's copy of the write end, or reading never sees the end.
        try? output.fileHandleForWriting.close()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus):\n\(text)")
        }
        return text
    }
}

/// The yakkan `swift build` put beside the test binary.
enum EndToEndBinary {
    static var path: String? {
        let built = PseudoTerminal.productsDirectory.appendingPathComponent("yakkan").path
        return FileManager.default.isExecutableFile(atPath: built) ? built : YakkanExecutable.path
    }
}
