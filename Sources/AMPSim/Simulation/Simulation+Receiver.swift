/// The receiver's rules: keysend settles at once; MPP and AMP parts are held until the set reaches
/// total_msat (AMP: and the shares rebuild the root), or fail with mpp_timeout when the hold timer
/// fires. A greedy receiver settles what it can when the timer fires: every held MPP part (it knows
/// the one preimage), no AMP part (no child preimage is computable before the set is whole).
extension Simulation {
    func receive(_ a: Int) {
        let p = Int(attempts[a].payment)
        switch scenario.payment.protocol {
        case .keysend:
            resolveFromReceiver(a, settle: true)
        case .mpp:
            if payments[p].greedySettled || payments[p].complete {
                // The preimage is out: a greedy receiver takes every later part too.
                resolveFromReceiver(a, settle: payments[p].greedySettled)
                return
            }
            hold(a, payment: p)
            if payments[p].heldMsat >= payments[p].spec.amountMsat { settleHeldSet(p) }
        case .amp:
            receiveAMP(a, payment: p)
        }
    }

    func receiveAMP(_ a: Int, payment p: Int) {
        guard let setID = payments[p].setID else { return }
        let invoice = invoiceKey(p)
        do {
            switch try invoices[invoice, default: AMPInvoice()].receive(ampHTLC(a), setID: setID, totalMsat: payments[p].spec.amountMsat) {
            case .pending:
                hold(a, payment: p)
            case .settled(_, let preimages):
                hold(a, payment: p)
                // One verified preimage per held part: the set was whole before anything was settled.
                if preimages.count != payments[p].held.count { ampSettledBeforeComplete += 1 }
                settleHeldSet(p)
            }
        } catch AMPReceiverError.hashMismatch {
            // The invoice cancelled the whole set: fail every part of it.
            resolveFromReceiver(a, settle: false, cause: .unknownPaymentDetails)
            for h in payments[p].held { resolveFromReceiver(Int(h), settle: false, cause: .unknownPaymentDetails) }
            payments[p].held = []
            payments[p].heldMsat = 0
        } catch {
            // A duplicate or closed set id, a total that differs, an amount past the total: refuse this HTLC.
            resolveFromReceiver(a, settle: false, cause: .unknownPaymentDetails)
        }
    }

    /// The invoice a payment pays: its reusable invoice, or one of its own.
    func invoiceKey(_ p: Int) -> Int32 {
        payments[p].spec.invoice >= 0 ? payments[p].spec.invoice : -1 - Int32(p)
    }

    /// What the receiver sees of AMP part attempt `a`.
    func ampHTLC(_ a: Int) -> AMPReceivedHTLC {
        AMPReceivedHTLC(share: attempts[a].share, childIndex: attempts[a].childIndex, childHash: attempts[a].childHash,
                        amountMsat: attempts[a].request.amountMsat)
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
        let greedy = scenario.receiver.behavior == .greedy && scenario.payment.protocol == .mpp
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
        if scenario.payment.protocol == .amp, let setID = payments[p].setID {
            invoices[invoiceKey(p)]?.expire(expired.map { ampHTLC(Int($0)) }, from: setID)
        }
        if !payments[p].held.isEmpty, scenario.receiver.holdTimer == .perSet {
            scheduler.schedule(.holdTimerFires(payment: Int32(p), attempt: -1, generation: payments[p].setGeneration), after: holdTimeout)
        }
    }
}
