/// What a sender's mission control learns from the outcome of one part attempt, as lnd's result
/// interpretation does (routing/result_interpretation.go, `processPaymentOutcomeIntermediate` and
/// `processPaymentOutcomeFinal`):
/// - settled: every pair of the route succeeded with the amount it forwarded (`successPairRange`);
/// - failed by the receiver (mpp_timeout, unknown payment details): every pair forwarded it, so every
///   pair is a success;
/// - temporary channel failure and the other channel-level refusals at the node of hop h
///   (`failPairBalance` + `successPairRange(0, h-1)`): the pair of hop h failed for the amount it was
///   asked to carry — this part's amount plus what the payment's other parts in flight already had on
///   that channel (ampsim's rule, so that the comparison the search makes, amount + own load, and the
///   stored amount mean the same thing) — and the pairs before it succeeded;
/// - unknown_next_peer (offline next node, `reportOutgoing` → `failPair`): the pair of hop h failed in
///   both directions, independently of the amount (amount 0), and nothing else is learned.
extension Simulation {
    /// The node pair of hop `i` of attempt `a`: (source, target) of its channel direction.
    func pair(_ a: Int, hop i: Int) -> (Int32, Int32) {
        let d = Int(hopDirections[Int(attempts[a].hopStart) + i])
        return (Int32(graph.source(of: d)), Int32(graph.target(of: d)))
    }

    /// Pairs 0 ..< hops of attempt `a` forwarded it: a success each, with the amount each carried.
    func learnSuccess(_ a: Int, hops: Int) {
        let sender = Int(payments[Int(attempts[a].payment)].spec.sender)
        let now = scheduler.now
        for i in 0..<hops {
            let (from, to) = pair(a, hop: i)
            memories[sender].record(from: from, to: to, success: true, amount: hopAmounts[Int(attempts[a].hopStart) + i], time: now,
                                    horizon: memoryHorizon)
        }
    }

    /// What the sender learns from failed attempt `a` (already removed from the payment's parts in flight).
    func learnFailure(_ a: Int) {
        let p = Int(attempts[a].payment)
        let sender = Int(payments[p].spec.sender)
        let now = scheduler.now
        let hop = Int(attempts[a].failingHop), hops = Int(attempts[a].hopCount)
        let cause = attempts[a].cause ?? .insufficientBalance
        guard hop >= 0 else { return }
        if hop >= hops || !cause.raisedByForwarder {
            learnSuccess(a, hops: hops)
            return
        }
        let (from, to) = pair(a, hop: hop)
        if cause == .offline {
            memories[sender].record(from: from, to: to, success: false, amount: 0, time: now, horizon: memoryHorizon)
            memories[sender].record(from: to, to: from, success: false, amount: 0, time: now, horizon: memoryHorizon)
            return
        }
        let index = Int(attempts[a].hopStart) + hop
        let asked = hopAmounts[index] + ownLoad(p, direction: hopDirections[index])
        memories[sender].record(from: from, to: to, success: false, amount: asked, time: now, horizon: memoryHorizon)
        learnSuccess(a, hops: hop)
    }

    /// What payment `p`'s parts in flight have on channel direction `d`.
    func ownLoad(_ p: Int, direction d: Int32) -> Int64 {
        var load: Int64 = 0
        for b in payments[p].inFlight {
            let start = Int(attempts[Int(b)].hopStart)
            for i in start..<(start + Int(attempts[Int(b)].hopCount)) where hopDirections[i] == d { load += hopAmounts[i] }
        }
        return load
    }
}
