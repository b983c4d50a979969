import Testing
@testable import AMPSim

/// `Simulation.pump` answers a search that repeats one which found no route, with nothing changed
/// between them, without running it: counted, same answer.
@Suite struct RepeatedSearchTests {
    /// s → a → d can carry at most 10,000 sat; 100,000 sat with `halving` (max depth 3): 100,000 finds no
    /// route, then its two halves of 50,000, four quarters of 25,000, and the first 12,500 (at the floor:
    /// the payment ends, `no_route`). 8 searches, of which the second 50,000, the last three 25,000 are
    /// repeats: 4 run.
    @Test func halvingAHopelessPaymentRunsOneSearchPerAmount() throws {
        let scenario = try SimulationHarness.scenario("""
        name: hopeless
        \(SimulationHarness.explicitGraph(nodes: ["s", "a", "d"], channels: [
            "{from: s, to: a, capacity_sat: 1000000, balance_sat: 1000000}",
            "{from: a, to: d, capacity_sat: 10000, balance_sat: 10000}",
        ]))
        network: {hop_latency_ms: 100}
        workload: {payments: 1, amount_sat: 100000, sender: s, receiver: d}
        payment: {protocol: amp, strategy: halving, halving: {max_depth: 3}}
        """)
        var simulation: Simulation?
        let (records, attempts, _) = try SimulationHarness.trace(scenario) { simulation = $0 }
        let sim = try #require(simulation)
        #expect(attempts.isEmpty)
        #expect(records[0].failure == "no_route")
        #expect(sim.pathSearches == 8)
        #expect(sim.finder.searchesRepeated == 4)
    }

    /// On random scenarios (halving, MPP and AMP), every record and the number of searches are the same
    /// with and without the reuse, and the reuse was used.
    @Test func reuseChangesNoOutcome() throws {
        var repeated = 0
        for seed in UInt64(1)...12 {
            for proto in ["mpp", "amp"] {
                let scenario = try SimulationHarness.scenario(RandomScenario.yaml(seed: seed &* 104_729, protocol: proto, strategy: "halving", payments: 40))
                var runs: [(records: [String], searches: Int)] = []
                for reuse in [true, false] {
                    var simulation: Simulation?
                    let (records, _, violation) = try SimulationHarness.trace(scenario) { $0.reuseNoRoute = reuse; simulation = $0 }
                    #expect(violation == nil)
                    let sim = try #require(simulation)
                    if reuse { repeated += sim.finder.searchesRepeated } else { #expect(sim.finder.searchesRepeated == 0) }
                    runs.append((records.map { "\($0)" }, sim.pathSearches))
                }
                let differing = runs[0].records.indices.first { runs[0].records[$0] != runs[1].records[$0] }
                #expect(runs[0].records.count == runs[1].records.count && differing == nil, "seed \(seed) \(proto): record \(differing ?? -1) differs")
                #expect(runs[0].searches == runs[1].searches, "seed \(seed) \(proto)")
            }
        }
        #expect(repeated > 0)
    }
}
