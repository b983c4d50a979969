import Foundation
import Testing
@testable import AMPSim

/// The cases of shared/docs/validation.md with exact or closed-form answers.
@Suite struct KnownAnswerTests {
    /// Monte-Carlo tolerance of validation.md: 3 · sqrt(p (1 - p) / N).
    func tolerance(_ p: Double, _ n: Int) -> Double { 3 * (p * (1 - p) / Double(n)).squareRoot() }

    @Test func v1OneUncertainChannel() throws {
        // s–m certain, m–d capacity C = 100,000,000 msat with a uniform balance; pay A = 50,000,000 msat once.
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
            if record.success { successes += 1 } else {
                // The sender learned the balance is below A: it must not try A on that channel again.
                #expect(record.attempts == 1 && record.failure == "insufficient_balance")
            }
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
    func v4Scenario(k: Int, proto: String) -> String {
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
        replications: 1500
        \(SimulationHarness.explicitGraph(nodes: nodes, channels: channels))
        workload: {payments: 1, amount_sat: 500000, sender: s, receiver: d}
        payment: {protocol: \(proto), strategy: \(k == 1 ? "single" : "fixed-n"), fixed_n: {n: \(k)}, max_attempts: \(k)}
        routing: {cost: pickhardt}
        """
    }

    @Test(arguments: [(1, 0.1250), (2, 0.1780), (4, 0.2014)])
    func v4DisjointPathsOneShot(k: Int, expected: Double) throws {
        let mpp = try SimulationHarness.scenario(v4Scenario(k: k, proto: k == 1 ? "keysend" : "mpp"))
        let amp = try SimulationHarness.scenario(v4Scenario(k: k, proto: "amp"))
        var mppSuccess: [Bool] = [], ampSuccess: [Bool] = []
        for r in 0..<mpp.replications {
            let a = try SimulationHarness.run(mpp, replication: r, checkInvariants: r < 50)
            let b = try SimulationHarness.run(amp, replication: r, checkInvariants: r < 50)
            #expect(a.violation == nil && b.violation == nil)
            #expect(a.records[0].attempts <= k)
            mppSuccess.append(a.records[0].success)
            ampSuccess.append(b.records[0].success)
        }
        // Closed form ((C + 1 - A/k) / (C + 1))^(kL) in msat.
        let c = 1e9, share = 5e8 / Double(k)
        let p = pow((c + 1 - share) / (c + 1), Double(3 * k))
        #expect(abs(p - expected) < 1e-4)
        let rate = Double(mppSuccess.filter { $0 }.count) / Double(mppSuccess.count)
        #expect(abs(rate - p) <= tolerance(p, mppSuccess.count), "k = \(k): \(rate) vs \(p)")
        // Same paths, same balances (common random numbers): MPP and AMP succeed on exactly the same replications.
        #expect(mppSuccess == ampSuccess)
    }
}
