/// The working memory of one path search: per-node labels, where each node's mission-control results
/// sit for this search, per-edge loads of the current payment, and the heap. Allocated once per `PathFinder` (sized by the graph) and reused for every search.
///
/// Guarantees: an entry is valid only when its stamp equals the current generation, so starting a
/// search clears nothing (generation counters instead of clearing arrays). The storage is raw memory
/// owned by this object and freed with it: the search reads and writes it without bounds,
/// uniqueness or exclusivity checks, and never allocates. The heap holds at most one entry per
/// direction plus the receiver, which is its fixed capacity.
final class SearchBuffers {
    /// A node's label in the current search.
    struct Label {
        /// lnd's distance: weight + attempt cost / probability (the heap key).
        var cost: Double = 0
        /// lnd's weight: fees and timelock terms summed from here to the receiver.
        var weight: Double = 0
        /// The product of the hops' probabilities from here to the receiver.
        var probability: Double = 1
        var amountIn: Int64 = 0
        var cltv: Int32 = 0
        var nextDirection: Int32 = -1
        var seen: UInt32 = 0
        var hopCount: Int32 = 0
    }

    /// What the current payment already has in flight on one edge (indexed like
    /// `BackwardEdges.edges`), valid when stamped.
    struct Knowledge {
        var load: Int64 = 0
    }

    /// One heap entry: a label's cost and its node.
    struct HeapEntry {
        var cost: Double
        var node: Int32
    }

    let nodeCount: Int
    let edgeCount: Int
    let labels: UnsafeMutablePointer<Label>
    /// Per node: the generation in which its label became final (a dense array: checked for every edge).
    let done: UnsafeMutablePointer<UInt32>
    let knowledgeStamp: UnsafeMutablePointer<UInt32>
    let knowledge: UnsafeMutablePointer<Knowledge>
    let heap: UnsafeMutablePointer<HeapEntry>
    /// Per node: the generation in which its results were laid out, and where (start, count) in the
    /// search's flat list of results.
    let nodeResultStamp: UnsafeMutablePointer<UInt32>
    let nodeResultStart: UnsafeMutablePointer<Int32>
    let nodeResultCount: UnsafeMutablePointer<Int32>
    var heapCount = 0
    var generation: UInt32 = 0

    init(nodes n: Int, edges e: Int) {
        nodeCount = n
        edgeCount = e
        labels = .allocate(capacity: max(1, n))
        labels.initialize(repeating: Label(), count: max(1, n))
        done = .allocate(capacity: max(1, n))
        done.initialize(repeating: 0, count: max(1, n))
        knowledgeStamp = .allocate(capacity: max(1, e))
        knowledgeStamp.initialize(repeating: 0, count: max(1, e))
        knowledge = .allocate(capacity: max(1, e))
        knowledge.initialize(repeating: Knowledge(), count: max(1, e))
        heap = .allocate(capacity: e + 1)
        nodeResultStamp = .allocate(capacity: max(1, n))
        nodeResultStamp.initialize(repeating: 0, count: max(1, n))
        nodeResultStart = .allocate(capacity: max(1, n))
        nodeResultStart.initialize(repeating: 0, count: max(1, n))
        nodeResultCount = .allocate(capacity: max(1, n))
        nodeResultCount.initialize(repeating: 0, count: max(1, n))
    }

    deinit {
        labels.deallocate()
        done.deallocate()
        knowledgeStamp.deallocate()
        knowledge.deallocate()
        heap.deallocate()
        nodeResultStamp.deallocate()
        nodeResultStart.deallocate()
        nodeResultCount.deallocate()
    }

    /// Starts a new search: a new generation and an empty heap.
    func nextGeneration() {
        generation &+= 1
        if generation == 0 { // wrapped: clear every stamp once
            for i in 0..<nodeCount { labels[i].seen = 0; done[i] = 0; nodeResultStamp[i] = 0 }
            for i in 0..<edgeCount { knowledgeStamp[i] = 0 }
            generation = 1
        }
        heapCount = 0
    }

    /// The knowledge of edge `e`, reset first if it is from an earlier search.
    @inline(__always) func know(_ e: Int) -> UnsafeMutablePointer<Knowledge> {
        if knowledgeStamp[e] != generation {
            knowledgeStamp[e] = generation
            knowledge[e] = Knowledge()
        }
        return knowledge + e
    }

    /// A binary min-heap push (sift up while the parent costs strictly more).
    @inline(__always) func push(_ c: Double, _ node: Int32) {
        var i = heapCount
        heapCount += 1
        heap[i] = HeapEntry(cost: c, node: node)
        while i > 0 {
            let parent = (i - 1) >> 1
            if heap[parent].cost <= heap[i].cost { break }
            let t = heap[parent]; heap[parent] = heap[i]; heap[i] = t
            i = parent
        }
    }

    /// Removes the root: the last entry moves to the root and sifts down to the cheaper child while it
    /// costs strictly more (the right child only when strictly cheaper than the left).
    @inline(__always) func pop() -> HeapEntry? {
        guard heapCount > 0 else { return nil }
        let first = heap[0]
        heapCount -= 1
        let n = heapCount
        if n > 0 {
            heap[0] = heap[n]
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let m = r < n && heap[r].cost < heap[l].cost ? r : l
                if heap[i].cost <= heap[m].cost { break }
                let t = heap[i]; heap[i] = heap[m]; heap[m] = t
                i = m
            }
        }
        return first
    }
}
