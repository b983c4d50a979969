/// `amp` (lnd's atomic multi-path): each part carries its own XOR share of a random root seed and its
/// own child hash, all under one set id. The receiver holds parts until they sum to the amount and
/// the shares rebuild the root, then settles each with its own child preimage; parts carry different
/// hashes, so forwarders cannot link them; a greedy receiver can take nothing before the set is whole
/// (no child preimage is computable without every share).
struct AMPProtocol: PaymentProtocolRules {
    var linksParts: Bool { false }
    var greedyTakesHeld: Bool { false }

    func start(_ p: Int, in sim: Simulation) {
        sim.payments[p].sharer = AMPSharer(random: sim.strategyStream)
        sim.payments[p].setID = Bytes32(random: sim.strategyStream)
    }

    /// lnd's sharer: a new share per part (the last part, carrying all that is unassigned, closes
    /// the XOR), unless the strategy split the shares itself (halving's tree).
    func prepare(_ attempt: inout PartAttempt, payment p: Int, in sim: Simulation) {
        guard var sharer = sim.payments[p].sharer else { return }
        if let share = attempt.request.share {
            attempt.share = share
            attempt.childIndex = attempt.request.treeIndex
        } else {
            let unassigned = sim.view(p).unassignedMsat
            attempt.share = sharer.nextShare(isLast: attempt.request.amountMsat == unassigned, using: sim.strategyStream)
            attempt.childIndex = AMPSharer.randomChildIndex(using: sim.strategyStream)
            attempt.sharedBySharer = true
            sim.payments[p].sharer = sharer
        }
        let preimage = AMPDerivation.childPreimage(root: sharer.root, share: attempt.share, index: attempt.childIndex)
        attempt.childHash = AMPDerivation.childHash(preimage: preimage)
    }

    func receive(_ a: Int, payment p: Int, in sim: Simulation) {
        guard let setID = sim.payments[p].setID else { return }
        let invoice = Self.invoiceKey(p, in: sim)
        do {
            switch try sim.invoices[invoice, default: AMPInvoice()].receive(Self.htlc(a, in: sim), setID: setID,
                                                                           totalMsat: sim.payments[p].spec.amountMsat) {
            case .pending:
                sim.hold(a, payment: p)
            case .settled(_, let preimages):
                sim.hold(a, payment: p)
                // One verified preimage per held part: the set was whole before anything was settled.
                if preimages.count != sim.payments[p].held.count { sim.ampSettledBeforeComplete += 1 }
                sim.settleHeldSet(p)
            }
        } catch AMPReceiverError.hashMismatch {
            // The invoice cancelled the whole set: fail every part of it.
            sim.resolveFromReceiver(a, settle: false, cause: .unknownPaymentDetails)
            for h in sim.payments[p].held { sim.resolveFromReceiver(Int(h), settle: false, cause: .unknownPaymentDetails) }
            sim.payments[p].held = []
            sim.payments[p].heldMsat = 0
        } catch {
            // A duplicate or closed set id, a total that differs, an amount past the total: refuse this HTLC.
            sim.resolveFromReceiver(a, settle: false, cause: .unknownPaymentDetails)
        }
    }

    func expired(_ parts: [Int32], payment p: Int, in sim: Simulation) {
        guard let setID = sim.payments[p].setID else { return }
        sim.invoices[Self.invoiceKey(p, in: sim)]?.expire(parts.map { Self.htlc(Int($0), in: sim) }, from: setID)
    }

    /// The invoice a payment pays: its reusable invoice, or one of its own.
    static func invoiceKey(_ p: Int, in sim: Simulation) -> Int32 {
        sim.payments[p].spec.invoice >= 0 ? sim.payments[p].spec.invoice : -1 - Int32(p)
    }

    /// What the receiver sees of AMP part attempt `a`.
    static func htlc(_ a: Int, in sim: Simulation) -> AMPReceivedHTLC {
        AMPReceivedHTLC(share: sim.attempts[a].share, childIndex: sim.attempts[a].childIndex,
                        childHash: sim.attempts[a].childHash, amountMsat: sim.attempts[a].request.amountMsat)
    }
}
