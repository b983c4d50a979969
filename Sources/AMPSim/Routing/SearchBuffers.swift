/// The working memory of one path search: per-node labels, where each node's mission-control results
/// sit for this search, which nodes are the sender's usable peers, per-edge loads of the current
/// payment, and the heap. Allocated once per `PathFinder` (sized by the graph) and reused for every search.
///
/// Guarantees: an entry is valid only when its stamp equals the current generation, so starting a
/// search clears nothing (generation counters instead of clearing arrays). The storage is raw memory
/// owned by this object and freed with it: the search reads and writes it without bounds,
/// uniqueness or exclusivity checks, and never allocates. The priority queue (`SearchBuffers+Queue.swift`)
/// holds at most one entry per direction (a relaxation), one per node (a deferred scan) plus the receiver,
/// which is its fixed capacity; it pops entries in the order `precedes` defines (a total order on labels),
/// never in an order that depends on how they were pushed. The listed channels (`list`) hold at most one
/// entry per direction.
/// Memory: 184 bytes per node, 104 per direction (labels 64 with four of the seven stamps, three stamps 12, results 8, bound 8,
/// queue 4, list head 4, heap and radix pool entries 84 per node; knowledge 4 + 8, heap entry 40, radix pool entry 40 + link 4,
/// listed channel 8 per direction).
final class SearchBuffers {
    /// A node's label in the current search, and the node's stamps that a scan reads with it: 64 bytes,
    /// one cache line (`labels` is aligned to 64), so a scanned channel's source costs one line, not five.
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
        /// `generation` while the label may still change, `generation + 1` once final (settled); older
        /// values (below `generation`) are labels of earlier searches.
        var seen: UInt32 = 0
        var hopCount: Int32 = 0
        /// The node's stamps (`nodeResultStamp`, `boundStamp`, `historyNextStamp`, `receiverNextStamp`):
        /// kept when the label changes (`set`).
        var resultStamp: UInt32 = 0
        var boundStamp: UInt32 = 0
        var historyNextStamp: UInt32 = 0
        var receiverNextStamp: UInt32 = 0

