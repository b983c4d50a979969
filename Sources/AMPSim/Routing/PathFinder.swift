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

    /// Reused for every search; moved into a local variable while a search runs.
    var buffers: SearchBuffers

    /// Path searches run so far.
    public private(set) var searches = 0

    public init(graph: ChannelGraph, routing: RoutingSpec) {
        self.graph = graph
        probability = HopProbability(routing)
        penaltyBaseMsat = routing.attemptCostMsat
        penaltyPPM = routing.attemptCostPPM
        maxHops = routing.maxHops
        buffers = SearchBuffers(nodes: graph.nodeCount, directions: graph.directionCount)
    }

    /// The best route from `sender` to `receiver` delivering `amount` msat at time `now`, or nil.
    /// `inFlight` lists (direction, amount) of the sender's own parts of this payment still in flight.
    public func findRoute(from sender: Int, to receiver: Int, amount: Int64, now: Int64, memory: SenderMemory,
                          network: NetworkState, inFlight: [(Int32, Int64)] = [], finalCLTV: Int32 = 40) -> Route? {
        searches += 1
        guard sender != receiver, amount > 0 else { return nil }
        var b = buffers
        buffers = .empty
        defer { buffers = b }
        b.nextGeneration()
        let g = b.generation
        for e in memory.entries {
            let d = Int(e.direction)
            b.failAmount[d] = e.amountMsat
            b.failTime[d] = e.timeMicros
            b.memoryStamp[d] = g
        }
        for (dir, amt) in inFlight {
            let d = Int(dir)
            if b.loadStamp[d] != g { b.load[d] = 0; b.loadStamp[d] = g }
            b.load[d] += amt
        }

        b.cost[receiver] = 0
        b.amountIn[receiver] = amount
        b.hopCount[receiver] = 0
        b.cltv[receiver] = finalCLTV
        b.nextDirection[receiver] = -1
        b.seen[receiver] = g
        b.push(0, Int32(receiver))

        while let (c, v32) = b.pop() {
            let v = Int(v32)
            if b.done[v] == g || c > b.cost[v] { continue }
            b.done[v] = g
            if v == sender { return Self.reconstruct(b, graph: graph, sender: sender, receiver: receiver) }
            if Int(b.hopCount[v]) >= maxHops { continue }
            let x = b.amountIn[v]
            for dir32 in graph.incoming(v) {
                let d = Int(dir32)
                let u = graph.source(of: d)
                if b.done[u] == g { continue }
                let extra = b.loadStamp[d] == g ? b.load[d] : 0
                let failedAt: Int64? = b.memoryStamp[d] == g ? b.failAmount[d] : nil
                let age = failedAt == nil ? 0 : now - b.failTime[d]
                guard let (edgeCost, amountAtU, delta) = evaluate(d, from: u, amount: x, extra: extra, failedAt: failedAt, age: age,
                                                                  sender: sender, network: network) else { continue }
                let total = c + edgeCost
                let newCLTV = b.cltv[v] + delta
                if newCLTV > Self.maxCLTV { continue }
                if b.seen[u] != g || total < b.cost[u] {
                    b.seen[u] = g
                    b.cost[u] = total
                    b.amountIn[u] = amountAtU
                    b.hopCount[u] = b.hopCount[v] + 1
                    b.cltv[u] = newCLTV
                    b.nextDirection[u] = Int32(d)
                    b.push(total, Int32(u))
                }
            }
        }
        return nil
    }

    /// Cost of using direction `d` (u → v) to carry `x` (with `extra` of the sender's own parts already
    /// on it), the amount u must then hold, and the CLTV delta.
    @inline(__always)
    func evaluate(_ d: Int, from u: Int, amount x: Int64, extra: Int64, failedAt: Int64?, age: Int64, sender: Int,
                  network: NetworkState) -> (Double, Int64, Int32)? {
        if u == sender {
            // The sender knows its own channels exactly.
            guard network.spendable(d) >= x, x >= graph.htlcMinimumMsat[d] else { return nil }
            return (0, x, 0)
        }
        guard graph.enabled[d], x >= graph.htlcMinimumMsat[d], x <= graph.htlcMaximumMsat[d] else { return nil }
        let capacity = graph.capacityMsat[d >> 1]
        guard x + extra <= capacity else { return nil }
        guard let negativeLog = probability.negativeLog(amount: x + extra, capacity: capacity, failedAt: failedAt, age: age,
                                                        floor: Self.minProbability) else { return nil }
        let fee = Fees.fee(graph, direction: d, amountMsat: x)
        let penalty = probability.cost == .cheapest ? 1e-3 : (penaltyBaseMsat + Double(x) * penaltyPPM / 1e6) * negativeLog
        return (Double(fee) + penalty, x + fee, graph.cltvDelta[d])
    }

    static func reconstruct(_ b: SearchBuffers, graph: ChannelGraph, sender: Int, receiver: Int) -> Route {
        var directions: [Int32] = []
        var amounts: [Int64] = []
        var node = sender
        while node != receiver {
            let d = b.nextDirection[node]
            directions.append(d)
            let next = graph.target(of: Int(d))
            amounts.append(b.amountIn[next])
            node = next
        }
        return Route(directions: directions, amounts: amounts, cltvTotal: b.cltv[sender])
    }
}
