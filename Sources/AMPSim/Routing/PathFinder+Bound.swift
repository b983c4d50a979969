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

/// A* lower bounds for lnd's a-priori cost. Extending a label at v (weight w, probability p) by a hop out
/// of node u adds fee and timelock terms >= 0 plus attemptCost/(p·q) - attemptCost/p = attemptCost ·
/// (1/q - 1) / p, q <= hopBound(u); the sender's own hop adds >= 0. Write d(u) = attemptCost ·
/// (1/hopBound(u) - 1) (`delta`, with margins).
///
/// p is at most 1/E(v): the label at v includes the hop out of v unless v is the receiver (whose label is
/// final from the start, so never extended into), and that hop's probability is at most `apriori` when v
/// has no mission-control history (`HopProbability`: its capacity factor is <= 1) and at most anyHop, the
/// largest `hopBound` of any node (0.95 once any pair has a success, else `apriori`), when it has. When v
/// has no channel into the receiver, the label's next node is not the receiver either, and its hop adds
/// another factor of at most anyHop — at most `apriori` when that next node's hops cannot beat `apriori`
/// (no node next to v can: v is not marked by `markHistoryNeighbours`, which marks the neighbours of
/// every node whose `hopBound` exceeds `apriori`, when it marked them all; part 11): E(v) is 1/apriori or
/// 1/anyHop by v's history, times 1 when v has a channel into the receiver, else 1/anyHop when v is
/// marked and 1/apriori when not (`eQuiet`). So the extension over u -> v adds at least
/// c(u -> v) = d(u) · E(v), and d(u) = d(apriori) when u's hops cannot beat `apriori`.
///
/// The bound h: h(sender) = h(usable peer) = 0; with K = min d(peer) over usable peers / anyHop, every
/// other node v gets rest(v) = K + D(v) · E(v), D(v) = d(apriori) when no node whose hops may beat
/// `apriori`, other than the sender, leads into v (`markHistoryNeighbours`, when it marked them all) and
/// d(anyHop) otherwise; a neighbour v of usable peers gets min(d(a) · E(v) over those peers a, rest(v)).
/// Every h but the sender's and the peers' is >= K (E >= 1/anyHop). Consistency, h(v) <= c(u -> v) + h(u)
/// on every extension the search makes: into a peer, h = 0; from the sender, only into its usable peers;
/// from a usable peer a into v, c >= d(a) · E(v) >= h(v); from any other u, c >= D(v) · E(v) (u's d is at
/// least D(v)) and h(u) >= K, so c + h(u) >= rest(v) >= h(v). (Measured against the bound of parts 1-7, E
/// = 1 and D = d(anyHop): case C with 4,000 payments settles 24% fewer nodes and reads 3% fewer channels,
/// about 5% less CPU time; case I with 6,000 payments 18% and 2%, no change in time measurable on this
/// VM.)
///
/// The heap orders by cost + h, then by the labels' order; labels at
/// one node keep their order (same h), and every extension comes strictly later, so the search returns
/// exactly the route of plain label-setting (`PathFinderReferenceTests`) while settling only labels
/// whose cost + h is below the route's cost.
extension PathFinder {
    /// h of a node without a bound stamp: K + D(v) · E(v), D(v) by whether a node with history leads into
    /// v, E(v) by whether v has history itself and whether it has a channel into the receiver (`value`).
    struct RestBound {
        var k: Double
        /// D(v): no node whose hops may beat `apriori` leads into v, or one does.
        var dApriori: Double, dAny: Double
        /// E(v)'s factor for the hop out of v: v without and with history.
        var eApriori: Double, eAny: Double
        /// E(v)'s factor for the hop after v's when v is next to no node whose hops may beat `apriori`
        /// (`eAny` when it is, 1 when v has a channel into the receiver).
        var eQuiet: Double

        static func uniform(_ h: Double) -> RestBound { RestBound(k: h, dApriori: 0, dAny: 0, eApriori: 1, eAny: 1, eQuiet: 1) }

        /// d · E(v): a hop term d on a label at v.
        @inline(__always) func scaled(_ d: Double, historyNext: Bool, results: Bool, receiverNext: Bool) -> Double {
            d * (results ? eAny : eApriori) * (receiverNext ? 1 : historyNext ? eAny : eQuiet)
        }

        @inline(__always) func value(historyNext: Bool, results: Bool, receiverNext: Bool) -> Double {
            k + scaled(historyNext ? dAny : dApriori, historyNext: historyNext, results: results, receiverNext: receiverNext)
        }
    }

