import Yams

/// How a payment travels (the rules of each: Protocols/).
public enum PaymentProtocol: String, Sendable, CaseIterable {
    case keysend, mpp, amp, redundant
}

/// What keeps a `redundant` receiver from claiming more than the n parts it needs.
public enum RedundantScheme: String, Sendable, CaseIterable {
    /// Boomerang (Bagaria, Neu, Tse, FC 2020): a claim past n lets the sender claw everything back.
    case boomerang
    /// Stuckless payments: the sender releases a part's key only after the receiver's acknowledgement.
    case stuckless
    /// Nothing: the n + k parts share one payment hash, as plain MPP (a greedy receiver takes the spares).
    case mpp
}

/// How a sender cuts a payment into parts.
public enum StrategyName: String, Sendable, CaseIterable {
    case single
    case fixedN = "fixed-n"
    case halving
    case window
    case lnd
    case clnPresplit = "cln-presplit"
    case optimalFlow = "optimal-flow"
}

/// What a window-sizing sender carries over from one payment to the next.
public enum WindowMemory: String, Sendable, CaseIterable {
    case none
    case perDestination = "per-destination"
}

/// `payment.fixed_n`: n equal parts.
public struct FixedNParams: Sendable, Equatable { public var n: Int }
/// `payment.halving`: ZmnSCPxj's recursive halving.
public struct HalvingParams: Sendable, Equatable { public var maxDepth: Int; public var minPartSat: Double }
/// `payment.window`: TCP-like window sizing.
public struct WindowParams: Sendable, Equatable {
    /// First part size as a share of the amount.
    public var initialPart: Double
    /// Additive increase of the window per part that got through, as a share of that part's amount.
    public var alpha: Double
    /// Multiplicative decrease of the window per failed part.
    public var beta: Double
    public var minPartSat: Double
    public var maxInFlightParts: Int
    public var remember: WindowMemory
    /// A part in flight this long with no failure back is taken as having reached the receiver.
    public var ackAfterS: Double
}
/// `payment.lnd`: lnd's payment-session splitter.
public struct LndSplitParams: Sendable, Equatable {
    public var maxParts: Int
    public var minShardSat: Double
    public var maxShardSat: Double?
}
/// `payment.redundant`: k spare parts on top of the n the strategy would send, and the scheme.
public struct RedundantParams: Sendable, Equatable {
    public var extraParts: Int
    public var scheme: RedundantScheme
}
/// `payment.cln_presplit`: CLN's pre-2023 presplitter followed by adaptive halving.
public struct ClnPresplitParams: Sendable, Equatable {
    public var partSat: Double
    public var fuzz: Double
    public var slotShare: Double
    public var minPartSat: Double
    public var splitFuzz: Double
}

/// `payment.optimal_flow`: Pickhardt-Richter min-cost flows (renepay).
public struct OptimalFlowParams: Sendable, Equatable {
    /// Weight of fees against −ln P, in nats per sat of fee (0: reliability only).
    public var mu: Double
    /// Linear pieces over each channel's uncertain range.
    public var segments: Int
    /// The most plans (flows solved and sent) per payment; after that the sender sends nothing new.
    public var maxPlans: Int

    public init(mu: Double, segments: Int, maxPlans: Int = OptimalFlowParams.defaultMaxPlans) {
        self.mu = mu
        self.segments = segments
        self.maxPlans = maxPlans
    }

    /// `max_plans` when the scenario does not set it (the cap ampsim had before it was a field).
    public static let defaultMaxPlans = 64
    /// The largest `max_plans` accepted.
    public static let maxMaxPlans = 10_000

    /// The most pieces a channel may be cut into (the solver keeps segments + 1 per direction).
    public static let maxSegments = 32
}

/// The `payment:` section: protocol, sender strategy and its parameters, and when a sender gives up.
///
/// Guarantees: keysend is only combined with `single`; every strategy's parameter block has its
/// defaults (protocol.md) whether or not that strategy is chosen, so a sweep can vary
/// `payment.strategy` and `payment.fixed_n.n` independently.
public struct PaymentSpec: Sendable, Equatable {
    public var `protocol`: PaymentProtocol
    public var strategy: StrategyName
    public var fixedN: FixedNParams
    public var halving: HalvingParams
    public var window: WindowParams
    public var lnd: LndSplitParams
    public var clnPresplit: ClnPresplitParams
    public var optimalFlow: OptimalFlowParams
    /// Read (and written back) only with protocol `redundant`; else its defaults {0, boomerang}.
    public var redundant = RedundantParams(extraParts: 0, scheme: .boomerang)
    public var timeoutS: Double
    /// Route attempts per payment at most; nil (the default): no cap, as in lnd and CLN — the payment
    /// timeout ends a payment.
    public var maxAttempts: Int?

