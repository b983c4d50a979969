/// `optimal-flow`: Pickhardt and Richter's optimally reliable and cheap payment flows (arXiv
/// 2107.05322), as CLN's renepay plugin sends them. For what is left to send, the sender solves a
/// min-cost flow on the convex cost −ln P + μ · fee over its beliefs of every channel's balance
/// (`UncertaintyNetwork`, `Linearization`, `FlowWorkspace`), cuts the flow into paths and sends one part
/// per path on that path; every outcome narrows the beliefs; what comes back is planned again, until the
/// payment is done, times out, or no flow carries the rest (the payment then ends with `no_route`).
///
/// Units (as renepay's `minflow`): the solver works in whole sat — beliefs and limits rounded down, the
/// amount rounded up, the excess (< 1 sat) taken off the largest part. The fee term of a direction per
/// sat of flow is μ · (fee_rate_ppm / 10^6 + fee_base_msat / 1000 / amount_sat) with μ in nats per sat of
/// fee: renepay's linear fee with the base fee spread over the round's amount (`linear_fee_cost` with
/// base_fee_penalty = 1 / amount).
///
/// Deviations (named in docs/protocol.md): beliefs are the payment's own (renepay keeps them for the
/// node and relaxes them with time); pieces of equal width reaching max (`Linearization`); μ fixed (no
/// bisection on μ against a fee budget); a path the sender cannot use as the flow gives it (too many
/// hops, CLTV, an htlc limit after fees) is trimmed or dropped and its amount planned again.
///
/// Guarantees: parts sum to at most the unassigned amount; every part carries a route that fits what the
/// sender knows (htlc limits, its own spendable balance, max hops, CLTV); deterministic (no randomness).
public struct OptimalFlowStrategy: SplitStrategy {
    let params: OptimalFlowParams
    public private(set) var uncertainty = UncertaintyNetwork()
    var queue: [PartRequest] = []
    var gaveUp = false
    /// The last plan found nothing to send while parts were in flight: wait for an outcome.
    var blocked = false
    /// Planned routes the session refused since the last outcome.
    var refusals = 0
    /// Plans made since the last outcome: each plan's parts shift the beliefs, so plans at one instant
    /// end, but a trimmed remainder could otherwise be planned again and again; after `maxPlans` the
    /// sender waits for an outcome (or gives up when nothing is in flight).
    var plans = 0
    static let maxPlans = 8
    /// Plans made for the whole payment. An outcome that teaches little would let nearly the same flow be
    /// planned after every outcome until the timeout, and with zero hop latency the timeout never comes.
    /// Seen in PropertyTests: temporary_channel_failure also stands for "no free slot" and "above the
    /// htlc maximum", where the balance is ample; `cannotSend` then lowers max to what was asked − 1 msat
    /// and the next flow asks 1 sat less, so a 138,000-sat part crawled down 1 sat per failure (and a
    /// 1-sat part on a slot-exhausted hop failed again and again) — thousands of plans per payment;
    /// after `payment.optimal_flow.max_plans` (default 64) the sender sends nothing new (it waits for what
    /// is in flight, then gives up). Renepay caps its attempt rounds too (`MAX_NUM_ATTEMPTS` = 10,
    /// plugins/renepay/renepayconfig.h; `try_paying` in pay.c fails with "Reached maximum number of
    /// attempts"), but a renepay round collects every failure of a time window before it plans again,
    /// while ampsim plans after each outcome, so the two counts differ (named deviation "plan cap").
    /// Work per payment is therefore bounded: at most `max_plans` plans, each at most `refits` + 1
    /// solves, each at most (amount in sat) augmentations of one Dijkstra run (every augmentation sends
    /// at least 1 unit) and in practice a few per piece of the arcs it uses.
    var totalPlans = 0

    public static var choosesRoutes: Bool { true }

    public init(_ params: OptimalFlowParams) { self.params = params }

