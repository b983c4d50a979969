import Testing
@testable import AMPSim

/// Receiver hold timers, to the microsecond: a 2-hop part arrives at 0.2 s, a 3-hop part at 0.3 s, a
/// third part finds no route, so the set is never whole and both held parts fail with mpp_timeout.
/// Every message takes exactly 100 ms per hop.
@Suite struct HoldTimerTests {
    func scenario(_ preset: String, _ proto: String, _ extra: [String] = []) throws -> Scenario {
        try SimulationHarness.scenario("""
        name: hold
        \(SimulationHarness.explicitGraph(nodes: ["s", "m", "a", "b", "d"], channels: [
            "{from: s, to: m, capacity_sat: 100000, balance_sat: 100000}",
            "{from: m, to: d, capacity_sat: 40000, balance_sat: 40000}",
            "{from: s, to: a, capacity_sat: 100000, balance_sat: 100000}",
            "{from: a, to: b, capacity_sat: 100000, balance_sat: 100000}",
            "{from: b, to: d, capacity_sat: 40000, balance_sat: 40000}",
        ]))
        network: {hop_latency_ms: 100}
        workload: {payments: 1, amount_sat: 90000, sender: s, receiver: d}
        payment: {protocol: \(proto), strategy: fixed-n, fixed_n: {n: 3}, timeout_s: 300}
        receiver: {hold_preset: \(preset)}
        """, extra)
    }

    @Test(arguments: ["mpp", "amp"])
    func presetsTimeExactly(proto: String) throws {
        // lnd: 120 s per HTLC from its own arrival: the 3-hop part fails at 120.3 s and is back at 120.6 s.
        // cln / eclair: 70 / 60 s for the set from its first part (0.2 s): the 3-hop part is back 0.3 s after that.
        for (preset, endMicros) in [("lnd", 120_600_000), ("cln", 70_500_000), ("eclair", 60_500_000)] {
            let out = try SimulationHarness.run(try scenario(preset, proto))
            let r = out.records[0]
            #expect(out.violation == nil)
            #expect(!r.success && r.parts == 2 && r.partsSettled == 0, "\(preset)")
            #expect(r.latency == Int64(endMicros), "\(preset) \(proto): ended \(r.latency) µs after it started")
            let md = SimulationHarness.direction(out.graph, "m", "d")
            #expect(out.network.balance[md] == 40_000_000)
        }
        // The timer can be changed without the preset: lnd's 120 s, but for the set.
        let perSet = try SimulationHarness.run(try scenario("lnd", proto, ["receiver.hold_timer=per-set"]))
        #expect(perSet.records[0].latency == 120_500_000)
        let short = try SimulationHarness.run(try scenario("lnd", proto, ["receiver.hold_timeout_s=10"]))
        #expect(short.records[0].latency == 10_600_000)
    }

    /// A greedy MPP receiver with lnd's per-HTLC timer: the 2-hop part's timer fires first, at 120.2 s,
    /// and the receiver, holding the one preimage, settles every held part then — not only the one
    /// whose timer fired. The 2-hop part is back at s at 120.4 s, the 3-hop part at 120.5 s (it would
    /// be 120.6 s had it waited for its own timer at 120.3 s). Both 30,000-sat parts are taken:
    /// 60,000,000 msat lost. Slots: 2-hop 0 → 120.4 and 0.1 → 120.3 s; 3-hop 0 → 120.5, 0.1 → 120.4,
    /// 0.2 → 120.3 s: 120.4 + 120.2 + 120.5 + 120.3 + 120.1 = 601.5 s.
    @Test func greedyMPPReceiverSettlesEveryHeldPartWhenTheFirstTimerFires() throws {
        let out = try SimulationHarness.run(try scenario("lnd", "mpp", ["receiver.behavior=greedy"]))
        let r = out.records[0]
        #expect(out.violation == nil)
        #expect(!r.success && r.failure == "partial_settlement")
        #expect(r.parts == 2 && r.partsSettled == 2)
        #expect(r.partialLossMsat == 60_000_000)
        #expect(r.latency == 120_500_000)
        #expect(r.slotMicros == 601_500_000)
        // d received both parts: m → d and b → d each moved 30,000 sat to d's side.
        #expect(out.network.balance[SimulationHarness.direction(out.graph, "m", "d")] == 10_000_000)
        #expect(out.network.balance[SimulationHarness.direction(out.graph, "b", "d")] == 10_000_000)
    }

    @Test func heldPartsKeepTheirSlotsUntilFailed() throws {
        let r = try SimulationHarness.run(try scenario("cln", "mpp")).records[0]
        // 2-hop part: hop 0 held 0 → 70.4 s, hop 1 0.1 → 70.3 s; 3-hop part: 0 → 70.5, 0.1 → 70.4, 0.2 → 70.3 s.
        #expect(r.slotMicros == 70_400_000 + 70_200_000 + 70_500_000 + 70_300_000 + 70_100_000)
        #expect(r.htlcs == 5)
    }

    /// Giving up is not learning the outcome: fixed-n finds no route for its third part at 0 s and stops
    /// sending then (gave up after 0 ms), yet its two held parts come back at 120.6 s (latency). With
    /// one part in flight (window sizing) and a 2 s timeout, the sender gives up at its deadline, 2 s;
    /// the part, held from 0.2 s to 120.2 s at the receiver, is back at 120.4 s.
    @Test func givingUpIsNotTheLastOutcome() throws {
        let fixed = try SimulationHarness.run(try scenario("lnd", "mpp")).records[0]
        #expect(!fixed.success && fixed.gaveUpDelay == 0 && fixed.latency == 120_600_000)
        let window = try SimulationHarness.run(try scenario("lnd", "mpp", ["payment.strategy=window", "payment.timeout_s=2"])).records[0]
        #expect(!window.success && window.failure == "timeout" && window.parts == 1)
        #expect(window.gaveUpDelay == 2_000_000 && window.latency == 120_400_000)
    }
}
