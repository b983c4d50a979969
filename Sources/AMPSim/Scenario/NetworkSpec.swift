import Yams

/// Nodes that go down and come back during a run: up and down periods are exponential.
public struct ChurnSpec: Sendable, Equatable {
    public var meanUpS: Double
    public var meanDownS: Double
}

/// The `network:` section: how long a hop takes and how often a next node is unreachable.
///
/// Guarantees: latencies are non-negative; the offline probability is within [0, 1].
public struct NetworkSpec: Sendable, Equatable {
    /// Time for one HTLC message (add, fulfil or fail) to cross one hop, in ms.
    public var hopLatencyMs: Distribution
    /// Chance that the next node of a hop is offline when an HTLC reaches it.
    public var offlineProbability: Double
    /// nil: nodes never go down except by `offlineProbability`.
    public var churn: ChurnSpec?

    public static let defaultLatency = Distribution(.lognormal(mu: 4.605170185988092, sigma: 0.5, median: 100))

    static func read(_ r: MapReader) -> NetworkSpec {
        let latency = DistributionReading.read(r, "hop_latency_ms", default: defaultLatency, requirement: .nonNegative)
        let offline = r.probability("offline_probability", default: 0)
        var churn: ChurnSpec?
        if r.has("churn") {
            let c = r.section("churn")
            churn = ChurnSpec(meanUpS: c.number("mean_up_s", default: nil, min: 0, max: Bounds.maxSeconds, minExclusive: true),
                              meanDownS: c.number("mean_down_s", default: nil, min: 0, max: Bounds.maxSeconds, minExclusive: true))
            c.finish(known: ["mean_up_s", "mean_down_s"])
        } else { _ = r.value("churn") }
        r.finish(known: ["hop_latency_ms", "offline_probability", "churn"])
        return NetworkSpec(hopLatencyMs: latency, offlineProbability: offline, churn: churn)
    }

    var node: Node {
        YAMLBuild.map([
            ("hop_latency_ms", DistributionReading.node(hopLatencyMs)),
            ("offline_probability", YAMLBuild.number(offlineProbability)),
            ("churn", YAMLBuild.optional(churn.map {
                YAMLBuild.map([("mean_up_s", YAMLBuild.number($0.meanUpS)), ("mean_down_s", YAMLBuild.number($0.meanDownS))], flow: true)
            })),
        ])
    }
}
