/// One payment's knowledge of the channels it may use: a `BalanceBelief` per channel direction (only
/// those it has learned about are stored; the others are [0, capacity]), the amounts its own parts have
/// in flight on each direction (renepay's `htlc_total`), and the directions it stopped using.
///
/// Guarantees: the two directions of a channel always stay consistent (renepay
/// `chan_extra_adjust_half`: one's [min, max] is [capacity − max, capacity − min] of the other);
/// in-flight amounts never go negative; only outcomes a real sender sees (the failing hop and its BOLT 4
/// code) change a belief.
public struct UncertaintyNetwork {
    var beliefs: [Int32: BalanceBelief] = [:]
    var htlcTotal: [Int32: Int64] = [:]
    public private(set) var disabled: Set<Int32> = []

    public init() {}

    /// What the payment believes of `direction`'s balance.
    public func belief(_ direction: Int32, graph: ChannelGraph) -> BalanceBelief {
        beliefs[direction] ?? .unknown(capacityMsat: graph.capacityMsat[Int(direction) >> 1])
    }

    /// What the payment's own parts have in flight on `direction`.
    public func inFlight(_ direction: Int32) -> Int64 { htlcTotal[direction] ?? 0 }

    /// Sets `direction`'s belief and its reverse's.
    public mutating func set(_ direction: Int32, _ belief: BalanceBelief, graph: ChannelGraph) {
        let capacity = graph.capacityMsat[Int(direction) >> 1]
        beliefs[direction] = belief
        beliefs[direction ^ 1] = belief.reversed(capacityMsat: capacity)
    }

    mutating func update(_ direction: Int32, graph: ChannelGraph, _ change: (inout BalanceBelief) -> Void) {
        var b = belief(direction, graph: graph)
        change(&b)
        set(direction, b, graph: graph)
    }

    /// A part was launched on `route` (renepay `uncertainty_commit_htlcs`).
    public mutating func commit(_ route: Route) {
        for (d, amount) in zip(route.directions, route.amounts) { htlcTotal[d, default: 0] += amount }
    }

    /// A part on `route` came back (renepay `uncertainty_remove_htlcs`).
    public mutating func remove(_ route: Route) {
        for (d, amount) in zip(route.directions, route.amounts) {
            let left = max(0, (htlcTotal[d] ?? 0) - amount)
            htlcTotal[d] = left == 0 ? nil : left
        }
    }

    /// Stops using `direction` for this payment (renepay `payment_disable_chan`).
    public mutating func disable(_ direction: Int32) { disabled.insert(direction) }

    /// What the outcome of a part on `route` teaches, its HTLCs still counted in flight (call `remove`
    /// after). `failingHop` nil: settled. Hop 0 is the sender's own channel, which it knows exactly, so
    /// only hops 1... are learned. As renepay's route tracker and `routefail.c` `handle_failure` do:
    /// every hop before the failing one forwarded what the payment had on it (`uncertainty_channel_can_send`);
    /// at the failing hop, temporary_channel_failure (0x1007) says its balance is below what the payment
    /// asked of it (`uncertainty_channel_cannot_send`), while unknown_next_peer (0x400a),
    /// amount_below_minimum (0x100b) and any other code disable the direction, and so does any failure
    /// on the sender's own channel (hop 0); a failure from the receiver (failing hop =
    /// hop count) means every hop forwarded.
    public mutating func learn(route: Route, failingHop: Int?, boltCode: UInt16?, graph: ChannelGraph) {
        let hops = route.directions.count
        let forwarded = min(hops, failingHop ?? hops)
        for i in 1..<max(1, forwarded) {
            let d = route.directions[i]
            let total = inFlight(d)
            update(d, graph: graph) { $0.canSend(total, capacityMsat: graph.capacityMsat[Int(d) >> 1]) }
        }
        guard let h = failingHop, h < hops, let code = boltCode else { return }
        let d = route.directions[h]
        // The sender's own channel (hop 0) refused although it could spend the amount on it (no free
        // HTLC slot, or the peer went offline): its balance says nothing new, so the only way not to
        // plan the same path again is to stop using it for this payment (renepay disables a channel it
        // cannot learn from, `payment_disable_chan`).
        if h == 0 { disable(d); return }
        switch code {
        case 0x1007:
            let total = inFlight(d)
            update(d, graph: graph) { $0.cannotSend(total) }
        default:
            // 0x400a unknown_next_peer, 0x100b amount_below_minimum, and any other forwarder's code.
            disable(d)
        }
    }
}

extension UncertaintyNetwork {
    /// The chance that all `routes`, sent together, get through: the product over their hops (the
    /// sender's own first hop is certain) of each hop's probability given what the payment already has in
    /// flight there and what the routes before it put on the same direction (renepay flow.c
    /// `flow_set_probability`: P(A and B) = P(A) · P(B | A)).
    public func probability(of routes: [Route], graph: ChannelGraph) -> Double {
        var added: [Int32: Int64] = [:]
        var p = 1.0
        for r in routes {
            for i in 1..<max(1, r.hops) {
                let d = r.directions[i]
                p *= belief(d, graph: graph).probability(r.amounts[i], inFlight: inFlight(d) + added[d, default: 0])
                added[d, default: 0] += r.amounts[i]
            }
        }
        return p
    }
}
