import Testing
@testable import AMPSim

/// Who pays whom: endpoints only among nodes with a usable channel, separate sender and receiver
/// rules, merchant-like receivers, and the bad inputs.
@Suite struct EndpointRuleTests {
    /// A star: hub h with channels to a (1,000,000 sat), b (500,000) and c (100,000); `island` has none.
    func yaml(_ workload: String) -> String {
        """
        name: endpoints
        \(SimulationHarness.explicitGraph(nodes: ["h", "a", "b", "c", "island"], channels: [
            "{from: h, to: a, capacity_sat: 1000000}",
            "{from: h, to: b, capacity_sat: 500000}",
            "{from: h, to: c, capacity_sat: 100000}",
        ]))
        workload: \(workload)
        """
    }

    func payments(_ workload: String) throws -> (records: [PaymentSpecRecord], graph: ChannelGraph) {
        let scenario = try SimulationHarness.scenario(yaml(workload))
        let (graph, _) = try GraphFactory.build(scenario, replication: 0)
        return (try Workload.generate(scenario, graph: graph, replication: 0), graph)
    }

    @Test func nodesWithoutAUsableChannelAreNeverDrawn() throws {
        for rule in ["uniform", "capacity-weighted", "degree-weighted"] {
            let (records, graph) = try payments("{payments: 400, endpoints: \(rule)}")
            let island = Int32(graph.nodeIDs.firstIndex(of: "island")!)
            #expect(!records.contains { $0.sender == island || $0.receiver == island }, "\(rule)")
            #expect(records.allSatisfy { $0.sender != $0.receiver })
        }
    }

    /// `{top_capacity: 2}`: total capacities h 1,600,000, a 1,000,000, b 500,000, c 100,000 sat: the
    /// receivers are h and a only; senders stay uniform over the four usable nodes.
    @Test func merchantLikeReceivers() throws {
        let (records, graph) = try payments("{payments: 400, sender_endpoints: uniform, receiver_endpoints: {top_capacity: 2}}")
        let names = { (i: Int32) in graph.nodeIDs[Int(i)] }
        #expect(Set(records.map { names($0.receiver) }) == ["h", "a"])
        #expect(Set(records.map { names($0.sender) }) == ["h", "a", "b", "c"])
        let resolved = try SimulationHarness.scenario(yaml("{receiver_endpoints: {top_capacity: 2}}")).workload
        #expect(resolved.receiverEndpoints == .topCapacity(2) && resolved.senderEndpoints == .uniform)
    }

    @Test func badRulesAreRefusedWithTheFieldNamed() throws {
        #expect(throws: InputError.self) { try SimulationHarness.scenario(self.yaml("{receiver_endpoints: nearest}")) }
        do {
            _ = try SimulationHarness.scenario(yaml("{receiver_endpoints: {top_capacity: 0}}"))
            Issue.record("top_capacity 0 accepted")
        } catch let e as InputError {
            #expect(e.description.contains("workload.receiver_endpoints.top_capacity: expected"))
        }
        do {
            _ = try payments("{receiver_endpoints: {top_capacity: 5}}")
            Issue.record("top_capacity above the usable nodes accepted")
        } catch let e as InputError {
            #expect(e.description.contains("workload.receiver_endpoints.top_capacity: expected a count from 1 to 4"))
        }
    }

    /// A graph without two nodes that have a channel has nobody to draw: refused, the field named.
    @Test func aGraphWithoutTwoUsableNodesIsRefused() throws {
        var b = ChannelGraphBuilder()
        for id in ["a", "b", "c"] { b.addNode(id: id) }
        let graph = b.build()
        let scenario = try SimulationHarness.scenario(yaml("{payments: 3}"))
        do {
            _ = try Workload.generate(scenario, graph: graph, replication: 0)
            Issue.record("accepted")
        } catch let e as InputError {
            #expect(e.description.contains("graph: expected at least two nodes with a usable channel"))
        }
    }
}
