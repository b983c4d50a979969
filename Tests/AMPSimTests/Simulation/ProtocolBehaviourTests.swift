import Testing
@testable import AMPSim

/// Slot exhaustion, atomicity under a greedy receiver, and failures that must not crash.
@Suite struct ProtocolBehaviourTests {
    @Test func slotExhaustionIsCountedExactly() throws {
        // m → d accepts at most 2 HTLCs; 3 MPP parts: two are held at d, the third finds no free slot.
        let yaml = """
        name: slots
        graph:
          generator: explicit
          policy: \(SimulationHarness.freePolicy)
          explicit:
            nodes: [s, m, d]
            channels:
              - {from: s, to: m, capacity_sat: 1000000, balance_sat: 1000000}
              - {from: m, to: d, capacity_sat: 1000000, balance_sat: 1000000, policy: {fee_base_msat: 0, fee_rate_ppm: 0, htlc_minimum_msat: 0, reserve_share: 0, max_accepted_htlcs: 2}}
        workload: {payments: 1, amount_sat: 30000, sender: s, receiver: d}
        payment: {protocol: mpp, strategy: fixed-n, fixed_n: {n: 3}}
        receiver: {hold_preset: cln}
        """
        let out = try SimulationHarness.run(try SimulationHarness.scenario(yaml))
        #expect(out.violation == nil)
        let md = SimulationHarness.direction(out.graph, "m", "d")
        let failures = out.network.stats.failures
        #expect(failures[Int(FailureCause.slotsExhausted.rawValue) * out.graph.directionCount + md] == 1)
        #expect(out.network.stats.peakSlots[md] == 2)
        let r = out.records[0]
        #expect(!r.success && r.failure == "slots_exhausted")
        // The two held parts keep their slots on both hops for cln's 70 s set timer plus the trip back.
        #expect(r.slotMicros >= 4 * 70_000_000)
        // Every part failed back: m → d holds its whole capacity again.
        #expect(out.network.balance[md] == 1_000_000_000)
    }

    /// Two paths to d: via m (can carry one half) and via n (n → d holds nothing): one part cannot arrive.
    func atomicityScenario(_ proto: String, _ behavior: String) throws -> Scenario {
        try SimulationHarness.scenario("""
        name: atomicity
        graph:
          generator: explicit
          policy: \(SimulationHarness.freePolicy)
          explicit:
            nodes: [s, m, n, d]
            channels:
              - {from: s, to: m, capacity_sat: 100000, balance_sat: 100000}
              - {from: m, to: d, capacity_sat: 60000, balance_sat: 60000}
              - {from: s, to: n, capacity_sat: 100000, balance_sat: 100000}
              - {from: n, to: d, capacity_sat: 100000, balance_sat: 0}
        workload: {payments: 1, amount_sat: 100000, sender: s, receiver: d}
        payment: {protocol: \(proto), strategy: fixed-n, fixed_n: {n: 2}}
        receiver: {behavior: \(behavior)}
        routing: {cost: pickhardt}
        """)
    }

    @Test func greedyMPPReceiverTakesPartOfAFailedPaymentButAMPCannot() throws {
        let mppGreedy = try SimulationHarness.run(try atomicityScenario("mpp", "greedy")).records[0]
        let ampGreedy = try SimulationHarness.run(try atomicityScenario("amp", "greedy")).records[0]
        let mppHonest = try SimulationHarness.run(try atomicityScenario("mpp", "honest")).records[0]
        let ampHonest = try SimulationHarness.run(try atomicityScenario("amp", "honest")).records[0]
        #expect(!mppGreedy.success && mppGreedy.partialLossMsat == 50_000_000 && mppGreedy.failure == "partial_settlement")
        #expect(!ampGreedy.success && ampGreedy.partialLossMsat == 0)
        #expect(!mppHonest.success && mppHonest.partialLossMsat == 0)
        #expect(!ampHonest.success && ampHonest.partialLossMsat == 0)
        #expect(ampGreedy.setID != nil && mppGreedy.setID == nil)
    }

    @Test func sendersWithoutChannelsAndUnreachableReceiversFailCleanly() throws {
        let yaml = """
        name: lonely
        graph:
          generator: explicit
          explicit:
            nodes: [s, m, d, island]
            channels:
              - {from: s, to: m, capacity_sat: 100000, balance_sat: 100000}
              - {from: m, to: d, capacity_sat: 100000, balance_sat: 100000}
        workload: {payments: 1, amount_sat: 1000, sender: island, receiver: d}
        payment: {protocol: amp, strategy: halving}
        """
        let lonely = try SimulationHarness.run(try SimulationHarness.scenario(yaml))
        #expect(lonely.violation == nil)
        #expect(!lonely.records[0].success && lonely.records[0].failure == "no_route" && lonely.records[0].attempts == 0)
        let unreachable = try SimulationHarness.run(try SimulationHarness.scenario(yaml, ["workload.sender=s", "workload.receiver=island"]))
        #expect(unreachable.records[0].failure == "no_route" && unreachable.records[0].attempts == 0)
        // Too large for any channel: no route either, whatever the strategy.
        let huge = try SimulationHarness.run(try SimulationHarness.scenario(yaml, ["workload.sender=s", "workload.amount_sat=500000"]))
        #expect(huge.records[0].failure == "no_route")
    }
}
