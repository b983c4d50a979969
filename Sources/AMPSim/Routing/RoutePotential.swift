import Foundation
import CPrefetch

/// An A* lower bound for lnd's a-priori cost that grows with a route's length the way the cost does
/// (the attempt cost is divided by the route's probability, so each hop adds more than the one after
/// it), per (sender, receiver, free nodes) and per unit of attempt cost. The path search's bound is
/// attemptCost · `h(v)` (`PathFinder.potentialBound`).
///
/// Proof that it keeps the search exact. Let b(x) be an upper bound on the probability of every hop out
/// of x != sender, at every amount: 0.95 (lnd's prevSuccessProbability) for a "free" node (one with a
/// success in the sender's mission control) and `apriori` for any other (its node probability only
/// falls with failures, its capacity factor is <= 1; `PathFinder.hopBound` has the details), given
/// apriori <= 0.95.
/// 1. Receiver side: a label at v (probability p, the product of the hops from v to the receiver, none
///    from the sender) has p <= P(v) := the largest product of b(x) over the nodes x before the receiver
///    on any path from v to the receiver. `build` computes r(v) >= -ln P(v) / U in whole units U (each
///    node's -ln b rounded down to units; a 0-based breadth-first search with buckets), and
///    E(v) = exp(U · r(v)) <= 1 / p.
/// 2. Extending that label over u -> v (u != sender) adds fee and timelock terms >= 0 plus
///    attemptCost/(p·q) - attemptCost/p >= attemptCost · (1/b(u) - 1) · E(v) =: attemptCost · c(u -> v),
///    a cost that does not depend on the label; the sender's own hop adds >= 0 =: c(sender -> v).
///    (0.999 and 1 + 10^-9 give margins for rounding in the search's arithmetic.)
/// 3. Sender side: h(v) = the shortest c-distance from the sender to v (a Dijkstra over every channel,
///    both directions). Shortest distances satisfy h(v) <= c(u -> v) + h(u) on every edge and h(sender)
///    = 0: attemptCost · h is a consistent lower bound, and the heap key cost + attemptCost · h(v) never
///    falls along an extension. The same argument as for `setLowerBounds` then shows the search settles
///    each node with the label plain label-setting would give it.
/// Nodes that cannot reach the sender get h = +infinity (still consistent: all their neighbours too).
///
/// Guarantees: `potential(sender:receiver:free:)` returns the same values as a fresh `build`, whatever
/// was asked before. Memory: 16 bytes per node (h and Q) for each of the last `capacity` keys, plus for building
/// 11 bytes per node, 24 per direction (the sender side's queue 16, `dial`'s entries 8) and 1 MB of
/// exponentials; linear.
final class RoutePotential {
    let nodeCount: Int
    /// Neighbours of v: `sources[start[v] ..< start[v + 1]]` (as in `BackwardEdges`, `~u` for a dead end).
    let sources: [Int32]
    let start: [Int32]
    /// The a-priori hop probability (b of a node that is not free).
    let apriori: Double
    static let capacity = 4
    /// The unit of r: -ln 0.95 / 8, a little less so that a free node's weight rounds down to 8.
    static let unit = -log(HopProbability.previousSuccess) / 8 * (1 - 1e-9)

    struct Key: Equatable {
        var sender: Int
        var receiver: Int
        var free: [Int32]
    }
    struct Entry {
        var key: Key
        var h: UnsafeMutablePointer<Double>
        /// Q(v), the sender-side probability bound.
        var q: UnsafeMutablePointer<Double>
    }
    /// Most recently used first.
    var entries: [Entry] = []
    let isFree: UnsafeMutablePointer<Bool>
    let r: UnsafeMutablePointer<UInt16>
    /// exp(U · r(v)), per node, for the sender side.
    let e: UnsafeMutablePointer<Double>
    /// exp(U · r) and exp(-U · r) by r (NaN until first needed): r takes few distinct values.
    let expUp: UnsafeMutablePointer<Double>, expDown: UnsafeMutablePointer<Double>
    /// The sender side's Dijkstra queue (its buffers; each build starts an empty copy): at most one push
    /// per direction plus the sender.
    let emptyQueue: MonotoneNodeQueue
    /// `dial`'s buckets (heads by distance modulo the span, at most 4,097) and its pool of entries.
    let dialHeads: UnsafeMutablePointer<Int32>, dialNode: UnsafeMutablePointer<Int32>, dialNext: UnsafeMutablePointer<Int32>
    let dialCapacity: Int
    /// Builds so far (cache misses), for tests.
    private(set) var builds = 0

