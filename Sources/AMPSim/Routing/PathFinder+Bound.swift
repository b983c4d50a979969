import Foundation

/// An upper bound on the probability of every route a search could return through one peer of the
/// sender: the route leaves the sender on its own channel to that peer (probability at most lnd's
/// `LocalPairProbability`) and, unless the peer is the receiver, its second hop leaves the peer
/// (probability at most `hopBound`); later hops only multiply by factors at most 1. When the bound over
/// all usable peers is below `min_probability`, lnd's search abandons every label it could give the
/// sender, so `findRoute` returns nil without flooding the graph from the receiver: same answer.
///
/// Guarantees: never below the probability the search computes for a route through that peer — hop
/// probabilities never rise with the amount (the a-priori estimator's capacity factor falls, successes
/// drop out, failures join), a hop carries at least the part's amount when fees are non-negative
/// (the caller uses the bound only then), and a floating-point product of factors at most 1 rounds to
/// at most its largest factor.
extension PathFinder {
    /// An upper bound on the probability of any hop out of `node` for an amount of at least `amount`.
    /// Only lnd's a-priori estimator is bounded, and only with `apriori_probability` <= 0.95 (then every
    /// average of its terms is at most lnd's 0.95 for a previous success); other models give 1.
    func hopBound(_ node: Int, amount: Int64, now: Int64, results: UnsafeBufferPointer<MissionControl.PairResult>) -> Double {
        let p = probability
        guard p.cost == .apriori, p.apriori <= HopProbability.previousSuccess else { return 1 }
        let list = nodeResults(node, results)
        if list.isEmpty || p.aprioriWeight == 1 { return p.apriori }
        // lnd's getNodeProbability with its capacity factor at most 1, evaluated at `amount`: at a larger
        // amount a success can only drop out (a term 0.95 >= the average) and a failure only join
        // (weight without value), which lowers the average.
        var total = p.apriori * p.aprioriFactor, weights = p.aprioriFactor
        var pairSuccess = false
        for r in list {
            if amount <= r.successAmt {
                weights += 1
                total += HopProbability.previousSuccess
                pairSuccess = true
            } else if r.failTime >= 0 && amount >= r.failAmt {
                weights += p.weight(age: now - r.failTime)
            }
        }
        let nodeProbability = weights > 0 ? total / weights : p.apriori
        // lnd's calculateProbability: a pair that carried the amount gets 0.95, every other pair at most
        // the node probability (a failure only lowers it).
        return pairSuccess ? HopProbability.previousSuccess : nodeProbability
    }
}

/// A* lower bounds for lnd's a-priori cost. Extending a label (weight w, probability p <= 1) by a hop out
/// of node u adds fee and timelock terms >= 0 plus attemptCost/(p·q) - attemptCost/p >= attemptCost ·
/// (1/q - 1) >= delta(u) = attemptCost · (1/hopBound(u) - 1); the sender's own hop adds >= 0. So
/// h(sender) = h(usable peer) = 0, h(v) = min delta(a) over usable peers a next to v (capped), and
/// h = min delta(peer) + delta(any node) elsewhere satisfy h(v) <= delta(u) + h(u) on every edge the
/// search relaxes: a consistent bound. The heap orders by cost + h, then by the labels' order; labels at
/// one node keep their order (same h), and every extension comes strictly later, so the search returns
/// exactly the route of plain label-setting (`PathFinderReferenceTests`) while settling only labels
/// whose cost + h is below the route's cost.
extension PathFinder {
    /// Sets h for the sender, its usable peers and (when their channels are few enough) the peers'
    /// neighbours; returns h of every other node (`rest`) and `gap`: when the neighbours were set, the
    /// least h of any node other than the sender and its usable peers (0 when they were not). So every
    /// node leading into a node without a bound stamp, other than the sender, has h >= gap
    /// (PathFinder+Deferral.swift).
    func setLowerBounds(sender: Int, amount: Int64) -> (rest: Double, gap: Double) {
        let b = buffers, g = b.generation
        b.boundStamp[sender] = g
        b.bound[sender] = 0
        let attempt = attemptCost(amount)
        guard attempt > 0 else { return (0, 0) }
        func delta(_ q: Double) -> Double { Self.delta(attempt: attempt, hopBound: q) }
        for d32 in graph.outgoing(sender) where b.peerStamp[graph.target(of: Int(d32))] == g {
            b.boundStamp[graph.target(of: Int(d32))] = g
            b.bound[graph.target(of: Int(d32))] = 0
        }
        // Only the receiver is a usable peer: no other node can lead to the sender.
        guard !peerList.isEmpty else { return (.infinity, 0) }
        let p = probability
        let anySuccess = flatResults.contains { $0.successAmt >= amount }
        let anyHop = p.apriori > HopProbability.previousSuccess ? 1 : anySuccess ? HopProbability.previousSuccess : p.apriori
        var peerDelta = Double.infinity, work = 0
        for (peer, q) in peerList {
            peerDelta = min(peerDelta, delta(q))
            work += graph.degree(Int(peer))
        }
        let cap = peerDelta + delta(anyHop)
        // The peers' neighbours only when that costs a small part of a search.
        guard work <= smallWork else { return (peerDelta, 0) }
        for (peer, q) in peerList {
            let h = min(delta(q), cap)
            for d32 in graph.outgoing(Int(peer)) {
                let v = graph.target(of: Int(d32))
                if v == sender || b.peerStamp[v] == g { continue }
                if b.boundStamp[v] != g {
                    b.boundStamp[v] = g
                    b.bound[v] = h
                } else if h < b.bound[v] {
                    b.bound[v] = h
                }
            }
        }
        // Neighbours get min(delta(q), cap) >= peerDelta, every other node cap >= peerDelta.
        return (cap, peerDelta)
    }
}

/// The potential bound (`RoutePotential`, where the proof is): attemptCost · h(v), h the shortest distance
/// from the sender over per-edge lower bounds that grow with the distance from the receiver, as the cost
/// does. Built for a (sender, receiver, free nodes) once a search for it found no route and it is asked
/// for again (`RoutePotential.asked`), then reused.
extension PathFinder {
    /// The potential per unit of attempt cost, and the attempt cost; (nil, 0) when lnd's a-priori
    /// estimator gives no bound (apriori above 0.95 or 0, or no attempt cost) or on a first request.
    func potentialBound(sender: Int, receiver: Int, amount: Int64) -> ((h: UnsafePointer<Double>, q: UnsafePointer<Double>)?, Double) {
        let attempt = attemptCost(amount)
        let apriori = probability.apriori
        guard attempt > 0, attempt.isFinite, apriori > 0, apriori <= HopProbability.previousSuccess else { return (nil, 0) }
        guard let p = potential.potential(RoutePotential.Key(sender: sender, receiver: receiver, free: freeNodes)) else { return (nil, 0) }
        return (p, attempt)
    }

    /// attemptCost · (1/q - 1) for a hop probability of at most q, with margins (0.999 and q · (1 + 10^-9))
    /// for rounding in the search's own arithmetic: a lower bound on what such a hop adds to a label.
    static func delta(attempt: Double, hopBound q: Double) -> Double {
        let hop = min(1, q * (1 + 1e-9))
        return hop >= 1 ? 0 : hop <= 0 ? .infinity : 0.999 * attempt * (1 / hop - 1)
    }
}
