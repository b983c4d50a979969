import Testing
@testable import AMPSim

/// Every strategy, under MPP and AMP: the same scenario and seed give the same payments, byte for byte;
/// another seed gives other payments.
@Suite struct StrategyDeterminismTests {
    @Test(arguments: StrategyName.allCases.map(\.rawValue))
    func sameSeedSameBytes(strategy: String) throws {
        func csv(_ proto: String, seed: Int) throws -> String {
            let s = try SimulationHarness.scenario("""
            name: det
            seed: \(seed)
            graph: {generator: ln-like, nodes: 60, capacity_sat: {lognormal: {median: 300000, sigma: 1}, min: 20000}}
            workload: {payments: 40, arrival_rate_per_s: 20, amount_sat: {lognormal: {median: 60000, sigma: 1}}}
            payment: {protocol: \(proto), strategy: \(strategy), window: {ack_after_s: 0.5, remember: per-destination}}
            """)
            let out = try SimulationHarness.run(s)
            return PaymentsTable.rows(out.records, replication: 0, graph: out.graph, payment: s.payment)
        }
        for proto in ["mpp", "amp"] {
            let a = try csv(proto, seed: 5), b = try csv(proto, seed: 5), c = try csv(proto, seed: 6)
            #expect(a == b && a != c)
        }
    }
}
