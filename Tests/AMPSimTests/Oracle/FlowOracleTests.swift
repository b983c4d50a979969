import Testing
@testable import AMPSim

/// The oracle's known answers (issue 17), each by hand.
@Suite struct FlowOracleTests {
    /// The hub graph: two disjoint ways of 60,000 sat (h → m1, h → m2) for a 100,000-sat payment.
    /// No single path can carry it; the max flow is 60,000 + 60,000 capped at the amount: 100,000,000 msat.
    /// The sender could spend 1,000,000 sat; the receiver could take 2 · 1,000,000 sat.
    @Test func hubIsMultiPathButNotSinglePathFeasible() throws {
        let out = try SimulationHarness.run(SimulationHarness.scenario(Hub.yaml(strategy: "lnd")))
        let o = try #require(out.records[0].oracle)
        #expect(o == FlowOracle.Result(maxFlowMsat: 100_000_000, feasibleMultiPath: true, feasibleSinglePath: false,
                                       senderSpendableMsat: 1_000_000_000, receiverInboundMsat: 2_000_000_000))
        // 50,000 sat fits one path (60,000 on h's side): single-path feasible, flow = the amount.
        let small = try SimulationHarness.run(SimulationHarness.scenario(Hub.yaml(strategy: "single", amountSat: 50_000)))
        #expect(small.records[0].oracle?.feasibleSinglePath == true && small.records[0].oracle?.maxFlowMsat == 50_000_000)
        // 130,000 sat: the flow is 120,000 sat (both ways full), infeasible.
        let big = try SimulationHarness.run(SimulationHarness.scenario(Hub.yaml(strategy: "single", amountSat: 130_000)))
        #expect(big.records[0].oracle?.maxFlowMsat == 120_000_000 && big.records[0].oracle?.feasibleMultiPath == false)
    }

    /// A sender with 50,000 sat spendable paying 100,000: spendable 50,000,000 msat, the flow 50,000,000,
    /// infeasible (and the sender fails at once: insufficient_local_balance).
    @Test func aSenderWithoutTheAmountIsInfeasible() throws {
        let out = try SimulationHarness.run(SimulationHarness.scenario(Hub.yaml(strategy: "lnd", senderSat: 50_000)))
        let o = try #require(out.records[0].oracle)
        #expect(o.senderSpendableMsat == 50_000_000 && o.maxFlowMsat == 50_000_000)
        #expect(!o.feasibleMultiPath && !o.feasibleSinglePath)
        #expect(out.records[0].failure == "insufficient_local_balance")
    }

    /// Offline nodes carry nothing, and the flow routes around them: with m1 offline only h → m2
    /// (60,000 sat) is left: flow 60,000,000 msat; the receiver's inbound drops to 1,000,000 sat.
    @Test func offlineNodesCarryNothing() throws {
        let scenario = try SimulationHarness.scenario(Hub.yaml(strategy: "single"))
        let (graph, _) = try GraphFactory.build(scenario, replication: 0)
        let oracle = FlowOracle(graph: graph, maxHops: 20)
        let network = NetworkState(graph: graph)
        let m1 = graph.nodeIDs.firstIndex(of: "m1")!, s = graph.nodeIDs.firstIndex(of: "s")!, d = graph.nodeIDs.firstIndex(of: "d")!
        let o = oracle.evaluate(sender: s, receiver: d, amount: 100_000_000, network: network, online: { $0 != m1 })
        #expect(o.maxFlowMsat == 60_000_000 && o.receiverInboundMsat == 1_000_000_000 && !o.feasibleMultiPath)
        // Evaluations do not leak into each other: everyone online again gives the full answer.
        let again = oracle.evaluate(sender: s, receiver: d, amount: 100_000_000, network: network, online: { _ in true })
        #expect(again.maxFlowMsat == 100_000_000 && again.feasibleMultiPath)
        // A hop limit of 2 leaves no path (every way is 3 hops).
        #expect(FlowOracle(graph: graph, maxHops: 2).evaluate(sender: s, receiver: d, amount: 1000, network: network, online: { _ in true }).maxFlowMsat == 0)
    }

    /// The summary's oracle figures by hand: 4 judged payments, 3 multi-path feasible (1 of them single
    /// path too), 2 of the feasible succeed (amounts 1,000 and 3,000 of feasible 1,000 + 2,000 + 3,000),
    /// and 1 infeasible one succeeded anyway.
    @Test func summaryFiguresByHand() {
        func record(_ amount: Int64, success: Bool, multi: Bool, single: Bool) -> PaymentRecord {
            PaymentRecord(paymentID: 0, arrival: 0, end: 0, sender: 0, receiver: 1, amountMsat: amount, success: success, feeMsat: 0,
                          attempts: 1, parts: 1, partsSettled: 0, htlcs: 0, maxPartsInFlight: 1, slotMicros: 0, lockedMsatMicros: 0,
                          partialLossMsat: 0, linkableParts: 0, invoice: -1, setID: nil, failure: success ? "" : "no_route",
                          oracle: FlowOracle.Result(maxFlowMsat: multi ? amount : 0, feasibleMultiPath: multi, feasibleSinglePath: single,
                                                    senderSpendableMsat: 0, receiverInboundMsat: 0))
        }
        let records = [record(1000, success: true, multi: true, single: true), record(2000, success: false, multi: true, single: false),
                       record(3000, success: true, multi: true, single: false), record(4000, success: true, multi: false, single: false)]
        let values = Dictionary(uniqueKeysWithValues: ReplicationSummary.oracleValues(records))
        #expect(values["feasible_payments"] == 3)
        #expect(values["feasible_single_path_share"] == 0.25)
        #expect(values["feasible_multi_path_share"] == 0.75)
        #expect(values["success_rate_feasible"] == 2.0 / 3)
        #expect(values["volume_success_rate_feasible"] == 4000.0 / 6000)
        #expect(values["succeeded_infeasible"] == 1)
        // Oracle off: every figure not applicable.
        var off = records[0]; off.oracle = nil
        #expect(ReplicationSummary.oracleValues([off]).allSatisfy { $0.1.isNaN })
    }
}
