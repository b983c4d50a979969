import CGSL
import Foundation

/// A probability distribution as a scenario states it (`amount_sat: {lognormal: {median: 50000, sigma: 1.5}}`).
///
/// Guarantees: a value of this type has passed validation (positive scales, ordered bounds,
/// matching value and weight lists), so sampling it never hands GSL an invalid argument.
/// Optional `clampMin` / `clampMax` bound every draw.
public struct Distribution: Sendable, Equatable {
    /// The family and its parameters.
    public enum Family: Sendable, Equatable {
        case constant(Double)
        case uniform(min: Double, max: Double)
        case uniformInt(min: Int64, max: Int64)
        case exponential(mean: Double)
        /// `median`, when the scenario gave it, is kept for printing; `mu = ln(median)`.
        case lognormal(mu: Double, sigma: Double, median: Double?)
        case pareto(scale: Double, shape: Double)
        /// Truncated to [min, max] (by inverse-CDF sampling) when either bound is given.
        case normal(mean: Double, sd: Double, min: Double?, max: Double?)
        /// One of `values`, with probability proportional to `weights` (GSL's discrete sampler).
        case choice(values: [Double], weights: [Double])
        /// Piecewise uniform: `values` are n + 1 ascending bin edges, `weights` the n bin masses.
        case empirical(values: [Double], weights: [Double])
    }

    public var family: Family
    public var clampMin: Double?
    public var clampMax: Double?

    public init(_ family: Family, clampMin: Double? = nil, clampMax: Double? = nil) {
        self.family = family
        self.clampMin = clampMin
        self.clampMax = clampMax
    }

    /// A distribution that always gives `value`.
    public static func constant(_ value: Double) -> Distribution { Distribution(.constant(value)) }

    /// The smallest value a draw can take (before rounding), possibly -infinity.
    public var lowerBound: Double {
        let raw: Double
        switch family {
        case .constant(let v): raw = v
        case .uniform(let lo, _): raw = lo
        case .uniformInt(let lo, _): raw = Double(lo)
        case .exponential, .lognormal: raw = 0
        case .pareto(let scale, _): raw = scale
        case .normal(_, _, let lo, _): raw = lo ?? -.infinity
        case .choice(let values, _): raw = values.min() ?? 0
        case .empirical(let values, _): raw = values.first ?? 0
        }
        return Swift.max(raw, clampMin ?? -.infinity)
    }

    /// The largest value a draw can take, possibly +infinity.
    public var upperBound: Double {
        let raw: Double
        switch family {
        case .constant(let v): raw = v
        case .uniform(_, let hi): raw = hi
        case .uniformInt(_, let hi): raw = Double(hi)
        case .exponential, .lognormal, .pareto: raw = .infinity
        case .normal(_, _, _, let hi): raw = hi ?? .infinity
        case .choice(let values, _): raw = values.max() ?? 0
        case .empirical(let values, _): raw = values.last ?? 0
        }
        return Swift.min(raw, clampMax ?? .infinity)
    }

    /// Whether `lowerBound` is an infimum never drawn (exponential and lognormal never draw 0).
    public var lowerBoundIsOpen: Bool {
        switch family {
        case .exponential, .lognormal: return clampMin == nil || clampMin! <= 0
        default: return false
        }
    }

    /// Whether the draws of this distribution are all equal (a constant).
    public var isConstant: Bool {
        if case .constant = family { return true }
        return lowerBound == upperBound
    }
}

/// Draws from one `Distribution` with GSL. Holds GSL's lookup tables for `choice` and `empirical`,
/// built once and freed on deinit.
///
/// Guarantees: every draw lies within the distribution's bounds and clamps; the draws depend only on
/// the stream's state. Not `Sendable`: build one per run.
public final class DistributionSampler {
    public let distribution: Distribution
    private var discrete: UnsafeMutablePointer<gsl_ran_discrete_t>?
    private var histogram: UnsafeMutablePointer<gsl_histogram_pdf>?
    private var normalMass: (lower: Double, upper: Double) = (0, 1)

    public init(_ distribution: Distribution) {
        ampsim_gsl_disable_abort()
        self.distribution = distribution
        switch distribution.family {
        case .choice(_, let weights):
            discrete = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) }
        case .empirical(let edges, let weights):
            let pdf = gsl_histogram_pdf_alloc(weights.count)
            let h = gsl_histogram_alloc(weights.count)
            _ = edges.withUnsafeBufferPointer { gsl_histogram_set_ranges(h, $0.baseAddress, $0.count) }
            for (i, w) in weights.enumerated() { h!.pointee.bin[i] = w }
            _ = gsl_histogram_pdf_init(pdf, h)
            gsl_histogram_free(h)
            histogram = pdf
        case .normal(let mean, let sd, let lo, let hi):
            normalMass = (
                lo.map { gsl_cdf_ugaussian_P(($0 - mean) / sd) } ?? 0,
                hi.map { gsl_cdf_ugaussian_P(($0 - mean) / sd) } ?? 1
            )
        default:
            break
        }
    }

    deinit {
        if let discrete { gsl_ran_discrete_free(discrete) }
        if let histogram { gsl_histogram_pdf_free(histogram) }
    }

    /// One draw.
    public func sample(_ stream: RandomStream) -> Double {
        let r = stream.generator
        let raw: Double
        switch distribution.family {
        case .constant(let v): raw = v
        case .uniform(let lo, let hi): raw = lo == hi ? lo : gsl_ran_flat(r, lo, hi)
        case .uniformInt(let lo, let hi): raw = Double(stream.uniformInt(in: lo, hi))
        case .exponential(let mean): raw = gsl_ran_exponential(r, mean)
        case .lognormal(let mu, let sigma, _): raw = gsl_ran_lognormal(r, mu, sigma)
        case .pareto(let scale, let shape): raw = gsl_ran_pareto(r, shape, scale)
        case .normal(let mean, let sd, let lo, let hi):
            if lo == nil && hi == nil {
                raw = mean + gsl_ran_gaussian(r, sd)
            } else {
                let u = normalMass.lower + gsl_rng_uniform_pos(r) * (normalMass.upper - normalMass.lower)
                let x = mean + sd * gsl_cdf_ugaussian_Pinv(u)
                raw = Swift.min(hi ?? .infinity, Swift.max(lo ?? -.infinity, x))
            }
        case .choice(let values, _): raw = values[gsl_ran_discrete(r, discrete)]
        case .empirical: raw = gsl_histogram_pdf_sample(histogram, gsl_rng_uniform(r))
        }
        var value = raw
        if let lo = distribution.clampMin, value < lo { value = lo }
        if let hi = distribution.clampMax, value > hi { value = hi }
        return value
    }

    /// One draw rounded to the nearest integer (halves away from zero), kept within the bounds.
    public func sampleInteger(_ stream: RandomStream) -> Int64 {
        let x = sample(stream).rounded()
        if x >= 9.2e18 { return Int64.max }
        if x <= -9.2e18 { return Int64.min }
        return Int64(x)
    }
}
