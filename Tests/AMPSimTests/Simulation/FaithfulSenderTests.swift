import Testing
@testable import AMPSim

/// The hub graph of issue "Faithful senders": s → h (1,000,000 sat on s's side); h → m1 and h → m2,
/// each with only 60,000 sat on h's side; m1 → d and m2 → d large; no fees; 100 ms per hop; one
/// 100,000-sat payment s → d. Either way through h can carry at most 60,000 sat.
enum Hub {
    static func yaml(strategy: String, protocol proto: String = "mpp", senderSat: Int = 1_000_000, amountSat: Int = 100_000) -> String {
        """
        name: hub
        \(SimulationHarness.explicitGraph(nodes: ["s", "h", "m1", "m2", "d"], channels: [
            "{from: s, to: h, capacity_sat: 1000000, balance_sat: \(senderSat)}",
            "{from: h, to: m1, capacity_sat: 1000000, balance_sat: 60000}",
            "{from: h, to: m2, capacity_sat: 1000000, balance_sat: 60000}",
            "{from: m1, to: d, capacity_sat: 1000000, balance_sat: 1000000}",
            "{from: m2, to: d, capacity_sat: 1000000, balance_sat: 1000000}",
        ]))
        network: {hop_latency_ms: {uniform: {min: 100, max: 100}}}
        workload: {payments: 1, amount_sat: \(amountSat), sender: s, receiver: d}
        payment: {protocol: \(proto), strategy: \(strategy)}
        """
    }
}

