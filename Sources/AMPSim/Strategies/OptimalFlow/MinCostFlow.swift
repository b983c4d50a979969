import Foundation

/// What the solver needs of one channel direction, in flow units: the belief [min, max], how much it
/// may carry at most (`cap`), and its fee cost per unit (already multiplied by μ).
public struct FlowArcInput: Sendable, Equatable {
    public var min: Int64
    public var max: Int64
    public var cap: Int64
    public var feePerUnit: Double

    public init(min: Int64, max: Int64, cap: Int64, feePerUnit: Double) {
        self.min = min
        self.max = max
        self.cap = cap
        self.feePerUnit = feePerUnit
    }
}

/// A min-cost flow of `amount` units from a source to a target over a `ChannelGraph` whose directions
/// have the convex piecewise-linear cost of `Linearization` plus a fee term, solved by successive
/// shortest paths with node potentials as renepay's `optimize_mcf` (plugins/renepay/mcf.c, after
/// Ahuja, Magnanti and Orlin, p. 323): Dijkstra on reduced costs (`find_optimal_path`, stopping when the
/// target is settled), augment the bottleneck (`get_augmenting_flow`, `augment_flow`), lower every
/// potential by min(d(node), d(target)). Renepay materialises four arcs and their duals per direction;
/// this solver keeps one flow per direction and reads the residual arc of the piece the flow is in
/// (the convex-cost form renepay's comment mentions), which is the same network.
///
/// Guarantees: the flow returned is a min-cost flow of the linearised problem (up to floating-point
/// ties); it conserves flow at every node but the ends; no direction carries more than its last piece
/// end; every unit on an arc costs at least `hopCost` so an optimal flow has no cycle. Buffers are
/// allocated once per workspace and reused (nothing per solve but the paths returned).
public final class FlowWorkspace {
    public let graph: ChannelGraph
    public let segments: Int
    /// Cost of one unit over one direction on top of its pieces (prefers fewer hops among equals).
    public static let hopCost = 1e-9

    /// What Dijkstra reads and writes of one node, side by side (one cache line for most visits).
    struct NodeState {
        var dist = 0.0
        var potential = 0.0
        var distStamp: UInt32 = 0
        var settled: UInt32 = 0
        var potentialStamp: UInt32 = 0
        /// How many directions entering the node carry flow in the solve of `inFlowStamp`: a node
        /// without any has no backward residual arc, so Dijkstra skips its incoming list (most searches
        /// are a solve's first, with no flow anywhere).
        var inFlowStamp: UInt32 = 0
        var inFlowCount: Int32 = 0
        var prevDirection: Int32 = -1
    }

    /// What Dijkstra reads of one direction, side by side.
    struct ArcState {
        /// Units in the solve of `flowStamp`.
        var flow: Int64 = 0
        var flowStamp: UInt32 = 0
        /// The solve whose input `usable` and the pieces hold.
        var arcStamp: UInt32 = 0
        var source: Int32 = 0
        var target: Int32 = 0
        var usable = false
        var pieceCount: UInt8 = 0
    }

    /// One linear piece: it ends at `end` units and costs `slope` per unit (fee and hop cost included).
    struct Piece {
        var end: Int64 = 0
        var slope = 0.0
    }

    // Every buffer is allocated once (`let` pointers: no exclusivity or bounds checks in the hot loops,
    // which took a third of a solve's time as Swift arrays held by the class) and freed in `deinit`.
    let nodeCount: Int, directionCount: Int
    // The graph's CSR adjacency, copied once.
    let outStart: UnsafeMutablePointer<Int32>, outDirections: UnsafeMutablePointer<Int32>
    let inStart: UnsafeMutablePointer<Int32>, inDirections: UnsafeMutablePointer<Int32>
    // Per node.
    let nodes: UnsafeMutablePointer<NodeState>
    let prevBackward: UnsafeMutablePointer<Bool>
    let onPath: UnsafeMutablePointer<Int32>
    let onPathStamp: UnsafeMutablePointer<UInt32>
    let reached: UnsafeMutablePointer<Int32>
    // Per direction.
    let arcs: UnsafeMutablePointer<ArcState>
    /// segments + 1 pieces per direction.
    let pieces: UnsafeMutablePointer<Piece>
    let touched: UnsafeMutablePointer<Int32>
    /// The (min, max, cap) whose pieces `pieces` and `lnSlopes` hold for each direction (`memoized`):
    /// the logarithms of a direction's pieces are computed again only when its belief or cap changed
    /// (for directions the payment knows nothing of, the same in every solve of every payment).
    let memoMin: UnsafeMutablePointer<Int64>, memoMax: UnsafeMutablePointer<Int64>, memoCap: UnsafeMutablePointer<Int64>
    let memoized: UnsafeMutablePointer<Bool>
    let lnSlopes: UnsafeMutablePointer<Double>
    /// Directions the caller marked for the next solve (`markStamp`; see `mark`).
    let marked: UnsafeMutablePointer<UInt32>
    var markStamp: UInt32 = 0
    /// Dijkstra's binary heap: every relaxation pushes at most once, so 2 · directions + 1 entries.
    /// The Dijkstra heap's buffers (a copy of this empty heap is a fresh heap over them).
    let emptyHeap: KeyedNodeHeap