    static let fields = ["protocol", "strategy", "fixed_n", "halving", "window", "lnd", "cln_presplit", "optimal_flow", "redundant",
                         "timeout_s", "max_attempts"]

    static func read(_ r: MapReader) -> PaymentSpec {
        let proto = r.choice("protocol", default: PaymentProtocol.mpp)
        let strategy = r.choice("strategy", default: StrategyName.single)
        if proto == .keysend && strategy != .single {
            r.report("strategy", expected: "single with protocol keysend (a keysend payment is never split)")
        }
        let f = r.section("fixed_n")
        let fixedN = FixedNParams(n: f.int("n", default: 4, min: 1, max: 483))
        f.finish(known: ["n"])
        let h = r.section("halving")
        let halving = HalvingParams(maxDepth: h.int("max_depth", default: 8, min: 0, max: 20),
                                    minPartSat: h.number("min_part_sat", default: 1000, min: 0.001, max: Double(Bounds.maxSat)))
        h.finish(known: ["max_depth", "min_part_sat"])
        let w = r.section("window")
        let window = WindowParams(initialPart: w.number("initial_part", default: 0.25, min: 0, max: 1, minExclusive: true),
                                  alpha: w.number("alpha", default: 1, min: 0, max: 1000, minExclusive: true),
                                  beta: w.number("beta", default: 0.5, min: 0, max: 1, minExclusive: true, maxExclusive: true),
                                  minPartSat: w.number("min_part_sat", default: 1000, min: 0.001, max: Double(Bounds.maxSat)),
                                  maxInFlightParts: w.int("max_in_flight_parts", default: 16, min: 1, max: 483),
                                  remember: w.choice("remember", default: WindowMemory.none),
                                  ackAfterS: w.number("ack_after_s", default: 2, min: 0, max: Bounds.maxSeconds, minExclusive: true))
        w.finish(known: ["initial_part", "alpha", "beta", "min_part_sat", "max_in_flight_parts", "remember", "ack_after_s"])
        let l = r.section("lnd")
        let lnd = LndSplitParams(maxParts: l.int("max_parts", default: 16, min: 1, max: 1000),
                                 minShardSat: l.number("min_shard_sat", default: 10_000, min: 0.001, max: Double(Bounds.maxSat)),
                                 maxShardSat: l.optionalNumber("max_shard_sat", min: 0.001, max: Double(Bounds.maxSat)))
        if let maxShard = lnd.maxShardSat, maxShard < lnd.minShardSat {
            l.report("max_shard_sat", expected: "a number >= min_shard_sat (\(YAMLBuild.numberText(lnd.minShardSat)))")
        }
        l.finish(known: ["max_parts", "min_shard_sat", "max_shard_sat"])
        let c = r.section("cln_presplit")
        let cln = ClnPresplitParams(partSat: c.number("part_sat", default: 10_000, min: 0.001, max: Double(Bounds.maxSat)),
                                    fuzz: c.number("fuzz", default: 0.25, min: 0, max: 1, maxExclusive: true),
                                    slotShare: c.number("slot_share", default: 1.0 / 3.0, min: 0, max: 1, minExclusive: true),
                                    minPartSat: c.number("min_part_sat", default: 100, min: 0.001, max: Double(Bounds.maxSat)),
                                    splitFuzz: c.number("split_fuzz", default: 0.1, min: 0, max: 1, maxExclusive: true))
        c.finish(known: ["part_sat", "fuzz", "slot_share", "min_part_sat", "split_fuzz"])
        let o = r.section("optimal_flow")
        let optimal = OptimalFlowParams(mu: o.number("mu", default: 0.001, min: 0, max: 1e6),
                                        segments: o.int("segments", default: 4, min: 1, max: OptimalFlowParams.maxSegments),
                                        maxPlans: o.int("max_plans", default: OptimalFlowParams.defaultMaxPlans, min: 1,
                                                        max: OptimalFlowParams.maxMaxPlans))
        o.finish(known: ["mu", "segments", "max_plans"])
        let redundant = readRedundant(r, protocol: proto, strategy: strategy)
        let timeout = r.number("timeout_s", default: 60, min: 0, max: Bounds.maxSeconds, minExclusive: true)
        let attempts = r.optionalInt("max_attempts", min: 1, max: 1_000_000)
        r.finish(known: fields)
        return PaymentSpec(protocol: proto, strategy: strategy, fixedN: fixedN, halving: halving, window: window, lnd: lnd,
                           clnPresplit: cln, optimalFlow: optimal, redundant: redundant, timeoutS: timeout, maxAttempts: attempts)
    }

