/// Maps a scenario's `payment.strategy` to a fresh strategy for one payment.
///
/// Adding a strategy: one file in Strategies/ implementing `SplitStrategy`, one case in
/// `StrategyName` (Scenario/PaymentSpec.swift) with its parameter block, one line here, one test.
public enum StrategyRegistry {
    /// A new strategy instance for one payment, or nil when the name has no implementation yet.
    public static func make(_ spec: PaymentSpec) -> (any SplitStrategy)? {
        switch spec.strategy {
        case .single: return SingleStrategy()
        case .fixedN: return FixedNStrategy(n: spec.fixedN.n)
        case .halving: return HalvingStrategy(maxDepth: spec.halving.maxDepth, minPartSat: spec.halving.minPartSat)
        case .lnd: return LndStrategy(spec.lnd)
        case .window, .clnPresplit: return nil
        }
    }

    /// Strategy names that `make` can build.
    public static func isImplemented(_ name: StrategyName) -> Bool {
        switch name {
        case .single, .fixedN, .halving, .lnd: return true
        case .window, .clnPresplit: return false
        }
    }
}
