@testable import AMPSim

/// Runs a scenario given as YAML text, replication by replication, without writing files.
enum SimulationHarness {
    struct Outcome {
        var records: [PaymentRecord]
        var network: NetworkState
        var violation: String?
        var graph: ChannelGraph
    }

    static func scenario(_ yaml: String, _ overrides: [String] = []) throws -> Scenario {
        try ScenarioLoader.load(text: yaml, label: "test.yaml", overrides: overrides.map { try Override.parse($0) })
    }

    static func run(_ scenario: Scenario, replication: Int = 0, checkInvariants: Bool = true) throws -> Outcome {
        let (graph, _) = try GraphFactory.build(scenario, replication: replication)
        let workload = try RunExperiment.payments(scenario, graph: graph, replication: replication)
        let simulation = try Simulation(scenario: scenario, graph: graph, replication: replication)
        simulation.checkInvariants = checkInvariants
        let records = simulation.run(workload)
        return Outcome(records: records, network: simulation.finalNetwork, violation: simulation.invariantViolation, graph: graph)
    }

    /// Index of the direction from node `a` to node `b` (by name).
    static func direction(_ graph: ChannelGraph, _ a: String, _ b: String) -> Int {
        let ia = graph.nodeIDs.firstIndex(of: a)!, ib = graph.nodeIDs.firstIndex(of: b)!
        return graph.outgoing(ia).map(Int.init).first { graph.target(of: $0) == ib }!
    }

    /// The validation.md common set-up: no fees, no reserve, no HTLC minimum.
    static let freePolicy = "{fee_base_msat: 0, fee_rate_ppm: 0, htlc_minimum_msat: 0, reserve_share: 0}"

    /// A `graph:` section for a hand-made topology: `nodes` and one flow mapping per channel
    /// (`{from: s, to: m, capacity_sat: ..., balance_sat: ...}`), every direction with `policy`.
    static func explicitGraph(nodes: [String], policy: String = freePolicy, channels: [String]) -> String {
        """
        graph:
          generator: explicit
          policy: \(policy)
          explicit:
            nodes: [\(nodes.joined(separator: ", "))]
            channels:
        \(channels.map { "      - \($0)" }.joined(separator: "\n"))
        """
    }

    /// s → m → d looks likelier (capacity 200,000 sat) but cannot carry anything (m holds nothing
    /// towards d); s → n → d (120,000 sat) can.
    static let blockedAndOpenPaths = explicitGraph(nodes: ["s", "m", "n", "d"], channels: [
        "{from: s, to: m, capacity_sat: 100000, balance_sat: 100000}",
        "{from: m, to: d, capacity_sat: 200000, balance_sat: 0}",
        "{from: s, to: n, capacity_sat: 100000, balance_sat: 100000}",
        "{from: n, to: d, capacity_sat: 120000, balance_sat: 120000}",
    ])

    /// The BOLT 7 example on a 3-hop route s → a → b → d: paying 4,999,999 msat, b charges 10,199 msat,
    /// a 1,501 msat, and s's own channel (whose policy would charge) nothing.
    static let boltSevenRoute = explicitGraph(nodes: ["s", "a", "b", "d"], channels: [
        "{from: s, to: a, capacity_sat: 100000, balance_sat: 100000, policy: {fee_base_msat: 999, fee_rate_ppm: 999}}",
        "{from: a, to: b, capacity_sat: 100000, balance_sat: 100000, policy: {fee_base_msat: 1000, fee_rate_ppm: 100, htlc_minimum_msat: 0}}",
        "{from: b, to: d, capacity_sat: 100000, balance_sat: 100000, policy: {fee_base_msat: 200, fee_rate_ppm: 2000, htlc_minimum_msat: 0}}",
    ])
}
