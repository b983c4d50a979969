import Foundation

/// The sender's estimate that a remote node can forward an amount to its peer, from public information
/// and its own mission control (never other nodes' balances).
///
/// Guarantees: a value in [0, 1].
/// - `apriori` follows lnd's AprioriEstimator (routing/probability_apriori.go): `PairProbability` =
///   `calculateProbability(getNodeProbability(...))`. The node probability mixes the a-priori hop
///   probability (times lnd's `capacityFactor`) with the node's other results, weighted by
///   `apriori_weight`; a pair that carried at least the amount gets 0.95 (lnd's
///   prevSuccessProbability); after a failure at f, amounts >= f get nodeProbability ·
///   (1 - 2^(-age/half-life)). The sender's own channels use `LocalPairProbability` (0.95, lowered
///   the same way by a failure).
/// - `pickhardt` (ampsim's option, not lnd's): the uniform-balance probability (C + 1 - x) / (C + 1),
///   blended after a failure at f with the conditional (f - x) / f, and after a success at s >= x
///   with 1, by weight 2^(-age/half-life).
/// - `cheapest`: 1, or 0 within one half-life after a failure at an amount <= x.
public struct HopProbability: Sendable {
    public let cost: RoutingCost
    public let apriori: Double
    public let aprioriWeight: Double
    public let capacityFraction: Double
    public let halfLifeMicros: Double
    /// lnd's aprioriFactor, 1/(1 - weight) - 1 (infinite weight 1 is handled apart).
    let aprioriFactor: Double
    /// The fraction of the capacity up to which `capacityFactor` is exactly 1.0: fraction - 0.9375
    /// (negative, so never, for fractions below 0.9375).
    let exactOneBelow: Double
    /// lnd's bimodal estimator (`routing.cost: bimodal`).
    public let bimodal: BimodalProbability

    /// lnd's prevSuccessProbability.
    public static let previousSuccess = 0.95
    /// lnd's capacitySmearingFraction and minCapacityFactor (probability_apriori.go).
    static let smearingFraction = 0.025
    static let minCapacityFactor = 0.5

    public init(_ spec: RoutingSpec) {
        cost = spec.cost
        apriori = spec.aprioriProbability
        aprioriWeight = spec.aprioriWeight
        capacityFraction = spec.capacityFraction
        halfLifeMicros = spec.halfLifeS * 1e6
        aprioriFactor = spec.aprioriWeight < 1 ? 1 / (1 - spec.aprioriWeight) - 1 : .infinity
        exactOneBelow = spec.capacityFraction - 0.9375
        bimodal = BimodalProbability(spec)
    }

    /// lnd's `getWeight`: 2^(-age / half-life), age in µs.
    @inline(__always) func weight(age: Int64) -> Double {
        exp2(-Double(age) / halfLifeMicros)
    }

    /// lnd's `capacityFactor`: 1 for amounts well below the capacity, falling smoothly to 0.5 around
    /// `capacity_fraction` of it, 0 above it. For x <= (fraction - 0.9375)·C the exponent is at least
    /// 37.5, the logistic term 0.5 / (1 + e^37.5) < 2.6·10^-17 is below half an ulp of 1 (2^-54), and
    /// the factor is exactly 1.0 in double precision, so it is not computed (`exactOneBelow`).
    @inline(__always) public func capacityFactor(amount x: Int64, capacity: Int64) -> Double {
        if capacityFraction == 1 || capacity == 0 { return 1 }
        if x > capacity { return 0 }
        let c = Double(capacity), a = Double(x)
        if a <= exactOneBelow * c { return 1 }
        let denominator = 1 + exp(-(a - capacityFraction * c) / (Self.smearingFraction * c))
        return 1 - (1 - Self.minCapacityFactor) / denominator
    }

    /// lnd's `getNodeProbability` for amount `x` over a channel of `capacity` msat, given the results of
    /// the forwarding node's pairs.
    public func nodeProbability(amount x: Int64, capacity: Int64, results: UnsafeBufferPointer<MissionControl.PairResult>, now: Int64) -> Double {
        let a = apriori * capacityFactor(amount: x, capacity: capacity)
        if aprioriWeight == 1 || results.isEmpty { return a }
        var total = a * aprioriFactor
        var weights = aprioriFactor
        for r in results {
            if x <= r.successAmt {
                weights += 1
                total += Self.previousSuccess
            } else if r.failTime >= 0 && x >= r.failAmt {
                weights += weight(age: now - r.failTime)
            }
        }
        // lnd divides by zero here when the weight is 0 and no result applies; no result applying
        // means no history for this amount: the a-priori estimate.
        return weights > 0 ? total / weights : a
    }

    /// lnd's `calculateProbability`: the pair's own last result refines the node probability.
    public func pairProbability(nodeProbability: Double, pair: MissionControl.PairResult?, amount x: Int64, now: Int64) -> Double {
        guard let r = pair else { return nodeProbability }
        if x <= r.successAmt { return Self.previousSuccess }
        if r.failTime < 0 || x < r.failAmt { return nodeProbability }
        return nodeProbability * (1 - weight(age: now - r.failTime))
    }

    /// The probability of one remote hop, for every cost model.
    public func probability(amount x: Int64, capacity: Int64, results: UnsafeBufferPointer<MissionControl.PairResult>,
                            pair: MissionControl.PairResult?, now: Int64) -> Double {
        switch cost {
        case .apriori:
            return pairProbability(nodeProbability: nodeProbability(amount: x, capacity: capacity, results: results, now: now),
                                   pair: pair, amount: x, now: now)
        case .bimodal:
            return bimodal.pairProbability(amount: x, capacity: capacity, results: results, pair: pair, now: now)
        case .cheapest:
            guard let r = pair, r.failTime >= 0, x >= r.failAmt, x > r.successAmt else { return 1 }
            return Double(now - r.failTime) >= halfLifeMicros ? 1 : 0
        case .pickhardt:
            let uniform = x > capacity ? 0 : Double(capacity + 1 - x) / Double(capacity + 1)
            guard let r = pair else { return uniform }
            if x <= r.successAmt {
                let w = weight(age: now - r.successTime)
                return (1 - w) * uniform + w
            }
            guard r.failTime >= 0 else { return uniform }
            let f = r.failAmt
            let conditional = x >= f ? 0 : Double(f - x) / Double(f)
            let w = weight(age: now - r.failTime)
            return (1 - w) * uniform + w * conditional
        }
    }

    /// lnd's `LocalPairProbability`: the sender's own channel to `pair.to`, which it knows is usable.
    public func localProbability(pair: MissionControl.PairResult?, now: Int64) -> Double {
        if cost == .bimodal { return bimodal.localProbability(pair: pair, now: now) }
        guard cost == .apriori else { return 1 }
        return pairProbability(nodeProbability: Self.previousSuccess, pair: pair, amount: .max, now: now)
    }
}
