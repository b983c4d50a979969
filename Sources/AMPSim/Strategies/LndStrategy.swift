/// `lnd`, as lnd's payment session splits: ask for a route for the whole unassigned amount (capped by
/// `max_shard_sat`); when none is found, halve the amount and search again, never below
/// `min_shard_sat` (default 10,000 sat) nor past `max_parts` parts in flight (default 16). Which
/// channels are avoided is left to the sender's memory of failure amounts (mission control).
public struct LndStrategy: SplitStrategy {
    let maxParts: Int
    let minShardMsat: Int64
    let maxShardMsat: Int64?
    /// The cap of the current route request, halved on each "no route", reset by each launch/outcome.
    var cap: Int64?
    /// Set when no route was found with parts still in flight: wait for their outcome first.
    var waiting = false
    var gaveUp = false

    public init(_ params: LndSplitParams) {
        maxParts = params.maxParts
        minShardMsat = Bounds.msat(sat: params.minShardSat)
        maxShardMsat = params.maxShardSat.map { Bounds.msat(sat: $0) }
    }

    public mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if gaveUp { return .giveUp }
        guard !waiting, view.unassignedMsat > 0, view.inFlightParts < maxParts else { return .wait }
        var amount = min(view.unassignedMsat, maxShardMsat ?? .max)
        if let cap { amount = min(amount, cap) }
        return .send(PartRequest(amountMsat: amount))
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        // lnd: no split when one more shard would pass max_parts, nor below the minimum shard size.
        let half = part.amountMsat / 2
        if view.inFlightParts + 1 >= maxParts || half < minShardMsat {
            if view.inFlightParts == 0 { gaveUp = true } else { cap = nil; waiting = true }
            return
        }
        cap = half
    }

    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        cap = nil
        waiting = false
    }
}
