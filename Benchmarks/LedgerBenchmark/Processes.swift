import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One whole process: how long it took from spawn to exit, and its peak resident memory.
struct Run {
    let milliseconds: Double
    let peakMegabytes: Double
    let status: Int32
}

/// Runs a program with stdin from a file (or /dev/null) and stdout to a file (or /dev/null),
/// stderr discarded; wait4 gives this child's own resource usage.
func run(_ executable: String, _ arguments: [String], stdin: String? = nil, stdout: String? = nil, environment: [String: String] = [:]) -> Run {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var merged = ProcessInfo.processInfo.environment
    merged["NO_COLOR"] = "1"
    for (key, value) in environment { merged[key] = value }
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
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    // ru_maxrss is in kilobytes on Linux.
    return Run(milliseconds: elapsed, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
}
