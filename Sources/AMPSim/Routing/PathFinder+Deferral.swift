/// Deferred scans: with lnd's a-priori cost, a settled node's incoming channels are scanned only once the
/// search reaches a lower bound on the keys of the labels that scan could give, so the last ring of
/// nodes a search settles before it finds the sender (the largest) is never scanned.
///
/// Why it keeps the search exact. Let v be settled with label (weight w, probability p). Extending it over
/// u -> v, u not the sender, gives u the distance w' + attemptCost / (p · e) with w' >= w (fee and
/// timelock terms >= 0) and e the hop's probability: at most `apriori` when u has no mission-control
/// history (its capacity factor is <= 1), at most max(apriori, 0.95) when it has (lnd's node probability
/// is an average of terms at most those, and a pair's own result gives 0.95 or lowers it;
/// `HopProbability`). Rounding is monotone, so with q(v) the larger bound over v's neighbours the distance
/// is at least floor(v) = w + attemptCost / (p · q(v)), and the heap key (distance plus a bound >= 0) too.
/// So instead of scanning v's channels when v settles, the search queues a scan entry keyed floor(v),
/// ordered before every label entry of the same key (its cost is -infinity). Every label entry popped
/// after v settles and before the scan entry has a key below every label the scan could give (a floor
/// below the keys already popped goes to the front of the queue at once): each node it settles would
/// keep its label against those (`SearchBuffers.precedes` compares the cost first, and the node's bound
/// is the same), so the labels settled, and the route, are those of the immediate scan. A scan entry is not queued when
/// floor(v) is above the sender's label so far (the sender, bound 0, is popped first and ends the search),
/// or infinite (every extension's probability is 0, which lnd abandons). The sender's own channel adds
/// only its local probability, so a usable peer of the sender is scanned at once; when `counting`, a scan
/// entry counts as live exactly when v's label is (`isLive`: its extensions cannot be live otherwise).
///
/// Listed channels (part 11). The floor takes q(v) over all of v's neighbours and the gap over all nodes
/// but the sender's peers, so one neighbour that may do better than the rest (a usable peer, whose bound
/// is 0; a node with history whose hops may beat `apriori`) used to set the key of v's whole scan. Those
/// channels are now listed per node (`SearchBuffers.list`: from each usable peer, by `setLowerBounds`,
/// and from each node with such history, here) and read as soon as v settles, which is exact (a label
/// made before its key is reached is what the plain search makes); when the peers' channels are listed,
/// the scan of v's other channels is deferred to w + attemptCost / (p · apriori) + gap, since every other
/// neighbour is neither a peer nor has hops above `apriori` (0.95 instead of `apriori` when the history
/// marking stopped at its budget, so that not every such node's channels are listed); otherwise to the
/// old floor. A node with
/// history "may beat `apriori`" when its `hopBound` at the amount exceeds it: a success at that amount or
/// more; a node with only failures, or successes at smaller amounts, has hops at most `apriori`.
extension PathFinder {
    /// Stamps (generation) every node that `node`, one with results in the sender's mission control whose
    /// hops may beat `apriori` at the search's amount, has a channel into, and lists those channels unless
    /// `node` is a usable peer of the sender (`setLowerBounds` lists a peer's); returns the channels read.
    /// `findRoute` stops marking once more than `smallWork` were read: then every node is to be taken as
    /// next to history.
    func markHistoryNeighbours(of node: Int) -> Int {
        let b = buffers, g = b.generation
        let peer = b.peerStamp[node] == g
        for i in Int(graph.outStart[node])..<Int(graph.outStart[node + 1]) {
            let out = edges.outgoing[i], v = Int(out.target)
            b.historyNextStamp[v] = g
            // A usable peer's channels are listed by `setLowerBounds`, when it lists any.
            if !peer { b.list(out.position, into: v) }
        }
        return graph.degree(node)
    }
}