    /// Sets h for the sender, its usable peers and (when their channels are few enough) the peers'
    /// neighbours; returns h of every other node (`rest`), `gap` and `listed`: when the neighbours were
    /// set, K, the least h of any node other than the sender and its usable peers, and true, with every
    /// channel from a usable peer into a neighbour listed (`SearchBuffers.list`); else 0 and false. So
    /// every node leading into a node without a bound stamp, other than the sender, has h >= gap, and so
    /// does every node but the usable peers when `listed` (PathFinder+Deferral.swift). `historyMarked`:
    /// every node that a node whose hops may beat `apriori` leads into is marked (`markHistoryNeighbours`).
    func setLowerBounds(sender: Int, receiver: Int, amount: Int64, historyMarked: Bool) -> (rest: RestBound, gap: Double, listed: Bool) {
        let b = buffers, g = b.generation
        b.boundStamp[sender] = g
        b.bound[sender] = 0
        let attempt = attemptCost(amount)
        guard attempt > 0 else { return (.uniform(0), 0, false) }
        for d32 in graph.outgoing(sender) where b.peerStamp[graph.target(of: Int(d32))] == g {
            b.boundStamp[graph.target(of: Int(d32))] = g
            b.bound[graph.target(of: Int(d32))] = 0
        }
        // Only the receiver is a usable peer: no other node can lead to the sender.
        guard !peerList.isEmpty else { return (.uniform(.infinity), 0, false) }
        let p = probability
        let anySuccess = flatResults.contains { $0.successAmt >= amount }
        let anyHop = p.apriori > HopProbability.previousSuccess ? 1 : anySuccess ? HopProbability.previousSuccess : p.apriori
        // `hopBound` of a node without history (1 when no bound applies).
        let aprioriHop = anyHop >= 1 ? 1 : p.apriori
        // E = 1 / (the bound on a label's probability), with a margin of 10^-9 for rounding.
        func inverse(_ q: Double) -> Double { q > 0 && q < 1 ? (1 - 1e-9) / q : 1 }
        let eAny = inverse(anyHop), eApriori = max(eAny, inverse(aprioriHop))
        func delta(_ q: Double) -> Double { Self.delta(attempt: attempt, hopBound: q) }
        var peerDelta = Double.infinity, work = 0
        for (peer, q) in peerList {
            peerDelta = min(peerDelta, delta(q))
            work += graph.degree(Int(peer))
        }
        let k = peerDelta * eAny
        // The peers' neighbours and the receiver's only when that costs a small part of a search.
        let receiverDegree = Int(edges.start[receiver + 1] - edges.start[receiver])
        guard work + receiverDegree <= smallWork else { return (.uniform(k), 0, false) }
        for e in Int(edges.start[receiver])..<Int(edges.start[receiver + 1]) {
            b.receiverNextStamp[BackwardEdges.node(edges.sources[e])] = g
        }
        // delta falls as its bound rises, and aprioriHop <= anyHop: dApriori >= dAny.
        let dAny = delta(anyHop), dApriori = historyMarked ? delta(aprioriHop) : dAny
        let rest = RestBound(k: k, dApriori: dApriori, dAny: dAny, eApriori: eApriori, eAny: eAny, eQuiet: historyMarked ? eApriori : eAny)
        for (peer, q) in peerList {
            let d = delta(q)
            for i in Int(graph.outStart[Int(peer)])..<Int(graph.outStart[Int(peer) + 1]) {
                let out = edges.outgoing[i], v = Int(out.target)
                if v == sender || b.peerStamp[v] == g { continue }
                let results = b.nodeResultStamp[v] == g, near = b.receiverNextStamp[v] == g, history = b.historyNextStamp[v] == g
                let h = min(rest.scaled(d, historyNext: history, results: results, receiverNext: near),
                            rest.value(historyNext: history, results: results, receiverNext: near))
                if b.boundStamp[v] != g {
                    b.boundStamp[v] = g
                    b.bound[v] = h
                } else if h < b.bound[v] {
                    b.bound[v] = h
                }
                b.list(out.position, into: v)
            }
        }
        return (rest, k, true)
    }

    /// attemptCost · (1/q - 1) for a hop probability of at most q, with margins (0.999 and q · (1 + 10^-9))
    /// for rounding in the search's own arithmetic: a lower bound on what such a hop adds to a label.
    static func delta(attempt: Double, hopBound q: Double) -> Double {
        let hop = min(1, q * (1 + 1e-9))
        return hop >= 1 ? 0 : hop <= 0 ? .infinity : 0.999 * attempt * (1 / hop - 1)
    }
}
