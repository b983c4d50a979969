import Yams

/// What a sender's path search minimises.
public enum RoutingCost: String, Sendable, CaseIterable {
    /// lnd's default: fee plus timelock risk plus attempt cost divided by the route's probability,
    /// with lnd's a-priori estimator and mission control (routing/pathfind.go, probability_apriori.go).
    case apriori
    /// Fees only (ampsim's baseline; a failed pair is avoided for one half-life).
    case cheapest
    /// Fees plus attempt cost times -log of the uniform-balance probability, summed per hop
    /// (Pickhardt & Richter; ampsim's option, not lnd's).
    case pickhardt
    /// lnd's distance with lnd's bimodal estimator (routing/probability_bimodal.go): liquidity assumed
    /// to sit near either end of a channel, results decaying over `bimodal_decay_time_s`.
    case bimodal
}

/// The `routing:` section: how a sender searches for routes and remembers results.
///
/// Guarantees: defaults are lnd's (routerrpc and routing package defaults: a-priori hop probability
/// 0.6, weight 0.5, capacity fraction 0.9999, half-life 1 h, attempt cost 100 sat + 1,000 ppm, minimum
/// route probability 0.01, risk factor 15 billionths); the search never uses other nodes' balances;
/// probabilities are in (0, 1]; routes have at most `maxHops` hops (at most 20, the onion's limit).
public struct RoutingSpec: Sendable, Equatable {
    public var cost: RoutingCost
    public var aprioriProbability: Double
    /// lnd's AprioriWeight: how much a node's other results count against the a-priori probability.
    public var aprioriWeight: Double
    /// lnd's CapacityFraction: where the capacity factor starts to lower a hop's probability.
    public var capacityFraction: Double
    /// Half-life of the sender's memory of a failed pair, in s (lnd's PenaltyHalfLife).
    public var halfLifeS: Double
    /// lnd's attempt cost: fixed part, in msat, and proportional part, in ppm of the amount.
    public var attemptCostMsat: Double
    public var attemptCostPPM: Double
    /// lnd's MinRouteProbability: a route whose probability is below it is not used.
    public var minProbability: Double
    /// lnd's RiskFactorBillionths: the timelock term of an edge's weight per msat per block.
    public var riskFactorBillionths: Double
    /// lnd's bimodal estimator: BimodalScaleMsat, BimodalNodeWeight, BimodalDecayTime (s).
    public var bimodalScaleMsat: Double
    public var bimodalNodeWeight: Double
    public var bimodalDecayTimeS: Double
    public var maxHops: Int

    static let fields = ["cost", "apriori_probability", "apriori_weight", "capacity_fraction", "half_life_s", "attempt_cost_msat",
                         "attempt_cost_ppm", "min_probability", "risk_factor_billionths", "bimodal_scale_msat", "bimodal_node_weight",
                         "bimodal_decay_time_s", "max_hops"]

    static func read(_ r: MapReader) -> RoutingSpec {
        let spec = RoutingSpec(cost: r.choice("cost", default: RoutingCost.apriori),
                               aprioriProbability: r.number("apriori_probability", default: 0.6, min: 0, max: 1, minExclusive: true),
                               aprioriWeight: r.number("apriori_weight", default: 0.5, min: 0, max: 1),
                               capacityFraction: r.number("capacity_fraction", default: 0.9999, min: 0.75, max: 1),
                               halfLifeS: r.number("half_life_s", default: 3600, min: 0, max: 1e8, minExclusive: true),
                               attemptCostMsat: r.number("attempt_cost_msat", default: 100_000, min: 0, max: 1e15),
                               attemptCostPPM: r.number("attempt_cost_ppm", default: 1000, min: 0, max: 1e6),
                               minProbability: r.number("min_probability", default: 0.01, min: 0, max: 1, minExclusive: true),
                               riskFactorBillionths: r.number("risk_factor_billionths", default: 15, min: 0, max: 1e6),
                               bimodalScaleMsat: r.number("bimodal_scale_msat", default: 300_000_000, min: 0, max: Double(Bounds.maxMsat),
                                                          minExclusive: true),
                               bimodalNodeWeight: r.number("bimodal_node_weight", default: 0.2, min: 0, max: 1),
                               bimodalDecayTimeS: r.number("bimodal_decay_time_s", default: 604_800, min: 0, max: Bounds.maxSeconds,
                                                           minExclusive: true),
                               maxHops: r.int("max_hops", default: 20, min: 1, max: 20))
        r.finish(known: fields)
        return spec
    }

    var node: Node {
        YAMLBuild.map([
            ("cost", YAMLBuild.string(cost.rawValue)),
            ("apriori_probability", YAMLBuild.number(aprioriProbability)),
            ("apriori_weight", YAMLBuild.number(aprioriWeight)),
            ("capacity_fraction", YAMLBuild.number(capacityFraction)),
            ("half_life_s", YAMLBuild.number(halfLifeS)),
            ("attempt_cost_msat", YAMLBuild.number(attemptCostMsat)),
            ("attempt_cost_ppm", YAMLBuild.number(attemptCostPPM)),
            ("min_probability", YAMLBuild.number(minProbability)),
            ("risk_factor_billionths", YAMLBuild.number(riskFactorBillionths)),
            ("bimodal_scale_msat", YAMLBuild.number(bimodalScaleMsat)),
            ("bimodal_node_weight", YAMLBuild.number(bimodalNodeWeight)),
            ("bimodal_decay_time_s", YAMLBuild.number(bimodalDecayTimeS)),
            ("max_hops", YAMLBuild.int(maxHops)),
        ])
    }
}
