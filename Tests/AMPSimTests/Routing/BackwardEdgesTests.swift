import Testing
@testable import AMPSim

/// `BackwardEdges`: the incoming layout the search scans, and the outgoing view the forward passes read.
@Suite struct BackwardEdgesTests {
    /// a - b (capacity 1,000,000, b -> a disabled), a - c (capacity 500,000, a -> c htlc maximum 200,000),
    /// c - b (capacity 300,000).
    func graph() -> ChannelGraph {
        var b = ChannelGraphBuilder()
        for id in ["a", "b", "c"] { b.addNode(id: id) }
        let open = DirectionPolicy()
        b.addChannel(0, 1, capacityMsat: 1_000_000, balance1Msat: 500_000, id: "ab", policy1: open, policy2: DirectionPolicy(enabled: false))
        b.addChannel(0, 2, capacityMsat: 500_000, balance1Msat: 500_000, id: "ac", policy1: DirectionPolicy(htlcMaximumMsat: 200_000), policy2: open)
        b.addChannel(2, 1, capacityMsat: 300_000, balance1Msat: 0, id: "cb", policy1: open, policy2: open)
        return b.build()
    }

    /// Every node's outgoing entries follow `ChannelGraph.outgoing` one for one: the direction's target,
    /// its index among the incoming edges, and the largest amount it can carry (the least of capacity
    /// and htlc maximum; -1 when disabled).
    @Test func theOutgoingViewMatchesTheGraph() {
        let g = graph()
        let edges = BackwardEdges(g)
        var seen: [String: Int64] = [:]
        for node in 0..<g.nodeCount {
            for (i, d32) in zip(Int(g.outStart[node])..., g.outgoing(node)) {
                let out = edges.outgoing[i]
                #expect(Int(out.target) == g.target(of: Int(d32)))
                #expect(edges.edges[Int(out.position)].direction == d32)
                seen[g.nodeIDs[node] + ">" + g.nodeIDs[Int(out.target)]] = out.maxAmountMsat
            }
        }
        #expect(seen == ["a>b": 1_000_000, "b>a": -1, "a>c": 200_000, "c>a": 500_000, "c>b": 300_000, "b>c": 300_000])
    }
}
