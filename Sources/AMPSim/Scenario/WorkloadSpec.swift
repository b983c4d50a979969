import Yams

/// How senders and receivers of payments are picked.
public enum EndpointChoice: String, Sendable, CaseIterable {
    case uniform
    case capacityWeighted = "capacity-weighted"
    case degreeWeighted = "degree-weighted"
}

/// How one end of a payment (sender or receiver) is picked, among the nodes with a usable channel.
public enum EndpointRule: Sendable, Equatable {
    case uniform
    case capacityWeighted
    case degreeWeighted
    /// Uniformly among the N nodes of largest total capacity (merchant-like receivers).
    case topCapacity(Int)

    init(_ choice: EndpointChoice) {
        switch choice {
        case .uniform: self = .uniform
        case .capacityWeighted: self = .capacityWeighted
        case .degreeWeighted: self = .degreeWeighted
        }
    }

    /// `uniform` | `capacity-weighted` | `degree-weighted` | `{top_capacity: N}`.
    static func read(_ r: MapReader, _ key: String, default fallback: EndpointRule) -> EndpointRule {
        guard let node = r.value(key) else { return fallback }
        if case .mapping = node {
            let m = r.section(key)
            let n = m.int("top_capacity", default: nil, min: 1, max: 100_000_000)
            m.finish(known: ["top_capacity"])
            return .topCapacity(n)
        }
        return EndpointRule(r.choice(key, default: nil) as EndpointChoice)
    }

    var node: Node {
        switch self {
        case .uniform: return YAMLBuild.string(EndpointChoice.uniform.rawValue)
        case .capacityWeighted: return YAMLBuild.string(EndpointChoice.capacityWeighted.rawValue)
        case .degreeWeighted: return YAMLBuild.string(EndpointChoice.degreeWeighted.rawValue)
        case .topCapacity(let n): return YAMLBuild.map([("top_capacity", YAMLBuild.int(n))], flow: true)
        }
    }
}

/// Reusable AMP invoices: `invoices` receivers each publish one invoice that a share of all payments pay.
public struct RecurringSpec: Sendable, Equatable {
    public var invoices: Int
    /// Share of payments that go to one of the reusable invoices.
    public var share: Double
}

/// The `workload:` section: when payments arrive, how large they are, who pays whom.
///
/// Guarantees: either a payment count or a duration bounds the workload; amounts are positive;
/// `replay` (a CLoTH payments.csv) excludes the random arrival fields.
public struct WorkloadSpec: Sendable, Equatable {
    public var payments: Int
    /// nil: stop after `payments`; otherwise payments arrive until this time (and at most `payments`).
    public var durationS: Double?
    public var arrivalRatePerS: Double
    public var amountSat: Distribution
    public var endpoints: EndpointChoice
    /// How senders and receivers are picked (default: both by `endpoints`).
    public var senderEndpoints: EndpointRule
    public var receiverEndpoints: EndpointRule
    /// A CLoTH payments.csv, as written in the scenario (relative to the scenario file).
    public var replay: String?
    public var recurring: RecurringSpec?
    /// Node ids that every payment starts from / goes to (hand-made graphs); nil: drawn by `endpoints`.
    public var sender: String?
    public var receiver: String?

    public static let maxPayments = 100_000_000
    public static let defaultAmount = Distribution(.lognormal(mu: 10.819778284410283, sigma: 1.5, median: 50_000))

    static func read(_ r: MapReader) -> WorkloadSpec {
        let duration = r.optionalNumber("duration_s", min: 0, max: Bounds.maxSeconds, minExclusive: true)
        let payments = r.int("payments", default: duration == nil ? 1000 : maxPayments, min: 1, max: maxPayments)
        let rate = r.number("arrival_rate_per_s", default: 10, min: 1e-6, max: 1e9)
        let amount = DistributionReading.read(r, "amount_sat", default: defaultAmount, requirement: .positive)
        if amount.lowerBound < 0.001 && !amount.lowerBoundIsOpen {
            r.report("amount_sat", expected: "amounts of at least 0.001 sat (1 msat)")
        }
        if let found = DistributionReading.beyond(amount, max: Double(Bounds.maxSat)) {
            r.report("amount_sat", expected: "amounts of at most \(Bounds.maxSat) sat (21 million BTC; a max clamp keeps a long tail within)",
                     found: found)
        }
        // Without a duration, the last of `payments` Poisson arrivals comes near payments / rate seconds.
        if duration == nil, Double(payments) / rate > Bounds.maxSeconds {
            r.report("payments", expected: "payments / arrival_rate_per_s of at most 3.2e9 s (100 years; arrivals later than that cannot be simulated)",
                     found: "\(payments) payments at \(YAMLBuild.numberText(rate))/s")
        }
        let endpoints = r.choice("endpoints", default: EndpointChoice.uniform)
        let senderEndpoints = EndpointRule.read(r, "sender_endpoints", default: EndpointRule(endpoints))
        let receiverEndpoints = EndpointRule.read(r, "receiver_endpoints", default: EndpointRule(endpoints))
        let replay = r.optionalString("replay")
        if replay != nil {
            for key in ["duration_s", "arrival_rate_per_s", "amount_sat", "recurring"] where r.has(key) {
                r.report(key, expected: "no '\(key)' with workload.replay (the replayed file gives arrivals and amounts)")
            }
        }
        var recurring: RecurringSpec?
        if r.has("recurring") {
            let c = r.section("recurring")
            recurring = RecurringSpec(invoices: c.int("invoices", default: nil, min: 1), share: c.probability("share", default: 1))
            c.finish(known: ["invoices", "share"])
        } else { _ = r.value("recurring") }
        let sender = r.optionalString("sender"), receiver = r.optionalString("receiver")
        if let sender, sender == receiver { r.report("receiver", expected: "a node other than workload.sender") }
        r.finish(known: ["payments", "duration_s", "arrival_rate_per_s", "amount_sat", "endpoints", "sender_endpoints",
                         "receiver_endpoints", "replay", "recurring", "sender", "receiver"])
        return WorkloadSpec(payments: payments, durationS: duration, arrivalRatePerS: rate, amountSat: amount, endpoints: endpoints,
                            senderEndpoints: senderEndpoints, receiverEndpoints: receiverEndpoints,
                            replay: replay, recurring: recurring, sender: sender, receiver: receiver)
    }

    var node: Node {
        YAMLBuild.map([
            ("payments", YAMLBuild.int(payments)),
            ("duration_s", YAMLBuild.optional(durationS.map(YAMLBuild.number))),
            ("arrival_rate_per_s", YAMLBuild.number(arrivalRatePerS)),
            ("amount_sat", DistributionReading.node(amountSat)),
            ("endpoints", YAMLBuild.string(endpoints.rawValue)),
            ("sender_endpoints", senderEndpoints.node),
            ("receiver_endpoints", receiverEndpoints.node),
            ("replay", YAMLBuild.optional(replay.map(YAMLBuild.string))),
            ("sender", YAMLBuild.optional(sender.map(YAMLBuild.string))),
            ("receiver", YAMLBuild.optional(receiver.map(YAMLBuild.string))),
            ("recurring", YAMLBuild.optional(recurring.map {
                YAMLBuild.map([("invoices", YAMLBuild.int($0.invoices)), ("share", YAMLBuild.number($0.share))], flow: true)
            })),
        ])
    }
}
