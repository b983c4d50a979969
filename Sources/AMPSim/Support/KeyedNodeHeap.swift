/// A binary min-heap of (key, node) pairs over two buffers allocated once (`init(capacity:)`, freed by
/// `deallocate()`) and reused: a push or pop never allocates. Used by the searches that need only a
/// key per node (the min-cost-flow Dijkstra).
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

    /// Sifts with a hole (the moving pair is written once, where it stops): the same comparisons and
    /// final positions as swapping at every step.
    @inline(__always) mutating func push(_ key: Double, _ node: Int32) {
        precondition(count < capacity, "KeyedNodeHeap: more than \(capacity) entries")
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) / 2
            if keys[parent] <= key { break }
            keys[i] = keys[parent]; nodes[i] = nodes[parent]
            i = parent
        }
        keys[i] = key; nodes[i] = node
    }

    @inline(__always) mutating func pop() -> (Double, Int32)? {
        guard count > 0 else { return nil }
        let first = (keys[0], nodes[0])
        count -= 1
        if count > 0 {
            let key = keys[count], node = nodes[count]
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                var least = key
                if l < count && keys[l] < least { m = l; least = keys[l] }
                if r < count && keys[r] < least { m = r }
                if m == i { break }
                keys[i] = keys[m]; nodes[i] = nodes[m]
                i = m
            }
            keys[i] = key; nodes[i] = node
        }
        return first
    }
}
