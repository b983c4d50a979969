/// Generates G(n, M): exactly M channels, each an unordered pair drawn uniformly among all pairs.
///
/// Guarantees: exactly `channels` distinct pairs (capped at n(n-1)/2), no self-loops; all draws from the
/// `.graph` stream. Sparse requests use rejection sampling; requests above a quarter of all pairs switch to
/// choosing among the free pairs. Not necessarily connected (use `largest_component`).
enum ErdosRenyiGenerator {
    static func topology(nodes n: Int, channels m: Int, _ stream: RandomStream) -> Topology {
        var topology = Topology(nodeCount: n, reserve: m)
        guard n >= 2 else { return topology }
        let allPairs = n * (n - 1) / 2
        let wanted = min(m, allPairs)
        var pairs = PairSet(capacity: wanted)
        let sparseLimit = allPairs / 4
        while topology.channelCount < min(wanted, sparseLimit) {
            let a = Int(stream.uniformInt(below: UInt64(n))), b = Int(stream.uniformInt(below: UInt64(n)))
            if a != b && pairs.insert(a, b) { topology.append(a, b) }
        }
        DenseFill.add(wanted - topology.channelCount, among: n, to: &topology, pairs: &pairs, stream)
        return topology
    }
}
