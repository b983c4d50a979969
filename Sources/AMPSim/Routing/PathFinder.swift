import Foundation

/// Finds a sender's route for one part: Dijkstra backwards from the receiver (as lnd does, because a
/// hop's fee depends on the amount it forwards downstream), minimising fees plus a probability
/// penalty `(attempt_cost_msat + amount · attempt_cost_ppm / 10^6) · -ln p` per hop.
///
/// Guarantees: uses only what a real sender knows — the public graph and policies, its OWN channels'
/// spendable balances, its memory of failures, and the amounts its own parts already have in flight —
/// never other nodes' balances. Routes respect htlc minimum/maximum, capacity, at most `max_hops` hops
/// and a total CLTV of at most 2016 blocks. All buffers are allocated once and reused: a search
/// allocates nothing but the route it returns. Shortcuts never change a result: a search returns nil
/// at once only when no route can exist (no channel into the receiver or out of the sender can carry
/// the amount), and a neighbour is skipped without costing its edge only when no edge cost could
/// improve its label (edge costs are never negative).
public final class PathFinder {
    public let graph: ChannelGraph
    let probability: HopProbability
    let penaltyBaseMsat: Double
    let penaltyPPM: Double
    let maxHops: Int
    public static let maxCLTV: Int32 = 2016
    static let minProbability = 1e-9

    let edges: BackwardEdges
    /// Edge costs are >= 0 (fees and penalties non-negative), so a label that is already at most the
    /// current cost cannot improve.
    let costsNonNegative: Bool
    let buffers: SearchBuffers

    /// Path searches run so far.
    public private(set) var searches = 0

    public init(graph: ChannelGraph, routing: RoutingSpec) {
        self.graph = graph
        probability = HopProbability(routing)
        penaltyBaseMsat = routing.attemptCostMsat
        penaltyPPM = routing.attemptCostPPM
        maxHops = routing.maxHops
        edges = BackwardEdges(graph)
        costsNonNegative = edges.feesNonNegative && routing.attemptCostMsat >= 0 && routing.attemptCostPPM >= 0
        buffers = SearchBuffers(nodes: graph.nodeCount, edges: graph.directionCount)
    }

    /// The best route from `sender` to `receiver` delivering `amount` msat at time `now`, or nil.
    /// `inFlight` lists (direction, amount) of the sender's own parts of this payment still in flight.
    public func findRoute(from sender: Int, to receiver: Int, amount: Int64, now: Int64, memory: SenderMemory,
                          network: NetworkState, inFlight: [(Int32, Int64)] = [], finalCLTV: Int32 = 40) -> Route? {
        searches += 1
        guard sender != receiver, amount > 0 else { return nil }
        guard mayReach(from: sender, to: receiver, amount: amount, network: network) else { return nil }
        let b = buffers
        b.nextGeneration()
        let g = b.generation
        // mayReach found an edge into the receiver, so the edge arrays are not empty.
        edges.edges.withUnsafeBufferPointer { edgeBuffer in
            edges.sources.withUnsafeBufferPointer { sourceBuffer in
                edges.start.withUnsafeBufferPointer { startBuffer in
                    edges.position.withUnsafeBufferPointer { position in
                        for e in memory.entries {
                            let k = b.know(Int(position[Int(e.direction)]))
                            k.pointee.failAmount = e.amountMsat
                            k.pointee.failTime = e.timeMicros
                            k.pointee.hasFailure = true
                        }
                        for (dir, amt) in inFlight {
                            b.know(Int(position[Int(dir)])).pointee.load += amt
                        }
                        search(sender: sender, receiver: receiver, amount: amount, now: now, network: network, finalCLTV: finalCLTV,
                               edges: edgeBuffer.baseAddress!, sources: sourceBuffer.baseAddress!, start: startBuffer.baseAddress!)
                    }
                }
            }
        }
        guard b.done[sender] == g else { return nil }
        return reconstruct(sender: sender, receiver: receiver)
    }

    /// False only when no route can exist: no direction into the receiver can carry `amount` (every one
    /// fails a check the search makes on it), or — amounts only grow upstream when fees are
    /// non-negative — the sender cannot spend `amount` on any of its channels.
    func mayReach(from sender: Int, to receiver: Int, amount: Int64, network: NetworkState) -> Bool {
        var inbound = false
        for e in Int(edges.start[receiver])..<Int(edges.start[receiver + 1]) {
            let edge = edges.edges[e]
            if Int(edge.source) == sender {
                if network.spendable(Int(edge.direction)) >= amount && amount >= edge.htlcMinimumMsat { inbound = true; break }
            } else if edge.enabled && amount >= edge.htlcMinimumMsat && amount <= edge.htlcMaximumMsat && amount <= edge.capacityMsat {
                inbound = true
                break
            }
        }
        guard inbound else { return false }
        guard edges.feesNonNegative else { return true }
        return graph.outgoing(sender).contains { network.spendable(Int($0)) >= amount }
    }

