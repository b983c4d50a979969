/// The receiver's side: the protocol's rules (`PaymentProtocolRules.receive`) decide what happens to
/// a part that arrives; held parts wait for their set, or fail with mpp_timeout when the hold timer
/// fires. A greedy receiver settles what it can when the timer fires: every held part when the
/// protocol's parts share one preimage (`greedyTakesHeld`: MPP), none otherwise.
extension Simulation {
    func receive(_ a: Int) {
        rules.receive(a, payment: Int(attempts[a].payment), in: self)
    }

    func hold(_ a: Int, payment p: Int) {
        attempts[a].status = .held
        let first = payments[p].held.isEmpty
        payments[p].held.append(Int32(a))
        payments[p].heldMsat += attempts[a].request.amountMsat
        switch scenario.receiver.holdTimer {
        case .perHTLC:
            scheduler.schedule(.holdTimerFires(payment: Int32(p), attempt: Int32(a), generation: 0), after: holdTimeout)
        case .perSet:
            if first {
                scheduler.schedule(.holdTimerFires(payment: Int32(p), attempt: -1, generation: payments[p].setGeneration), after: holdTimeout)
            }
        }
    }

    func settleHeldSet(_ p: Int) {
        payments[p].complete = true
        payments[p].setGeneration += 1
        for h in payments[p].held { resolveFromReceiver(Int(h), settle: true) }
        payments[p].held = []
        payments[p].heldMsat = 0
    }

    func holdTimerFired(_ p: Int, attempt: Int, generation: Int32) {
        var expired: [Int32]
        if attempt >= 0 {
            guard attempts[attempt].status == .held else { return }
            expired = [Int32(attempt)]
        } else {
            guard generation == payments[p].setGeneration, !payments[p].held.isEmpty else { return }
            expired = payments[p].held
            payments[p].setGeneration += 1
        }
        let greedy = scenario.receiver.behavior == .greedy && greedyTakesHeld
        if greedy {
            // Settle everything held, not just what expired: the receiver already has the preimage.
            payments[p].greedySettled = true
            expired = payments[p].held
        }
        payments[p].held.removeAll { expired.contains($0) }
        for a in expired {
            payments[p].heldMsat -= attempts[Int(a)].request.amountMsat
            resolveFromReceiver(Int(a), settle: greedy, cause: .mppTimeout)
        }
        rules.expired(expired, payment: p, in: self)
        if !payments[p].held.isEmpty, scenario.receiver.holdTimer == .perSet {
            scheduler.schedule(.holdTimerFires(payment: Int32(p), attempt: -1, generation: payments[p].setGeneration), after: holdTimeout)
        }
    }
}
