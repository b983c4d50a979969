import Testing
@testable import AMPSim

/// How long a sender remembers (Simulation's `memoryHorizon`: 20 half-lives of 1 h = 72,000 s), seen
/// through two payments on the hub graph (FaithfulSenderTests' `Hub`, 100 ms per hop, keysend):
/// payment 0 at t = 0 sends 100,000 sat, refused at (h, m1) and (h, m2); mission control stores both
/// failures with 100,000,000 msat, at 0.2 s and 0.4 s, when the fails are back at s. Payment 1 sends
/// 50,000 sat at `later` µs — below the failed amount, so one of the pairs carries it — and settles
/// 0.6 s later (three hops out, three back), when s records that pair's success. Recording a result for
/// a pair leaving h first forgets h's pairs whose last result is more than the horizon old.
@Suite struct MissionControlLearningTests {
    /// Runs the two payments and returns s's results for (h, m1), (h, m2) and (s, h).
    func memoryAfterSecondPayment(at later: Int64) throws
        -> (MissionControl.PairResult?, MissionControl.PairResult?, [PaymentRecord], sh: MissionControl.PairResult?) {
        let scenario = try SimulationHarness.scenario(Hub.yaml(strategy: "single", protocol: "keysend"))
        let (graph, _) = try GraphFactory.build(scenario, replication: 0)
        let id = { (name: String) in Int32(graph.nodeIDs.firstIndex(of: name)!) }
        let simulation = try Simulation(scenario: scenario, graph: graph, replication: 0)
        simulation.checkInvariants = true
        let records = simulation.run([
            PaymentSpecRecord(sender: id("s"), receiver: id("d"), amountMsat: 100_000_000, arrival: 0, invoice: -1),
            PaymentSpecRecord(sender: id("s"), receiver: id("d"), amountMsat: 50_000_000, arrival: later, invoice: -1),
        ])
        #expect(simulation.invariantViolation == nil)
        let memory = simulation.memories[Int(id("s"))]
        return (memory.result(from: id("h"), to: id("m1")), memory.result(from: id("h"), to: id("m2")), records,
                memory.result(from: id("s"), to: id("h")))
    }

    /// 1.5 half-lives later (5,400 s) the failures still count (weight 2^-1.5 ≈ 0.35): both pairs keep
    /// their failure at 100,000,000 msat and its time; the pair that carried payment 1 adds a success
    /// of 50,000,000 (below the failure, which stays where it was). (s, h) forwarded both refused
    /// attempts (lnd's successPairRange before the failing hop): a success of 100,000,000, which
    /// payment 1's 50,000,000 does not lower.
    @Test func failuresAreRememberedBeyondOneHalfLife() throws {
        let (m1, m2, records, sh) = try memoryAfterSecondPayment(at: 5_400_000_000)
        #expect(sh?.successAmt == 100_000_000 && sh?.successTime == 5_400_600_000 && sh?.failTime == -1)
        #expect(records.map(\.success) == [false, true])
        #expect(records[0].attempts == 2 && records[1].attempts == 1)
        #expect(m1?.failAmt == 100_000_000 && m1?.failTime == 200_000)
        #expect(m2?.failAmt == 100_000_000 && m2?.failTime == 400_000)
        #expect([m1?.successAmt, m2?.successAmt].sorted { ($0 ?? 0) < ($1 ?? 0) } == [0, 50_000_000])
    }

    /// The horizon is exactly 20 half-lives = 72,000,000,000 µs. Payment 1 at 71,999 s records at
    /// 71,999.6 s: the failures are 71,999.4 s and 71,999.2 s old, kept. At 72,000 s it records at
    /// 72,000.6 s: they are 72,000.4 s and 72,000.2 s old, past the horizon, forgotten — the pair not
    /// used is gone, the one used holds only its new success.
    @Test func failuresAreForgottenAfterTwentyHalfLives() throws {
        let (keptM1, keptM2, _, _) = try memoryAfterSecondPayment(at: 71_999_000_000)
        #expect(keptM1?.failTime == 200_000 && keptM2?.failTime == 400_000)
        let (m1, m2, records, _) = try memoryAfterSecondPayment(at: 72_000_000_000)
        #expect(records[1].success)
        let remaining = [m1, m2].compactMap { $0 }
        #expect(remaining.count == 1)
        #expect(remaining.first?.failTime == -1 && remaining.first?.successAmt == 50_000_000)
        #expect(remaining.first?.successTime == 72_000_600_000)
    }

    /// A failure is stored with what the pair was asked to carry, this payment's own parts included.
    /// s → h → d is the only route; h holds 60,000 sat towards d; fixed-n sends two MPP parts of 50,000
    /// sat at once. At h (0.1 s) part 0 takes h → d, part 1 is refused (10,000 left); its fail is back at
    /// 0.2 s: (h, d) failed for 50,000 + the 50,000 of part 0 on it = 100,000,000 msat, and (s, h)
    /// forwarded 50,000,000. The retry of part 1 would again ask 100,000 of (h, d): no route, the payment
    /// gives up. d holds part 0 until lnd's 120 s timer (from 0.2 s); its fail is back at 120.4 s, a success
    /// of 50,000,000 for both pairs, below (h, d)'s failure, which stays at 100,000,000.
    @Test func aFailureCountsThePaymentsOwnPartsOnThePair() throws {
        let scenario = try SimulationHarness.scenario("""
        name: own-load
        \(SimulationHarness.explicitGraph(nodes: ["s", "h", "d"], channels: [
            "{from: s, to: h, capacity_sat: 1000000, balance_sat: 1000000}",
            "{from: h, to: d, capacity_sat: 1000000, balance_sat: 60000}",
        ]))
        network: {hop_latency_ms: 100}
        workload: {payments: 1, amount_sat: 100000, sender: s, receiver: d}
        payment: {protocol: mpp, strategy: fixed-n, fixed_n: {n: 2}}
        receiver: {hold_preset: lnd}
        """)
        var simulation: Simulation?
        let (records, attempts, violation) = try SimulationHarness.trace(scenario) { simulation = $0 }
        #expect(violation == nil)
        #expect(attempts.map(\.description) == ["p0.0 50000000 s-h-d failed 0-120400ms", "p0.1 50000000 s-h-d failed 0-200ms"])
        #expect(records[0].failure == "insufficient_balance" && records[0].attempts == 2)
        let sim = try #require(simulation)
        let id = { (name: String) in Int32(sim.graph.nodeIDs.firstIndex(of: name)!) }
        let hd = sim.memories[Int(id("s"))].result(from: id("h"), to: id("d"))
        let start = records[0].arrival // the workload's first Poisson arrival; times above are after it
        #expect(hd?.failAmt == 100_000_000 && hd?.failTime == start + 200_000)
        #expect(hd?.successAmt == 50_000_000 && hd?.successTime == start + 120_400_000)
    }
}
