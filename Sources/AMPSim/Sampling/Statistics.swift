import CGSL

/// A point estimate with a two-sided confidence interval.
///
/// Guarantees: `lower <= estimate <= upper` whenever all three are finite; bounds are NaN when the
/// interval is undefined (fewer than two observations for a t-interval, zero trials for Wilson).
public struct Interval: Sendable, Equatable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double

    public init(estimate: Double, lower: Double, upper: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}

/// Descriptive statistics and confidence intervals, computed with GSL.
///
/// Guarantees: sample standard deviation uses n - 1; quantiles interpolate linearly between order
/// statistics (GSL's rule, R's type 7); empty input gives NaN, never a crash.
public enum Statistics {
    /// Arithmetic mean; NaN for no values.
    public static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// Sample standard deviation (n - 1 in the denominator); 0 for one value, NaN for none.
    public static func standardDeviation(_ values: [Double]) -> Double {
        if values.isEmpty { return .nan }
        if values.count == 1 { return 0 }
        return values.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
    }

    /// The `p`-quantile (0...1) of values already sorted ascending.
    public static func quantile(sorted values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let clamped = Swift.min(1, Swift.max(0, p))
        return values.withUnsafeBufferPointer {
            gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, clamped)
        }
    }

    /// The `p`-quantile (0...1) of values in any order.
    public static func quantile(_ values: [Double], _ p: Double) -> Double {
        quantile(sorted: values.sorted(), p)
    }

    /// Student-t interval for the mean: mean ± t(1 - (1 - confidence)/2, n - 1) · sd / √n.
    public static func tInterval(_ values: [Double], confidence: Double = 0.95) -> Interval {
        let m = mean(values)
        guard values.count >= 2 else { return Interval(estimate: m, lower: .nan, upper: .nan) }
        let n = Double(values.count)
        let t = gsl_cdf_tdist_Pinv(1 - (1 - confidence) / 2, n - 1)
        let half = t * standardDeviation(values) / n.squareRoot()
        return Interval(estimate: m, lower: m - half, upper: m + half)
    }

    /// Wilson score interval for a proportion of `successes` out of `trials`.
    public static func wilsonInterval(successes: Int, trials: Int, confidence: Double = 0.95) -> Interval {
        guard trials > 0 else { return Interval(estimate: .nan, lower: .nan, upper: .nan) }
        let n = Double(trials)
        let p = Double(successes) / n
        let z = gsl_cdf_ugaussian_Pinv(1 - (1 - confidence) / 2)
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        let lower = successes == 0 ? 0 : Swift.max(0, centre - half)
        let upper = successes == trials ? 1 : Swift.min(1, centre + half)
        return Interval(estimate: p, lower: lower, upper: upper)
    }

    /// The Student-t quantile with `df` degrees of freedom.
    public static func tQuantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        gsl_cdf_tdist_Pinv(p, df)
    }
}
