import Foundation
import Testing
@testable import AMPSim

/// The default worker count: the CPUs in the affinity mask (what Slurm and taskset set), not the
/// machine's cores.
@Suite struct UsableProcessorsTests {
    @Test func countsTheBitsOfAMaskLikeCPUCount() {
        #expect(UsableProcessors.cpus(inMask: []) == 0)
        #expect(UsableProcessors.cpus(inMask: [0b0000_0011]) == 2)
        #expect(UsableProcessors.cpus(inMask: [0, 0, 0b1000_0000, 0]) == 1)
        #expect(UsableProcessors.cpus(inMask: [0b0101_0101, 0b1111_0000] + [UInt8](repeating: 0, count: 126)) == 8)
        #expect(UsableProcessors.cpus(inMask: [UInt8](repeating: 0xff, count: 128)) == 1024)
    }

    /// The mask read through sched_getaffinity is the one the kernel reports for this thread in
    /// /proc/thread-self/status (Cpus_allowed: 32-bit hex words, most significant first).
    @Test func maskIsTheKernelsCpusAllowed() throws {
        #if os(Linux)
        let status = try String(contentsOfFile: "/proc/thread-self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed:") })
        let hex = line.dropFirst("Cpus_allowed:".count).filter(\.isHexDigit)
        let allowed = hex.reduce(0) { $0 + Int($1.hexDigitValue!).nonzeroBitCount }
        let mask = try #require(UsableProcessors.affinityMask())
        #expect(UsableProcessors.cpus(inMask: mask) == allowed)
        #expect(UsableProcessors.count() == min(allowed, ProcessInfo.processInfo.activeProcessorCount))
        #endif
    }
}
