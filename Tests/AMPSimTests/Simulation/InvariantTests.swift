import Testing
@testable import AMPSim

/// The design's invariants on many random small scenarios, checked after every event: conservation,
/// slot limits, no negative balance, every payment ends exactly once, no AMP HTLC settled before its
/// set is whole, the queue drains.
@Suite struct InvariantTests {
    static let protocols: [(String, [String])] = [
        ("keysend", ["single"]), ("mpp", StrategyName.allCases.map(\.rawValue)), ("amp", StrategyName.allCases.map(\.rawValue)),
    ]

    @Test func invariantsHoldOnRandomScenarios() throws {
        var cases = 0
        let generators = ["erdos-renyi", "barabasi-albert", "watts-strogatz", "ln-like"]
        for seed in 1...24 {
            for (proto, strategies) in Self.protocols {
                for strategy in strategies {
                    let generator = generators[seed % generators.count]
                    let nodes = 12 + seed % 17
                    let yaml = """
                    name: random
                    seed: \(seed)
                    graph:
                      generator: \(generator)
                      nodes: \(nodes)
                      \(generator == "erdos-renyi" ? "channels: \(nodes * 2)" : "")
                      capacity_sat: {lognormal: {median: 200000, sigma: 1}, min: 1000}
                      policy: {preset: \(["lnd", "cln", "eclair"][seed % 3]), max_accepted_htlcs: {uniform_int: {min: 2, max: 6}}, fee_rate_ppm: {uniform_int: {min: 0, max: 5000}}}
                    network: {offline_probability: \(seed % 4 == 0 ? "0.05" : "0")}
                    workload: {payments: 25, arrival_rate_per_s: 5, amount_sat: {lognormal: {median: 40000, sigma: 1.2}}}
                    payment: {protocol: \(proto), strategy: \(strategy), fixed_n: {n: \(2 + seed % 5)}, halving: {max_depth: 4, min_part_sat: 500}, lnd: {min_shard_sat: 5000, max_parts: 6}, window: {initial_part: 0.3, min_part_sat: 500, ack_after_s: 1, max_in_flight_parts: \(2 + seed % 6), remember: \(seed % 2 == 0 ? "per-destination" : "none")}, cln_presplit: {part_sat: 15000, min_part_sat: 500}, timeout_s: 30}
                    receiver: {hold_preset: \(["lnd", "cln", "eclair"][(seed / 3) % 3]), behavior: \(seed % 5 == 0 ? "greedy" : "honest")}
                    """
                    let out = try SimulationHarness.run(try SimulationHarness.scenario(yaml))
                    #expect(out.violation == nil, "seed \(seed) \(proto) \(strategy): \(out.violation ?? "")")
                    #expect(out.records.count == 25)
                    #expect(out.records.map(\.paymentID) == Array(0..<25))
                    #expect(out.network.htlcsInFlight == 0, "HTLCs left in flight: seed \(seed) \(proto) \(strategy)")
                    for r in out.records {
                        #expect(r.success == r.failure.isEmpty)
                        #expect(r.partsSettled <= r.parts && r.parts <= r.attempts)
                        #expect(r.end >= r.arrival)
                        if proto == "amp" || proto == "keysend" { #expect(r.partialLossMsat == 0 && r.linkableParts == 0) }
                    }
                    cases += 1
                }
            }
        }
        #expect(cases == 24 * (1 + 2 * StrategyName.allCases.count))
    }

    @Test func sameSeedGivesByteIdenticalCSV() throws {
        let s = try ScenarioLoader.load(path: TestPaths.scenario("quickstart.yaml"), overrides: [
            try Override.parse("graph.nodes=300"), try Override.parse("workload.payments=300"), try Override.parse("replications=2"),
        ])
        let a = try (0..<2).map { try RunExperiment.replicate(s, replication: $0).paymentsCSV }
        let b = try (0..<2).map { try RunExperiment.replicate(s, replication: $0).paymentsCSV }
        #expect(a == b)
        #expect(a[0] != a[1])
        #expect(a[0].split(separator: "\n").count == 300)
    }

    @Test func protocolsSeeTheSamePayments() throws {
        var firstColumns: [String] = []
        for proto in ["keysend", "mpp", "amp"] {
            let s = try ScenarioLoader.load(path: TestPaths.scenario("quickstart.yaml"), overrides: [
                try Override.parse("graph.nodes=200"), try Override.parse("workload.payments=100"),
                try Override.parse("payment.protocol=\(proto)"), try Override.parse("payment.strategy=single"),
            ])
            let csv = try RunExperiment.replicate(s, replication: 0).paymentsCSV
            firstColumns.append(csv.split(separator: "\n").map { $0.split(separator: ",").prefix(6).joined(separator: ",") }.joined(separator: "\n"))
        }
        #expect(firstColumns[0] == firstColumns[1] && firstColumns[1] == firstColumns[2])
    }
}
