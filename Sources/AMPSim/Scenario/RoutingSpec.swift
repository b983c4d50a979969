import Yams

/// What a sender's path search minimises.
public enum RoutingCost: String, Sendable, CaseIterable {
    /// Fees plus lnd's a-priori probability penalty (0.6 per unknown hop by default).
    case apriori
    /// Fees only.
    case cheapest
    /// Fees plus -log of the uniform-balance success probability (Pickhardt & Richter).
    case pickhardt
}

/// The `routing:` section: how a sender searches for routes and remembers failures.
///
/// Guarantees: the search never uses other nodes' balances; probabilities are in (0, 1]; routes have
/// at most `maxHops` hops (at most 20, the onion's limit).
public struct RoutingSpec: Sendable, Equatable {
    public var cost: RoutingCost
    public var aprioriProbability: Double
    /// Half-life of the sender's memory of a failed channel direction, in s.
    public var halfLifeS: Double
    /// lnd's attempt cost: fixed part, in msat, and proportional part, in ppm of the amount.
    public var attemptCostMsat: Double
    public var attemptCostPPM: Double
    public var maxHops: Int

    static func read(_ r: MapReader) -> RoutingSpec {
        let spec = RoutingSpec(cost: r.choice("cost", default: RoutingCost.apriori),
                               aprioriProbability: r.number("apriori_probability", default: 0.6, min: 0, max: 1, minExclusive: true),
                               halfLifeS: r.number("half_life_s", default: 3600, min: 0, max: 1e8, minExclusive: true),
                               attemptCostMsat: r.number("attempt_cost_msat", default: 100_000, min: 0),
                               attemptCostPPM: r.number("attempt_cost_ppm", default: 1000, min: 0),
                               maxHops: r.int("max_hops", default: 20, min: 1, max: 20))
        r.finish(known: ["cost", "apriori_probability", "half_life_s", "attempt_cost_msat", "attempt_cost_ppm", "max_hops"])
        return spec
    }

    var node: Node {
        YAMLBuild.map([
            ("cost", YAMLBuild.string(cost.rawValue)),
            ("apriori_probability", YAMLBuild.number(aprioriProbability)),
            ("half_life_s", YAMLBuild.number(halfLifeS)),
            ("attempt_cost_msat", YAMLBuild.number(attemptCostMsat)),
            ("attempt_cost_ppm", YAMLBuild.number(attemptCostPPM)),
            ("max_hops", YAMLBuild.int(maxHops)),
        ])
    }
}
