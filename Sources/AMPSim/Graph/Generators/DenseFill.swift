/// Adds channels between node pairs not yet joined, uniformly among all free pairs, when random
/// rejection sampling has become too slow (a graph close to complete).
///
/// Guarantees: adds exactly `count` new channels among nodes `0 ..< nodes` if that many free pairs
/// exist (otherwise all of them); no self-loops, no duplicates. Memory O(nodes^2): only called when the
/// graph is dense, i.e. when nodes^2 is of the order of the channel count.
enum DenseFill {
    static func add(_ count: Int, among nodes: Int, to topology: inout Topology, pairs: inout PairSet, _ stream: RandomStream) {
        guard count > 0 else { return }
        var free: [(Int32, Int32)] = []
        for a in 0..<nodes {
            for b in (a + 1)..<max(a + 1, nodes) where !pairs.contains(a, b) {
                free.append((Int32(a), Int32(b)))
            }
        }
        let take = min(count, free.count)
        for i in 0..<take {
            let j = i + Int(stream.uniformInt(below: UInt64(free.count - i)))
            free.swapAt(i, j)
            let (a, b) = free[i]
            pairs.insert(Int(a), Int(b))
            topology.append(Int(a), Int(b))
        }
    }
}