    public mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if gaveUp { return .giveUp }
        if !queue.isEmpty { return .send(queue.removeFirst()) }
        guard view.unassignedMsat > 0, !blocked, let context = view.context else { return .wait }
        plans += 1
        totalPlans += 1
        if plans > Self.maxPlans || totalPlans > params.maxPlans {
            if view.inFlightParts > 0 { blocked = true; return .wait }
            gaveUp = true
            return .giveUp
        }
        queue = plan(amountMsat: view.unassignedMsat, context)
        if !queue.isEmpty { return .send(queue.removeFirst()) }
        if view.inFlightParts > 0 { blocked = true; return .wait }
        gaveUp = true
        return .giveUp
    }

    /// The solver's view of direction `d` (nil: not usable): the sender's own channels exactly as it can
    /// spend on them, the others from the belief shifted by what the payment has in flight on them;
    /// `capUnits` lowers a direction's cap (see `plan`). `known` false: the caller knows that `d` is in
    /// none of the payment's tables (own, capUnits, beliefs, in flight, disabled), so they are not looked
    /// up — the same answer, without five hash lookups per direction and solve.
    /// The flow over a direction is capped at its htlc_maximum as renepay's `linearize_channel` does ("an
    /// extra bound on capacity ... such that it does not exceed htlcmax"): a flow never puts two parts on
    /// one channel, so an amount above the htlc_maximum of every channel into the receiver finds no flow
    /// (`no_route` at once) where a splitter sending several HTLCs over one channel can succeed.
    func arcInput(_ d: Int32, own: [Int32: Int64], capUnits: [Int32: Int64], graph g: ChannelGraph, sender: Int,
                  amountSat: Double, known: Bool = true) -> FlowArcInput? {
        if known, let spendable = own[d] {
            guard !uncertainty.disabled.contains(d) else { return nil }
            let u = spendable / 1000
            return FlowArcInput(min: u, max: u, cap: min(u, capUnits[d] ?? .max), feePerUnit: 0)
        }
        let i = Int(d)
        guard g.source(of: i) != sender, g.enabled[i], !(known && uncertainty.disabled.contains(d)) else { return nil }
        // Unknown to the payment: the belief [0, capacity], nothing in flight, no lowered cap.
        let belief = known ? uncertainty.belief(d, graph: g) : .unknown(capacityMsat: g.capacityMsat[i >> 1])
        let inFlight = known ? uncertainty.inFlight(d) : 0
        let upper = belief.maxMsat - inFlight
        guard upper >= 1000 else { return nil }
        let lower = max(0, belief.minMsat - inFlight)
        let fee = params.mu * (Double(g.feeRatePPM[i]) / 1e6 + Double(g.feeBaseMsat[i]) / 1000 / amountSat)
        let cap = min(min(upper, g.htlcMaximumMsat[i]) / 1000, known ? capUnits[d] ?? .max : .max)
        return FlowArcInput(min: lower / 1000, max: upper / 1000, cap: cap, feePerUnit: fee)
    }

    /// How many times `plan` solves again after lowering caps for fees (renepay's flows ignore fees in
    /// the solver too and add them per path, `flow_complete`).
    static let refits = 6

    /// Parts (with routes) for `amountMsat`, or none when no flow carries it or no path fits.
    ///
    /// The solver's flows carry the delivered amount; the fees each path adds on the way can push a hop
    /// past what it may carry (the sender's own spendable balance, shared by its paths, or an htlc
    /// maximum). Then the cap of that direction is lowered by the excess and the flow solved again (at
    /// most `refits` times); a path below an htlc minimum disables that direction for the payment and
    /// also solves again. Only after that is a path trimmed to what fits (the rest planned later).
    public mutating func plan(amountMsat: Int64, _ c: SenderContext) -> [PartRequest] {
        var own: [Int32: Int64] = [:]
        for (d, spendable) in c.own { own[d] = spendable }
        var capUnits: [Int32: Int64] = [:]
        for round in 0...Self.refits {
            guard let routes = solveRoutes(amountMsat: amountMsat, c, own: own, capUnits: capUnits) else { return [] }
            var retry = false
            var ownUse: [Int32: Int64] = [:]
            for route in routes { ownUse[route.directions[0], default: 0] += route.amounts[0] }
            for (d, used) in ownUse where used > own[d] ?? 0 {
                let excess = (used - (own[d] ?? 0) + 999) / 1000
                capUnits[d] = max(0, min(capUnits[d] ?? .max, (own[d] ?? 0) / 1000) - excess)
                retry = true
            }
            for route in routes {
                for (i, d) in route.directions.enumerated() where i > 0 {
                    let i64 = Int(d)
                    if route.amounts[i] < c.graph.htlcMinimumMsat[i64] {
                        uncertainty.disable(d)
                        retry = true
                    } else if route.amounts[i] > c.graph.htlcMaximumMsat[i64] {
                        let excess = (route.amounts[i] - c.graph.htlcMaximumMsat[i64] + 999) / 1000
                        capUnits[d] = max(0, min(capUnits[d] ?? .max, c.graph.htlcMaximumMsat[i64] / 1000) - excess)
                        retry = true
                    }
                }
            }
            if !retry || round == Self.refits { return fitting(routes, own: own, c) }
        }
        return []
    }

    /// The routes of the min-cost flow for `amountMsat` (delivered amounts summing to it), or nil when no
    /// flow carries it.
    mutating func solveRoutes(amountMsat: Int64, _ c: SenderContext, own: [Int32: Int64], capUnits: [Int32: Int64]) -> [Route]? {
        let g = c.graph
        let units = (amountMsat + 999) / 1000
        let amountSat = Double(units)
        let me = self, ws = c.workspace
        // Directions the payment has any entry for; the solver asks for every direction it reaches.
        ws.clearMarks()
        for d in own.keys { ws.mark(d) }
        for d in capUnits.keys { ws.mark(d) }
        for d in uncertainty.beliefs.keys { ws.mark(d) }
        for d in uncertainty.htlcTotal.keys { ws.mark(d) }
        for d in uncertainty.disabled { ws.mark(d) }
        let sent = ws.solve(from: c.sender, to: c.receiver, amount: units) { d in
            me.arcInput(d, own: own, capUnits: capUnits, graph: g, sender: c.sender, amountSat: amountSat, known: ws.isMarked(d))
        }
        guard sent == units else { return nil }
        let paths = c.workspace.decompose(from: c.sender, to: c.receiver)
        guard !paths.isEmpty else { return nil }
        // The flow is in whole sat: the excess (< 1 sat) comes off the largest path.
        let largest = paths.indices.max { paths[$0].units < paths[$1].units }!
        var deliver = paths.map { $0.units * 1000 }
        deliver[largest] -= units * 1000 - amountMsat
        return paths.indices.compactMap { k in
            deliver[k] > 0 ? FlowRoute.build(paths[k].directions, deliver: deliver[k], graph: g, finalCLTV: c.finalCLTV) : nil
        }
    }

    /// Parts for the routes that fit what the sender knows, each trimmed to what its hops can carry.
    mutating func fitting(_ routes: [Route], own: [Int32: Int64], _ c: SenderContext) -> [PartRequest] {
        let g = c.graph
        var own = own
        var parts: [PartRequest] = []
        for planned in routes {
            let first = planned.directions[0]
            let spendable = own[first] ?? 0
            let amount = FlowRoute.largestFitting(planned.directions, deliver: planned.deliveredMsat, ownSpendable: spendable, graph: g,
                                                  finalCLTV: c.finalCLTV)
            guard amount > 0 else { continue }
            let route = FlowRoute.build(planned.directions, deliver: amount, graph: g, finalCLTV: c.finalCLTV)
            switch FlowRoute.misfit(route, ownSpendable: spendable, graph: g, maxHops: c.maxHops) {
            case nil:
                own[first] = spendable - route.amounts[0]
                var part = PartRequest(amountMsat: amount)
                part.route = route
                parts.append(part)
            case .belowMinimum(let hop) where hop > 0:
                // Known from gossip: this direction cannot take so small an HTLC; leave it out from now on.
                uncertainty.disable(route.directions[hop])
            default:
                break
            }
        }
        return parts
    }

    public mutating func launched(_ part: PartRequest, _ view: SessionView) {
        if let route = part.route { uncertainty.commit(route) }
    }

    public mutating func observe(_ part: PartRequest, failingHop: Int?, boltCode: UInt16?, graph: ChannelGraph) {
        guard let route = part.route else { return }
        uncertainty.learn(route: route, failingHop: failingHop, boltCode: boltCode, graph: graph)
        uncertainty.remove(route)
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        // The session refused a planned route (the sender's own channel changed): plan the rest again,
        // after an outcome when parts are in flight.
        queue.removeAll()
        refusals += 1
        guard refusals > 2 else { return }
        if view.inFlightParts > 0 { blocked = true } else { gaveUp = true }
    }

    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) { blocked = false; refusals = 0; plans = 0 }

    public mutating func delivered(_ part: PartRequest, _ view: SessionView) { blocked = false; refusals = 0; plans = 0 }
}
