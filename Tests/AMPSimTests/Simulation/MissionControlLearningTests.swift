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
    /// Runs the two payments and returns s's results for (h, m1) and (h, m2).
    func memoryAfterSecondPayment(at later: Int64) throws -> (MissionControl.PairResult?, MissionControl.PairResult?, [PaymentRecord]) {
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
        return (memory.result(from: id("h"), to: id("m1")), memory.result(from: id("h"), to: id("m2")), records)
    }

    /// 1.5 half-lives later (5,400 s) the failures still count (weight 2^-1.5 ≈ 0.35): both pairs keep
    /// their failure at 100,000,000 msat and its time; the pair that carried payment 1 adds a success
    /// of 50,000,000 (below the failure, which stays where it was).
    @Test func failuresAreRememberedBeyondOneHalfLife() throws {
        let (m1, m2, records) = try memoryAfterSecondPayment(at: 5_400_000_000)
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
        let (keptM1, keptM2, _) = try memoryAfterSecondPayment(at: 71_999_000_000)
        #expect(keptM1?.failTime == 200_000 && keptM2?.failTime == 400_000)
        let (m1, m2, records) = try memoryAfterSecondPayment(at: 72_000_000_000)
        #expect(records[1].success)
        let remaining = [m1, m2].compactMap { $0 }
        #expect(remaining.count == 1)
        #expect(remaining.first?.failTime == -1 && remaining.first?.successAmt == 50_000_000)
        #expect(remaining.first?.successTime == 72_000_600_000)
    }
}
