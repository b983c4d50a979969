import Foundation

/// Finds a sender's route for one part: Dijkstra backwards from the receiver (as lnd does, because a
/// hop's fee depends on the amount it forwards downstream), minimising fees plus a probability
/// penalty `(attempt_cost_msat + amount · attempt_cost_ppm / 10^6) · -ln p` per hop.
///
/// Guarantees: uses only what a real sender knows — the public graph and policies, its OWN channels'
/// spendable balances, its memory of failures, and the amounts its own parts already have in flight —
/// never other nodes' balances. Routes respect htlc minimum/maximum, capacity, at most `max_hops` hops
/// and a total CLTV of at most 2016 blocks. All buffers are allocated once and reused: a search
/// allocates nothing but the route it returns.
public final class PathFinder {
    public let graph: ChannelGraph
    let probability: HopProbability
    let penaltyBaseMsat: Double
    let penaltyPPM: Double
    let maxHops: Int
    public static let maxCLTV: Int32 = 2016
    static let minProbability = 1e-9

    // Per node (stamped with the search generation).
    var cost: [Double]
    var amountIn: [Int64]
    var hopCount: [UInt8]
    var cltv: [Int32]
    var nextDirection: [Int32]
    var seen: [UInt32]
    var done: [UInt32]
    // Per direction: the current sender's memory and its parts in flight.
    var failAmount: [Int64]
    var failTime: [Int64]
    var memoryStamp: [UInt32]
    var load: [Int64]
    var loadStamp: [UInt32]
    var generation: UInt32 = 0
    // Binary heap of (cost, node).
    var heapCost: [Double] = []
    var heapNode: [Int32] = []

    /// Path searches run so far.
    public private(set) var searches = 0

    public init(graph: ChannelGraph, routing: RoutingSpec) {
        self.graph = graph
        probability = HopProbability(routing)
        penaltyBaseMsat = routing.attemptCostMsat
        penaltyPPM = routing.attemptCostPPM
        maxHops = routing.maxHops
        let n = graph.nodeCount, d = graph.directionCount
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

    /// The best route from `sender` to `receiver` delivering `amount` msat at time `now`, or nil.
    /// `inFlight` lists (direction, amount) of the sender's own parts of this payment still in flight.
    public func findRoute(from sender: Int, to receiver: Int, amount: Int64, now: Int64, memory: SenderMemory,
                          network: NetworkState, inFlight: [(Int32, Int64)] = [], finalCLTV: Int32 = 40) -> Route? {
        searches += 1
        guard sender != receiver, amount > 0 else { return nil }
        nextGeneration()
        let g = generation
        for e in memory.entries {
            let d = Int(e.direction)
            failAmount[d] = e.amountMsat
            failTime[d] = e.timeMicros
            memoryStamp[d] = g
        }
        for (dir, amt) in inFlight {
            let d = Int(dir)
            if loadStamp[d] != g { load[d] = 0; loadStamp[d] = g }
            load[d] += amt
        }
        heapCost.removeAll(keepingCapacity: true)
        heapNode.removeAll(keepingCapacity: true)

        cost[receiver] = 0
        amountIn[receiver] = amount
        hopCount[receiver] = 0
        cltv[receiver] = finalCLTV
        nextDirection[receiver] = -1
        seen[receiver] = g
        push(0, Int32(receiver))

        while let (c, v32) = pop() {
            let v = Int(v32)
            if done[v] == g || c > cost[v] { continue }
            done[v] = g
            if v == sender { return reconstruct(sender: sender, receiver: receiver) }
            if Int(hopCount[v]) >= maxHops { continue }
            let x = amountIn[v]
            for dir32 in graph.incoming(v) {
                let d = Int(dir32)
                let u = graph.source(of: d)
                if done[u] == g { continue }
                guard let (edgeCost, amountAtU, delta) = evaluate(d, from: u, amount: x, sender: sender, now: now, network: network) else { continue }
                let total = c + edgeCost
                let newCLTV = cltv[v] + delta
                if newCLTV > Self.maxCLTV { continue }
                if seen[u] != g || total < cost[u] {
                    seen[u] = g
                    cost[u] = total
                    amountIn[u] = amountAtU
                    hopCount[u] = hopCount[v] + 1
                    cltv[u] = newCLTV
                    nextDirection[u] = Int32(d)
                    push(total, Int32(u))
                }
            }
        }
        return nil
    }

    /// Cost of using direction `d` (u → v) to carry `x`, the amount u must then hold, and the CLTV delta.
    @inline(__always)
    func evaluate(_ d: Int, from u: Int, amount x: Int64, sender: Int, now: Int64, network: NetworkState)
        -> (Double, Int64, Int32)? {
        let extra = loadStamp[d] == generation ? load[d] : 0
        if u == sender {
            // The sender knows its own channels exactly.
            guard network.spendable(d) >= x, x >= graph.htlcMinimumMsat[d] else { return nil }
            return (0, x, 0)
        }
        guard graph.enabled[d], x >= graph.htlcMinimumMsat[d], x <= graph.htlcMaximumMsat[d] else { return nil }
        let capacity = graph.capacityMsat[d >> 1]
        guard x + extra <= capacity else { return nil }
        let remembered = memoryStamp[d] == generation
        let p = probability.probability(amount: x + extra, capacity: capacity, failedAt: remembered ? failAmount[d] : nil,
                                        age: remembered ? now - failTime[d] : 0)
        if p < Self.minProbability { return nil }
        let fee = Fees.fee(graph, direction: d, amountMsat: x)
        let penalty = probability.cost == .cheapest ? 1e-3 : (penaltyBaseMsat + Double(x) * penaltyPPM / 1e6) * -log(p)
        return (Double(fee) + penalty, x + fee, graph.cltvDelta[d])
    }

    func reconstruct(sender: Int, receiver: Int) -> Route? {
        var directions: [Int32] = []
        var amounts: [Int64] = []
        var node = sender
        while node != receiver {
            let d = nextDirection[node]
            directions.append(d)
            let next = graph.target(of: Int(d))
            amounts.append(amountIn[next])
            node = next
        }
        return Route(directions: directions, amounts: amounts, cltvTotal: cltv[sender])
    }

    func nextGeneration() {
        generation &+= 1
        if generation == 0 { // wrapped: clear every stamp once
            for i in seen.indices { seen[i] = 0; done[i] = 0 }
            for i in memoryStamp.indices { memoryStamp[i] = 0; loadStamp[i] = 0 }
            generation = 1
        }
    }

    @inline(__always) func push(_ c: Double, _ node: Int32) {
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

    @inline(__always) func pop() -> (Double, Int32)? {
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
