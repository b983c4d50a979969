import Foundation

/// The sender's estimate that one remote channel direction can forward an amount, from public
/// information and its own memory of failures.
///
/// Guarantees: a value in [0, 1]; never reads other nodes' balances. `apriori`: lnd's a-priori model
/// (a fixed probability per unknown hop; after a failure at amount f, amounts >= f get
/// p · (1 - 2^(-age / half-life))). `pickhardt`: the uniform-balance probability (C + 1 - x) / (C + 1),
/// blended after a failure at f with the conditional (f - x) / f by weight 2^(-age / half-life).
/// `cheapest`: 1, or 0 within one half-life after a failure at an amount <= x.
public struct HopProbability: Sendable {
    public let cost: RoutingCost
    public let apriori: Double
    public let halfLifeMicros: Double

    /// -ln(apriori), the penalty weight of a hop without history (computed once).
    let aprioriNegativeLog: Double

    public init(_ spec: RoutingSpec) {
        cost = spec.cost
        apriori = spec.aprioriProbability
        halfLifeMicros = spec.halfLifeS * 1e6
        aprioriNegativeLog = -log(spec.aprioriProbability)
    }

    /// -ln of `probability(...)`, or nil when the probability is below `floor` (the hop is unusable).
    /// Skips the logarithm for the commonest case: an apriori hop without history.
    public func negativeLog(amount x: Int64, capacity: Int64, failedAt: Int64?, age: Int64, floor: Double) -> Double? {
        if cost == .apriori, failedAt.map({ x < $0 }) ?? true { return aprioriNegativeLog }
        let p = probability(amount: x, capacity: capacity, failedAt: failedAt, age: age)
        return p < floor ? nil : -log(p)
    }

    /// `failedAt` is the smallest remembered failing amount (nil: no memory); `age` in µs.
    public func probability(amount x: Int64, capacity: Int64, failedAt: Int64?, age: Int64) -> Double {
        switch cost {
        case .apriori:
            guard let f = failedAt, x >= f else { return apriori }
            return apriori * (1 - exp2(-Double(age) / halfLifeMicros))
        case .cheapest:
            guard let f = failedAt, x >= f else { return 1 }
            return Double(age) >= halfLifeMicros ? 1 : 0
        case .pickhardt:
            let uniform = x > capacity ? 0 : Double(capacity + 1 - x) / Double(capacity + 1)
            guard let f = failedAt else { return uniform }
            let conditional = x >= f ? 0 : Double(f - x) / Double(f)
            let w = exp2(-Double(age) / halfLifeMicros)
            return (1 - w) * uniform + w * conditional
        }
    }
}
