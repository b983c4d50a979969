/// Connected components of an undirected graph given as channel endpoint arrays (union-find).
///
/// Guarantees: `label[v]` is the same for two nodes exactly when a chain of channels joins them; labels
/// are dense from 0 in order of each component's smallest node; O((nodes + channels) α(nodes)) time.
struct Components {
    let label: [Int32]
    let sizes: [Int]

    init(nodeCount: Int, node1: [Int32], node2: [Int32]) {
        var parent = Array(0..<Int32(nodeCount))
        func find(_ x: Int32) -> Int32 {
            var root = x
            while parent[Int(root)] != root { root = parent[Int(root)] }
            var y = x
            while parent[Int(y)] != root { let next = parent[Int(y)]; parent[Int(y)] = root; y = next }
            return root
        }
        for c in 0..<node1.count {
            let a = find(node1[c]), b = find(node2[c])
            if a != b { parent[Int(max(a, b))] = min(a, b) }
        }
        var dense = [Int32](repeating: -1, count: nodeCount)
        var label = [Int32](repeating: 0, count: nodeCount)
        var sizes: [Int] = []
        for v in 0..<nodeCount {
            let r = Int(find(Int32(v)))
            if dense[r] < 0 { dense[r] = Int32(sizes.count); sizes.append(0) }
            label[v] = dense[r]
            sizes[Int(dense[r])] += 1
        }
        self.label = label
        self.sizes = sizes
    }

    var count: Int { sizes.count }

    /// The label of the largest component (the first one on ties); nil for an empty graph.
    var largest: Int32? {
        guard let m = sizes.max() else { return nil }
        return Int32(sizes.firstIndex(of: m)!)
    }

    /// For each node, its index once only the largest component is kept, or -1 when dropped.
    func largestRenumbering() -> [Int32] {
        guard let keep = largest else { return [] }
        var next: Int32 = 0
        return label.map { l in
            guard l == keep else { return -1 }
            defer { next += 1 }
            return next
        }
    }
}