    init(nodeCount: Int, sources: [Int32], start: [Int32], apriori: Double) {
        self.nodeCount = nodeCount
        self.sources = sources
        self.start = start
        self.apriori = apriori
        isFree = .filled(false, count: nodeCount)
        r = .filled(0, count: nodeCount)
        e = .filled(0, count: nodeCount)
        expUp = .filled(.nan, count: Int(UInt16.max) + 1)
        expDown = .filled(.nan, count: Int(UInt16.max) + 1)
        emptyQueue = MonotoneNodeQueue(capacity: sources.count + 1)
        dialCapacity = sources.count + 1
        dialHeads = .allocate(capacity: 4097)
        dialNode = .allocate(capacity: dialCapacity)
        dialNext = .allocate(capacity: dialCapacity)
    }

    deinit {
        for e in entries { e.h.deallocate(); e.q.deallocate() }
        isFree.deallocate()
        r.deallocate()
        e.deallocate()
        expUp.deallocate()
        expDown.deallocate()
        emptyQueue.deallocate()
        dialHeads.deallocate()
        dialNode.deallocate()
        dialNext.deallocate()
    }

    /// The cached entry for `key`, if any (moved to the front).
    func cached(_ key: Key) -> (h: UnsafePointer<Double>, q: UnsafePointer<Double>)? {
        guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
        let e = entries.remove(at: i)
        entries.insert(e, at: 0)
        return (UnsafePointer(e.h), UnsafePointer(e.q))
    }

    /// Keys asked for recently but not built, with how often and whether a search for them failed (most
    /// recent last).
    var asked: [(key: Key, count: Int, failed: Bool)] = []
    /// A build costs a few searches' worth, and pays off mostly by ending searches that find no route
    /// early (`PathFinder+Reach.swift`): it is made on a request for a key that has been asked for
    /// before and whose search found no route (`noteFailure`) — an AMP payment whose parts begin to
    /// find no route keeps asking; a keysend payment, or one whose searches succeed, never pays for it.
    static let askedBeforeBuild = 2
    /// Below this many nodes no key is built (unless `buildOnFirstAsk`). Measured, builds cost more than
    /// they save at every size since a label and its node's stamps share a cache line (Benchmarks/README.md,
    /// part 9: without builds C with 4,000 payments took 6% less CPU time, I with 6,000 and 20,000 payments
    /// 22-23% less; part 5: the quickstart, 1,000 nodes, 12%). So by default none is built; tests lower it.
    var minNodes = Int.max
    /// Build on the first request for a key (tests); otherwise as above.
    var buildOnFirstAsk = false

    /// h and Q for `key` (free nodes sorted, without duplicates), from the cache or built; nil for the
    /// first requests for a key (unless `buildOnFirstAsk`).
    func potential(_ key: Key) -> (h: UnsafePointer<Double>, q: UnsafePointer<Double>)? {
        if let h = cached(key) { return h }
        if !buildOnFirstAsk {
            guard nodeCount >= minNodes else { return nil }
            guard let i = asked.firstIndex(where: { $0.key == key }) else {
                if asked.count >= 2 * Self.capacity { asked.removeFirst() }
                asked.append((key, 1, false))
                return nil
            }
            asked[i].count += 1
            if asked[i].count < Self.askedBeforeBuild || !asked[i].failed { return nil }
            asked.remove(at: i)
        }
        var e: Entry
        if entries.count >= Self.capacity {
            e = entries.removeLast()
            e.key = key
        } else {
            e = Entry(key: key, h: .allocate(capacity: max(1, nodeCount)), q: .allocate(capacity: max(1, nodeCount)))
        }
        build(key, into: e.h, e.q)
        entries.insert(e, at: 0)
        return (UnsafePointer(e.h), UnsafePointer(e.q))
    }

    /// Notes that a search for `key` (asked for, not built) found no route.
    func noteFailure(_ key: Key) {
        if let i = asked.firstIndex(where: { $0.key == key }) { asked[i].failed = true }
    }

    /// exp(sign · U · r), from the table once computed.
    @inline(__always) func exponential(_ r: UInt16, sign: Double) -> Double {
        let table = sign > 0 ? expUp : expDown
        let k = Int(r)
        if table[k].isNaN { table[k] = exp(sign * Self.unit * Double(k)) }
        return table[k]
    }

    /// A node's weight -ln b in whole units (rounded down), capped.
    func weight(free: Bool) -> Int {
        let b = free ? HopProbability.previousSuccess : apriori
        return Int(min(4096, (-log(b) / Self.unit).rounded(.down)))
    }

