#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished child process cost: its exit status, wall time, CPU time and peak resident memory,
/// the last two from the kernel's own accounting of that one child (`wait4`'s rusage).
///
/// Guarantees: `peakMemoryBytes` is the child's ru_maxrss in bytes (Linux reports KiB, macOS bytes);
/// `exitStatus` is the exit code, or 128 + the signal number when the child was killed.
public struct ChildUsage: Sendable {
    public var exitStatus: Int32
    public var wallSeconds: Double
    public var cpuSeconds: Double
    public var peakMemoryBytes: Int64
}

/// A child process started with `posix_spawn`, its standard output and error sent to a log file.
///
/// Guarantees: `wait()` reaps exactly this child (by pid) and returns its own resource usage, so
/// several children may run at once and each is measured separately.
public struct ChildProcess: Sendable {
    public let pid: Int32
    let started: ContinuousClock.Instant

    /// Starts `arguments[0]` (a path) with `arguments`; stdout and stderr go to `logPath` (truncated).
    public static func start(_ arguments: [String], logPath: String, environment: [String: String]) throws -> ChildProcess {
        precondition(!arguments.isEmpty, "a child needs an executable")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let started = ContinuousClock.now
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv + [nil], envp + [nil])
        guard rc == 0 else { throw ChildProcessError(message: "cannot start \(arguments[0]): error \(rc)") }
        return ChildProcess(pid: pid, started: started)
    }

    /// Waits for the child to end and returns what it cost.
    public func wait() throws -> ChildUsage {
        var status: Int32 = 0
        var usage = rusage()
        var rc: pid_t
        repeat { rc = wait4(pid, &status, 0, &usage) } while rc == -1 && errno == EINTR
        guard rc == pid else { throw ChildProcessError(message: "wait4 failed for pid \(pid): errno \(errno)") }
        let wall = ContinuousClock.now - started
        let signal = status & 0x7f
        let exit = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        #if os(Linux)
        let peak = Int64(usage.ru_maxrss) * 1024
        #else
        let peak = Int64(usage.ru_maxrss)
        #endif
        return ChildUsage(exitStatus: exit,
                          wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18,
                          cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakMemoryBytes: peak)
    }
}

/// A child process could not be started or reaped.
public struct ChildProcessError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
