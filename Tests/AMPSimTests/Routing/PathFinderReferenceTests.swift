import Foundation
import Testing
@testable import AMPSim

/// The path search against a plain reference written apart from it: label-setting over every node in
/// turn (no heap, no shortcuts), settling the unsettled label that comes first in the documented order
/// (cost, then higher probability, then fewer hops, then lower channel direction). Both must return the
/// same route, hop for hop and amount for amount, on random graphs with random balances, mission
/// control and in-flight loads: the route is defined by the cost and the tie-break, not by the order
/// in which either explores.
@Suite struct PathFinderReferenceTests {
    struct Label {
        var cost: Double, weight: Double, probability: Double
        var amountIn: Int64, cltv: Int32, next: Int32, hops: Int32
    }

    static func precedes(_ a: Label, _ b: Label) -> Bool {
        if a.cost != b.cost { return a.cost < b.cost }
        if a.probability != b.probability { return a.probability > b.probability }
        if a.hops != b.hops { return a.hops < b.hops }
        return a.next < b.next
    }

    /// The reference search: lnd's findPath semantics, O(nodes²), written from the PathFinder docs.
    static func reference(graph g: ChannelGraph, routing: RoutingSpec, sender: Int, receiver: Int, amount: Int64, now: Int64,
                          memory: MissionControl, network: NetworkState, inFlight: [(Int32, Int64)], finalCLTV: Int32,
                          online: (Int) -> Bool) -> Route? {
        let hop = HopProbability(routing)
        var load = [Int64](repeating: 0, count: g.directionCount)
        for (d, a) in inFlight { load[Int(d)] += a }
        let attempt = routing.attemptCostMsat + Double(amount) * routing.attemptCostPPM / 1e6
        var labels = [Label?](repeating: nil, count: g.nodeCount)
        var settled = [Bool](repeating: false, count: g.nodeCount)
        labels[receiver] = Label(cost: 0, weight: 0, probability: 1, amountIn: amount, cltv: finalCLTV, next: -1, hops: 0)
        while true {
            var best: Int? = nil
            for v in (0..<g.nodeCount).reversed() where !settled[v] {
                guard let l = labels[v] else { continue }
                if best == nil || precedes(l, labels[best!]!) { best = v }
            }
            guard let v = best else { return nil }
            settled[v] = true
            if v == sender { break }
            let label = labels[v]!
            if label.hops >= Int32(routing.maxHops) { continue }
            let x = label.amountIn
            for d32 in g.incoming(v) {
                let d = Int(d32)
                let u = g.source(of: d)
                if settled[u] { continue }
                var results: [MissionControl.PairResult] = memory.results(from: Int32(u)) ?? []
                let pair = memory.result(from: Int32(u), to: Int32(v))
                let q: Double, fee: Int64, delta: Int32
                if u == sender {
                    guard network.spendable(d) >= x, x >= g.htlcMinimumMsat[d], online(v) else { continue }
                    q = hop.localProbability(pair: pair, now: now)
                    fee = 0; delta = 0
                } else {
                    guard g.enabled[d], x >= g.htlcMinimumMsat[d], x <= g.htlcMaximumMsat[d] else { continue }
                    let asked = x + load[d]
                    let capacity = g.capacityMsat[d >> 1]
                    guard asked <= capacity else { continue }
                    q = results.withUnsafeBufferPointer {
                        hop.probability(amount: asked, capacity: capacity, results: $0, pair: pair, now: now)
                    }
                    fee = Fees.fee(amountMsat: x, baseMsat: g.feeBaseMsat[d], ratePPM: g.feeRatePPM[d])
                    delta = g.cltvDelta[d]
                }
                results.removeAll()
                let p = label.probability * q
                if p <= 0 || p < routing.minProbability { continue }
                let cltv = label.cltv + delta
                if cltv > PathFinder.maxCLTV { continue }
                let positiveFee = Double(max(0, fee))
                let weight: Double, cost: Double
                switch routing.cost {
                case .apriori, .bimodal:
                    weight = label.weight + positiveFee + (Double(x) * Double(delta) * routing.riskFactorBillionths / 1e9).rounded(.down)
                    cost = weight + attempt / p
                case .cheapest:
                    weight = label.weight + positiveFee + 1e-3
                    cost = weight
                case .pickhardt:
                    weight = label.weight + positiveFee + (routing.attemptCostMsat + Double(x) * routing.attemptCostPPM / 1e6) * -log(q)
                    cost = weight
                }
                let candidate = Label(cost: cost, weight: weight, probability: p, amountIn: x + fee, cltv: cltv, next: d32, hops: label.hops + 1)
                if let old = labels[u], !precedes(candidate, old) { continue }
                labels[u] = candidate
            }
        }
        var directions: [Int32] = [], amounts: [Int64] = []
        var node = sender
        while node != receiver {
            let d = labels[node]!.next
            directions.append(d)
            node = g.target(of: Int(d))
            amounts.append(labels[node]!.amountIn)
        }
        return Route(directions: directions, amounts: amounts, cltvTotal: labels[sender]!.cltv)
    }