    /// The search proper; on return the sender's label is done (this generation) if a route was found.
    @inline(__always)
    func search(sender: Int, receiver: Int, amount: Int64, now: Int64, network: NetworkState, finalCLTV: Int32,
                edges: UnsafePointer<BackwardEdges.Edge>, sources: UnsafePointer<Int32>, start: UnsafePointer<Int32>) {
        let b = buffers
        let g = b.generation
        let labels = b.labels
        let done = b.done
        let stamps = b.knowledgeStamp
        let knowledge = b.knowledge
        let maxHops = Int32(self.maxHops)
        let prune = costsNonNegative
        let cheapest = probability.cost == .cheapest
        let plainCost = probability.cost != .pickhardt
        let aprioriNegativeLog = probability.aprioriNegativeLog
        labels[receiver] = SearchBuffers.Label(cost: 0, amountIn: amount, cltv: finalCLTV, nextDirection: -1, seen: g, hopCount: 0)
        b.push(0, Int32(receiver))

        while let top = b.pop() {
            let c = top.cost
            let v = Int(top.node)
            if done[v] == g { continue }
            let label = labels[v]
            if c > label.cost { continue }
            done[v] = g
            if v == sender { return }
            if label.hopCount >= maxHops { continue }
            let x = label.amountIn
            // The penalty of every hop into v that the sender knows nothing about (not for pickhardt,
            // whose probability depends on the hop's capacity): the same expression as below, once.
            let plainPenalty = cheapest ? 1e-3 : (penaltyBaseMsat + Double(x) * penaltyPPM / 1e6) * aprioriNegativeLog
            var e = Int(start[v])
            let end = Int(start[v + 1])
            while e < end {
                defer { e &+= 1 }
                let u = Int(sources[e])
                if done[u] == g { continue }
                let edge = edges + e
                let lu = labels + u
                if prune && lu.pointee.seen == g && c >= lu.pointee.cost { continue }
                let edgeCost: Double, amountAtU: Int64, delta: Int32
                if plainCost && u != sender && stamps[e] != g {
                    // Cost first: most hops here cannot improve u's label, and then no check matters.
                    let fee = Fees.fee(amountMsat: x, baseMsat: edge.pointee.feeBaseMsat, ratePPM: edge.pointee.feeRatePPM)
                    edgeCost = Double(fee) + plainPenalty
                    if lu.pointee.seen == g && !(c + edgeCost < lu.pointee.cost) { continue }
                    guard edge.pointee.enabled, x >= edge.pointee.htlcMinimumMsat, x <= edge.pointee.htlcMaximumMsat, x <= edge.pointee.capacityMsat else { continue }
                    amountAtU = x + fee
                    delta = edge.pointee.cltvDelta
                } else if u == sender {
                    // The sender knows its own channels exactly.
                    guard network.spendable(Int(edge.pointee.direction)) >= x, x >= edge.pointee.htlcMinimumMsat else { continue }
                    edgeCost = 0; amountAtU = x; delta = 0
                } else {
                    guard edge.pointee.enabled, x >= edge.pointee.htlcMinimumMsat, x <= edge.pointee.htlcMaximumMsat else { continue }
                    var extra: Int64 = 0
                    var failedAt: Int64? = nil
                    var age: Int64 = 0
                    if stamps[e] == g {
                        let k = knowledge[e]
                        extra = k.load
                        if k.hasFailure { failedAt = k.failAmount; age = now - k.failTime }
                    }
                    guard x + extra <= edge.pointee.capacityMsat else { continue }
                    guard let negativeLog = probability.negativeLog(amount: x + extra, capacity: edge.pointee.capacityMsat, failedAt: failedAt,
                                                                    age: age, floor: Self.minProbability) else { continue }
                    let fee = Fees.fee(amountMsat: x, baseMsat: edge.pointee.feeBaseMsat, ratePPM: edge.pointee.feeRatePPM)
                    let penalty = cheapest ? 1e-3 : (penaltyBaseMsat + Double(x) * penaltyPPM / 1e6) * negativeLog
                    edgeCost = Double(fee) + penalty
                    amountAtU = x + fee
                    delta = edge.pointee.cltvDelta
                }
                let total = c + edgeCost
                let newCLTV = label.cltv + delta
                if newCLTV > Self.maxCLTV { continue }
                if lu.pointee.seen != g || total < lu.pointee.cost {
                    lu.pointee = SearchBuffers.Label(cost: total, amountIn: amountAtU, cltv: newCLTV, nextDirection: edge.pointee.direction,
                                                     seen: g, hopCount: label.hopCount + 1)
                    b.push(total, Int32(u))
                }
            }
        }
    }

    func reconstruct(sender: Int, receiver: Int) -> Route {
        let labels = buffers.labels
        var directions: [Int32] = []
        var amounts: [Int64] = []
        var node = sender
        while node != receiver {
            let d = labels[node].nextDirection
            directions.append(d)
            let next = graph.target(of: Int(d))
            amounts.append(labels[next].amountIn)
            node = next
        }
        return Route(directions: directions, amounts: amounts, cltvTotal: labels[sender].cltv)
    }
}
