import Foundation
import CPrefetch

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
/// a search allocates nothing but the route it returns. A search returns nil at once only when no route
/// can exist (no channel into the receiver or out of the sender can carry the amount).
///
/// Exactness: the route is defined by the cost and a deterministic tie-break — at each node the label
/// kept is the first in `SearchBuffers.precedes` (cost, then higher probability as lnd, then fewer hops,
/// then the lower channel direction) among the extensions of its neighbours' final labels — never by
/// the order of exploration. The search stops as soon as that route is known: when the sender is
/// settled, or when every usable peer of the sender is (the sender's candidates come only from them),
/// and it does not start when the sender-side bound (`hopBound`) shows every route below
/// `min_probability`; dead ends (nodes whose channels all lead to one peer) are never labelled, since
/// no route can pass through them. With lnd's a-priori cost the heap is ordered A*-style by cost plus a
/// consistent lower bound on the rest of the route (`setLowerBounds`), which changes what is explored,
/// not what is found. A search stops, with no route, once no label left in the heap can lead to a
/// route (PathFinder+Reach.swift). An extension towards a node without history is dropped before its
/// probability is computed when even a hop of probability `apriori` could not replace the label there.
/// A settled node's channels are scanned only when the search reaches a lower bound on the keys that scan
/// could give (PathFinder+Deferral.swift), so the last nodes settled before the route is found are not;
/// its few channels from the sender's usable peers and from nodes with history whose hops may beat
/// `apriori` are read at once, so they do not hold that bound down.
/// `shortcuts = false` turns all of these off (the plain search the tests compare against).
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

    /// The sender's usable peers (not the receiver) and their hop bounds, for one search (reused).
    var peerList: [(Int32, Double)] = []

    /// Path searches run so far.
    public private(set) var searches = 0
    /// Searches answered without running the search proper (no usable sender channel, or the sender-side bound).
    public private(set) var searchesCutShort = 0
    /// Searches counted but not run, their answer known (`countRepeatedSearch`).
    private(set) var searchesRepeated = 0
    /// Deferred scans queued and run so far (PathFinder+Deferral.swift): the difference never ran.
    private(set) var scansDeferred = 0, scansRun = 0
    /// Exact shortcuts on (the sender-side bound, stopping at the sender's last peer, skipping dead ends).
    var shortcuts = true
    /// Tests: pops after which every search marks the nodes that can lie on a route, in one go (nil: after
    /// `reachAfter` pops, within `reachBudget`).
    var reachAfterPops: Int? = nil

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

    /// Counts a search that is not run because its answer is known: no route, as an earlier search with
    /// the same inputs found, nothing it reads having changed since (`Simulation.pump`). Counted so
    /// that `searches` stays the number of searches a sender makes.
    func countRepeatedSearch() {
        searches += 1
        searchesRepeated += 1
    }

    /// lnd's absoluteAttemptCost: AttemptCost + amt · AttemptCostPPM / 10^6, for `amount` msat delivered.
    @inline(__always) func attemptCost(_ amount: Int64) -> Double {
        penaltyBaseMsat + Double(amount) * penaltyPPM / 1e6
    }

    /// Work (channels read) a search spends on its lower bounds and history marks before it runs: a small
    /// part of what a search reads.
    var smallWork: Int { max(4096, graph.directionCount / 16) }

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
        // Deferred scans (PathFinder+Deferral.swift) need the nodes that a node with history leads into
        // (marked below, once the usable peers are known).
        let deferring = shortcuts && probability.cost == .apriori && attemptCost(amount) > 0
        for (node, list) in memory.results {
            b.nodeResultStamp[Int(node)] = g
            b.nodeResultStart[Int(node)] = Int32(flatResults.count)
            b.nodeResultCount[Int(node)] = Int32(list.count)
            flatResults.append(contentsOf: list)
        }
        // The sender's usable peers: its candidates come from them only. Amounts only grow upstream when
        // fees are non-negative, so a channel that cannot spend `amount` can carry no route.
        var peers: Int32 = 0
        // Bit (peer mod 64) of every usable peer: a node whose bit is clear is no peer, without a load.
        var peerMask: UInt64 = 0
        var bound = 0.0
        peerList.removeAll(keepingCapacity: true)
        flatResults.withUnsafeBufferPointer { results in
            for d32 in graph.outgoing(sender) {
                let peer = graph.target(of: Int(d32))
                guard !edges.feesNonNegative || network.spendable(Int(d32)) >= amount, b.peerStamp[peer] != g, peerOnline(peer) else { continue }
                b.peerStamp[peer] = g
                peers += 1
                peerMask |= 1 << UInt64(peer & 63)
                guard shortcuts else { continue }
                let local = probability.localProbability(pair: pairResult(sender, peer, results), now: now)
                let hop = peer == receiver ? 1 : hopBound(peer, amount: amount, now: now, results: results)
                bound = max(bound, local * hop)
                if peer != receiver { peerList.append((Int32(peer), hop)) }
            }
        }
        // A margin for the order in which the search multiplies and sums the same terms.
        if shortcuts && (peers == 0 || bound * (1 + 1e-9) < minProbability) {
            searchesCutShort += 1
            return nil
        }
        let bounded = shortcuts && probability.cost == .apriori && edges.feesNonNegative
        // Only nodes whose hops may beat `apriori` at this amount count as history here (`hopBound`): a
        // node with only failures, or successes at smaller amounts, bounds its hops as a node without any.
        var historyWork = 0
        if deferring {
            flatResults.withUnsafeBufferPointer { results in
                for node in memory.results.keys where Int(node) != sender
                    && hopBound(Int(node), amount: amount, now: now, results: results) > probability.apriori {
                    historyWork += markHistoryNeighbours(of: Int(node))
                    if historyWork > smallWork { break }
                }
            }
        }
        // Every node that such a node leads into is marked, and its channels from non-peers listed (the
        // marking above stopped at no limit).
        let historyMarked = deferring && historyWork <= smallWork
        let (rest, gap, listed) = bounded ? setLowerBounds(sender: sender, receiver: receiver, amount: amount, historyMarked: historyMarked)
            : (RestBound.uniform(0), 0, false)
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
                                   results: results, peers: peers, peerMask: peerMask, rest: rest, gap: gap, listed: listed, deferring: deferring, historyMarked: historyMarked,
                                   peerOnline: peerOnline)
                        }
                    }
                }
            }
        }
        guard b.labels[sender].seen >= g else { return nil }
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
                results: UnsafeBufferPointer<MissionControl.PairResult>, peers: Int32, peerMask: UInt64, rest: RestBound, gap: Double, listed: Bool, deferring: Bool, historyMarked: Bool,
                peerOnline: (Int) -> Bool) {
        let b = buffers
        let g = b.generation
        let labels = b.labels
        let peerStamp = b.peerStamp
        let boundStamp = b.boundStamp, lowerBound = b.bound
        let shortcuts = self.shortcuts
        var peersLeft = peers
        let stamps = b.knowledgeStamp
        let knowledge = b.knowledge
        let maxHops = Int32(self.maxHops)
        let cost = probability.cost
        let minProbability = self.minProbability
        let attemptCost = self.attemptCost(amount)
        labels[receiver].set(cost: 0, weight: 0, probability: 1, amountIn: amount, cltv: finalCLTV, nextDirection: -1, seen: g, hopCount: 0)
        b.push(SearchBuffers.HeapEntry(key: 0, cost: 0, probability: 1, hopCount: 0, nextDirection: -1, node: Int32(receiver)))
        // Heap entries that may still lead to a route (at a node that can lie on one), counted once those
        // nodes are marked (`markReachable`, PathFinder+Reach.swift): the search ends when none is left.
        // The marking starts after `reachAfter` pops and reads at most `reachBudget` directions: when it
        // stops short, it goes on when the pops have doubled (a search that finds its route pays little).
        let reachStamp = b.reachStamp
        // Scans deferred to a lower bound on their extensions' keys (PathFinder+Deferral.swift).
        let historyNext = b.historyNextStamp
        let receiverNext = b.receiverNextStamp
        let remoteBound = max(probability.apriori, HopProbability.previousSuccess)
        let otherBound = historyMarked ? probability.apriori : remoteBound
        var deferred = 0, run = 0
        defer { scansDeferred += deferred; scansRun += run }
        var reachable = false, pops = 0
        var reachAt = shortcuts && self.edges.feesNonNegative ? reachAfterPops ?? Self.reachAfter : Int.max
        let reachBudgeted = reachAfterPops == nil
        var marking = ReachMarking(), scanned = 0
        var live = 0

        while true {
            if pops == reachAt {
                if markReachable(&marking, sender: sender, amount: amount, budget: reachBudgeted ? Self.reachBudget(scanned: scanned) : .max) {
                    reachable = true
                    live = b.countQueued { reachStamp[Int($0.node)] == g }
                } else {
                    reachAt = pops * 2
                }
            }
            guard let top = b.pop() else { break }
            // The heap's new first entry is most often the next one popped: its label is loaded meanwhile.
            if b.heapCount > 0 { ampsim_prefetch(labels + Int(b.heap[0].node)) }
            pops += 1
            let v = Int(top.node)
            if reachable {
                if reachStamp[v] == g {
                    live -= 1
                } else if live == 0 {
                    // No entry left can lead to a route: every later label descends from one of them.
                    b.clearQueue()
                    continue
                }
            }
            // A deferred scan of v's channels (PathFinder+Deferral.swift); v is settled already.
            let scan = top.cost == -.infinity
            if !scan {
                if labels[v].seen == g + 1 { continue }
                if top.cost > labels[v].cost { continue }
                labels[v].seen = g + 1
                if v == sender { return }
            }
            let label = labels[v]
            let c = label.cost
            // The sender's last usable peer settled: no candidate for the sender can follow this one's.
            let peer = (peerMask >> UInt64(v & 63)) & 1 != 0 && peerStamp[v] == g
            defer { if !scan && peer { peersLeft -= 1; if peersLeft == 0 && shortcuts { b.clearQueue() } } }
            if label.hopCount >= maxHops { continue }
            // Only v's listed channels (from the sender's usable peers and from nodes with history whose
            // hops may beat `apriori`: `SearchBuffers.list`) now; the others in a deferred scan.
            var listedOnly = false
            if !scan && deferring && !peer {
                let floor = label.weight + attemptCost / (label.probability * (historyNext[v] == g ? remoteBound : otherBound))
                // Every extension is abandoned (probability 0), or comes after the sender's label (see below).
                if !floor.isFinite || labels[sender].seen >= g && floor > labels[sender].cost { continue }
                // Every channel into v but the listed ones (read below) comes from a node other than the
                // sender's usable peers, whose bound is at least `gap`; when the peers' channels are listed,
                // so are those of every node whose hops may beat `apriori` (or `otherBound` is 0.95).
                let restFloor = listed ? label.weight + attemptCost / (label.probability * otherBound) : floor
                let key = restFloor + gap
                if !(labels[sender].seen >= g && key > labels[sender].cost) {
                    if reachable && reachStamp[v] == g { live += 1 }
                    b.push(SearchBuffers.HeapEntry(key: key, cost: -.infinity, probability: label.probability, hopCount: label.hopCount,
                                                   nextDirection: Int32(v), node: Int32(v)))
                    deferred += 1
                }
                // Only a node next to a usable peer (bound-stamped) or to history has a list: the label's
                // own stamps (in the line already loaded) spare the list's load for the others.
                guard boundStamp[v] == g || historyNext[v] == g, b.listStamp[v] == g else { continue }
                listedOnly = true
            }
            if scan { run += 1 }
            let x = label.amountIn
            // Every distance an extension to a node without history can reach: a hop out of such a node
            // has probability apriori · capacity factor <= apriori, its fee and timelock terms are >= 0,
            // and rounding is monotone, so the distance computed below is at least this.
            let noHistoryFloor = label.weight + attemptCost / (label.probability * probability.apriori)
            var e = Int(start[v]), end = Int(start[v + 1])
            // The next of v's listed channels to read (`listedOnly`), or -1.
            var link: Int32 = -1
            if listedOnly {
                link = b.listHead[v]
                end = e
            }
            scanned &+= end &- e
            while true {
                if e >= end {
                    guard link >= 0 else { break }
                    let entry = b.listedEdges[Int(link)]
                    e = Int(entry.edge)
                    end = e &+ 1
                    link = entry.next
                    scanned &+= 1
                }
                defer { e &+= 1 }
                // The label of the neighbour 16 channels on is loaded while this one is worked on: on a
                // large graph most of a search's time was the wait for these labels (perf: 30% of
                // `search` on the 100,000-node case). 16, not 8, since a label is one line (part 9: I
                // with 6,000 payments about 4% less CPU time). A hint only; nothing computed depends on it.
                if e &+ 16 < end { ampsim_prefetch(labels + BackwardEdges.node(sources[e &+ 16])) }
                let s = sources[e]
                // A dead end is no use unless it is the sender itself.
                let u = BackwardEdges.node(s)
                if s < 0 && u != sender && shortcuts { continue }
                let lu = labels + u
                // A final label stays; and every distance through v is at least c: a label already
                // below it cannot improve. (One load for both: `seen` is g + 1 when final.)
                let seen = lu.pointee.seen
                if seen == g + 1 || seen == g && c > lu.pointee.cost { continue }
                let edge = edges + e
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
                        // A label already below every distance this hop can give is kept (`precedes`).
                        if shortcuts && lu.pointee.seen == g && noHistoryFloor > lu.pointee.cost { continue }
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
                    weight = label.weight + positiveFee + self.attemptCost(x) * -log(edgeProbability)
                    distance = weight
                }
                // lnd: a worse distance, or an equal one without a better probability, is not taken; then
                // fewer hops, then the lower channel direction (`SearchBuffers.precedes`).
                let hops = label.hopCount + 1, direction = edge.pointee.direction
                if lu.pointee.seen == g && !SearchBuffers.precedes(distance, routeProbability, hops, direction,
                                                                   lu.pointee.cost, lu.pointee.probability, lu.pointee.hopCount, lu.pointee.nextDirection) {
                    continue
                }
                lu.pointee.set(cost: distance, weight: weight, probability: routeProbability, amountIn: x + fee, cltv: newCLTV,
                               nextDirection: direction, seen: g, hopCount: hops)
                // A*: the key adds u's lower bound on what the rest of the route adds (`setLowerBounds`).
                let h = boundStamp[u] == g ? lowerBound[u] : rest.value(historyNext: historyNext[u] == g, results: b.nodeResultStamp[u] == g,
                                                                                    receiverNext: receiverNext[u] == g)
                let key = distance + h
                // The sender's label so far bounds its final cost from above: an entry keyed above it
                // would be popped after the search ends. Its label stays (it still decides what may
                // replace it), only the heap entry is left out.
                if labels[sender].seen >= g && key > labels[sender].cost { continue }
                if reachable && reachStamp[u] == g { live += 1 }
                b.push(SearchBuffers.HeapEntry(key: key, cost: distance, probability: routeProbability, hopCount: hops, nextDirection: direction, node: Int32(u)))
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