    /// Step 1 (r from the receiver, buckets by r) and step 3 (h from the sender, a radix heap), per unit
    /// of attempt cost.
    func build(_ key: Key, into h: UnsafeMutablePointer<Double>, _ q: UnsafeMutablePointer<Double>) {
        builds += 1
        for f in key.free { isFree[Int(f)] = true }
        defer { for f in key.free { isFree[Int(f)] = false } }
        sources.withUnsafeBufferPointer { src in
            start.withUnsafeBufferPointer { st in
                dial(from: key.receiver, entering: true, key, src.baseAddress!, st.baseAddress!, into: r)
                senderSide(key, src.baseAddress!, st.baseAddress!, h)
                dial(from: key.sender, entering: false, key, src.baseAddress!, st.baseAddress!, into: r)
                for v in 0..<nodeCount { q[v] = exponential(r[v], sign: -1) }
            }
        }
    }

    /// Node-weighted distances in whole units from `source` (0 there), capped at UInt16.max: relaxing
    /// v -> u adds the weight of u (`entering`, the receiver side) or of v (the sender side). The sender
    /// weighs 0 (on the receiver side its hops are never on a label's path, so leaving it out of the
    /// bound only lowers r; on the sender side its own hop is bounded apart). Buckets by distance.
    func dial(from source: Int, entering: Bool, _ key: Key, _ src: UnsafePointer<Int32>, _ st: UnsafePointer<Int32>,
              into out: UnsafeMutablePointer<UInt16>) {
        let unreached = UInt16.max
        out.update(repeating: unreached, count: nodeCount)
        let wFree = weight(free: true), wOther = weight(free: false)
        let span = max(wFree, wOther) + 1
        // Buckets by distance modulo span: linked lists (LIFO) over a pool of at most one entry per
        // direction plus the source (an entry is pushed only on a strict improvement, and a node's
        // channels are read once, at its final distance).
        let heads = dialHeads, entryNode = dialNode, entryNext = dialNext
        for i in 0..<span { heads[i] = -1 }
        out[source] = 0
        entryNode[0] = Int32(source)
        entryNext[0] = -1
        heads[0] = 0
        var used = 1, pending = 1, level = 0
        while pending > 0 && level < Int(unreached) {
            let slot = level % span
            while heads[slot] >= 0 {
                let entry = Int(heads[slot])
                heads[slot] = entryNext[entry]
                let v = Int(entryNode[entry])
                // The next node of this bucket: its channels' sources are loaded while v's are read (a hint).
                if heads[slot] >= 0 { ampsim_prefetch(src + Int(st[Int(entryNode[Int(heads[slot])])])) }
                pending -= 1
                if Int(out[v]) != level { continue }
                let wv = v == key.sender ? 0 : isFree[v] ? wFree : wOther
                for k in Int(st[v])..<Int(st[v + 1]) {
                    let u = BackwardEdges.node(src[k])
                    let w = entering ? (u == key.sender ? 0 : isFree[u] ? wFree : wOther) : wv
                    let reach = level + w
                    if reach >= Int(unreached) || reach >= Int(out[u]) { continue }
                    precondition(used < dialCapacity, "RoutePotential.dial: more entries than directions")
                    out[u] = UInt16(reach)
                    let t = reach % span
                    entryNode[used] = Int32(u)
                    entryNext[used] = heads[t]
                    heads[t] = Int32(used)
                    used += 1
                    pending += 1
                }
            }
            level += 1
        }
    }

    /// h(sender) = 0; h(v) <= h(u) + c(u -> v) with c(sender -> v) = 0 and otherwise
    /// 0.999 · (1/b(u) - 1) · exp(U · r(v)) (`PathFinder.delta` per unit attempt cost).
    func senderSide(_ key: Key, _ src: UnsafePointer<Int32>, _ st: UnsafePointer<Int32>, _ h: UnsafeMutablePointer<Double>) {
        h.update(repeating: .infinity, count: nodeCount)
        let deltaFree = PathFinder.delta(attempt: 1, hopBound: HopProbability.previousSuccess)
        let deltaOther = PathFinder.delta(attempt: 1, hopBound: apriori)
        var queue = emptyQueue
        queue.reset()
        let sender = key.sender
        for v in 0..<nodeCount { e[v] = exponential(r[v], sign: 1) }
        h[sender] = 0
        queue.push(0, Int32(sender))
        while let (d, u32) = queue.pop() {
            let u = Int(u32)
            if d > h[u] { continue }
            let delta = u == sender ? 0 : isFree[u] ? deltaFree : deltaOther
            for k in Int(st[u])..<Int(st[u + 1]) {
                let v = BackwardEdges.node(src[k])
                let c = delta == 0 ? 0 : delta * e[v]
                let nd = d + c
                if nd < h[v] {
                    h[v] = nd
                    queue.push(nd, Int32(v))
                }
            }
        }
    }
}
