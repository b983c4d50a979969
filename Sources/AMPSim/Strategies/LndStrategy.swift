/// `lnd`, as lnd's payment session splits (routing/payment_session.go, `RequestRoute`): every route
/// request starts from the whole unassigned amount (capped by `max_shard_sat`); when no route is
/// found, the amount is halved and searched again, never below `min_shard_sat` (lnd's
/// DefaultShardMinAmt, 10,000 sat) and not when one more shard would reach `max_parts` (lnd's default
/// 16). When even that finds no route, the payment fails at once (lnd's payment lifecycle treats "no
/// route" as terminal and only collects the shards still in flight). Which pairs are avoided is left
/// to the sender's mission control.
public struct LndStrategy: SplitStrategy {
    let maxParts: Int
    let minShardMsat: Int64
    let maxShardMsat: Int64?
    /// The amount of the current route request, halved on each "no route"; nil: start from the
    /// unassigned amount (every new request, as `RequestRoute`'s maxAmt).
    var cap: Int64?
    var gaveUp = false

    public init(_ params: LndSplitParams) {
        maxParts = params.maxParts
        minShardMsat = Bounds.msat(sat: params.minShardSat)
        maxShardMsat = params.maxShardSat.map { Bounds.msat(sat: $0) }
    }

    public mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if gaveUp { return .giveUp }
        guard view.unassignedMsat > 0, view.inFlightParts < maxParts else { return .wait }
        var amount = min(view.unassignedMsat, maxShardMsat ?? .max)
        if let cap { amount = min(amount, cap) }
        return .send(PartRequest(amountMsat: amount))
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        // RequestRoute: "No splitting if this is the last shard" (activeShards + 1 >= MaxParts), then
        // maxAmt /= 2 and "Put a lower bound on the minimum shard size".
        let half = part.amountMsat / 2
        if view.inFlightParts + 1 >= maxParts || half < minShardMsat {
            gaveUp = true
            return
        }
        cap = half
    }

    /// A route was found and the shard launched: the next request starts again from what is left.
    public mutating func launched(_ part: PartRequest, _ view: SessionView) {
        cap = nil
    }

    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        cap = nil
    }
}
