import Foundation

/// Finds a sender's route for one part as lnd's `findPath` does (routing/pathfind.go): Dijkstra
/// backwards from the receiver (a hop's fee depends on the amount it forwards downstream) over the
/// distance `weight + attemptCost / probability`, where `weight` sums each hop's `edgeWeight` (fee plus
/// amount · timelock delta · risk factor / 10^9) and `probability` is the product of the hops'
/// probabilities from mission control (lnd's `getProbabilityBasedDist`). A partial route whose
/// probability falls below `min_probability` is abandoned, as lnd does; so a pair that just refused an
/// amount (probability 0) is not tried again for it until its probability has recovered.
///
/// `cheapest` minimises fees (plus 10^-3 per hop to prefer shorter routes on ties); `pickhardt` sums
/// fee + attempt cost · -ln p per hop. Both apply the same cut-off to the route's probability.
///
/// Guarantees: uses only what a real sender knows — the public graph and policies, its OWN channels'
/// spendable balances and peers, its mission control, and the amounts its own parts already have in
/// flight — never other nodes' balances. Routes respect htlc minimum/maximum, capacity, at most
/// `max_hops` hops and a total CLTV of at most 2016 blocks. All buffers are allocated once and reused:
/// a search allocates nothing but the route it returns. A search returns nil at once only when no
/// route can exist (no channel into the receiver or out of the sender can carry the amount).
public final class PathFinder {
    public let graph: ChannelGraph
    let probability: HopProbability
    let penaltyBaseMsat: Double
    let penaltyPPM: Double
    let minProbability: Double
    let riskFactor: Double
    let maxHops: Int
    public static let maxCLTV: Int32 = 2016

    let edges: BackwardEdges
    let buffers: SearchBuffers
    /// The sender's mission control laid out by from-node for one search (reused).
    var flatResults: [MissionControl.PairResult] = []

    /// Path searches run so far.
    public private(set) var searches = 0

    public init(graph: ChannelGraph, routing: RoutingSpec) {
        self.graph = graph
        probability = HopProbability(routing)
        penaltyBaseMsat = routing.attemptCostMsat
        penaltyPPM = routing.attemptCostPPM
        minProbability = routing.minProbability
        riskFactor = routing.riskFactorBillionths
        maxHops = routing.maxHops
        edges = BackwardEdges(graph)
        buffers = SearchBuffers(nodes: graph.nodeCount, edges: graph.directionCount)
    }

