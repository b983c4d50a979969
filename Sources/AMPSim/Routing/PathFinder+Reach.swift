/// Which nodes can still lie on a route, for stopping a search that cannot succeed (most of the cost of
/// an AMP payment's last, failing searches is flooding the graph from the receiver).
///
/// With fees >= 0 every hop of a route carries at least the part's amount, so a route leaves the sender
/// on a usable channel (spendable >= amount) and then follows directions that are enabled with capacity
/// and htlc maximum >= amount, and whose capacity is at least the amount plus what the payment's own
/// parts already have in flight on them (the search's own check; part 11: without it an AMP payment's
/// later parts, whose earlier parts filled the channels next to the sender, flooded the graph). A node
/// not reachable that way from the sender's usable peers cannot be on a route, and neither can any label
/// there lead to one: an extension of it (over u -> v, the label at v) lands at a node u from which v
/// would otherwise be reachable. So such labels only ever beget labels at such nodes; they never change a
/// label at any other node. When no entry left in the heap could lead to a route (none is at a node that
/// can lie on one), none can appear later (every label descends from one in the heap): the search stops
/// with no route, as plain label-setting would end after settling the rest. Labels are never skipped,
/// only the search ended, so the labels a search sets before then are those it always set.
extension PathFinder {
    /// Pops after which a search that has not finished starts marking the reachable nodes. The marking
    /// pays off on a search that fails (an AMP payment's last searches flood the graph from the receiver,
    /// and the sender's usable peers often reach only a few nodes at a large amount), and is wasted on
    /// one that finds its route; so each time it is asked it reads at most a sixteenth of the directions
    /// the search has scanned (`reachBudget`), and goes on when the pops have doubled. Measured (part 10
    /// of Benchmarks/README.md): on case I with 6,000 payments, starting after 64 pops with a quarter
    /// took the failing searches from 12.6 s to 4.7 s, but cost case C (whose searches mostly succeed)
    /// about 8-14%; after 1,024 pops with a sixteenth, C paid nothing measurable and I kept most of the
    /// gain (I in full 668 s, against 624 s with 64 and a quarter and 704-765 s with no marking).
    /// Parts 1-9 marked only in a search repeating one that had `RoutePotential`'s bound (removed in
    /// part 10), after max(1024, nodes / 16) pops and without a limit.
    static let reachAfter = 1024

    /// The directions the marking may have read once the search has scanned `scanned`.
    @inline(__always) static func reachBudget(scanned: Int) -> Int { scanned / 16 }

    /// The state of a marking that may stop and go on later: the queue `SearchBuffers.queue[head..<tail]`
    /// of stamped nodes whose channels are still to be read, and the directions read so far.
    struct ReachMarking {
        var head = 0, tail = 0, read = 0
        /// Whether the marking has begun (the sender and its usable peers are stamped).
        var started = false
    }

    /// Goes on stamping (generation) the sender and every node reachable from its usable peers over
    /// directions out of nodes other than the sender that are enabled, with capacity and htlc maximum
    /// >= `amount` and capacity >= `amount` plus the payment's own load on them, until done (true) or
    /// until `m.read` exceeds `budget` directions (false: the stamps are partial, and the marking goes on
    /// where it stopped when called again). Done or not, it stamps
    /// only nodes that are reachable, each once, so the whole marking reads each direction at most once.
    func markReachable(_ m: inout ReachMarking, sender: Int, amount: Int64, budget: Int = .max) -> Bool {
        let b = buffers, g = b.generation
        if !m.started {
            m.started = true
            b.reachStamp[sender] = g
            for d32 in graph.outgoing(sender) {
                let peer = graph.target(of: Int(d32))
                if b.peerStamp[peer] == g && b.reachStamp[peer] != g {
                    b.reachStamp[peer] = g
                    b.queue[m.tail] = Int32(peer)
                    m.tail += 1
                }
            }
        }
        while m.head < m.tail {
            if m.read > budget { return false }
            let u = Int(b.queue[m.head])
            m.head += 1
            m.read += graph.degree(u)
            for i in Int(graph.outStart[u])..<Int(graph.outStart[u + 1]) {
                let out = edges.outgoing[i], w = Int(out.target)
                if b.reachStamp[w] == g { continue }
                guard out.maxAmountMsat >= amount else { continue }
                // What this payment's own parts already ask of the channel counts against it, as in the search.
                let e = Int(out.position)
                if b.knowledgeStamp[e] == g && edges.edges[e].capacityMsat - b.knowledge[e].load < amount { continue }
                b.reachStamp[w] = g
                b.queue[m.tail] = Int32(w)
                m.tail += 1
            }
        }
        return true
    }
}