    /// A random connected graph: a spanning tree plus extra channels (some parallel, some leaves),
    /// policies from a few discrete values so that exact ties occur.
    static func randomGraph(_ r: RandomStream, nodes n: Int, extra: Int) -> ChannelGraph {
        var b = ChannelGraphBuilder()
        for i in 0..<n { b.addNode(id: "n\(i)") }
        func policy() -> DirectionPolicy {
            DirectionPolicy(feeBaseMsat: [0, 1000, 1000, 2000][Int(r.uniformInt(below: 4))], feeRatePPM: [0, 1, 100, 100][Int(r.uniformInt(below: 4))],
                            cltvDelta: [40, 40, 80, 144][Int(r.uniformInt(below: 4))], htlcMinimumMsat: [0, 1000, 1000, 5_000_000][Int(r.uniformInt(below: 4))],
                            htlcMaximumMsat: r.uniform() < 0.1 ? 20_000_000 : .max, enabled: r.uniform() > 0.05)
        }
        var k = 0
        func channel(_ a: Int, _ c: Int) {
            let capacity = [10_000_000, 50_000_000, 200_000_000, 1_000_000_000][Int(r.uniformInt(below: 4))] as Int64
            b.addChannel(a, c, capacityMsat: capacity, balance1Msat: r.uniformInt(in: 0, capacity), id: "c\(k)", policy1: policy(), policy2: policy())
            k += 1
        }
        for i in 1..<n { channel(i, Int(r.uniformInt(below: UInt64(i)))) }
        for _ in 0..<extra {
            let a = Int(r.uniformInt(below: UInt64(n))), c = Int(r.uniformInt(below: UInt64(n)))
            if a != c { channel(a, c) }
        }
        return b.build()
    }

    /// Random mission control: successes and failures of random pairs at random amounts and times.
    static func randomMemory(_ r: RandomStream, _ g: ChannelGraph, now: Int64) -> MissionControl {
        var m = MissionControl()
        for _ in 0..<Int(r.uniformInt(below: 40)) {
            let d = Int(r.uniformInt(below: UInt64(g.directionCount)))
            let amount = [0, 1_000_000, 5_000_000, 20_000_000, 100_000_000][Int(r.uniformInt(below: 5))] as Int64
            m.record(from: Int32(g.source(of: d)), to: Int32(g.target(of: d)), success: r.uniform() < 0.4,
                     amount: amount, time: now - r.uniformInt(in: 0, 7_200_000_000))
        }
        return m
    }

