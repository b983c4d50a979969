import Foundation

/// lnd's BimodalEstimator (routing/probability_bimodal.go), followed function by function: liquidity
/// x of a channel of capacity c is assumed distributed as P(x) ~ exp(-x/s) + exp((x - c)/s) + 1/c
/// (mostly at either end; s the scale), conditioned on what mission control knows — amounts up to a
/// success can be sent, amounts from a failure cannot — with both bounds decaying back to the prior
/// over the decay time; the node's other results shift the estimate by the node weight.
///
/// Guarantees: a value in [0, 1]; the same inputs as lnd give lnd's value (up to lnd's msat integer
/// truncation of the decayed amounts, which is reproduced).
public struct BimodalProbability: Sendable {
    public let scaleMsat: Double
    public let nodeWeight: Double
    public let decayMicros: Double

    public init(_ spec: RoutingSpec) {
        scaleMsat = spec.bimodalScaleMsat
        nodeWeight = spec.bimodalNodeWeight
        decayMicros = spec.bimodalDecayTimeS * 1e6
    }

    /// `PairProbability`: the direct probability, then `calculateProbability` with the node's results.
    public func pairProbability(amount x: Int64, capacity: Int64, results: UnsafeBufferPointer<MissionControl.PairResult>,
                                pair: MissionControl.PairResult?, now: Int64) -> Double {
        let direct = directProbability(amount: x, capacity: capacity, pair: pair, now: now)
        return calculateProbability(direct: direct, results: results, pair: pair, now: now)
    }

    /// `LocalPairProbability`: 1, lowered by 1 - exp(-age/decay) after a failure of the sender's own link.
    public func localProbability(pair: MissionControl.PairResult?, now: Int64) -> Double {
        guard let r = pair, r.failTime >= 0 else { return 1 }
        return 1 - exp(-Double(max(0, now - r.failTime)) / decayMicros)
    }

    /// `directProbability`: success and failure amounts decayed in time (`canSend`, `cannotSend`).
    func directProbability(amount x: Int64, capacity: Int64, pair: MissionControl.PairResult?, now: Int64) -> Double {
        var success: Int64 = 0, fail = capacity
        if let r = pair {
            if r.failTime >= 0 {
                let f = min(r.failAmt, capacity)
                let factor = exp(-Double(now - r.failTime) / decayMicros)
                fail = capacity - Int64(factor * Double(capacity - f))
            }
            if r.successTime >= 0 {
                let factor = exp(-Double(now - r.successTime) / decayMicros)
                success = Int64(factor * Double(r.successAmt))
            }
        }
        return probabilityFormula(capacity: Double(capacity), success: Double(success), fail: Double(fail), amount: Double(x))
    }

    /// `probabilityFormula`: P(X >= a | a_s <= X < a_f) under the bimodal prior.
    func probabilityFormula(capacity c: Double, success s0: Double, fail f0: Double, amount a: Double) -> Double {
        guard c > 0, a <= c else { return 0 }
        var s = s0, f = f0
        if f <= s { s = 0; f = c }
        if s >= c { s = c - 1; f = c }
        if f > c { f = c }
        if a >= f { return 0 }
        if a <= s { return 1 }
        let probability = integral(c, a, f)
        let norm = integral(c, s, f)
        guard probability.isFinite, norm.isFinite, norm != 0 else { return 0 }
        let p = probability / norm
        return p > 1 ? 1 : max(0, p)
    }

    /// `primitive`: the normalised indefinite integral of the prior.
    func primitive(_ c: Double, _ x: Double) -> Double {
        let s = scaleMsat
        let norm = -2 * exp(-c / s) + 2 + 1 / s
        return (-exp(-x / s) + exp((x - c) / s) + x / (c * s)) / norm
    }

    func integral(_ c: Double, _ lower: Double, _ upper: Double) -> Double {
        guard lower >= 0, lower <= upper else { return 0 }
        return primitive(c, upper) - primitive(c, lower)
    }

    /// `calculateProbability`: with fresh direct knowledge (newer than the decay time) only the direct
    /// probability; else the node's other pairs' successes (weight w · exp(-age/decay), probability 1)
    /// and failures (weight only) are averaged in.
    func calculateProbability(direct: Double, results: UnsafeBufferPointer<MissionControl.PairResult>,
                              pair: MissionControl.PairResult?, now: Int64) -> Double {
        if nodeWeight == 0 { return direct }
        if let r = pair, Double(now - r.lastTime) < decayMicros { return direct }
        var total = direct, weights = 1.0
        for r in results where r.to != pair?.to ?? -1 {
            if r.successAmt > 0 {
                let w = exp(-Double(now - r.successTime) / decayMicros)
                total += nodeWeight * w
                weights += nodeWeight * w
            }
            if r.failAmt > 0 {
                weights += nodeWeight * exp(-Double(now - r.failTime) / decayMicros)
            }
        }
        return total / weights
    }
}