    /// The best route from `sender` to `receiver` delivering `amount` msat at time `now`, or nil.
    /// `inFlight` lists (direction, amount) of the sender's own parts of this payment still in flight;
    /// `peerOnline` says whether a peer of the sender is online (the sender knows its own links).
    public func findRoute(from sender: Int, to receiver: Int, amount: Int64, now: Int64, memory: MissionControl,
                          network: NetworkState, inFlight: [(Int32, Int64)] = [], finalCLTV: Int32 = 40,
                          peerOnline: (Int) -> Bool = { _ in true }) -> Route? {
        searches += 1
        guard sender != receiver, amount > 0 else { return nil }
        guard mayReach(from: sender, to: receiver, amount: amount, network: network) else { return nil }
        let b = buffers
        b.nextGeneration()
        let g = b.generation
        flatResults.removeAll(keepingCapacity: true)
        for (node, list) in memory.results {
            b.nodeResultStamp[Int(node)] = g
            b.nodeResultStart[Int(node)] = Int32(flatResults.count)
            b.nodeResultCount[Int(node)] = Int32(list.count)
            flatResults.append(contentsOf: list)
        }
        // mayReach found an edge into the receiver, so the edge arrays are not empty.
        edges.edges.withUnsafeBufferPointer { edgeBuffer in
            edges.sources.withUnsafeBufferPointer { sourceBuffer in
                edges.start.withUnsafeBufferPointer { startBuffer in
                    edges.position.withUnsafeBufferPointer { position in
                        flatResults.withUnsafeBufferPointer { results in
                            for (dir, amt) in inFlight {
                                b.know(Int(position[Int(dir)])).pointee.load += amt
                            }
                            search(sender: sender, receiver: receiver, amount: amount, now: now, network: network, finalCLTV: finalCLTV,
                                   edges: edgeBuffer.baseAddress!, sources: sourceBuffer.baseAddress!, start: startBuffer.baseAddress!,
                                   results: results, peerOnline: peerOnline)
                        }
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

    /// The mission-control result of the pair (u, v) among u's results, if any.
    @inline(__always)
    func pairResult(_ u: Int, _ v: Int, _ results: UnsafeBufferPointer<MissionControl.PairResult>) -> MissionControl.PairResult? {
        let b = buffers
        guard b.nodeResultStamp[u] == b.generation else { return nil }
        let start = Int(b.nodeResultStart[u])
        for i in start..<(start + Int(b.nodeResultCount[u])) where results[i].to == Int32(v) { return results[i] }
        return nil
    }

    /// u's results (empty when it has none).
    @inline(__always)
    func nodeResults(_ u: Int, _ results: UnsafeBufferPointer<MissionControl.PairResult>) -> UnsafeBufferPointer<MissionControl.PairResult> {
        let b = buffers
        guard b.nodeResultStamp[u] == b.generation, let base = results.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + Int(b.nodeResultStart[u]), count: Int(b.nodeResultCount[u]))
    }

    /// The search proper; on return the sender's label is done (this generation) if a route was found.
    @inline(__always)
    func search(sender: Int, receiver: Int, amount: Int64, now: Int64, network: NetworkState, finalCLTV: Int32,
                edges: UnsafePointer<BackwardEdges.Edge>, sources: UnsafePointer<Int32>, start: UnsafePointer<Int32>,
                results: UnsafeBufferPointer<MissionControl.PairResult>, peerOnline: (Int) -> Bool) {
        let b = buffers
        let g = b.generation
        let labels = b.labels
        let done = b.done
        let stamps = b.knowledgeStamp
        let knowledge = b.knowledge
        let maxHops = Int32(self.maxHops)
        let cost = probability.cost
        let minProbability = self.minProbability
        // lnd's absoluteAttemptCost: AttemptCost + amt · AttemptCostPPM / 10^6, for the amount delivered.
        let attemptCost = penaltyBaseMsat + Double(amount) * penaltyPPM / 1e6
        labels[receiver] = SearchBuffers.Label(cost: 0, weight: 0, probability: 1, amountIn: amount, cltv: finalCLTV, nextDirection: -1,
                                               seen: g, hopCount: 0)
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
            var e = Int(start[v])
            let end = Int(start[v + 1])
            while e < end {
                defer { e &+= 1 }
                let u = Int(sources[e])
                if done[u] == g { continue }
                let edge = edges + e
                let lu = labels + u
                // Every distance through v is at least c: a label already below it cannot improve.
                if lu.pointee.seen == g && c > lu.pointee.cost { continue }
                let edgeProbability: Double, fee: Int64, delta: Int32
                if u == sender {
                    // The sender knows its own channels exactly: spendable balance, free slot, peer online.
                    guard network.spendable(Int(edge.pointee.direction)) >= x, x >= edge.pointee.htlcMinimumMsat, peerOnline(v) else { continue }
                    edgeProbability = probability.localProbability(pair: pairResult(u, v, results), now: now)
                    fee = 0; delta = 0
                } else {
                    guard edge.pointee.enabled, x >= edge.pointee.htlcMinimumMsat, x <= edge.pointee.htlcMaximumMsat else { continue }
                    // What this payment's own parts already ask of the channel counts against it.
                    let load = stamps[e] == g ? knowledge[e].load : 0
                    let asked = x + load
                    guard asked <= edge.pointee.capacityMsat else { continue }
                    if cost == .apriori && b.nodeResultStamp[u] != g {
                        // No history for u: lnd's a-priori probability times its capacity factor.
                        edgeProbability = probability.apriori * probability.capacityFactor(amount: asked, capacity: edge.pointee.capacityMsat)
                    } else {
                        edgeProbability = probability.probability(amount: asked, capacity: edge.pointee.capacityMsat,
                                                                  results: nodeResults(u, results), pair: pairResult(u, v, results), now: now)
                    }
                    fee = Fees.fee(amountMsat: x, baseMsat: edge.pointee.feeBaseMsat, ratePPM: edge.pointee.feeRatePPM)
                    delta = edge.pointee.cltvDelta
                }
                // lnd: "If the probability is below the specified lower bound, we can abandon this
                // direction. Adding further nodes can only lower the probability more."
                let routeProbability = label.probability * edgeProbability
                if routeProbability <= 0 || routeProbability < minProbability { continue }
                let newCLTV = label.cltv + delta
                if newCLTV > Self.maxCLTV { continue }
                // lnd's edgeWeight (a negative fee counts as 0 in the weight, as lnd rounds it up).
                let positiveFee = Double(max(0, fee))
                let weight: Double, distance: Double
                switch cost {
                case .apriori, .bimodal:
                    weight = label.weight + positiveFee + (Double(x) * Double(delta) * riskFactor / 1e9).rounded(.down)
                    distance = weight + attemptCost / routeProbability
                case .cheapest:
                    weight = label.weight + positiveFee + 1e-3
                    distance = weight
                case .pickhardt:
                    weight = label.weight + positiveFee + (penaltyBaseMsat + Double(x) * penaltyPPM / 1e6) * -log(edgeProbability)
                    distance = weight
                }
                // lnd: a worse distance, or an equal one without a better probability, is not taken.
                if lu.pointee.seen == g && (distance > lu.pointee.cost || (distance == lu.pointee.cost && routeProbability <= lu.pointee.probability)) {
                    continue
                }
                lu.pointee = SearchBuffers.Label(cost: distance, weight: weight, probability: routeProbability, amountIn: x + fee, cltv: newCLTV,
                                                 nextDirection: edge.pointee.direction, seen: g, hopCount: label.hopCount + 1)
                b.push(distance, Int32(u))
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