    func compare(cost: RoutingCost, seed: UInt64, searches: Int, tieProne: Bool = false, apriori: Double? = nil,
                 generation: UInt32? = nil) throws {
        let r = RandomStream(seed: seed)
        var routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        routing.cost = cost
        if let apriori { routing.aprioriProbability = apriori }
        var found = 0
        for _ in 0..<searches / 20 {
            let n = 8 + Int(r.uniformInt(below: 40))
            let g = Self.randomGraph(r, nodes: n, extra: Int(r.uniformInt(below: UInt64(3 * n))))
            routing.maxHops = r.uniform() < 0.2 ? 2 + Int(r.uniformInt(below: 3)) : 20
            let finder = PathFinder(graph: g, routing: routing)
            finder.reachAfterPops = [0, 5, nil][Int(r.uniformInt(below: 3))]
            if let generation { finder.buffers.generation = generation }
            let plain = PathFinder(graph: g, routing: routing)
            plain.shortcuts = false
            var network = NetworkState(graph: g)
            for d in 0..<g.directionCount where r.uniform() < 0.1 && network.refusal(d, amount: 1_000_000) == nil {
                network.add(d, amount: 1_000_000, now: 0)
            }
            for _ in 0..<20 {
                let now = Int64(10_000_000_000)
                let memory = Self.randomMemory(r, g, now: now)
                let s = Int(r.uniformInt(below: UInt64(n)))
                var t = Int(r.uniformInt(below: UInt64(n - 1)))
                if t >= s { t += 1 }
                let amounts: [Int64] = [1_000, 100_000, 1_000_000, 10_000_000, 60_000_000]
                let amount: Int64 = tieProne ? 1_000_000 : amounts[Int(r.uniformInt(below: 5))]
                var inFlight: [(Int32, Int64)] = []
                if r.uniform() < 0.3 { inFlight.append((Int32(r.uniformInt(below: UInt64(g.directionCount))), Int64(2_000_000))) }
                let offline = Int(r.uniformInt(below: UInt64(n)))
                let online: (Int) -> Bool = { $0 != offline }
                let expected = Self.reference(graph: g, routing: routing, sender: s, receiver: t, amount: amount, now: now, memory: memory,
                                              network: network, inFlight: inFlight, finalCLTV: 40, online: online)
                let fast = finder.findRoute(from: s, to: t, amount: amount, now: now, memory: memory, network: network,
                                            inFlight: inFlight, peerOnline: online)
                let slow = plain.findRoute(from: s, to: t, amount: amount, now: now, memory: memory, network: network,
                                           inFlight: inFlight, peerOnline: online)
                #expect(fast == expected, "cost \(cost) seed \(seed): \(s) -> \(t), \(amount) msat")
                #expect(slow == expected, "cost \(cost) seed \(seed) (no shortcuts): \(s) -> \(t), \(amount) msat")
                if expected != nil { found += 1 }
            }
        }
        // The comparison is not vacuous: most searches find a route.
        #expect(found > searches / 4)
    }

    @Test func aprioriMatchesTheReference() throws { try compare(cost: .apriori, seed: 1, searches: 400) }
    @Test func aprioriWithTiesMatchesTheReference() throws { try compare(cost: .apriori, seed: 2, searches: 200, tieProne: true) }
    @Test func bimodalMatchesTheReference() throws { try compare(cost: .bimodal, seed: 3, searches: 200) }
    @Test func cheapestMatchesTheReference() throws { try compare(cost: .cheapest, seed: 4, searches: 200, tieProne: true) }
    @Test func pickhardtMatchesTheReference() throws { try compare(cost: .pickhardt, seed: 5, searches: 200) }
    /// Other a-priori probabilities: below, near and above lnd's 0.95 for a previous success (the hop
    /// bounds of `hopBound` and the deferred scans' floors change with it).
    @Test(arguments: [0.3, 0.9, 0.99])
    func otherAprioriProbabilitiesMatchTheReference(apriori: Double) throws {
        try compare(cost: .apriori, seed: 7, searches: 200, apriori: apriori)
    }

    /// Each finder starts 10 searches before its generation counter wraps (a label's `seen` is the
    /// generation, or generation + 1 once final: every stamp must be cleared at the wrap).
    @Test func searchesAcrossTheGenerationWrapMatchTheReference() throws {
        try compare(cost: .apriori, seed: 8, searches: 200, generation: UInt32.max - 21)
    }