        /// Replaces the label, keeping the node's stamps.
        @inline(__always) mutating func set(cost: Double, weight: Double, probability: Double, amountIn: Int64, cltv: Int32,
                                            nextDirection: Int32, seen: UInt32, hopCount: Int32) {
            self.cost = cost
            self.weight = weight
            self.probability = probability
            self.amountIn = amountIn
            self.cltv = cltv
            self.nextDirection = nextDirection
            self.seen = seen
            self.hopCount = hopCount
        }
    }

    /// One stamp of every node, stored in its `Label` (read and written in place, as raw bytes).
    struct StampColumn {
        let base: UnsafeMutableRawPointer
        init(_ labels: UnsafeMutablePointer<Label>, _ field: KeyPath<Label, UInt32>) {
            base = UnsafeMutableRawPointer(labels) + MemoryLayout<Label>.offset(of: field)!
        }
        @inline(__always) subscript(i: Int) -> UInt32 {
            get { base.load(fromByteOffset: i &* MemoryLayout<Label>.stride, as: UInt32.self) }
            nonmutating set { base.storeBytes(of: newValue, toByteOffset: i &* MemoryLayout<Label>.stride, as: UInt32.self) }
        }
    }

    /// What the current payment already has in flight on one edge (indexed like
    /// `BackwardEdges.edges`), valid when stamped.
    struct Knowledge {
        var load: Int64 = 0
    }

    /// One heap entry: the label's A* key (cost + the node's lower bound on the rest), then the label's
    /// order (cost, probability, hop count, next direction), and its node.
    struct HeapEntry {
        var key: Double
        var cost: Double
        var probability: Double
        var hopCount: Int32
        var nextDirection: Int32
        var node: Int32
    }

    /// The search's order on labels, a total order on the labels of different nodes: lower cost first;
    /// at equal cost the higher probability (lnd: an equal distance is taken only with a better
    /// probability), then fewer hops, then the lower next channel direction (so the lower channel id
    /// between parallel channels). Every extension of a label comes strictly later (its cost does not
    /// fall, its probability does not rise, its hop count grows), so the route found depends only on
    /// this order, never on the order in which the search explores the graph.
    @inline(__always) static func precedes(_ c1: Double, _ p1: Double, _ h1: Int32, _ d1: Int32,
                                           _ c2: Double, _ p2: Double, _ h2: Int32, _ d2: Int32) -> Bool {
        if c1 != c2 { return c1 < c2 }
        if p1 != p2 { return p1 > p2 }
        if h1 != h2 { return h1 < h2 }
        return d1 < d2
    }

    /// The heap's order: the A* key, then the labels' order.
    @inline(__always) static func precedes(_ a: HeapEntry, _ b: HeapEntry) -> Bool {
        if a.key != b.key { return a.key < b.key }
        return precedes(a.cost, a.probability, a.hopCount, a.nextDirection, b.cost, b.probability, b.hopCount, b.nextDirection)
    }

    let nodeCount: Int
    let edgeCount: Int
    let labels: UnsafeMutablePointer<Label>
    let knowledgeStamp: UnsafeMutablePointer<UInt32>
    let knowledge: UnsafeMutablePointer<Knowledge>
    /// The queue's bucket 0: a binary heap of the entries keyed at most `lastBits`.
    let heap: UnsafeMutablePointer<HeapEntry>
    /// The queue's other buckets: entries keyed above `lastBits`, in linked lists over a pool filled in
    /// push order (`poolNext`: the next entry of the same bucket, -1 at the end).
    let pool: UnsafeMutablePointer<HeapEntry>
    let poolNext: UnsafeMutablePointer<Int32>
    /// Buckets 1 ... 64: the first entry of each (valid when its bit of `bucketMask` is set).
    let bucketHead: UnsafeMutablePointer<Int32>
    /// Buckets 1 ... 64: the least key (as ordered bits) of each (valid when its bit of `bucketMask` is set).
    let bucketLeast: UnsafeMutablePointer<UInt64>
    var bucketMask: UInt64 = 0
    var poolCount = 0
    /// The key (as ordered bits) of the last entry moved into bucket 0: no entry outside it is keyed below.
    var lastBits: UInt64 = 0
    /// Per node: the generation in which its results were laid out, and where (start, count) in the
    /// search's flat list of results.
    let nodeResultStamp: StampColumn
    let nodeResultStart: UnsafeMutablePointer<Int32>
    let nodeResultCount: UnsafeMutablePointer<Int32>
    /// Per node: the generation in which it was found to be a usable peer of the sender.
    let peerStamp: UnsafeMutablePointer<UInt32>
    /// Per node: the generation in which its A* lower bound was set, and the bound.
    let boundStamp: StampColumn
    let bound: UnsafeMutablePointer<Double>
    /// Channels listed for reading when the node they lead into settles, before the rest of its scan
    /// (`PathFinder.search`): those from the sender's usable peers and from nodes with history whose hops
    /// may beat `apriori`. Per node, the generation in which its list was started and its first entry in
    /// `listedEdges`.
    let listStamp: UnsafeMutablePointer<UInt32>
    let listHead: UnsafeMutablePointer<Int32>
    /// The listed channels: an index into `BackwardEdges.edges` and the next entry of the same node (-1 at
    /// the end). At most one entry per direction, which is their capacity.
    let listedEdges: UnsafeMutablePointer<ListedEdge>
    var listedCount = 0
    struct ListedEdge {
        var edge: Int32
        var next: Int32
    }
    /// Per node: the generation in which it was found able to lie on a route (`PathFinder.markReachable`).
    let reachStamp: UnsafeMutablePointer<UInt32>
    /// A queue of nodes for `markReachable`.
    let queue: UnsafeMutablePointer<Int32>
    /// Per node: the generation in which a channel into it from a node with mission-control history
    /// (other than the sender) was marked (`PathFinder.markHistoryNeighbours`).
    let historyNextStamp: StampColumn
    /// Per node: the generation in which it was found to have a channel into the receiver
    /// (`PathFinder.setLowerBounds`).
    let receiverNextStamp: StampColumn
    var heapCount = 0
    /// Even: a label's `seen` is `generation` (set) or `generation + 1` (final) in the current search.
    var generation: UInt32 = 0

    init(nodes n: Int, edges e: Int) {
        nodeCount = n
        edgeCount = e
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, n) * MemoryLayout<Label>.stride, alignment: 64)
        labels = raw.initializeMemory(as: Label.self, repeating: Label(), count: max(1, n))
        nodeResultStamp = StampColumn(labels, \.resultStamp)
        boundStamp = StampColumn(labels, \.boundStamp)
        historyNextStamp = StampColumn(labels, \.historyNextStamp)
        receiverNextStamp = StampColumn(labels, \.receiverNextStamp)
        knowledgeStamp = .filled(0, count: e)
        knowledge = .filled(Knowledge(), count: e)
        heap = .allocate(capacity: e + n + 1)
        pool = .allocate(capacity: e + n + 1)
        poolNext = .allocate(capacity: e + n + 1)
        bucketHead = .filled(-1, count: 65)
        bucketLeast = .filled(0, count: 65)
        nodeResultStart = .filled(0, count: n)
        nodeResultCount = .filled(0, count: n)
        peerStamp = .filled(0, count: n)
        reachStamp = .filled(0, count: n)
        queue = .filled(0, count: n)
        bound = .filled(0, count: n)
        listStamp = .filled(0, count: n)
        listHead = .filled(-1, count: n)
        listedEdges = .allocate(capacity: max(1, e))
    }

    deinit {
        UnsafeMutableRawPointer(labels).deallocate()
        knowledgeStamp.deallocate()
        knowledge.deallocate()
        heap.deallocate()
        pool.deallocate()
        poolNext.deallocate()
        bucketHead.deallocate()
        bucketLeast.deallocate()
        nodeResultStart.deallocate()
        nodeResultCount.deallocate()
        peerStamp.deallocate()
        reachStamp.deallocate()
        queue.deallocate()
        bound.deallocate()
        listStamp.deallocate()
        listHead.deallocate()
        listedEdges.deallocate()
    }

    /// Starts a new search: a new generation and an empty heap.
    func nextGeneration() {
        generation &+= 2
        if generation == 0 { // wrapped: clear every stamp once
            for i in 0..<nodeCount { labels[i].seen = 0; nodeResultStamp[i] = 0; peerStamp[i] = 0; boundStamp[i] = 0; reachStamp[i] = 0; historyNextStamp[i] = 0; receiverNextStamp[i] = 0; listStamp[i] = 0 }
            for i in 0..<edgeCount { knowledgeStamp[i] = 0 }
            generation = 2
        }
        clearQueue()
        listedCount = 0
    }

    /// Lists channel `edge` (an index into `BackwardEdges.edges`) into node `v`.
    @inline(__always) func list(_ edge: Int32, into v: Int) {
        if listStamp[v] != generation {
            listStamp[v] = generation
            listHead[v] = -1
        }
        listedEdges[listedCount] = ListedEdge(edge: edge, next: listHead[v])
        listHead[v] = Int32(listedCount)
        listedCount += 1
    }

    /// The knowledge of edge `e`, reset first if it is from an earlier search.
    @inline(__always) func know(_ e: Int) -> UnsafeMutablePointer<Knowledge> {
        if knowledgeStamp[e] != generation {
            knowledgeStamp[e] = generation
            knowledge[e] = Knowledge()
        }
        return knowledge + e
    }

    /// A binary min-heap push: the hole at the end moves up while the entry precedes its parent.
    @inline(__always) func heapPush(_ entry: HeapEntry) {
        var i = heapCount
        heapCount += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if !Self.precedes(entry, heap[parent]) { break }
            heap[i] = heap[parent]
            i = parent
        }
        heap[i] = entry
    }

    /// Removes the root: the hole at the root moves down to the earlier child (the right one only when it
    /// precedes the left) while that child precedes the last entry, which then fills the hole.
    @inline(__always) func heapPop() -> HeapEntry? {
        guard heapCount > 0 else { return nil }
        let first = heap[0]
        heapCount -= 1
        let n = heapCount
        if n > 0 {
            let last = heap[n]
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let m = r < n && Self.precedes(heap[r], heap[l]) ? r : l
                if !Self.precedes(heap[m], last) { break }
                heap[i] = heap[m]
                i = m
            }
            heap[i] = last
        }
        return first
    }
}
