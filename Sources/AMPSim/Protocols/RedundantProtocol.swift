/// `redundant`: "send a sixth spare part, the receiver claims any five". The sender sends n + k
/// parts of amount / n (`RedundantSender`); the receiver claims exactly n, as soon as n have
/// arrived, and fails every other part back (`spare_failed_back`). The scheme decides what a
/// receiver could take beyond n:
/// - `boomerang` (Bagaria, Neu, Tse, FC 2020): settles the n at once; settling one more part would
///   reveal the sender's secret and let it claw everything back, so a greedy receiver takes nothing
///   extra (and, like AMP's, cannot settle fewer than n: it holds no preimage before then).
/// - `stuckless`: the receiver acknowledges each of the n parts and the sender releases its key: one
///   more message each way over the part's route (2 × hops hop latencies) before it settles.
/// - `mpp`: the same n + k parts under one payment hash, as plain MPP: nothing stops the receiver from
///   settling the spares; a greedy one takes every spare that reaches it (`overpaid_msat`).
///
/// n comes from the strategy (`partsNeeded`); the rounding is `plan`'s.
struct RedundantProtocol: PaymentProtocolRules {
    let params: RedundantParams

    init(_ params: RedundantParams) { self.params = params }

    var linksParts: Bool { params.scheme == .mpp }
    var greedyTakesHeld: Bool { params.scheme == .mpp }

    /// The parts a payment of `amountMsat` needs with the scenario's strategy: what that strategy
    /// would cut the amount into before any outcome, at the part size it starts with — fixed-n: n;
    /// halving: 1 (its first part is the whole amount); window: ⌈1 / initial_part⌉, at most
    /// max_in_flight_parts; lnd: ⌈amount / max_shard_sat⌉ (1 without a maximum), at most max_parts;
    /// cln-presplit: ⌈amount / part_sat⌉, at most 483. `single` and `optimal-flow` (its parts are a
    /// flow's paths, known only once it is solved) are refused by the scenario reader.
    /// Never more than the amount in msat (every part carries at least 1 msat).
    static func partsNeeded(_ spec: PaymentSpec, amountMsat: Int64) -> Int {
        func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { (a + b - 1) / b }
        let n: Int64
        switch spec.strategy {
        case .single, .halving, .optimalFlow: n = 1
        case .fixedN: n = Int64(spec.fixedN.n)
        case .window: n = min(Int64((1 / spec.window.initialPart).rounded(.up)), Int64(spec.window.maxInFlightParts))
        case .lnd: n = spec.lnd.maxShardSat.map { min(ceilDiv(amountMsat, max(1, Bounds.msat(sat: $0))), Int64(spec.lnd.maxParts)) } ?? 1
        case .clnPresplit: n = min(ceilDiv(amountMsat, max(1, Bounds.msat(sat: spec.clnPresplit.partSat))), 483)
        }
        return Int(max(1, min(n, amountMsat)))
    }

    /// n parts of amount / n, the first amount mod n of them 1 msat larger, then k spares of the
    /// larger size (⌈amount / n⌉). Any n of them carry the amount or up to min(k, n − amount mod n)
    /// msat more (never less: at least amount mod n of any n are of the larger size); exactly the
    /// amount when n divides it.
    static func plan(amountMsat: Int64, needed n: Int, extra k: Int) -> PartPlan {
        let base = amountMsat / Int64(n), remainder = amountMsat % Int64(n)
        let parts = (0..<n).map { base + (Int64($0) < remainder ? 1 : 0) }
        let spare = base + (remainder > 0 ? 1 : 0)
        return PartPlan(needed: n, sizes: parts + Array(repeating: spare, count: k))
    }

    func plan(_ spec: PaymentSpec, amountMsat: Int64) -> PartPlan? {
        Self.plan(amountMsat: amountMsat, needed: Self.partsNeeded(spec, amountMsat: amountMsat), extra: params.extraParts)
    }

    func receive(_ a: Int, payment p: Int, in sim: Simulation) {
        if sim.payments[p].greedySettled {
            // scheme mpp, greedy: the preimage is out (it settled a partial set); it takes every later part.
            sim.resolveFromReceiver(a, settle: true)
            return
        }
        if sim.payments[p].complete {
            // A spare, once n are claimed.
            if params.scheme == .mpp { sim.payments[p].overpaymentAtRiskMsat += sim.attempts[a].request.amountMsat }
            if params.scheme == .mpp && sim.scenario.receiver.behavior == .greedy {
                sim.resolveFromReceiver(a, settle: true)
            } else {
                sim.payments[p].sparesFailedBack += 1
                sim.resolveFromReceiver(a, settle: false, cause: .spareFailedBack)
            }
            return
        }
        sim.hold(a, payment: p)
        guard sim.payments[p].held.count >= sim.payments[p].partsNeeded else { return }
        if params.scheme == .stuckless { releaseKeys(p, in: sim) } else { sim.settleHeldSet(p) }
    }

    /// Stuckless: the n held parts are claimed; each settles once its acknowledgement has reached the
    /// sender and the sender's key has come back, both over the part's own route.
    func releaseKeys(_ p: Int, in sim: Simulation) {
        sim.payments[p].complete = true
        sim.payments[p].setGeneration += 1
        for h in sim.payments[p].held {
            sim.attempts[Int(h)].status = .settling
            var delay: SimTime = 0
            for _ in 0..<(2 * Int(sim.attempts[Int(h)].hopCount)) { delay += sim.hopDelay() }
            sim.scheduler.schedule(.keyReleased(attempt: h), after: delay)
        }
        sim.payments[p].held = []
        sim.payments[p].heldMsat = 0
    }
}
