import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many CPUs this process may run on: the default number of worker threads of a sweep.
///
/// Guarantees: on Linux, `count()` is the number of CPUs in the process's affinity mask
/// (`sched_getaffinity`, which Slurm, `taskset`, `numactl` and cpusets set), never more than
/// `ProcessInfo.activeProcessorCount` (which also counts a container's CPU quota), and at least 1;
/// where the mask cannot be read, and on other systems, it is `activeProcessorCount`.
public enum UsableProcessors {
    public static func count() -> Int {
        let active = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard let mask = affinityMask() else { return active }
        return max(1, min(cpus(inMask: mask), active))
    }

    /// The number of CPUs in an affinity mask as the kernel writes it (bit i of byte j is CPU 8j + i),
    /// what glibc's CPU_COUNT counts.
    public static func cpus(inMask mask: [UInt8]) -> Int {
        mask.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// The calling thread's affinity mask (a new thread inherits its creator's), or nil when it
    /// cannot be read. The buffer starts at glibc's 1,024 CPUs and doubles while the kernel's mask
    /// is larger (EINVAL), up to 1 MiB.
    static func affinityMask() -> [UInt8]? {
        #if os(Linux)
        // Swift's Glibc module is imported without _GNU_SOURCE, which hides sched_getaffinity's
        // declaration (not the function): look the function up in the C library instead.
        typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer?) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getaffinity") else { return nil }  // RTLD_DEFAULT
        let sched_getaffinity = unsafeBitCast(symbol, to: GetAffinity.self)
        var size = MemoryLayout<cpu_set_t>.size
        while size <= 1 << 20 {
            var mask = [UInt8](repeating: 0, count: size)
            let status = mask.withUnsafeMutableBytes { raw in sched_getaffinity(0, size, raw.baseAddress) }
            if status == 0 { return mask }
            guard errno == EINVAL else { return nil }
            size *= 2
        }
        return nil
        #else
        return nil
        #endif
    }
}
