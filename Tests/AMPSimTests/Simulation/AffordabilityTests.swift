import Testing
@testable import AMPSim

/// lnd's errInsufficientBalance, as Simulation+Sender applies it: what the sender can spend is its
/// channels' balance minus reserve and what is in flight, over channels whose peer is online; a payment
/// it cannot cover fails at once, and before each new part the unassigned amount is compared again —
/// with parts in flight the sender waits for them instead of searching. 100 ms per hop.
@Suite struct AffordabilityTests {
    /// s has 60,000 sat towards h and 60,000 towards x; x is offline for the run. Paying 100,000 sat:
    /// only s → h counts, 60,000 < 100,000, so the payment fails at once with no attempt (counting
    /// x's channel, lnd's splitter would launch 50,000 via h and then find nothing for the rest).
    @Test func channelsToOfflinePeersDoNotCount() throws {
        let scenario = try SimulationHarness.scenario("""
        name: offline-peer
        \(SimulationHarness.explicitGraph(nodes: ["s", "h", "x", "d"], channels: [
            "{from: s, to: h, capacity_sat: 1000000, balance_sat: 60000}",
            "{from: s, to: x, capacity_sat: 1000000, balance_sat: 60000}",
            "{from: h, to: d, capacity_sat: 1000000, balance_sat: 1000000}",
            "{from: x, to: d, capacity_sat: 1000000, balance_sat: 1000000}",
        ]))
        network: {hop_latency_ms: 100}
        workload: {payments: 1, amount_sat: 100000, sender: s, receiver: d}
        payment: {protocol: mpp, strategy: lnd}
        """)
        let (records, attempts, violation) = try SimulationHarness.trace(scenario) { sim in
            sim.availability.takeOffline(sim.graph.nodeIDs.firstIndex(of: "x")!)
        }
        #expect(violation == nil)
        #expect(attempts.isEmpty)
        #expect(records[0].failure == "insufficient_local_balance" && records[0].htlcs == 0)
        // With x online the same payment goes out: 60,000 + 60,000 >= 100,000.
        let (online, _, _) = try SimulationHarness.trace(scenario)
        #expect(online[0].attempts > 0)
    }

    /// s holds 100,001 sat towards a; a charges 2,000 sat to forward; fixed-n sends two MPP parts of
    /// 50,000 sat. The payment passes the first check (100,000 <= 100,001 sat), but part 1 takes
    /// 52,000 sat of s's channel, leaving 48,001 < the 50,000 sat still unassigned:
    /// the sender waits for part 1 instead of searching for part 2 (one path search in all). d holds
    /// part 1 from 0.2 s; its 1 s timer fails it (mpp_timeout), back at s at 1.4 s, after the payment's
    /// 1 s deadline: the payment ends there, `timeout`. (Searching at once, part 2 would have found no
    /// route and the payment would have ended `no_route`, after two searches.)
    @Test func theSenderWaitsForItsPartsWhenWhatIsLeftExceedsWhatItCanSpend() throws {
        let scenario = try SimulationHarness.scenario("""
        name: short
        \(SimulationHarness.explicitGraph(nodes: ["s", "a", "d"], channels: [
            "{from: s, to: a, capacity_sat: 200000, balance_sat: 100001}",
            "{from: a, to: d, capacity_sat: 200000, balance_sat: 200000, policy: {fee_base_msat: 2000000, fee_rate_ppm: 0, htlc_minimum_msat: 0, reserve_share: 0}}",
        ]))
        network: {hop_latency_ms: 100}
        workload: {payments: 1, amount_sat: 100000, sender: s, receiver: d}
        payment: {protocol: mpp, strategy: fixed-n, fixed_n: {n: 2}, timeout_s: 1}
        receiver: {hold_preset: lnd, hold_timeout_s: 1}
        """)
        var simulation: Simulation?
        let (records, attempts, violation) = try SimulationHarness.trace(scenario) { simulation = $0 }
        #expect(violation == nil)
        #expect(attempts.map(\.description) == ["p0.0 50000000 s-a-d failed 0-1400ms"])
        #expect(simulation?.pathSearches == 1)
        #expect(!records[0].success && records[0].failure == "timeout")
        #expect(records[0].end - records[0].arrival == 1_400_000)
    }
}
