/// The working memory of one path search: per-node labels, per-direction knowledge of the current
/// sender, and the heap. Allocated once per `PathFinder` and reused for every search.
///
/// Guarantees: an entry is valid only when its stamp equals the current generation, so starting a
/// search clears nothing (generation counters instead of clearing arrays). A value type, so that the
/// search holds it as a local variable and Swift checks exclusive access statically, not per access.
struct SearchBuffers {
    var cost: [Double]
    var amountIn: [Int64]
    var hopCount: [UInt8]
    var cltv: [Int32]
    var nextDirection: [Int32]
    var seen: [UInt32]
    var done: [UInt32]
    var failAmount: [Int64]
    var failTime: [Int64]
    var memoryStamp: [UInt32]
    var load: [Int64]
    var loadStamp: [UInt32]
    var generation: UInt32 = 0
    var heapCost: [Double] = []
    var heapNode: [Int32] = []

    init(nodes n: Int, directions d: Int) {
        cost = [Double](repeating: 0, count: n)
        amountIn = [Int64](repeating: 0, count: n)
        hopCount = [UInt8](repeating: 0, count: n)
        cltv = [Int32](repeating: 0, count: n)
        nextDirection = [Int32](repeating: -1, count: n)
        seen = [UInt32](repeating: 0, count: n)
        done = seen
        failAmount = [Int64](repeating: 0, count: d)
        failTime = failAmount
        memoryStamp = [UInt32](repeating: 0, count: d)
        load = failAmount
        loadStamp = memoryStamp
        heapCost.reserveCapacity(1024)
        heapNode.reserveCapacity(1024)
    }

    static let empty = SearchBuffers(nodes: 0, directions: 0)

    /// Starts a new search: a new generation and an empty heap.
    mutating func nextGeneration() {
        generation &+= 1
        if generation == 0 { // wrapped: clear every stamp once
            for i in seen.indices { seen[i] = 0; done[i] = 0 }
            for i in memoryStamp.indices { memoryStamp[i] = 0; loadStamp[i] = 0 }
            generation = 1
        }
        heapCost.removeAll(keepingCapacity: true)
        heapNode.removeAll(keepingCapacity: true)
    }

    @inline(__always) mutating func push(_ c: Double, _ node: Int32) {
        heapCost.append(c)
        heapNode.append(node)
        var i = heapCost.count - 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if heapCost[parent] <= heapCost[i] { break }
            heapCost.swapAt(parent, i)
            heapNode.swapAt(parent, i)
            i = parent
        }
    }

    @inline(__always) mutating func pop() -> (Double, Int32)? {
        guard let first = heapCost.first else { return nil }
        let node = heapNode[0]
        let lastCost = heapCost.removeLast(), lastNode = heapNode.removeLast()
        if !heapCost.isEmpty {
            heapCost[0] = lastCost
            heapNode[0] = lastNode
            var i = 0
            let n = heapCost.count
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let m = r < n && heapCost[r] < heapCost[l] ? r : l
                if heapCost[i] <= heapCost[m] { break }
                heapCost.swapAt(i, m)
                heapNode.swapAt(i, m)
                i = m
            }
        }
        return (first, node)
    }
}
