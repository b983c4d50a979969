/// Maps a scenario's `payment.strategy` to a fresh strategy for one payment.
///
/// Guarantees: every `StrategyName` has an implementation (the switch is exhaustive).
/// Adding a strategy: one file in Strategies/ implementing `SplitStrategy`, one case in
/// `StrategyName` (Scenario/PaymentSpec.swift) with its parameter block, one line here, one test.
public enum StrategyRegistry {
    /// A new strategy instance for one payment.
    public static func make(_ spec: PaymentSpec) -> any SplitStrategy {
        switch spec.strategy {
        case .single: return SingleStrategy()
        case .fixedN: return FixedNStrategy(n: spec.fixedN.n)
        case .halving: return HalvingStrategy(maxDepth: spec.halving.maxDepth, minPartSat: spec.halving.minPartSat)
        case .lnd: return LndStrategy(spec.lnd)
        case .window: return WindowStrategy(spec.window)
        case .clnPresplit: return ClnPresplitStrategy(spec.clnPresplit)
        case .optimalFlow: return OptimalFlowStrategy(spec.optimalFlow)
        }
    }
}