    var generation: UInt32 = 0
    var touchedCount = 0
    var reachedCount = 0
    var searchStamp: UInt32 = 0
    var pathStamp: UInt32 = 0
    /// The part of every potential not stored per node (see `solve`).
    var unreachedOffset = 0.0
    /// Dijkstra runs so far (for measurements).
    public private(set) var shortestPaths = 0

    static func copy(_ a: [Int32]) -> UnsafeMutablePointer<Int32> {
        let p = UnsafeMutablePointer<Int32>.filled(0, count: a.count)
        for (i, x) in a.enumerated() { p[i] = x }
        return p
    }

    public init(graph: ChannelGraph, segments: Int) {
        self.graph = graph
        self.segments = segments
        let n = graph.nodeCount, m = graph.directionCount, width = segments + 1
        nodeCount = n
        directionCount = m
        outStart = Self.copy(graph.outStart); outDirections = Self.copy(graph.outDirections)
        inStart = Self.copy(graph.inStart); inDirections = Self.copy(graph.inDirections)
        nodes = .filled(NodeState(), count: n)
        prevBackward = .filled(false, count: n)
        onPath = .filled(Int32(-1), count: n)
        onPathStamp = .filled(UInt32(0), count: n)
        reached = .filled(Int32(0), count: n)
        arcs = .filled(ArcState(), count: m)
        for d in 0..<m { arcs[d].source = Int32(graph.source(of: d)); arcs[d].target = Int32(graph.target(of: d)) }
        pieces = .filled(Piece(), count: m * width)
        touched = .filled(Int32(0), count: m)
        memoMin = .filled(Int64(0), count: m); memoMax = .filled(Int64(0), count: m); memoCap = .filled(Int64(0), count: m)
        memoized = .filled(false, count: m)
        lnSlopes = .filled(0.0, count: m * width)
        marked = .filled(UInt32(0), count: m)
        emptyHeap = KeyedNodeHeap(capacity: 2 * m + 1)
    }

    deinit {
        for p in [outStart, outDirections, inStart, inDirections, onPath, reached, touched] { p.deallocate() }
        for p in [onPathStamp, marked] { p.deallocate() }
        for p in [memoMin, memoMax, memoCap] { p.deallocate() }
        nodes.deallocate(); arcs.deallocate(); pieces.deallocate(); lnSlopes.deallocate(); emptyHeap.deallocate()
        prevBackward.deallocate(); memoized.deallocate()
    }

    /// Starts a new set of marked directions (the previous marks are forgotten).
    public func clearMarks() {
        markStamp &+= 1
        if markStamp == 0 { for i in 0..<directionCount { marked[i] = 0 }; markStamp = 1 }
    }

    /// Marks `direction` (a caller's note, e.g. "the payment knows something of it"; the solver does not
    /// read it).
    public func mark(_ direction: Int32) { marked[Int(direction)] = markStamp }

    /// Whether `direction` was marked since the last `clearMarks`.
    @inline(__always) public func isMarked(_ direction: Int32) -> Bool { marked[Int(direction)] == markStamp }

    /// Units on `direction` in the last solve.
    public func flow(on direction: Int) -> Int64 { flow(direction, generation) }

    /// Directions with flow in the last solve.
    public var flowDirections: [Int32] { (0..<touchedCount).map { touched[$0] }.filter { flow(on: Int($0)) > 0 } }

    /// Takes `units` off `direction`'s flow of the last solve (the decomposition consumes the flow).
    func subtractFlow(_ direction: Int, _ units: Int64) { arcs[direction].flow -= units }

