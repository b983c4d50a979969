import Testing
@testable import AMPSim

/// Slot exhaustion, atomicity under a greedy receiver, and failures that must not crash.
@Suite struct ProtocolBehaviourTests {
    /// m → d accepts at most 2 HTLCs; 3 MPP parts of 10,000 sat leave s at 0 s (100 ms per hop): at m
    /// (0.1 s) two take m → d's slots and are held at d from 0.2 s; the third is refused
    /// (slots_exhausted) and its fail is back at s at 0.2 s. Its retry finds no route: mission control
    /// stored the failure of (m, d) for 30,000 sat (the part plus the payment's 20,000 in flight), and
    /// the retry would ask 10,000 + 20,000 of it again. cln's set timer fires 70 s after the first part
    /// reached d (70.2 s); the fails reach m at 70.3 s and s at 70.4 s.
    @Test func slotExhaustionIsCountedExactly() throws {
        let yaml = """
        name: slots
        \(SimulationHarness.explicitGraph(nodes: ["s", "m", "d"], channels: [
            "{from: s, to: m, capacity_sat: 1000000, balance_sat: 1000000}",
            "{from: m, to: d, capacity_sat: 1000000, balance_sat: 1000000, policy: {fee_base_msat: 0, fee_rate_ppm: 0, htlc_minimum_msat: 0, reserve_share: 0, max_accepted_htlcs: 2}}",
        ]))
        network: {hop_latency_ms: 100}
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
        #expect(r.attempts == 3 && r.htlcs == 5 && r.latency == 70_400_000)
        // Slots: the refused part held s → m for 0 → 0.2 s; each held part s → m for 0 → 70.4 s and
        // m → d for 0.1 → 70.3 s: 0.2 + 2 · (70.4 + 70.2) = 281.4 s.
        #expect(r.slotMicros == 281_400_000)
        // Every part failed back: m → d holds its whole capacity again.
        #expect(out.network.balance[md] == 1_000_000_000)
    }

    /// Two paths to d: via m (can carry one half) and via n (n → d holds nothing): one part cannot arrive.
    func atomicityScenario(_ proto: String, _ behavior: String) throws -> Scenario {
        try SimulationHarness.scenario("""
        name: atomicity
        \(SimulationHarness.explicitGraph(nodes: ["s", "m", "n", "d"], channels: [
            "{from: s, to: m, capacity_sat: 100000, balance_sat: 100000}",
            "{from: m, to: d, capacity_sat: 60000, balance_sat: 60000}",
            "{from: s, to: n, capacity_sat: 100000, balance_sat: 100000}",
            "{from: n, to: d, capacity_sat: 100000, balance_sat: 0}",
        ]))
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
        \(SimulationHarness.explicitGraph(nodes: ["s", "m", "d", "island"], policy: "lnd", channels: [
            "{from: s, to: m, capacity_sat: 100000, balance_sat: 100000}",
            "{from: m, to: d, capacity_sat: 100000, balance_sat: 100000}",
        ]))
        workload: {payments: 1, amount_sat: 1000, sender: island, receiver: d}
        payment: {protocol: amp, strategy: halving}
        """
        let lonely = try SimulationHarness.run(try SimulationHarness.scenario(yaml))
        #expect(lonely.violation == nil)
        // No channel: nothing to spend (lnd's errInsufficientBalance), before any route search.
        #expect(!lonely.records[0].success && lonely.records[0].failure == "insufficient_local_balance" && lonely.records[0].attempts == 0)
        let unreachable = try SimulationHarness.run(try SimulationHarness.scenario(yaml, ["workload.sender=s", "workload.receiver=island"]))
        #expect(unreachable.records[0].failure == "no_route" && unreachable.records[0].attempts == 0)
        // More than the sender holds: refused before any HTLC (the unreachable island above is "no_route").
        let huge = try SimulationHarness.run(try SimulationHarness.scenario(yaml, ["workload.sender=s", "workload.amount_sat=500000"]))
        #expect(huge.records[0].failure == "insufficient_local_balance" && huge.records[0].htlcs == 0)

    }
}

/// Replaying a CLoTH payments.csv runs exactly its payments; a bad file names the line and column.
@Suite struct ReplayTests {
    @Test func replaysClothPaymentsExactly() throws {
        let dir = TestPaths.scratch()
        try "id\n0\n1\n2\n".write(toFile: dir + "/nodes.csv", atomically: true, encoding: .utf8)
        try "id,edge1_id,edge2_id,node1_id,node2_id,capacity\n0,0,1,0,1,100000000\n1,2,3,1,2,100000000\n"
            .write(toFile: dir + "/channels.csv", atomically: true, encoding: .utf8)
        try """
        id,channel_id,counter_edge_id,from_node_id,to_node_id,balance,fee_base,fee_proportional,min_htlc,timelock
        0,0,1,0,1,100000000,0,0,0,40
        1,0,0,1,0,0,0,0,0,40
        2,1,3,1,2,60000000,1000,10,0,40
        3,1,2,2,1,40000000,1000,10,0,40

        """.write(toFile: dir + "/edges.csv", atomically: true, encoding: .utf8)
        try "id,sender_id,receiver_id,amount,start_time\n0,0,2,50000000,10\n1,0,2,20000000,20\n2,2,0,1000,5\n"
            .write(toFile: dir + "/payments.csv", atomically: true, encoding: .utf8)
        let yaml = """
        name: replay
        graph: {generator: import, format: cloth, path: \(dir)}
        workload: {replay: \(dir)/payments.csv}
        payment: {protocol: keysend, strategy: single}
        """
        let out = try SimulationHarness.run(try SimulationHarness.scenario(yaml))
        #expect(out.records.map(\.amountMsat) == [50_000_000, 20_000_000, 1000])
        #expect(out.records.map(\.arrival) == [10_000, 20_000, 5_000])
        // 50,000,000 + fee 1000 + 500 fits in 60,000,000 msat; the second (20,001,200 more) does not: it fails.
        #expect(out.records.map(\.success) == [true, false, false])
        #expect(out.records[0].feeMsat == 1_500)
        try "id,sender_id,receiver_id,amount,start_time\n0,0,9,5,10\n".write(toFile: dir + "/bad.csv", atomically: true, encoding: .utf8)
        let bad = try SimulationHarness.scenario(yaml, ["workload.replay=\(dir)/bad.csv"])
        #expect(throws: InputError.self) { try SimulationHarness.run(bad) }
        do { _ = try SimulationHarness.run(bad) } catch let e as InputError {
            #expect(e.description == "\(dir)/bad.csv:2: receiver_id: expected a node id of the graph, found 9")
        }
    }
}

/// `network.churn` runs: nodes go down and come back on their own stream, HTLCs meet offline next
/// nodes (unknown_next_peer), and the run is the same twice.
@Suite struct ChurnRunTests {
    @Test func churnRunsDeterministicallyAndTakesNodesDown() throws {
        let s = try SimulationHarness.scenario("name: u\ngraph: {nodes: 20}\nworkload: {payments: 300}\npayment: {protocol: amp, strategy: window}\nnetwork: {churn: {mean_up_s: 10, mean_down_s: 2}}")
        let first = try SimulationHarness.run(s), second = try SimulationHarness.run(s)
        #expect(first.violation == nil)
        #expect(first.records == second.records)
        let offline = Int(FailureCause.offline.rawValue) * first.graph.directionCount
        let offlineFailures = first.network.stats.failures[offline..<(offline + first.graph.directionCount)].reduce(0, +)
        #expect(offlineFailures > 0)
    }

    /// The run moves churn along with simulated time: at its end the simulation's availability has taken
    /// exactly the toggles that the churn stream, replayed on its own up to the run's last event, gives.
    @Test func churnAdvancesWithTheRun() throws {
        let s = try SimulationHarness.scenario("name: u\ngraph: {nodes: 20}\nworkload: {payments: 300}\npayment: {protocol: amp, strategy: window}\nnetwork: {churn: {mean_up_s: 10, mean_down_s: 2}}")
        var simulation: Simulation?
        _ = try SimulationHarness.trace(s) { simulation = $0 }
        let sim = try #require(simulation)
        func stream(_ purpose: StreamPurpose) -> RandomStream { RandomStream(kind: s.rng, seed: s.seed, replication: 0, purpose: purpose) }
        var replay = NodeAvailability(nodes: sim.graph.nodeCount, spec: s.network, offlineStream: stream(.offline), churnStream: stream(.churn))
        replay.advance(to: sim.endTime)
        #expect(replay.toggleCount > 0)
        #expect(sim.availability.toggleCount == replay.toggleCount)
        #expect(sim.availability.down == replay.down)
    }
}

/// A part retried on a new route is one part with several attempts; a split makes new parts.
@Suite struct PartCountingTests {
    /// `blockedAndOpenPaths`: s → m → d looks likelier but carries nothing; s → n → d can.
    func scenario(_ strategy: String, _ proto: String) throws -> Scenario {
        try SimulationHarness.scenario("""
        name: parts
        \(SimulationHarness.blockedAndOpenPaths)
        workload: {payments: 1, amount_sat: 40000, sender: s, receiver: d}
        payment: {protocol: \(proto), strategy: \(strategy), fixed_n: {n: 2}, halving: {max_depth: 1, min_part_sat: 1}}
        routing: {cost: pickhardt}
        """)
    }

    @Test func retriesAreAttemptsSplitsAreParts() throws {
        // single: tries m (fails), retries the same part via n.
        let single = try SimulationHarness.run(try scenario("single", "keysend")).records[0]
        #expect(single.success && single.parts == 1 && single.attempts == 2)
        // fixed-n: two parts; the one sent via m is retried via n.
        let fixed = try SimulationHarness.run(try scenario("fixed-n", "mpp")).records[0]
        #expect(fixed.success && fixed.parts == 2 && fixed.attempts == 3 && fixed.partsSettled == 2)
        // halving: the whole fails via m and splits into two new parts, both via n.
        let halving = try SimulationHarness.run(try scenario("halving", "amp")).records[0]
        #expect(halving.success && halving.parts == 3 && halving.attempts == 3 && halving.partsSettled == 2)
    }
}
