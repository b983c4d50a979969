/// The sender of the `redundant` protocol, in place of the scenario's strategy (which only fixes n):
/// all n + k parts of its `PartPlan` are sent at once, each on its own route (the sender's knowledge
/// of its own parts in flight steers them apart, as fixed-n's). A part that fails on the way is
/// retried with the same amount on a new route while fewer than n parts have settled; a part the
/// receiver failed back as a spare is not. A part with no route is dropped; the sender gives up once
/// fewer than n parts are left to it.
///
/// Guarantees: never more than n + k distinct parts; deterministic (no randomness).
struct RedundantSender: SplitStrategy {
    let needed: Int
    var queue: [PartRequest]
    var alive: Int
    var settled = 0
    var retiredMsat: Int64 = 0
    var gaveUp = false

    init(_ plan: PartPlan) {
        needed = plan.needed
        queue = plan.sizes.map { PartRequest(amountMsat: $0) }
        alive = plan.sizes.count
    }

    mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if gaveUp { return .giveUp }
        guard settled < needed, !queue.isEmpty else { return .wait }
        return .send(queue.removeFirst())
    }

    mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        drop(part)
        if alive < needed { gaveUp = true }
    }

    mutating func drop(_ part: PartRequest) {
        alive -= 1
        retiredMsat += part.amountMsat
    }

    mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        if view.failureCause == .spareFailedBack || settled >= needed { drop(part) } else { queue.append(part) }
    }

    mutating func delivered(_ part: PartRequest, _ view: SessionView) { settled += 1 }
}