@Suite struct FaithfulSenderTests {
    /// `single`: 100,000 via m1 is refused at h (0–200 ms: out 100 ms, the fail back 100 ms); mission
    /// control sets the pair (h, m1) to probability 0 for >= 100,000, so the next route is via m2,
    /// refused too (200–400 ms); then both pairs are below lnd's 0.01 cut-off: no route, the payment
    /// ends after 2 attempts instead of resending over refused pairs.
    @Test func singleFailsAfterTwoAttemptsAndNeverResendsOverARefusedPair() throws {
        let (records, attempts, violation) = try SimulationHarness.trace(SimulationHarness.scenario(Hub.yaml(strategy: "single")))
        #expect(violation == nil)
        #expect(attempts.map(\.description) == [
            "p0.0 100000000 s-h-m1-d failed 0-200ms",
            "p0.0 100000000 s-h-m2-d failed 200-400ms",
        ])
        #expect(records[0].success == false)
        #expect(records[0].attempts == 2)
        #expect(records[0].end - records[0].arrival == 400_000)
    }

    /// `lnd`: the same two refusals; then RequestRoute finds no route for 100,000 and halves: 50,000 is
    /// below the failed amount, so (h, m1) is untried again (0.6) and takes the first half; the next
    /// request starts again from the remaining 50,000, and (h, m1) would now carry 50,000 + 50,000 of
    /// this payment, at the failed amount: it goes via m2. Both halves settle (400–1000 ms: three hops
    /// out, three back): 2 × 50,000 in 4 attempts.
    @Test func lndSplitsAfterNoRouteAndDeliversTwoHalvesInFourAttempts() throws {
        let (records, attempts, violation) = try SimulationHarness.trace(SimulationHarness.scenario(Hub.yaml(strategy: "lnd")))
        #expect(violation == nil)
        #expect(attempts.map(\.description) == [
            "p0.0 100000000 s-h-m1-d failed 0-200ms",
            "p0.1 100000000 s-h-m2-d failed 200-400ms",
            "p0.2 50000000 s-h-m1-d settled 400-1000ms",
            "p0.3 50000000 s-h-m2-d settled 400-1000ms",
        ])
        #expect(records[0].success && records[0].attempts == 4 && records[0].partsSettled == 2)
    }

    /// `halving`: the whole fails via m1; its halves go one via m1 (below the failed amount) and one via
    /// m2 (m1 would carry the payment's 100,000 again), and settle at 200–800 ms.
    @Test func halvingSucceedsOnTheHub() throws {
        let (records, attempts, violation) = try SimulationHarness.trace(SimulationHarness.scenario(Hub.yaml(strategy: "halving", protocol: "amp")))
        #expect(violation == nil)
        #expect(attempts.map(\.description) == [
            "p0.0 100000000 s-h-m1-d failed 0-200ms",
            "p0.1 50000000 s-h-m1-d settled 200-800ms",
            "p0.2 50000000 s-h-m2-d settled 200-800ms",
        ])
        #expect(records[0].success)
    }

    /// lnd's errInsufficientBalance: s holds 99,999 sat towards h and pays 100,000: every strategy ends
    /// the payment at once, with no attempt and no HTLC.
    @Test(arguments: ["single", "fixed-n", "halving", "window", "lnd", "cln-presplit"])
    func anUnaffordablePaymentFailsAtOnceWithNoHTLC(strategy: String) throws {
        let (records, attempts, _) = try SimulationHarness.trace(SimulationHarness.scenario(Hub.yaml(strategy: strategy, senderSat: 99_999)))
        #expect(attempts.isEmpty)
        #expect(records[0].success == false)
        #expect(records[0].failure == "insufficient_local_balance")
        #expect(records[0].htlcs == 0 && records[0].attempts == 0)
        #expect(records[0].end == records[0].arrival)
    }

    /// m1 offline for the run: the HTLC reaches h, whose link to m1 is down: unknown_next_peer at hop 1
    /// (0–200 ms). lnd's reportOutgoing fails the pair (h, m1) in both directions for every amount; the
    /// retry goes via m2, where 60,000 sat carries a 50,000-sat payment (settled 200–800 ms).
    @Test func anOfflineNextNodeFailsWithUnknownNextPeerAndThePairIsAvoided() throws {
        let scenario = try SimulationHarness.scenario(Hub.yaml(strategy: "single", amountSat: 50_000))
        var simulation: Simulation?
        let (records, attempts, violation) = try SimulationHarness.trace(scenario) { sim in
            sim.availability.takeOffline(sim.graph.nodeIDs.firstIndex(of: "m1")!)
            simulation = sim
        }
        #expect(violation == nil)
        #expect(attempts.map(\.description) == [
            "p0.0 50000000 s-h-m1-d failed 0-200ms",
            "p0.0 50000000 s-h-m2-d settled 200-800ms",
        ])
        #expect(records[0].success)
        let sim = try #require(simulation)
        #expect(sim.attempts[0].cause == .offline && sim.attempts[0].failingHop == 1)
        #expect(FailureCause.offline.boltName == "unknown_next_peer")
        let h = Int32(sim.graph.nodeIDs.firstIndex(of: "h")!), m1 = Int32(sim.graph.nodeIDs.firstIndex(of: "m1")!)
        let s = sim.graph.nodeIDs.firstIndex(of: "s")!
        #expect(sim.memories[s].result(from: h, to: m1)?.failAmt == 0)
        #expect(sim.memories[s].result(from: m1, to: h)?.failAmt == 0)
    }

    /// Mission control learns successes: after the settled 50,000 via m2 every pair of that route holds
    /// a success of 50,000 (s's own channel included), and the failing attempt's first pair (s, h) one too.
    @Test func successesAreRecordedForEveryPairThatForwarded() throws {
        var simulation: Simulation?
        _ = try SimulationHarness.trace(SimulationHarness.scenario(Hub.yaml(strategy: "single", amountSat: 50_000))) { simulation = $0 }
        let sim = try #require(simulation)
        let id = { (name: String) in Int32(sim.graph.nodeIDs.firstIndex(of: name)!) }
        let mc = sim.memories[Int(id("s"))]
        #expect(mc.result(from: id("s"), to: id("h"))?.successAmt == 50_000_000)
        #expect(mc.result(from: id("h"), to: id("m1"))?.successAmt == 50_000_000)
        #expect(mc.result(from: id("m1"), to: id("d"))?.successAmt == 50_000_000)
        #expect(mc.count == 3)
    }
}
