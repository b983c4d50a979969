/// The changing state of every channel direction during one run: balances, HTLCs in flight, slots.
///
/// `balance[d]` is what the source of direction `d` can still send; an HTLC offered over `d` moves its
/// amount from `balance[d]` to `pending[d]` and takes one of `d`'s slots until it is settled (the amount
/// goes to `balance[reverse(d)]`) or failed (it returns to `balance[d]`).
///
/// Guarantees (checked by `verify()`): for every channel, both balances plus both pending amounts equal
/// its capacity; no balance or pending amount is negative; no direction holds more HTLCs than its
/// max_accepted_htlcs. Slot-seconds and locked msat·s are integrated exactly at every change.
public struct NetworkState {
    public let graph: ChannelGraph
    public private(set) var balance: [Int64]
    public private(set) var pending: [Int64]
    public private(set) var slots: [Int32]
    public private(set) var stats: ChannelStatistics

    public init(graph: ChannelGraph) {
        self.graph = graph
        balance = (0..<graph.directionCount).map { graph.initialBalanceMsat(of: $0) }
        pending = [Int64](repeating: 0, count: graph.directionCount)
        slots = [Int32](repeating: 0, count: graph.directionCount)
        stats = ChannelStatistics(directions: graph.directionCount)
    }

    /// Whether `direction` can take an HTLC of `amount` now; nil when it can, else the cause.
    /// Does not consider whether the next node is online.
    public func refusal(_ direction: Int, amount: Int64) -> FailureCause? {
        if amount < graph.htlcMinimumMsat[direction] { return .belowMinimum }
        if amount > graph.htlcMaximumMsat[direction] || !graph.enabled[direction] { return .aboveMaximum }
        if slots[direction] >= graph.maxAcceptedHTLCs[direction] { return .slotsExhausted }
        if balance[direction] - amount < graph.reserveMsat[direction] { return .insufficientBalance }
        if pending[direction] + amount > maxInFlight(direction) { return .insufficientBalance }
        return nil
    }

    /// The most the source of `direction` may have in flight over it.
    public func maxInFlight(_ direction: Int) -> Int64 {
        let limit = graph.maxInFlightMsat[direction]
        return limit == .max ? graph.capacityMsat[direction >> 1] - graph.reserveMsat[direction] : limit
    }

    /// What the source of `direction` could send in one HTLC now (its own view of its own channel).
    public func spendable(_ direction: Int) -> Int64 {
        if slots[direction] >= graph.maxAcceptedHTLCs[direction] || !graph.enabled[direction] { return 0 }
        let byBalance = balance[direction] - graph.reserveMsat[direction]
        let byFlight = maxInFlight(direction) - pending[direction]
        return max(0, min(byBalance, byFlight, graph.htlcMaximumMsat[direction]))
    }

    /// Locks an HTLC of `amount` on `direction` at time `now` (µs). The caller has checked `refusal`.
    public mutating func add(_ direction: Int, amount: Int64, now: Int64) {
        stats.advance(direction, to: now, slots: slots[direction], pending: pending[direction])
        balance[direction] -= amount
        pending[direction] += amount
        slots[direction] += 1
        stats.noteAdd(direction, slots: slots[direction], pending: pending[direction], limit: graph.maxAcceptedHTLCs[direction], now: now)
    }

    /// Removes an HTLC of `amount` from `direction`: settled (funds move across) or failed (funds return).
    public mutating func resolve(_ direction: Int, amount: Int64, settled: Bool, now: Int64) {
        stats.advance(direction, to: now, slots: slots[direction], pending: pending[direction])
        pending[direction] -= amount
        slots[direction] -= 1
        if settled {
            balance[direction ^ 1] += amount
        } else {
            balance[direction] += amount
        }
        stats.noteRemove(direction, now: now)
    }

    /// Records a refusal on `direction` in the per-direction statistics.
    public mutating func noteFailure(_ direction: Int, cause: FailureCause) {
        stats.failures[Int(cause.rawValue) * graph.directionCount + direction] += 1
    }

    /// Records a settled forward over `direction` and the fee its source earned (totals saturate at
    /// Int64.max msat: a channel of 21 million BTC forwarding back and forth could pass it).
    public mutating func noteForward(_ direction: Int, amount: Int64, fee: Int64) {
        stats.forwardedCount[direction] += 1
        stats.forwardedMsat[direction] = Bounds.adding(stats.forwardedMsat[direction], amount)
        stats.feesEarnedMsat[direction] = Bounds.adding(stats.feesEarnedMsat[direction], fee)
    }

    /// HTLCs in flight in the whole network.
    public var htlcsInFlight: Int { stats.htlcsInFlight }

    /// Closes the time integrals at `now` (end of the run).
    public mutating func finish(at now: Int64) {
        for d in 0..<graph.directionCount {
            stats.advance(d, to: now, slots: slots[d], pending: pending[d])
            stats.closeLimitPeriod(d, now: now)
        }
    }

    /// The conservation and limit invariants; returns a description of the first violation.
    public func verify() -> String? {
        for c in 0..<graph.channelCount {
            let a = 2 * c, b = 2 * c + 1
            if balance[a] < 0 || balance[b] < 0 || pending[a] < 0 || pending[b] < 0 {
                return "channel \(c): negative balance or pending amount"
            }
            // In Double: four amounts near 21 million BTC each would pass Int64.max if the invariant broke.
            let total = Double(balance[a]) + Double(balance[b]) + Double(pending[a]) + Double(pending[b])
            if total >= Double(Int64.max) || balance[a] + balance[b] + pending[a] + pending[b] != graph.capacityMsat[c] {
                return "channel \(c): balances + in flight = \(total) != capacity \(graph.capacityMsat[c])"
            }
            for d in [a, b] where slots[d] > graph.maxAcceptedHTLCs[d] || slots[d] < 0 {
                return "direction \(d): \(slots[d]) HTLCs, limit \(graph.maxAcceptedHTLCs[d])"
            }
        }
        return nil
    }
}