    /// Sparse graphs (long routes) and one sender searching again and again while its mission control
    /// learns from each route found, successes and failures (so `hopBound` and the history marks change
    /// between searches); with the reachable-node stop (`markReachable`) from the first pops on, or where
    /// the simulation starts it (nil), within its budget.
    func compareRepeated(seed: UInt64, graphs: Int) throws {
        let r = RandomStream(seed: seed)
        let routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        var found = 0, searches = 0
        for _ in 0..<graphs {
            let n = 30 + Int(r.uniformInt(below: 90))
            let g = Self.randomGraph(r, nodes: n, extra: Int(r.uniformInt(below: UInt64(n / 2 + 1))))
            let finder = PathFinder(graph: g, routing: routing)
            // The reachable-node stop early, so that it is used.
            finder.reachAfterPops = [0, 2, 10, nil][Int(r.uniformInt(below: 4))]
            var network = NetworkState(graph: g)
            for d in 0..<g.directionCount where r.uniform() < 0.1 && network.refusal(d, amount: 1_000_000) == nil {
                network.add(d, amount: 1_000_000, now: 0)
            }
            let now = Int64(10_000_000_000)
            var memory = r.uniform() < 0.5 ? MissionControl() : Self.randomMemory(r, g, now: now)
            let s = Int(r.uniformInt(below: UInt64(n)))
            // Two receivers, so that a (sender, receiver, free nodes) comes back.
            let receivers = (0..<2).map { _ in (Int(r.uniformInt(below: UInt64(n - 1))) + s + 1) % n }
            for _ in 0..<12 {
                let t = receivers[Int(r.uniformInt(below: 2))]
                let amount = [100_000, 1_000_000, 4_000_000, 30_000_000][Int(r.uniformInt(below: 4))] as Int64
                let expected = Self.reference(graph: g, routing: routing, sender: s, receiver: t, amount: amount, now: now, memory: memory,
                                              network: network, inFlight: [], finalCLTV: 40, online: { _ in true })
                let fast = finder.findRoute(from: s, to: t, amount: amount, now: now, memory: memory, network: network)
                #expect(fast == expected, "seed \(seed): \(s) -> \(t), \(amount) msat")
                searches += 1
                guard let route = expected else { continue }
                found += 1
                // The route's hops succeed, or one of them fails, as the simulation records them.
                let failing = r.uniform() < 0.4 ? Int(r.uniformInt(below: UInt64(route.directions.count))) : route.directions.count
                for (i, d) in route.directions.enumerated() where i <= failing {
                    memory.record(from: Int32(g.source(of: Int(d))), to: Int32(g.target(of: Int(d))), success: i < failing,
                                  amount: route.amounts[i], time: now)
                }
            }
        }
        #expect(found > searches / 4)
        #expect(searches == graphs * 12)
    }

    @Test func repeatedSearchesOnSparseGraphsMatchTheReference() throws { try compareRepeated(seed: 6, graphs: 40) }

    /// The shortcuts answer some searches without running them (so the comparison above covers them):
    /// a sender whose only channel just failed has no route above the cut-off.
    @Test func aFreshFailureOfTheSendersOnlyChannelCutsTheSearchShort() throws {
        var b = ChannelGraphBuilder()
        for id in ["s", "a", "d"] { b.addNode(id: id) }
        let policy = DirectionPolicy(feeBaseMsat: 1000, feeRatePPM: 100)
        b.addChannel(0, 1, capacityMsat: 1_000_000_000, balance1Msat: 1_000_000_000, id: "sa", policy1: policy, policy2: policy)
        b.addChannel(1, 2, capacityMsat: 1_000_000_000, balance1Msat: 1_000_000_000, id: "ad", policy1: policy, policy2: policy)
        let g = b.build()
        let routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        let finder = PathFinder(graph: g, routing: routing)
        var memory = MissionControl()
        #expect(finder.findRoute(from: 0, to: 2, amount: 1_000_000, now: 1_000_000, memory: memory, network: NetworkState(graph: g)) != nil)
        #expect(finder.searchesCutShort == 0)
        memory.record(from: 0, to: 1, success: false, amount: 1_000_000, time: 1_000_000)
        // lnd's LocalPairProbability one second later: 0.95 · (1 - 2^(-1/3600)) < 0.01.
        #expect(finder.findRoute(from: 0, to: 2, amount: 1_000_000, now: 2_000_000, memory: memory, network: NetworkState(graph: g)) == nil)
        #expect(finder.searchesCutShort == 1)
    }
}
