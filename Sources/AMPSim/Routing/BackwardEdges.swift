/// The channel directions entering each node, with everything a backwards path search reads about
/// them, laid out contiguously in the order of `ChannelGraph.inDirections`: scanning a node's incoming
/// directions is one sequential read instead of a lookup in eight per-direction arrays.
///
/// Guarantees: edges `start[v] ..< start[v + 1]` are exactly `graph.incoming(v)`, in the same order,
/// with the graph's values copied unchanged; `position[d]` is the index of direction `d` among them.
/// `sources[e]` is the edge's source `u`, stored as `~u` (negative) when `u` is a dead end: all its
/// channels lead to one and the same peer, so no route can pass through it (it could only leave by
/// going back). `outgoing` is the same directions by source, for the passes that go forwards from the
/// sender's side. Memory linear in directions (56 + 4 + 4 + 16 bytes each); immutable once built.
struct BackwardEdges {
    /// One incoming direction as the search needs it.
    struct Edge {
        var capacityMsat: Int64
        var htlcMinimumMsat: Int64
        var htlcMaximumMsat: Int64
        var feeBaseMsat: Int64
        var feeRatePPM: Int64
        var direction: Int32
        var source: Int32
        var cltvDelta: Int32
        var enabled: Bool
    }

    let edges: [Edge]
    /// `edges[e].source` again, densely (`~source` for a dead end): the one field read for every edge a search scans.
    let sources: [Int32]

    /// The node of a `sources` entry, dead end or not.
    @inline(__always) static func node(_ source: Int32) -> Int {
        Int(source >= 0 ? source : ~source)
    }
    let start: [Int32]
    let position: [Int32]

    /// One outgoing direction as the forward passes (`setLowerBounds`, `markReachable`) need it.
    struct Out {
        /// The largest amount the direction can carry: the least of capacity and htlc maximum, or -1 when
        /// it is disabled.
        var maxAmountMsat: Int64
        var target: Int32
        /// The direction's index in `edges`.
        var position: Int32
    }
    /// Every node's outgoing directions in the order of `ChannelGraph.outDirections` (from `outStart`),
    /// read sequentially instead of through four per-direction arrays.
    let outgoing: [Out]
    /// Every fee base and rate is >= 0, so amounts never shrink upstream and no edge costs less than 0.
    let feesNonNegative: Bool

    init(_ graph: ChannelGraph) {
        var edges: [Edge] = []
        edges.reserveCapacity(graph.directionCount)
        var position = [Int32](repeating: -1, count: graph.directionCount)
        for d32 in graph.inDirections {
            let d = Int(d32)
            position[d] = Int32(edges.count)
            edges.append(Edge(capacityMsat: graph.capacityMsat[d >> 1], htlcMinimumMsat: graph.htlcMinimumMsat[d],
                              htlcMaximumMsat: graph.htlcMaximumMsat[d], feeBaseMsat: graph.feeBaseMsat[d],
                              feeRatePPM: graph.feeRatePPM[d], direction: d32, source: Int32(graph.source(of: d)),
                              cltvDelta: graph.cltvDelta[d], enabled: graph.enabled[d]))
        }
        self.edges = edges
        let deadEnd = (0..<graph.nodeCount).map { Self.isDeadEnd($0, graph) }
        sources = edges.map { deadEnd[Int($0.source)] ? ~$0.source : $0.source }
        self.position = position
        start = graph.inStart
        outgoing = graph.outDirections.map { d32 in
            let d = Int(d32)
            return Out(maxAmountMsat: graph.enabled[d] ? min(graph.capacityMsat[d >> 1], graph.htlcMaximumMsat[d]) : -1,
                       target: Int32(graph.target(of: d)), position: position[d])
        }
        feesNonNegative = graph.feeBaseMsat.allSatisfy { $0 >= 0 } && graph.feeRatePPM.allSatisfy { $0 >= 0 }
    }

    /// True when every channel of `node` leads to the same peer (a leaf, or parallel channels to one peer).
    static func isDeadEnd(_ node: Int, _ graph: ChannelGraph) -> Bool {
        let out = graph.outgoing(node)
        guard let first = out.first else { return true }
        let peer = graph.target(of: Int(first))
        return out.allSatisfy { graph.target(of: Int($0)) == peer }
    }
}
