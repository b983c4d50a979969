import Foundation
import Testing
@testable import AMPSim

/// The cases of docs/validation.md with exact or closed-form answers.
@Suite struct KnownAnswerTests {
    /// Monte-Carlo tolerance of validation.md: 3 · sqrt(p (1 - p) / N).
    func tolerance(_ p: Double, _ n: Int) -> Double { 3 * (p * (1 - p) / Double(n)).squareRoot() }

    /// V1: s–m certain, m–d capacity C = 100,000,000 msat with a uniform balance; pay A = 50,000,000 msat
    /// once, N = 2,000 replications. Each replication is checked exactly — it succeeds if and only if
    /// the balance drawn for m → d is at least A, in one attempt either way — and the success rate
    /// against P = (C + 1 - A) / (C + 1) = 0.500000005 (tolerance 3·sqrt(P(1-P)/N) = 0.0335), which
    /// checks the balance sampler.
    @Test func v1OneUncertainChannel() throws {
        let yaml = """
        name: v1
        replications: 2000
        \(SimulationHarness.explicitGraph(nodes: ["s", "m", "d"], channels: [
            "{from: s, to: m, capacity_sat: 100000, balance_sat: 100000}",
            "{from: m, to: d, capacity_sat: 100000}",
        ]))
        workload: {payments: 1, amount_sat: 50000, sender: s, receiver: d}
        payment: {protocol: keysend, strategy: single}
        """
        let s = try SimulationHarness.scenario(yaml)
        var successes = 0
        for r in 0..<s.replications {
            let out = try SimulationHarness.run(s, replication: r)
            #expect(out.violation == nil)
            let record = out.records[0]
            let balance = out.graph.initialBalanceMsat(of: SimulationHarness.direction(out.graph, "m", "d"))
            #expect(record.success == (balance >= 50_000_000), "replication \(r): balance \(balance)")
            // On failure the sender learned the balance is below A: it must not try A on that channel again.
            #expect(record.attempts == 1)
            if record.success { successes += 1 } else { #expect(record.failure == "insufficient_balance") }
        }
        let p = 0.500000005
        #expect(abs(Double(successes) / Double(s.replications) - p) <= tolerance(p, s.replications))
    }

    @Test func boltSevenFeeExample() throws {
        #expect(Fees.fee(amountMsat: 4_999_999, baseMsat: 200, ratePPM: 2000) == 10_199)
        let yaml = """
        name: fee
        \(SimulationHarness.boltSevenRoute)
        workload: {payments: 1, amount_sat: 4999.999, sender: s, receiver: d}
        payment: {protocol: keysend, strategy: single}
        """
        let out = try SimulationHarness.run(try SimulationHarness.scenario(yaml))
        let r = out.records[0]
        // b charges 10,199 on 4,999,999; a charges 1000 + floor(5,010,198 · 100 / 10^6) = 1,501; s's own channel is free.
        #expect(r.success && r.amountMsat == 4_999_999)
        #expect(r.feeMsat == 10_199 + 1_501)
        #expect(r.htlcs == 3)
        let g = out.graph
        #expect(out.network.stats.feesEarnedMsat[SimulationHarness.direction(g, "b", "d")] == 10_199)
        #expect(out.network.stats.feesEarnedMsat[SimulationHarness.direction(g, "a", "b")] == 1_501)
        #expect(out.network.stats.feesEarnedMsat[SimulationHarness.direction(g, "s", "a")] == 0)
        #expect(out.network.balance[SimulationHarness.direction(g, "d", "b")] == 4_999_999)
    }

    /// V4: k disjoint paths of L = 3 uncertain channels of C = 1,000,000 sat; A = 500,000 sat in k parts, one shot.
    func v4Scenario(k: Int, proto: String, replications: Int) -> String {
        var nodes = ["s", "d"]
        var channels: [String] = []
        for i in 0..<k {
            let path = (0..<3).map { "p\(i)_\($0)" }
            nodes += path
            channels.append("{from: s, to: \(path[0]), capacity_sat: 500000, balance_sat: 500000}")
            channels.append("{from: \(path[0]), to: \(path[1]), capacity_sat: 1000000}")
            channels.append("{from: \(path[1]), to: \(path[2]), capacity_sat: 1000000}")
            channels.append("{from: \(path[2]), to: d, capacity_sat: 1000000}")
        }
        return """
        name: v4
        replications: \(replications)
        \(SimulationHarness.explicitGraph(nodes: nodes, channels: channels))
        workload: {payments: 1, amount_sat: 500000, sender: s, receiver: d}
        payment: {protocol: \(proto), strategy: \(k == 1 ? "single" : "fixed-n"), fixed_n: {n: \(k)}, max_attempts: \(k)}
        routing: {cost: pickhardt}
        """
    }

    /// The closed form ((C + 1 - A/k) / (C + 1))^(kL), in msat.
    static func v4Probability(k: Int) -> Double {
        let c = 1e9, share = 5e8 / Double(k)
        return pow((c + 1 - share) / (c + 1), Double(3 * k))
    }

    /// How many replications each V4 case runs. The success rates to tell apart are those of k = 1, 2, 4
    /// (0.1250, 0.1780, 0.2014): each tolerance 3·sqrt(P(1-P)/N) must be at most half the distance to
    /// the nearest other one, so that a sender behaving like the neighbouring k lands outside the band
    /// with probability ~0.999 (its rate is 6σ away, the band 3σ wide). k = 1 (nearest 0.0530 away):
    /// N >= 36 P(1-P) / 0.0530² = 1,402; k = 2 and 4 (0.0234 apart): N >= 9,613 and 10,565. k = 8 and 16
    /// (0.2125 and 0.2179, 0.0054 apart) would need N >= 207,000: too slow for `swift test`; they run
    /// 300 replications, each checked exactly (below), and their rates with the plain 3σ tolerance.
    static let v4Cases: [(k: Int, expected: Double, replications: Int)] = [
        (1, 0.1250, 1500), (2, 0.1780, 10_600), (4, 0.2014, 10_600), (8, 0.2125, 300), (16, 0.2179, 300),
    ]

    @Test func v4ReplicationCountsSeparateTheRates() {
        let separated = Self.v4Cases.prefix(3)
        for (k, _, n) in separated {
            let p = Self.v4Probability(k: k)
            let nearest = separated.filter { $0.k != k }.map { abs(Self.v4Probability(k: $0.k) - p) }.min()!
            #expect(tolerance(p, n) <= nearest / 2, "k = \(k): tolerance \(tolerance(p, n)) vs distance \(nearest)")
        }
    }

    /// Every replication is checked exactly and for the invariants: the k parts go one per path (the
    /// sender sees its own parts' load), so the payment succeeds if and only if every uncertain channel
    /// holds at least A/k towards d; exactly k attempts; MPP and AMP (same graph and balances) succeed
    /// on exactly the same replications.
    @Test(arguments: v4Cases)
    func v4DisjointPathsOneShot(k: Int, expected: Double, replications: Int) throws {
        let mpp = try SimulationHarness.scenario(v4Scenario(k: k, proto: k == 1 ? "keysend" : "mpp", replications: replications))
        let amp = try SimulationHarness.scenario(v4Scenario(k: k, proto: "amp", replications: replications))
        let share = Int64(500_000_000 / k)
        var successes = 0
        for r in 0..<replications {
            let a = try SimulationHarness.run(mpp, replication: r)
            let b = try SimulationHarness.run(amp, replication: r)
            #expect(a.violation == nil && b.violation == nil, "replication \(r)")
            let g = a.graph
            let predicted = (0..<k).allSatisfy { i in
                [("p\(i)_0", "p\(i)_1"), ("p\(i)_1", "p\(i)_2"), ("p\(i)_2", "d")].allSatisfy { from, to in
                    g.initialBalanceMsat(of: SimulationHarness.direction(g, from, to)) >= share
                }
            }
            #expect(a.records[0].success == predicted, "k = \(k), replication \(r)")
            #expect(b.records[0].success == a.records[0].success, "k = \(k), replication \(r): AMP differs from MPP")
            #expect(a.records[0].attempts == k && b.records[0].attempts == k)
            if a.records[0].success { successes += 1 }
        }
        let p = Self.v4Probability(k: k)
        #expect(abs(p - expected) < 1e-4)
        let rate = Double(successes) / Double(replications)
        #expect(abs(rate - p) <= tolerance(p, replications), "k = \(k): \(rate) vs \(p)")
    }
}
