/// `mpp` (BOLT 4 basic_mpp): every part carries the same payment hash. The receiver holds parts until
/// they sum to the amount, then settles the set; a forwarder carrying two parts links them; a greedy
/// receiver, knowing the one preimage, settles whatever it holds when its hold timer fires (and every
/// part that arrives after).
struct MPPProtocol: PaymentProtocolRules {
    var linksParts: Bool { true }
    var greedyTakesHeld: Bool { true }

    func receive(_ a: Int, payment p: Int, in sim: Simulation) {
        if sim.payments[p].greedySettled || sim.payments[p].complete {
            // The preimage is out: a greedy receiver takes every later part too.
            sim.resolveFromReceiver(a, settle: sim.payments[p].greedySettled)
            return
        }
        sim.hold(a, payment: p)
        if sim.payments[p].heldMsat >= sim.payments[p].spec.amountMsat { sim.settleHeldSet(p) }
    }
}
