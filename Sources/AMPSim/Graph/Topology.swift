/// The bare shape of a generated graph: a node count and the channels as node pairs.
///
/// Guarantees (for every generator's output): endpoints lie in 0 ..< nodeCount; no self-loops;
/// no two channels join the same pair of nodes.
struct Topology: Sendable {
    var nodeCount: Int
    var node1: [Int32] = []
    var node2: [Int32] = []

    init(nodeCount: Int, reserve: Int = 0) {
        self.nodeCount = nodeCount
        node1.reserveCapacity(reserve)
        node2.reserveCapacity(reserve)
    }

    var channelCount: Int { node1.count }

    mutating func append(_ a: Int, _ b: Int) {
        node1.append(Int32(a))
        node2.append(Int32(b))
    }

    /// Renames nodes by a random permutation and shuffles channel order, so that node and channel
    /// indices say nothing about how a node was generated (n0 is not always the biggest hub).
    mutating func shuffle(_ stream: RandomStream) {
        var permutation = Array(0..<Int32(nodeCount))
        for i in stride(from: nodeCount - 1, to: 0, by: -1) {
            permutation.swapAt(i, Int(stream.uniformInt(below: UInt64(i + 1))))
        }
        for c in 0..<channelCount {
            node1[c] = permutation[Int(node1[c])]
            node2[c] = permutation[Int(node2[c])]
        }
        for i in stride(from: channelCount - 1, to: 0, by: -1) {
            let j = Int(stream.uniformInt(below: UInt64(i + 1)))
            node1.swapAt(i, j)
            node2.swapAt(i, j)
        }
    }
}

/// A set of unordered node pairs, for refusing duplicate channels in O(1) per test.
///
/// Guarantees: `insert(a, b)` and `insert(b, a)` are the same pair; memory linear in the pairs held.
struct PairSet {
    private var keys = Set<UInt64>()

    init(capacity: Int) { keys.reserveCapacity(capacity) }

    private static func key(_ a: Int, _ b: Int) -> UInt64 {
        let lo = UInt64(Swift.min(a, b)), hi = UInt64(Swift.max(a, b))
        return lo << 32 | hi
    }

    func contains(_ a: Int, _ b: Int) -> Bool { keys.contains(Self.key(a, b)) }

    /// Inserts the pair; false if it was already there.
    @discardableResult
    mutating func insert(_ a: Int, _ b: Int) -> Bool { keys.insert(Self.key(a, b)).inserted }

    mutating func remove(_ a: Int, _ b: Int) { keys.remove(Self.key(a, b)) }
}
