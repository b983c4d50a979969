import Yams

/// Whose rules a receiver follows for holding incomplete multi-part sets.
public enum HoldPreset: String, Sendable, CaseIterable {
    case lnd, cln, eclair
}

/// Whether the hold timeout runs per HTLC (from its arrival) or per set (from the first part).
public enum HoldTimer: String, Sendable, CaseIterable {
    case perHTLC = "per-htlc"
    case perSet = "per-set"
}

/// Whether a receiver plays by the rules when its hold timer fires.
public enum ReceiverBehavior: String, Sendable, CaseIterable {
    /// Fails every held part with mpp_timeout.
    case honest
    /// Settles whatever parts it can (MPP: all of them; AMP: none, it cannot derive a preimage).
    case greedy
}

/// The `receiver:` section.
///
/// Guarantees: `holdTimeoutS` and `holdTimer` are always filled in, from the preset unless given
/// (lnd: 120 s per HTLC; cln: 70 s per set; eclair: 60 s per set).
public struct ReceiverSpec: Sendable, Equatable {
    public var holdPreset: HoldPreset
    public var holdTimeoutS: Double
    public var holdTimer: HoldTimer
    public var behavior: ReceiverBehavior

    public static func presetRules(_ preset: HoldPreset) -> (timeoutS: Double, timer: HoldTimer) {
        switch preset {
        case .lnd: return (120, .perHTLC)
        case .cln: return (70, .perSet)
        case .eclair: return (60, .perSet)
        }
    }

    static func read(_ r: MapReader) -> ReceiverSpec {
        let preset = r.choice("hold_preset", default: HoldPreset.lnd)
        let rules = presetRules(preset)
        let spec = ReceiverSpec(holdPreset: preset,
                                holdTimeoutS: r.number("hold_timeout_s", default: rules.timeoutS, min: 0, max: Bounds.maxSeconds, minExclusive: true),
                                holdTimer: r.choice("hold_timer", default: rules.timer),
                                behavior: r.choice("behavior", default: ReceiverBehavior.honest))
        r.finish(known: ["hold_preset", "hold_timeout_s", "hold_timer", "behavior"])
        return spec
    }

    var node: Node {
        YAMLBuild.map([
            ("hold_preset", YAMLBuild.string(holdPreset.rawValue)),
            ("hold_timeout_s", YAMLBuild.number(holdTimeoutS)),
            ("hold_timer", YAMLBuild.string(holdTimer.rawValue)),
            ("behavior", YAMLBuild.string(behavior.rawValue)),
        ])
    }
}
