/// A binary min-heap of (key, node) pairs over two buffers allocated once (`init(capacity:)`, freed by
/// `deallocate()`) and reused: a push or pop never allocates. Used by the searches that need only a
/// key per node (the min-cost-flow Dijkstra, `RoutePotential`'s sender side).
///
/// Guarantees: `pop` returns a pair with the smallest key. Among equal keys the order depends only on
/// the sequence of pushes and pops (an entry moves past another only when strictly smaller), so a
/// search using it is deterministic. A copy shares the buffers: copying an empty heap gives a fresh,
/// empty one over the same memory. The owner keeps at most `capacity` pairs in it at once.
struct KeyedNodeHeap {
    let keys: UnsafeMutablePointer<Double>
    let nodes: UnsafeMutablePointer<Int32>
    let capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        keys = .allocate(capacity: self.capacity)
        nodes = .allocate(capacity: self.capacity)
    }

    func deallocate() {
        keys.deallocate()
        nodes.deallocate()
    }

    @inline(__always) func swap(_ a: Int, _ b: Int) {
        let k = keys[a], n = nodes[a]
        keys[a] = keys[b]; nodes[a] = nodes[b]
        keys[b] = k; nodes[b] = n
    }

    @inline(__always) mutating func push(_ key: Double, _ node: Int32) {
        precondition(count < capacity, "KeyedNodeHeap: more than \(capacity) entries")
        keys[count] = key; nodes[count] = node
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) / 2
            if keys[parent] <= keys[i] { break }
            swap(parent, i)
            i = parent
        }
    }

    @inline(__always) mutating func pop() -> (Double, Int32)? {
        guard count > 0 else { return nil }
        let first = (keys[0], nodes[0])
        count -= 1
        if count > 0 {
            keys[0] = keys[count]; nodes[0] = nodes[count]
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < count && keys[l] < keys[m] { m = l }
                if r < count && keys[r] < keys[m] { m = r }
                if m == i { break }
                swap(m, i)
                i = m
            }
        }
        return first
    }
}
