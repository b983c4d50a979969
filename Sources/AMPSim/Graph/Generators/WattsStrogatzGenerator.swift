/// Generates a Watts-Strogatz small world: a ring where each node joins its k/2 nearest neighbours on
/// each side, then each channel's far end is moved, with probability beta, to a uniformly drawn node.
///
/// Guarantees: exactly n·k/2 channels; no self-loops or duplicates (a rewiring that would create one is
/// redrawn, and given up after 100 tries, keeping the ring channel); draws from the `.graph` stream.
/// Usually but not always connected for small beta.
enum WattsStrogatzGenerator {
    static func topology(nodes n: Int, k: Int, beta: Double, _ stream: RandomStream) -> Topology {
        var topology = Topology(nodeCount: n, reserve: n * k / 2)
        var pairs = PairSet(capacity: n * k / 2)
        let half = min(k / 2, (n - 1) / 2)
        for offset in 1...max(1, half) where half >= 1 {
            for a in 0..<n {
                let b = (a + offset) % n
                if pairs.insert(a, b) { topology.append(a, b) }
            }
        }
        for c in 0..<topology.channelCount where stream.uniform() < beta {
            let a = Int(topology.node1[c]), b = Int(topology.node2[c])
            for _ in 0..<100 {
                let t = Int(stream.uniformInt(below: UInt64(n)))
                if t == a || pairs.contains(a, t) { continue }
                pairs.remove(a, b)
                pairs.insert(a, t)
                topology.node2[c] = Int32(t)
                break
            }
        }
        return topology
    }
}