    /// `payment.redundant`, allowed with protocol `redundant` only (elsewhere it would be silently
    /// ignored: refused instead); `redundant` needs a strategy that sends parts (not `single`).
    static func readRedundant(_ r: MapReader, protocol proto: PaymentProtocol, strategy: StrategyName) -> RedundantParams {
        if proto == .redundant && (strategy == .single || strategy == .optimalFlow) {
            r.report("strategy", expected: "a splitting strategy with protocol redundant (fixed-n, halving, window, lnd or cln-presplit: it fixes n)")
        }
        if proto != .redundant && r.has("redundant") {
            r.report("redundant", expected: "no redundant block with protocol \(proto.rawValue) (it applies to protocol redundant only)",
                     found: "a redundant block")
            _ = r.value("redundant")
            return RedundantParams(extraParts: 0, scheme: .boomerang)
        }
        let x = r.section("redundant")
        let params = RedundantParams(extraParts: x.int("extra_parts", default: 1, min: 0, max: 483),
                                     scheme: x.choice("scheme", default: RedundantScheme.boomerang))
        x.finish(known: ["extra_parts", "scheme"])
        return params
    }

    var node: Node {
        let n = YAMLBuild.number
        var pairs: [(String, Node)] = [
            ("protocol", YAMLBuild.string(`protocol`.rawValue)),
            ("strategy", YAMLBuild.string(strategy.rawValue)),
            ("fixed_n", YAMLBuild.map([("n", YAMLBuild.int(fixedN.n))], flow: true)),
            ("halving", YAMLBuild.map([("max_depth", YAMLBuild.int(halving.maxDepth)), ("min_part_sat", n(halving.minPartSat))], flow: true)),
            ("window", YAMLBuild.map([("initial_part", n(window.initialPart)), ("alpha", n(window.alpha)), ("beta", n(window.beta)),
                                      ("min_part_sat", n(window.minPartSat)), ("max_in_flight_parts", YAMLBuild.int(window.maxInFlightParts)),
                                      ("remember", YAMLBuild.string(window.remember.rawValue)), ("ack_after_s", n(window.ackAfterS))], flow: true)),
            ("lnd", YAMLBuild.map([("max_parts", YAMLBuild.int(lnd.maxParts)), ("min_shard_sat", n(lnd.minShardSat)),
                                   ("max_shard_sat", YAMLBuild.optional(lnd.maxShardSat.map(n)))], flow: true)),
            ("cln_presplit", YAMLBuild.map([("part_sat", n(clnPresplit.partSat)), ("fuzz", n(clnPresplit.fuzz)),
                                            ("slot_share", n(clnPresplit.slotShare)), ("min_part_sat", n(clnPresplit.minPartSat)),
                                            ("split_fuzz", n(clnPresplit.splitFuzz))], flow: true)),
            ("optimal_flow", YAMLBuild.map([("mu", n(optimalFlow.mu)), ("segments", YAMLBuild.int(optimalFlow.segments)),
                                            ("max_plans", YAMLBuild.int(optimalFlow.maxPlans))], flow: true)),
        ]
        // Only with protocol redundant: elsewhere the block is refused (so a resolved scenario reads back).
        if `protocol` == .redundant {
            pairs.append(("redundant", YAMLBuild.map([("extra_parts", YAMLBuild.int(redundant.extraParts)),
                                                      ("scheme", YAMLBuild.string(redundant.scheme.rawValue))], flow: true)))
        }
        pairs += [("timeout_s", n(timeoutS)), ("max_attempts", YAMLBuild.optional(maxAttempts.map(YAMLBuild.int)))]
        return YAMLBuild.map(pairs)
    }
}
