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

    var generation: UInt32 = 0
    // Per node.
    var dist: [Double]
    var distStamp: [UInt32]
    var settled: [UInt32]
    var potential: [Double]
    var potentialStamp: [UInt32]
    var prevDirection: [Int32]
    var prevBackward: [Bool]
    var onPath: [Int32]
    var onPathStamp: [UInt32]
    // Per direction.
    var flow: [Int64]
    var flowStamp: [UInt32]
    var arcStamp: [UInt32]
    var usable: [Bool]
    var ends: [Int64]
    var slopes: [Double]
    var pieceCount: [UInt8]
    var touched: [Int32] = []
    var reached: [Int32] = []
    var heap: [(Double, Int32)] = []
    /// Dijkstra runs so far (for measurements).
    public private(set) var shortestPaths = 0

    public init(graph: ChannelGraph, segments: Int) {
        self.graph = graph
        self.segments = segments
        let n = graph.nodeCount, m = graph.directionCount, width = segments + 1
        dist = [Double](repeating: 0, count: n)
        distStamp = [UInt32](repeating: 0, count: n)
        settled = [UInt32](repeating: 0, count: n)
        potential = [Double](repeating: 0, count: n)
        potentialStamp = [UInt32](repeating: 0, count: n)
        prevDirection = [Int32](repeating: -1, count: n)
        prevBackward = [Bool](repeating: false, count: n)
        onPath = [Int32](repeating: -1, count: n)
        onPathStamp = [UInt32](repeating: 0, count: n)
        flow = [Int64](repeating: 0, count: m)
        flowStamp = [UInt32](repeating: 0, count: m)
        arcStamp = [UInt32](repeating: 0, count: m)
        usable = [Bool](repeating: false, count: m)
        ends = [Int64](repeating: 0, count: m * width)
        slopes = [Double](repeating: 0, count: m * width)
        pieceCount = [UInt8](repeating: 0, count: m)
    }

    /// Units on `direction` in the last solve.
    public func flow(on direction: Int) -> Int64 { flowStamp[direction] == generation ? flow[direction] : 0 }

    /// Directions with flow in the last solve.
    public var flowDirections: [Int32] { touched.filter { flow(on: Int($0)) > 0 } }

    @inline(__always) func potentialOf(_ v: Int) -> Double { potentialStamp[v] == generation ? potential[v] : 0 }

    /// Reads (once per solve) the pieces of `d` from `input`; false when `d` cannot be used.
    @inline(__always) func prepare(_ d: Int, _ input: (Int32) -> FlowArcInput?) -> Bool {
        if arcStamp[d] == generation { return usable[d] }
        arcStamp[d] = generation
        guard let a = input(Int32(d)), a.cap > 0, a.max > 0 else { usable[d] = false; return false }
        // `Linearization`'s pieces, written straight into the flat buffers (no allocation per direction).
        let base = d * (segments + 1)
        let extra = a.feePerUnit + Self.hopCost
        let count = Linearization.write(min: a.min, max: a.max, cap: a.cap, segments: segments) { k, end, slope in
            ends[base + k] = end
            slopes[base + k] = slope + extra
        }
        pieceCount[d] = UInt8(count)
        usable[d] = ends[base + count - 1] > 0
        return usable[d]
    }

    /// Forward residual of `d` at its current flow: (units, cost per unit), or nil when full.
    @inline(__always) func forward(_ d: Int) -> (Int64, Double)? {
        let f = flow(on: d), base = d * (segments + 1)
        for k in 0..<Int(pieceCount[d]) where f < ends[base + k] { return (ends[base + k] - f, slopes[base + k]) }
        return nil
    }

    /// Backward residual of `d` (cancelling flow): (units, cost per unit, negative), or nil without flow.
    @inline(__always) func backward(_ d: Int) -> (Int64, Double)? {
        let f = flow(on: d)
        guard f > 0 else { return nil }
        let base = d * (segments + 1)
        var start: Int64 = 0
        for k in 0..<Int(pieceCount[d]) {
            let end = ends[base + k]
            if start < f && f <= end { return (f - start, -slopes[base + k]) }
            start = max(start, end)
        }
        return nil
    }

    /// Sends `amount` units from `source` to `target` at least linearised cost; returns the units that
    /// could be sent (less than `amount` when the network cannot carry it).
    public func solve(from source: Int, to target: Int, amount: Int64, input: (Int32) -> FlowArcInput?) -> Int64 {
        generation &+= 1
        if generation == 0 { resetStamps() }
        touched.removeAll(keepingCapacity: true)
        unreachedOffset = 0
        var remaining = amount
        while remaining > 0, source != target {
            guard shortestPath(from: source, to: target, input: input) else { break }
            // Bottleneck along the path (walking back from the target).
            var delta = remaining, v = target
            while v != source {
                let d = Int(prevDirection[v])
                let r = prevBackward[v] ? backward(d)!.0 : forward(d)!.0
                delta = min(delta, r)
                v = prevBackward[v] ? graph.target(of: d) : graph.source(of: d)
            }
            v = target
            while v != source {
                let d = Int(prevDirection[v])
                if flowStamp[d] != generation { flowStamp[d] = generation; flow[d] = 0; touched.append(Int32(d)) }
                flow[d] += prevBackward[v] ? -delta : delta
                v = prevBackward[v] ? graph.target(of: d) : graph.source(of: d)
            }
            remaining -= delta
            // Potentials (Ahuja-Magnanti-Orlin p. 323): π(n) -= min(d(n), d(t)), d = ∞ for nodes the
            // search never reached. Stored as π(n) = p(n) − offset, so that only reached nodes are
            // written: offset += d(t), and p(n) += d(t) − min(d(n), d(t)) for the reached ones.
            let dt = dist[target]
            for u32 in reached {
                let u = Int(u32)
                potential[u] = potentialOf(u) + dt - Swift.min(dist[u], dt)
                potentialStamp[u] = generation
            }
            unreachedOffset += dt
        }
        return amount - remaining
    }

    /// The part of every potential not stored per node (see `solve`).
    var unreachedOffset = 0.0

    func resetStamps() {
        for i in distStamp.indices { distStamp[i] = 0; settled[i] = 0; potentialStamp[i] = 0; onPathStamp[i] = 0 }
        for i in flowStamp.indices { flowStamp[i] = 0; arcStamp[i] = 0 }
        generation = 1
    }

    /// Dijkstra over reduced costs from `source`, stopping when `target` is settled.
    func shortestPath(from source: Int, to target: Int, input: (Int32) -> FlowArcInput?) -> Bool {
        shortestPaths += 1
        // A fresh stamp for distances per search, distinct from the solve's generation.
        searchStamp &+= 1
        if searchStamp == 0 { for i in distStamp.indices { distStamp[i] = 0; settled[i] = 0 }; searchStamp = 1 }
        let s = searchStamp
        reached.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        dist[source] = 0; distStamp[source] = s; reached.append(Int32(source))
        push(0, Int32(source))
        func pi(_ v: Int) -> Double { (potentialStamp[v] == generation ? potential[v] : 0) - unreachedOffset }
        func relax(_ u: Int, _ v: Int, _ cost: Double, _ d: Int, _ isBackward: Bool) {
            if settled[v] == s || u == v { return }
            let reduced = Swift.max(0, cost - pi(u) + pi(v))
            let nd = dist[u] + reduced
            if distStamp[v] == s && dist[v] <= nd { return }
            if distStamp[v] != s { reached.append(Int32(v)) }
            dist[v] = nd; distStamp[v] = s
            prevDirection[v] = Int32(d); prevBackward[v] = isBackward
            push(nd, Int32(v))
        }
        while let (c, node) = pop() {
            let u = Int(node)
            if settled[u] == s || c > dist[u] { continue }
            settled[u] = s
            if u == target { return true }
            for d32 in graph.outgoing(u) {
                let d = Int(d32)
                guard prepare(d, input), let (_, cost) = forward(d) else { continue }
                relax(u, graph.target(of: d), cost, d, false)
            }
            for d32 in graph.incoming(u) {
                let d = Int(d32)
                guard flow(on: d) > 0, let (_, cost) = backward(d) else { continue }
                relax(u, graph.source(of: d), cost, d, true)
            }
        }
        return false
    }
    var searchStamp: UInt32 = 0
    var pathStamp: UInt32 = 0

    func push(_ key: Double, _ node: Int32) {
        heap.append((key, node))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if heap[parent].0 <= heap[i].0 { break }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    func pop() -> (Double, Int32)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[l].0 < heap[m].0 { m = l }
                if r < heap.count && heap[r].0 < heap[m].0 { m = r }
                if m == i { break }
                heap.swapAt(m, i)
                i = m
            }
        }
        return first
    }
}
