/// Generates a Barabasi-Albert graph: a complete core of m + 1 nodes, then each new node opens m
/// channels to distinct existing nodes picked in proportion to their degree.
///
/// Guarantees: m(m+1)/2 + (n - m - 1)·m channels (a complete graph when n <= m + 1); connected; no
/// self-loops or duplicates; O(n·m) time and memory; draws from the `.graph` stream only.
enum BarabasiAlbertGenerator {
    static func topology(nodes n: Int, edgesPerNode m: Int, _ stream: RandomStream) -> Topology {
        let seedNodes = min(n, m + 1)
        var topology = Topology(nodeCount: n, reserve: seedNodes * (seedNodes - 1) / 2 + max(0, n - seedNodes) * m)
        // Every channel end, once per channel: picking uniformly from it is picking by degree.
        var ends: [Int32] = []
        ends.reserveCapacity(2 * topology.node1.capacity)
        for a in 0..<seedNodes {
            for b in (a + 1)..<max(a + 1, seedNodes) {
                topology.append(a, b)
                ends.append(Int32(a)); ends.append(Int32(b))
            }
        }
        var chosen: [Int] = []
        for v in seedNodes..<max(seedNodes, n) {
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < m {
                let t = Int(ends[Int(stream.uniformInt(below: UInt64(ends.count)))])
                if !chosen.contains(t) { chosen.append(t) }
            }
            for t in chosen {
                topology.append(v, t)
                ends.append(Int32(v)); ends.append(Int32(t))
            }
        }
        return topology
    }
}