    /// Directions leaving `node` (the graph's, from the workspace's copy).
    @inline(__always) func outgoing(_ node: Int) -> UnsafeMutableBufferPointer<Int32> {
        UnsafeMutableBufferPointer(start: outDirections + Int(outStart[node]), count: Int(outStart[node + 1] - outStart[node]))
    }

    /// Directions entering `node`.
    @inline(__always) func incoming(_ node: Int) -> UnsafeMutableBufferPointer<Int32> {
        UnsafeMutableBufferPointer(start: inDirections + Int(inStart[node]), count: Int(inStart[node + 1] - inStart[node]))
    }

    /// Reads (once per solve) the pieces of `d` from `input`; false when `d` cannot be used.
    @inline(__always) func prepare(_ d: Int, _ generation: UInt32, _ input: (Int32) -> FlowArcInput?) -> Bool {
        if arcs[d].arcStamp == generation { return arcs[d].usable }
        arcs[d].arcStamp = generation
        guard let a = input(Int32(d)), a.cap > 0, a.max > 0 else { arcs[d].usable = false; return false }
        // `Linearization`'s pieces, written straight into the flat buffers (no allocation per direction).
        let base = d * (segments + 1)
        let extra = a.feePerUnit + Self.hopCost
        let pieces = self.pieces, lnSlopes = self.lnSlopes
        if memoized[d] && memoMin[d] == a.min && memoMax[d] == a.max && memoCap[d] == a.cap {
            for k in 0..<Int(arcs[d].pieceCount) { pieces[base + k].slope = lnSlopes[base + k] + extra }
        } else {
            let count = Linearization.write(min: a.min, max: a.max, cap: a.cap, segments: segments) { k, end, slope in
                lnSlopes[base + k] = slope
                pieces[base + k] = Piece(end: end, slope: slope + extra)
            }
            arcs[d].pieceCount = UInt8(count)
            memoized[d] = true; memoMin[d] = a.min; memoMax[d] = a.max; memoCap[d] = a.cap
        }
        let count = Int(arcs[d].pieceCount)
        arcs[d].usable = pieces[base + count - 1].end > 0
        return arcs[d].usable
    }

    /// Units on `d` in the solve of `generation`.
    @inline(__always) func flow(_ d: Int, _ generation: UInt32) -> Int64 { arcs[d].flowStamp == generation ? arcs[d].flow : 0 }

    /// Forward residual of `d` at flow `f`: (units, cost per unit), or nil when full.
    @inline(__always) func forward(_ d: Int, _ f: Int64) -> (Int64, Double)? {
        let p = pieces + d * (segments + 1)
        for k in 0..<Int(arcs[d].pieceCount) where f < p[k].end { return (p[k].end - f, p[k].slope) }
        return nil
    }

    /// Backward residual of `d` at flow `f` (cancelling flow): (units, cost per unit, negative), or nil
    /// without flow.
    @inline(__always) func backward(_ d: Int, _ f: Int64) -> (Int64, Double)? {
        guard f > 0 else { return nil }
        let p = pieces + d * (segments + 1)
        var start: Int64 = 0
        for k in 0..<Int(arcs[d].pieceCount) {
            let end = p[k].end
            if start < f && f <= end { return (f - start, -p[k].slope) }
            start = max(start, end)
        }
        return nil
    }

