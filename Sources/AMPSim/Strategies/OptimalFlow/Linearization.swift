import Foundation

/// The piecewise-linear cost of sending x units over one channel direction, as renepay's
/// `linearize_channel` (plugins/renepay/mcf.c) builds it: a first piece [0, min] at cost 0 (certain:
/// P = 1), then the uncertain range (min, max] cut into `segments` pieces of equal width (the last takes
/// the rounding), each with the slope of the chord of −ln P between its ends, where
/// P(x) = (max + 1 − x) / (max − min + 1). Pieces end at `cap` (the direction's htlc maximum or what the
/// sender can spend on its own channel) when that comes first.
///
/// Renepay uses one certain piece and three uncertain ones ending at 50 %, 80 % and 95 % of the
/// uncertain range (`CHANNEL_PIVOTS`), so it never puts more than 95 % of it on a channel; ampsim's
/// pieces are of equal width and reach max (named deviation "uniform pieces", docs/protocol.md).
///
/// Guarantees: ends are non-decreasing and the last is min(cap, max) (min(cap, min) when min = max);
/// slopes are ≥ 0 and non-decreasing (−ln P is convex), so a min-cost flow fills them in order; the
/// linearised cost equals −ln P exactly at every piece end and lies above it in between (a chord of a
/// convex function).
public struct Linearization: Equatable {
    /// End (in units) of each piece; piece k covers (ends[k−1], ends[k]], piece 0 covers [0, ends[0]].
    public var ends: [Int64]
    /// Cost per unit of each piece (nats of −ln P per unit).
    public var slopes: [Double]

    /// The pieces for a belief [min, max] (units) capped at `cap` units, with `segments` uncertain pieces.
    public init(min lower: Int64, max upper: Int64, cap: Int64, segments: Int) {
        var ends: [Int64] = [], slopes: [Double] = []
        Self.write(min: lower, max: upper, cap: cap, segments: segments) { _, end, slope in
            ends.append(end)
            slopes.append(slope)
        }
        self.ends = ends
        self.slopes = slopes
    }

    /// Hands piece k's (end, slope) to `piece` in order; returns the number of pieces (at most
    /// segments + 1). The one definition of the pieces, used by `init` and by the solver's buffers.
    @inline(__always)
    @discardableResult
    static func write(min lower: Int64, max upper: Int64, cap: Int64, segments: Int, _ piece: (Int, Int64, Double) -> Void) -> Int {
        let lower = Swift.max(0, Swift.min(lower, upper)), cap = Swift.max(0, cap)
        piece(0, Swift.min(lower, cap), 0)
        var count = 1
        guard upper > lower, cap > lower else { return count }
        let width = upper - lower
        var start = lower
        for k in 1...segments {
            // Equal widths; the multiplication is done in Double so a 21 M BTC range cannot overflow.
            let end = k == segments ? upper : lower + Int64((Double(width) * Double(k) / Double(segments)).rounded(.down))
            guard end > start else { continue }
            let slope = log(Double(upper + 1 - start) / Double(upper + 1 - end)) / Double(end - start)
            piece(count, Swift.min(end, cap), slope)
            count += 1
            if end >= cap { break }
            start = end
        }
        return count
    }

    /// The linearised cost of x units (x at most the last end).
    public func cost(_ x: Int64) -> Double {
        var total = 0.0, start: Int64 = 0
        for (end, slope) in zip(ends, slopes) {
            if x <= start { break }
            total += Double(Swift.min(x, end) - start) * slope
            start = end
        }
        return total
    }

    /// −ln P(x) itself, for comparison: P(x) = (max + 1 − x) / (max − min + 1) above min.
    public static func exactCost(_ x: Int64, min lower: Int64, max upper: Int64) -> Double {
        if x <= lower { return 0 }
        return -log(Double(upper + 1 - x) / Double(upper - lower + 1))
    }
}
