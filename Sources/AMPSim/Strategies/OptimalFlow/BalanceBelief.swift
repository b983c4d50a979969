import Foundation

/// A sender's belief of one channel direction's balance: somewhere in [min, max] msat, every value
/// equally likely (Pickhardt and Richter, arXiv 2107.05322; CLN renepay's `chan_extra_half`
/// known_min / known_max, plugins/renepay/chan_extra.c).
///
/// Guarantees: 0 ≤ min ≤ max ≤ capacity after every update; `probability` is in [0, 1], 1 at or
/// below min, 0 above max, and non-increasing in the amount.
public struct BalanceBelief: Sendable, Equatable {
    public var minMsat: Int64
    public var maxMsat: Int64

    public init(minMsat: Int64, maxMsat: Int64) {
        self.minMsat = minMsat
        self.maxMsat = maxMsat
    }

    /// Nothing known about a channel of `capacity` msat: [0, capacity].
    public static func unknown(capacityMsat: Int64) -> BalanceBelief { BalanceBelief(minMsat: 0, maxMsat: capacityMsat) }

    /// The chance that `amount` more msat get through when the payment already has `inFlight` msat on
    /// this direction: (max' + 1 − a) / (max' − min' + 1) for min' < a ≤ max' + 1, 1 for a ≤ min', 0
    /// above max' + 1, with the belief shifted by what is in flight: min' = max(0, min − inFlight),
    /// max' = max − inFlight (renepay flow.c `edge_probability`: P(f | x in flight) = P(f + x) / P(x)).
    public func probability(_ amount: Int64, inFlight: Int64 = 0) -> Double {
        let upper = maxMsat - inFlight
        guard upper >= 0 else { return amount <= 0 ? 1 : 0 }
        let lower = max(0, minMsat - inFlight)
        if amount <= lower { return 1 }
        if amount > upper + 1 { return 0 }
        return Double(upper + 1 - amount) / Double(upper - lower + 1)
    }

    /// The direction forwarded `total` msat of this payment's HTLCs at once (renepay
    /// `chan_extra_can_send_`: min = max(min, total), max = max(max, total)), capped at `capacity`.
    public mutating func canSend(_ total: Int64, capacityMsat: Int64) {
        let x = min(max(0, total), capacityMsat)
        minMsat = max(minMsat, x)
        maxMsat = max(maxMsat, x)
    }

    /// The direction refused when asked for `total` msat (this part plus the payment's other HTLCs on
    /// it): max = min(max, total − 1); a belief that contradicts this (min above it) restarts its min at
    /// half of it (renepay `chan_extra_cannot_send`).
    public mutating func cannotSend(_ total: Int64) {
        let x = max(0, total - 1)
        if x < minMsat { minMsat = x / 2 }
        maxMsat = min(maxMsat, x)
    }

    /// The other direction of the same channel, as renepay's `chan_extra_adjust_half` keeps it:
    /// [capacity − max, capacity − min].
    public func reversed(capacityMsat: Int64) -> BalanceBelief {
        BalanceBelief(minMsat: max(0, capacityMsat - maxMsat), maxMsat: max(0, capacityMsat - minMsat))
    }
}