    /// Sends `amount` units from `source` to `target` at least linearised cost; returns the units that
    /// could be sent (less than `amount` when the network cannot carry it).
    public func solve(from source: Int, to target: Int, amount: Int64, input: (Int32) -> FlowArcInput?) -> Int64 {
        generation &+= 1
        if generation == 0 { resetStamps() }
        let gen = generation, nodes = self.nodes, arcs = self.arcs
        touchedCount = 0
        unreachedOffset = 0
        var remaining = amount
        while remaining > 0, source != target {
            guard shortestPath(from: source, to: target, input: input) else { break }
            // Bottleneck along the path (walking back from the target).
            var delta = remaining, v = target
            while v != source {
                let d = Int(nodes[v].prevDirection), f = flow(d, gen)
                let r = prevBackward[v] ? backward(d, f)!.0 : forward(d, f)!.0
                delta = min(delta, r)
                v = Int(prevBackward[v] ? arcs[d].target : arcs[d].source)
            }
            v = target
            while v != source {
                let d = Int(nodes[v].prevDirection)
                if arcs[d].flowStamp != gen { arcs[d].flowStamp = gen; arcs[d].flow = 0; touched[touchedCount] = Int32(d); touchedCount += 1 }
                let before = arcs[d].flow
                arcs[d].flow += prevBackward[v] ? -delta : delta
                let after = arcs[d].flow
                if (before > 0) != (after > 0) {
                    let head = Int(arcs[d].target)
                    if nodes[head].inFlowStamp != gen { nodes[head].inFlowStamp = gen; nodes[head].inFlowCount = 0 }
                    nodes[head].inFlowCount += after > 0 ? 1 : -1
                }
                v = Int(prevBackward[v] ? arcs[d].target : arcs[d].source)
            }
            remaining -= delta
            // Potentials (Ahuja-Magnanti-Orlin p. 323): π(n) -= min(d(n), d(t)), d = ∞ for nodes the
            // search never reached. Stored as π(n) = p(n) − offset, so that only reached nodes are
            // written: offset += d(t), and p(n) += d(t) − min(d(n), d(t)) for the reached ones.
            let dt = nodes[target].dist
            for i in 0..<reachedCount {
                let u = Int(reached[i])
                nodes[u].potential = (nodes[u].potentialStamp == gen ? nodes[u].potential : 0) + dt - Swift.min(nodes[u].dist, dt)
                nodes[u].potentialStamp = gen
            }
            unreachedOffset += dt
        }
        return amount - remaining
    }

    func resetStamps() {
        for i in 0..<nodeCount {
            nodes[i].distStamp = 0; nodes[i].settled = 0; nodes[i].potentialStamp = 0; nodes[i].inFlowStamp = 0; onPathStamp[i] = 0
        }
        for i in 0..<directionCount { arcs[i].flowStamp = 0; arcs[i].arcStamp = 0 }
        generation = 1
    }

    /// Dijkstra over reduced costs from `source`, stopping when `target` is settled.
    func shortestPath(from source: Int, to target: Int, input: (Int32) -> FlowArcInput?) -> Bool {
        shortestPaths += 1
        // A fresh stamp for distances per search, distinct from the solve's generation.
        searchStamp &+= 1
        if searchStamp == 0 { for i in 0..<nodeCount { nodes[i].distStamp = 0; nodes[i].settled = 0 }; searchStamp = 1 }
        let s = searchStamp, gen = generation, offset = unreachedOffset
        let nodes = self.nodes, arcs = self.arcs, prevBackward = self.prevBackward, reached = self.reached
        var heap = emptyHeap
        var reachedCount = 0
        defer { self.reachedCount = reachedCount }
        nodes[source].dist = 0; nodes[source].distStamp = s; reached[reachedCount] = Int32(source); reachedCount += 1
        heap.push(0, Int32(source))
        @inline(__always) func pi(_ v: Int) -> Double { (nodes[v].potentialStamp == gen ? nodes[v].potential : 0) - offset }
        @inline(__always) func relax(_ u: Int, _ v: Int, _ cost: Double, _ d: Int, _ isBackward: Bool) {
            if nodes[v].settled == s || u == v { return }
            let reduced = Swift.max(0, cost - pi(u) + pi(v))
            let nd = nodes[u].dist + reduced
            if nodes[v].distStamp == s && nodes[v].dist <= nd { return }
            if nodes[v].distStamp != s { reached[reachedCount] = Int32(v); reachedCount += 1 }
            nodes[v].dist = nd; nodes[v].distStamp = s
            nodes[v].prevDirection = Int32(d); prevBackward[v] = isBackward
            heap.push(nd, Int32(v))
        }
        while let (c, node) = heap.pop() {
            let u = Int(node)
            if nodes[u].settled == s || c > nodes[u].dist { continue }
            nodes[u].settled = s
            if u == target { return true }
            for d32 in outgoing(u) {
                let d = Int(d32)
                guard prepare(d, gen, input), let (_, cost) = forward(d, flow(d, gen)) else { continue }
                relax(u, Int(arcs[d].target), cost, d, false)
            }
            guard nodes[u].inFlowStamp == gen && nodes[u].inFlowCount > 0 else { continue }
            for d32 in incoming(u) {
                let d = Int(d32), f = flow(d, gen)
                guard f > 0, let (_, cost) = backward(d, f) else { continue }
                relax(u, Int(arcs[d].source), cost, d, true)
            }
        }
        return false
    }
}
