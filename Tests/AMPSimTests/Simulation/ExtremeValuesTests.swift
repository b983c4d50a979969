import Testing
@testable import AMPSim

/// Every numeric scenario field at its documented minimum and maximum, one at a time, through a whole
/// simulated run of each protocol: the run ends (every payment recorded once, invariants kept) or the
/// value is refused with a message — never a trap.
@Suite struct ExtremeValuesTests {
    /// s → m → d and s → n → d, 21 million BTC per channel, held by the sender's side.
    static let base = "name: extreme\n" + SimulationHarness.explicitGraph(nodes: ["s", "m", "n", "d"], policy: "{preset: lnd}", channels: [
        "{from: s, to: m, capacity_sat: 2100000000000000, balance_sat: 2100000000000000}",
        "{from: m, to: d, capacity_sat: 2100000000000000, balance_sat: 2100000000000000}",
        "{from: s, to: n, capacity_sat: 2100000000000000, balance_sat: 2100000000000000}",
        "{from: n, to: d, capacity_sat: 2100000000000000, balance_sat: 1}",
    ]) + "\nworkload: {payments: 3, amount_sat: 1000000, sender: s, receiver: d}\n"

    static let extremes: [String] = [
        "seed=0", "seed=18446744073709551615",
        "workload.amount_sat=0.001", "workload.amount_sat=2100000000000000",
        "workload.arrival_rate_per_s=0.000001", "workload.arrival_rate_per_s=1000000000", "workload.duration_s=3.2e9",
        "payment.timeout_s=0.000001", "payment.timeout_s=3.2e9", "payment.max_attempts=1", "payment.max_attempts=1000000",
        "payment.fixed_n.n=483", "payment.halving={max_depth: 20, min_part_sat: 0.001}", "payment.halving={max_depth: 0, min_part_sat: 2100000000000000}",
        "payment.window={initial_part: 1, alpha: 1000, beta: 0.999999, min_part_sat: 0.001, max_in_flight_parts: 483, ack_after_s: 3.2e9}",
        "payment.window={initial_part: 0.000001, alpha: 0.000001, beta: 0.000001, min_part_sat: 2100000000000000, max_in_flight_parts: 1, ack_after_s: 0.000001}",
        "payment.lnd={max_parts: 1000, min_shard_sat: 0.001, max_shard_sat: 0.001}", "payment.lnd={max_parts: 1, min_shard_sat: 2100000000000000}",
        "payment.cln_presplit={part_sat: 0.001, fuzz: 0.999999, slot_share: 1, min_part_sat: 0.001, split_fuzz: 0.999999}",
        "payment.cln_presplit={part_sat: 2100000000000000, fuzz: 0, slot_share: 0.000001, min_part_sat: 2100000000000000, split_fuzz: 0}",
        "receiver.hold_timeout_s=0.000001", "receiver.hold_timeout_s=3.2e9", "receiver.behavior=greedy",
        "network.hop_latency_ms=0", "network.hop_latency_ms=1e300", "network.offline_probability=1",
        "routing.attempt_cost_msat=1e15", "routing.attempt_cost_ppm=1e6", "routing.half_life_s=1e8", "routing.half_life_s=0.000001",
        "routing.min_probability=1", "routing.min_probability=1e-300", "routing.cost=bimodal", "routing.apriori_weight=0", "routing.apriori_weight=1",
        "routing.capacity_fraction=0.75", "routing.risk_factor_billionths=1e6", "routing.bimodal_scale_msat=1e-300",
        "routing.bimodal_decay_time_s=3.2e9", "network.churn={mean_up_s: 0.000001, mean_down_s: 3.2e9}",
        "routing.max_hops=1", "routing.apriori_probability=1e-300", "routing.cost=pickhardt", "routing.cost=cheapest",
        "graph.policy={preset: lnd, fee_base_msat: 1e18, fee_rate_ppm: 1e12, cltv_delta: 65535, htlc_minimum_msat: 0}",
        "graph.policy={preset: cln, reserve_share: 0.5, max_in_flight_share: 0.000001, max_accepted_htlcs: 1}",
    ]

    static let protocols = [["payment.protocol=keysend", "payment.strategy=single"], ["payment.protocol=mpp", "payment.strategy=halving"],
                            ["payment.protocol=amp", "payment.strategy=window"], ["payment.protocol=mpp", "payment.strategy=lnd"],
                            ["payment.protocol=amp", "payment.strategy=cln-presplit"], ["payment.protocol=mpp", "payment.strategy=fixed-n"]]

    @Test(arguments: extremes)
    func runEndsOrRefuses(_ extreme: String) throws {
        for proto in Self.protocols {
            let scenario: Scenario
            do {
                scenario = try SimulationHarness.scenario(Self.base, proto + [extreme])
            } catch let error as InputError {
                Issue.record("documented extreme refused: \(extreme): \(error)")
                continue
            }
            let out = try SimulationHarness.run(scenario)
            #expect(out.violation == nil, "\(extreme) \(proto): \(out.violation ?? "")")
            #expect(out.records.count == 3 && out.records.allSatisfy { $0.feeMsat >= 0 && $0.slotMicros >= 0 && $0.latency >= 0 })
            _ = ReplicationSummary(replication: 0, records: out.records, network: out.network, pathSearches: 0, events: 0).row
        }
    }
}
