@testable import AMPSim

/// Every part attempt of a run, as a test can read it: which payment, how much, over which nodes,
/// how it ended and when.
struct AttemptTrace: Equatable, CustomStringConvertible {
    var payment: Int
    var part: Int
    var amountMsat: Int64
    /// The route's nodes, sender to receiver, joined by "-".
    var path: String
    var settled: Bool
    /// Start and end, in ms after the payment's arrival.
    var startMs: Int64
    var endMs: Int64

    var description: String { "p\(payment).\(part) \(amountMsat) \(path) \(settled ? "settled" : "failed") \(startMs)-\(endMs)ms" }
}

/// The two-path graph the strategy tests share: s → a → d and s → b → d, every message 100 ms per hop,
/// routing by fee (`cheapest`), a → d charging 1 msat and b → d 2 msat, so a is tried first.
/// `aToD` and `bToD` are the balances (sat) a and b hold towards d; `bCapacity` the b side's capacity.
enum TwoPaths {
    static func yaml(strategy: String, protocol proto: String = "mpp", amountSat: Int = 70_000, aToD: Int = 50_000,
                     bToD: Int = 100_000, bCapacity: Int = 100_000, workload: String? = nil, policy: String? = nil) -> String {
        let base = policy ?? "{fee_base_msat: 0, fee_rate_ppm: 0, htlc_minimum_msat: 0, reserve_share: 0}"
        return """
        name: two-paths
        graph:
          generator: explicit
          policy: \(base)
          explicit:
            nodes: [s, a, b, d]
            channels:
              - {from: s, to: a, capacity_sat: 200000, balance_sat: 200000}
              - {from: a, to: d, capacity_sat: 200000, balance_sat: \(aToD), policy: {fee_base_msat: 1, fee_rate_ppm: 0, htlc_minimum_msat: 0, reserve_share: 0}}
              - {from: s, to: b, capacity_sat: 200000, balance_sat: 200000}
              - {from: b, to: d, capacity_sat: \(bCapacity), balance_sat: \(bToD), policy: {fee_base_msat: 2, fee_rate_ppm: 0, htlc_minimum_msat: 0, reserve_share: 0}}
        network: {hop_latency_ms: {uniform: {min: 100, max: 100}}}
        workload: \(workload ?? "{payments: 1, amount_sat: \(amountSat), sender: s, receiver: d}")
        routing: {cost: cheapest}
        payment: {protocol: \(proto), strategy: \(strategy)}
        """
    }
}

extension SimulationHarness {
    /// Runs `scenario` (replication 0, invariants checked) and returns its records and every attempt.
    static func trace(_ scenario: Scenario, prepare: (Simulation) -> Void = { _ in }) throws
        -> (records: [PaymentRecord], attempts: [AttemptTrace], violation: String?) {
        let (graph, _) = try GraphFactory.build(scenario, replication: 0)
        let workload = try RunExperiment.payments(scenario, graph: graph, replication: 0)
        let simulation = try Simulation(scenario: scenario, graph: graph, replication: 0)
        simulation.checkInvariants = true
        prepare(simulation)
        let records = simulation.run(workload)
        let attempts = simulation.attempts.map { a -> AttemptTrace in
            let arrival = records[Int(a.payment)].arrival
            let start = Int(a.hopStart)
            let directions = simulation.hopDirections[start..<(start + Int(a.hopCount))].map(Int.init)
            let nodes = [graph.source(of: directions[0])] + directions.map { graph.target(of: $0) }
            return AttemptTrace(payment: Int(a.payment), part: Int(a.request.partID), amountMsat: a.request.amountMsat,
                                path: nodes.map { graph.nodeIDs[$0] }.joined(separator: "-"), settled: a.status == .settled,
                                startMs: (a.start - arrival) / 1000, endMs: (a.end - arrival) / 1000)
        }
        return (records, attempts, simulation.invariantViolation)
    }
}
