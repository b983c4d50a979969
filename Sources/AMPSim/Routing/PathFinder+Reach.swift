/// Which nodes can still lie on a route, for stopping a search that cannot succeed (most of the cost of
/// an AMP payment's last, failing searches is flooding the graph from the receiver).
///
/// With fees >= 0 every hop of a route carries at least the part's amount, so a route leaves the sender
/// on a usable channel (spendable >= amount) and then follows directions that are enabled with capacity
/// and htlc maximum >= amount. A node not reachable that way from the sender's usable peers cannot be on
/// a route, and neither can any label there lead to one: an extension of it (over u -> v, the label at
/// v) lands at a node u from which v would otherwise be reachable. So such labels only ever beget labels
/// at such nodes; they never change a label at any other node. Likewise a label of probability p at v
/// with p · Q(v) below `min_probability` (`RoutePotential`'s sender-side bound) can only beget labels
/// that lnd abandons before the sender. When no entry left in the heap could lead to a route, none
/// can appear later (every label descends from one in the heap): the search stops with no route, as
/// plain label-setting would end after settling the rest. Labels are never skipped, only the search
/// ended, so the labels a search sets before then are those it always set.
extension PathFinder {
    /// Pops after which a search that has not finished marks the reachable nodes (a breadth-first search
    /// over at most every direction once, which pays off only on a long search that fails): only when
    /// the search repeats one already made (it has `RoutePotential`'s bound), as an AMP payment's last,
    /// failing searches do; a keysend payment's long searches mostly succeed.
    func reachAfter(repeated: Bool) -> Int {
        repeated ? max(1024, graph.nodeCount / 16) : .max
    }

    /// Stamps (generation) the sender and every node reachable from its usable peers over directions out
    /// of nodes other than the sender that are enabled, with capacity and htlc maximum >= `amount`.
    func markReachable(sender: Int, amount: Int64) {
        let b = buffers, g = b.generation
        b.reachStamp[sender] = g
        var tail = 0
        for d32 in graph.outgoing(sender) {
            let peer = graph.target(of: Int(d32))
            if b.peerStamp[peer] == g && b.reachStamp[peer] != g {
                b.reachStamp[peer] = g
                b.queue[tail] = Int32(peer)
                tail += 1
            }
        }
        var head = 0
        while head < tail {
            let u = Int(b.queue[head])
            head += 1
            for d32 in graph.outgoing(u) {
                let d = Int(d32)
                let w = graph.target(of: d)
                if b.reachStamp[w] == g { continue }
                guard graph.enabled[d], graph.capacityMsat[d >> 1] >= amount, graph.htlcMaximumMsat[d] >= amount else { continue }
                b.reachStamp[w] = g
                b.queue[tail] = Int32(w)
                tail += 1
            }
        }
    }
}
