/// Per-direction counters and time integrals of one run, for channels.csv and the summary.
///
/// Guarantees: time integrals (`slotMicroseconds`, `lockedMsatMicroseconds`, `atLimitMicroseconds`)
/// are exact sums over the intervals between changes; peaks are the largest values ever held;
/// `forwardedMsat` and `feesEarnedMsat` saturate at Int64.max instead of overflowing.
public struct ChannelStatistics {
    public var forwardedCount: [Int64]
    public var forwardedMsat: [Int64]
    public var feesEarnedMsat: [Int64]
    /// Indexed by cause.rawValue * directions + direction.
    public var failures: [Int64]
    public var peakSlots: [Int32]
    public var peakLockedMsat: [Int64]
    public var slotMicroseconds: [Double]
    public var lockedMsatMicroseconds: [Double]
    public var atLimitMicroseconds: [Int64]
    var lastChange: [Int64]
    /// Network-wide HTLCs in flight now, and the most ever.
    public private(set) var htlcsInFlight = 0
    public private(set) var peakHTLCsInFlight = 0

    init(directions: Int) {
        forwardedCount = [Int64](repeating: 0, count: directions)
        forwardedMsat = forwardedCount
        feesEarnedMsat = forwardedCount
        failures = [Int64](repeating: 0, count: directions * FailureCause.allCases.count)
        peakSlots = [Int32](repeating: 0, count: directions)
        peakLockedMsat = forwardedCount
        slotMicroseconds = [Double](repeating: 0, count: directions)
        lockedMsatMicroseconds = slotMicroseconds
        atLimitMicroseconds = forwardedCount
        lastChange = forwardedCount
        limitSince = [Int64](repeating: -1, count: directions)
    }


    mutating func advance(_ d: Int, to now: Int64, slots: Int32, pending: Int64) {
        let dt = now - lastChange[d]
        if dt > 0 && slots > 0 {
            slotMicroseconds[d] += Double(slots) * Double(dt)
            lockedMsatMicroseconds[d] += Double(pending) * Double(dt)
        }
        lastChange[d] = now
    }

    mutating func noteAdd(_ d: Int, slots: Int32, pending: Int64, limit: Int32, now: Int64) {
        if slots > peakSlots[d] { peakSlots[d] = slots }
        if pending > peakLockedMsat[d] { peakLockedMsat[d] = pending }
        if slots >= limit && limitSince[d] < 0 { limitSince[d] = now }
        htlcsInFlight += 1
        if htlcsInFlight > peakHTLCsInFlight { peakHTLCsInFlight = htlcsInFlight }
    }

    /// Ends, at `now`, a period at the slot limit that the run's end leaves open (nothing is removed).
    mutating func closeLimitPeriod(_ d: Int, now: Int64) {
        if limitSince[d] >= 0 {
            atLimitMicroseconds[d] += now - limitSince[d]
            limitSince[d] = now
        }
    }

    mutating func noteRemove(_ d: Int, now: Int64) {
        if limitSince[d] >= 0 {
            atLimitMicroseconds[d] += now - limitSince[d]
            limitSince[d] = -1
        }
        htlcsInFlight -= 1
    }

    /// When each direction now at its slot limit reached it; -1 when it is below the limit.
    var limitSince: [Int64]
}
