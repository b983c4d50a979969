@testable import AMPSim

/// Random scenarios for the property tests, drawn from a GSL stream: random explicit graphs (parallel
/// channels, names that need CSV quoting, capacities from 1 sat to near the 21M BTC bound, balances
/// anywhere), random per-channel policies (zero to absurd fees, HTLC minima and maxima, 1–8 slots),
/// random workloads (tiny to huge amounts, fixed or random endpoints) and network/receiver settings.
///
/// Guarantees: the same (seed, protocol, strategy) always gives the same YAML; every scenario is valid.
enum RandomScenario {
    static func yaml(seed: UInt64, protocol proto: String, strategy: String, payments: Int) -> String {
        let s = RandomStream(seed: seed)
        func int(_ lo: Int64, _ hi: Int64) -> Int64 { s.uniformInt(in: lo, hi) }
        func pick<T>(_ xs: [T]) -> T { xs[Int(s.uniformInt(below: UInt64(xs.count)))] }
        func chance(_ p: Double) -> Bool { s.uniform() < p }
        let nodeCount = Int(int(2, 14))
        let names = (0..<nodeCount).map { i in pick(["n\(i)", "\"a,\(i)\"", "'q\"\(i)'", "node-\(i)"]) }
        var channels: [String] = []
        // A spanning path keeps most payments routable; extra random (possibly parallel) channels.
        let extra = Int(int(0, Int64(nodeCount * 2)))
        var pairs = (1..<nodeCount).map { ($0 - 1, $0) }
        for _ in 0..<extra {
            let a = Int(int(0, Int64(nodeCount - 1)))
            var b = Int(int(0, Int64(nodeCount - 2)))
            if b >= a { b += 1 }
            pairs.append((a, b))
        }
        for (a, b) in pairs {
            let capacity: Int64 = chance(0.05) ? int(Int64(Bounds.maxSat) / 2, Int64(Bounds.maxSat)) : chance(0.1) ? int(1, 1000) : int(10_000, 5_000_000)
            var fields = ["from: \(names[a])", "to: \(names[b])", "capacity_sat: \(capacity)"]
            if chance(0.5) { fields.append("balance_sat: \(int(0, capacity))") }
            if chance(0.6) { fields.append("policy: \(policy(s))") }
            if chance(0.3) { fields.append("reverse_policy: \(policy(s))") }
            channels.append("{\(fields.joined(separator: ", "))}")
        }
        let amount = pick(["{lognormal: {median: 20000, sigma: 1.5}}", "{uniform: {min: 0.001, max: 100}}", "1",
                           "{lognormal: {median: 1000000000, sigma: 3}}", "2000000000000000", "{exponential: {mean: 50000}}"])
        let endpoints = chance(0.3) ? "sender: \(names[0]), receiver: \(names[nodeCount - 1])" : "endpoints: \(pick(["uniform", "capacity-weighted", "degree-weighted"]))"
        let latency = pick(["100", "{lognormal: {median: 100, sigma: 0.5}}", "0", "{uniform: {min: 0, max: 5000}}"])
        return """
        name: property
        seed: \(seed)
        graph:
          generator: explicit
          balance: \(pick(["uniform", "sender-side", "{fixed: 0.5}", "{beta: {a: 0.5, b: 0.5}}"]))
          policy: \(policy(s))
          explicit:
            nodes: [\(names.joined(separator: ", "))]
            channels:
        \(channels.map { "      - \($0)" }.joined(separator: "\n"))
        network: {hop_latency_ms: \(latency), offline_probability: \(pick(["0", "0.1", "0.5"]))}
        workload: {payments: \(payments), arrival_rate_per_s: \(pick(["0.01", "5", "1000"])), amount_sat: \(amount), \(endpoints)}
        payment: {protocol: \(proto), strategy: \(strategy), fixed_n: {n: \(int(1, 8))}, halving: {max_depth: \(int(0, 6)), min_part_sat: \(pick(["0.001", "100", "10000"]))}, lnd: {min_shard_sat: \(pick(["1", "5000"])), max_parts: \(int(1, 12))}, window: {initial_part: \(pick(["0.1", "0.5", "1"])), alpha: \(pick(["0.5", "1", "1000"])), min_part_sat: 1, ack_after_s: \(pick(["0.01", "1", "100"])), max_in_flight_parts: \(int(1, 10)), remember: \(pick(["none", "per-destination"]))}, cln_presplit: {part_sat: \(pick(["1", "15000"])), min_part_sat: 1}, timeout_s: \(pick(["0.5", "30", "600"]))}
        receiver: {hold_preset: \(pick(["lnd", "cln", "eclair"])), behavior: \(pick(["honest", "greedy"]))}
        """
    }

    /// A random policy mapping, from free to absurd.
    static func policy(_ s: RandomStream) -> String {
        func pick(_ xs: [String]) -> String { xs[Int(s.uniformInt(below: UInt64(xs.count)))] }
        return "{preset: \(pick(["lnd", "cln", "eclair"])), fee_base_msat: \(pick(["0", "1000", "1000000000000", "{uniform_int: {min: 0, max: 5000}}"]))" +
            ", fee_rate_ppm: \(pick(["0", "1", "5000", "1000000", "100000000"])), htlc_minimum_msat: \(pick(["0", "1000", "100000000"]))" +
            ", max_accepted_htlcs: \(pick(["1", "2", "8", "483"])), reserve_share: \(pick(["0", "0.01", "0.5"]))}"
    }
}
