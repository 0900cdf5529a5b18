import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One whole process: how long it took from spawn to exit, and its peak resident memory when measured.
struct Run {
    let milliseconds: Double
    let peakMegabytes: Double
    let status: Int32
}

/// Runs a program with stdin from a file (or /dev/null) and stdout to a file (or /dev/null),
/// stderr discarded. Its peak memory is only known with `measuringMemory`, which runs it under
/// /usr/bin/time: a child spawned from this process counts this process's resident set in its
/// own peak (the kernel folds the peak of the memory it replaces at exec into it), while time
/// forks from a small process.
func run(_ executable: String, _ arguments: [String], stdin: String? = nil, stdout: String? = nil, measuringMemory: Bool = false) -> Run {
    guard measuringMemory else { return spawn(executable, arguments, stdin: stdin, stdout: stdout) }
    let report = NSTemporaryDirectory() + "yakkan-benchmark-memory-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: report) }
    let timed = spawn("/usr/bin/time", ["-f", "%M", "-o", report, executable] + arguments, stdin: stdin, stdout: stdout)
    let kilobytes = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) } ?? 0
    return Run(milliseconds: timed.milliseconds, peakMegabytes: kilobytes / 1024, status: timed.status)
}

private func spawn(_ executable: String, _ arguments: [String], stdin: String?, stdout: String?) -> Run {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var merged = ProcessInfo.processInfo.environment
    merged["NO_COLOR"] = "1"
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
        return Run(milliseconds: 0, peakMegabytes: 0, status: -1)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    return Run(milliseconds: elapsed, peakMegabytes: 0, status: (status >> 8) & 0xFF)
}
