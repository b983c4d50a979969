/// The largest amounts and times a scenario may hold, chosen so that every conversion to msat or to
/// microseconds (`Int64`), and every sum of them a run forms, stays far from `Int64.max`.
///
/// Guarantees: `maxMsat` (2.1e18) is under a quarter of `Int64.max`, so a few such amounts add without
/// overflow; `maxMicroseconds` (3.2e15) is under 1/2800 of it, so thousands of times do; `int64` and
/// `adding` never trap. Sums over an unbounded number of amounts or times (a replication's volume, the
/// slot time of a payment's parts) are taken in `Double` or with `adding`, never in plain `Int64`.
public enum Bounds {
    /// Every bitcoin there will ever be (21 million BTC), in sat.
    public static let maxSat = 2_100_000_000_000_000
    /// Largest amount in msat.
    public static let maxMsat = Int64(maxSat) * 1000
    /// Largest CLTV delta of one hop, in blocks: BOLT 7's `cltv_expiry_delta` is a 16-bit field (so
    /// 20 hops of it add up far below Int32.max).
    public static let maxCLTVDelta = 65_535
    /// About 100 years, in seconds.
    public static let maxSeconds = 3.2e9
    /// Largest time in µs.
    public static let maxMicroseconds = Int64(maxSeconds * 1e6)

    /// `x` rounded to the nearest integer and clamped to `lo ... hi`; NaN gives `lo`.
    public static func int64(_ x: Double, min lo: Int64, max hi: Int64) -> Int64 {
        guard !x.isNaN else { return lo }
        let r = x.rounded()
        if r <= Double(lo) { return lo }
        if r >= Double(hi) { return hi }
        return Int64(r)
    }

    /// An amount in sat (as drawn from a distribution) in msat, clamped to 1 ... `maxMsat`.
    public static func msat(sat: Double) -> Int64 { int64(sat * 1000, min: 1, max: maxMsat) }

    /// A time in seconds in µs, clamped to 0 ... `maxMicroseconds`.
    public static func microseconds(seconds: Double) -> SimTime { int64(seconds * 1e6, min: 0, max: maxMicroseconds) }

    /// `a + b`, saturating at `Int64.max` (and `Int64.min`) instead of trapping: for running totals in
    /// msat (fees, forwarded amounts) that only absurd policies could push past 9.2e18.
    public static func adding(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }
}
