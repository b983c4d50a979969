import Testing
@testable import AMPSim

/// Amounts and times near the 64-bit limits: refused by validation with a clear message, or clamped
/// where they are drawn from an unbounded distribution — never a trap.
@Suite struct BoundsTests {
    @Test func conversionsNeverTrap() {
        #expect(Bounds.int64(.nan, min: 1, max: 10) == 1)
        #expect(Bounds.int64(.infinity, min: 1, max: 10) == 10)
        #expect(Bounds.int64(-.infinity, min: 1, max: 10) == 1)
        #expect(Bounds.msat(sat: 1e300) == Bounds.maxMsat)
        #expect(Bounds.msat(sat: 0.0004) == 1)
        #expect(Bounds.microseconds(seconds: 1e300) == Bounds.maxMicroseconds)
        #expect(Bounds.maxMsat < Int64.max / 4)
    }

    @Test func runningTotalsSaturate() {
        #expect(Bounds.adding(Int64.max - 1, 5) == Int64.max)
        #expect(Bounds.adding(Int64.min + 1, -5) == Int64.min)
        #expect(Bounds.adding(Bounds.maxMsat, Bounds.maxMsat) == 2 * Bounds.maxMsat)
    }

    @Test func feesNeverOverflowOrGoNegative() {
        #expect(Fees.fee(amountMsat: Int64.max, baseMsat: Int64.max, ratePPM: Int64.max) == Int64.max / 4)
        #expect(Fees.fee(amountMsat: 1, baseMsat: Int64.max, ratePPM: 1_000_000) == Int64.max / 4)
        #expect(Fees.fee(amountMsat: Bounds.maxMsat, baseMsat: 1000, ratePPM: 1) == 1000 + Bounds.maxMsat / 1_000_000)
    }

    @Test func hugeScenarioNumbersAreRefused() {
        let cases: [(String, String)] = [
            ("explicit: {nodes: [a, b], channels: [{from: a, to: b, capacity_sat: 9223372036854775807}]}",
             "graph.explicit.channels[0].capacity_sat: expected an integer from 1 to 2100000000000000"),
            ("payment: {timeout_s: 1e300}", "payment.timeout_s: expected a number > 0 and <= 3200000000"),
            ("payment: {strategy: halving, halving: {min_part_sat: 1e20}}", "payment.halving.min_part_sat: expected a number from 0.001 to 2100000000000000"),
            ("workload: {arrival_rate_per_s: 1e-300}", "workload.arrival_rate_per_s: expected a number from 1e-06 to 1000000000"),
        ]
        for (yaml, expected) in cases {
            do {
                let graph = yaml.hasPrefix("explicit") ? "graph:\n  generator: explicit\n  " : "name: s\ngraph: {generator: ln-like, nodes: 10}\n"
                _ = try ScenarioLoader.load(text: graph + yaml, label: "s.yaml")
                Issue.record("accepted: \(yaml)")
            } catch let e as InputError {
                #expect(e.description.contains(expected), "\(e.description)")
            } catch { Issue.record("\(error)") }
        }
    }

    /// A median within 21 million BTC (e^30 sat) with a tail far beyond it (sigma 50): about half the
    /// draws are clamped. (A median beyond it is refused by validation.)
    @Test func hugeDrawnAmountsRunWithoutTrapping() throws {
        let yaml = """
        name: huge
        graph: {generator: explicit, explicit: {nodes: [a, b], channels: [{from: a, to: b, capacity_sat: 2100000000000000, balance_sat: 2100000000000000, policy: {fee_base_msat: 1000000000000000, fee_rate_ppm: 100000000}}]}}
        workload: {payments: 20, amount_sat: {lognormal: {mu: 30, sigma: 50}}, sender: a, receiver: b}
        network: {hop_latency_ms: {lognormal: {mu: 700, sigma: 10}}}
        payment: {protocol: amp, strategy: window, window: {alpha: 1000}}
        """
        let out = try SimulationHarness.run(try SimulationHarness.scenario(yaml))
        #expect(out.violation == nil)
        #expect(out.records.count == 20)
        #expect(out.records.allSatisfy { $0.amountMsat >= 1 && $0.amountMsat <= Bounds.maxMsat && $0.feeMsat >= 0 })
    }
}
