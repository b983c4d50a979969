import Foundation
import Testing
@testable import AMPSim

/// Resource limits: too many nodes, payments, runs or bytes are refused up front with a message
/// naming the field, the estimate, the limit and `--allow-large`; `unlimited` lets them through.
@Suite struct ResourceLimitsTests {
    static let small = ResourceLimits(memoryBytes: 1e9, graphFileBytes: 1000, decompressedBytes: 1000, runs: 100)

    static func scenario(_ extra: String) throws -> Scenario {
        try ScenarioLoader.load(text: "name: big\ngraph: {generator: ln-like, nodes: 1000}\n" + extra, label: "big.yaml")
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let e as InputError { return e.description } catch { return "other error \(error)" }
        return ""
    }

    @Test func billionNodesIsRefusedByTheSchema() {
        let m = Self.message { _ = try ScenarioLoader.load(text: "graph: {generator: ln-like, nodes: 1000000000}", label: "s.yaml") }
        #expect(m.contains("s.yaml:1: graph.nodes: expected an integer from 2 to 10000000"))
    }

    @Test func largeGraphNeedsTheOverride() throws {
        let s = try ScenarioLoader.load(text: "name: big\ngraph: {generator: ln-like, nodes: 10000000}", label: "big.yaml")
        let m = Self.message { try ResourceLimits.check(scenario: s, runs: 1, limits: Self.small) }
        #expect(m.contains("scenario 'big': graph.nodes: expected a run estimated to fit in 1.0 GB of memory (pass --allow-large"))
        #expect(m.contains("found an estimate of"))
        try ResourceLimits.check(scenario: s, runs: 1, limits: .unlimited)
    }

    @Test func manyPaymentsNeedTheOverride() throws {
        let s = try Self.scenario("workload: {payments: 100000000}\nreplications: 20")
        #expect(Self.message { try ResourceLimits.check(scenario: s, runs: 1, limits: Self.small) }.contains("workload.payments: expected a run estimated"))
        // A duration bounds the payments: 10 s at 10/s is small whatever `payments` says.
        let bounded = try Self.scenario("workload: {payments: 100000000, duration_s: 10, arrival_rate_per_s: 10}")
        try ResourceLimits.check(scenario: bounded, runs: 1, limits: Self.small)
    }

    @Test func tenMillionRunsAreRefused() throws {
        let s = try Self.scenario("workload: {payments: 10}")
        let m = Self.message { try ResourceLimits.check(scenario: s, runs: 10_000_000) }
        #expect(m.contains("sweep: expected at most 100000 runs (grid points x replications; pass --allow-large to run more), found 10000000 runs"))
        try ResourceLimits.check(scenario: s, runs: 100_000)
        try ResourceLimits.check(scenario: s, runs: 10_000_000, limits: .unlimited)
    }

    @Test func oversizedGraphFileIsRefusedBeforeReading() throws {
        let path = TestPaths.write(String(repeating: " ", count: 2000) + "{}", name: "big.json")
        let m = Self.message { _ = try GraphFileReader.read(path, label: "big.json", limits: Self.small) }
        #expect(m == "big.json: expected a file of at most 1000 bytes (pass --allow-large to read it anyway), found a file of 2002 bytes")
        #expect(try GraphFileReader.read(path, label: "big.json", limits: .unlimited).count == 2002)
    }

    @Test func decompressionStopsAtTheLimit() throws {
        // 1 MB of zeros, xz-compressed (xz -9 of /dev/zero): 196 bytes.
        let raw = TestPaths.scratch() + "/zeros.json", path = raw + ".xz"
        let xz = try CommandRun.run("/bin/sh", ["-c", "head -c 1000000 /dev/zero > '\(raw)' && xz -9 '\(raw)'"])
        try #require(xz.status == 0, "this test needs the xz tool: install xz-utils (apt-get install xz-utils); \(xz.stderr)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size < 1000) // the bomb itself passes the file-size limit; only its decompressed size is refused
        let m = Self.message { _ = try GraphFileReader.read(path, label: "zeros.json.xz", limits: Self.small) }
        #expect(m.contains("zeros.json.xz: expected a file of at most 1000 bytes once decompressed"))
    }
}
