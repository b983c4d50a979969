import Foundation
import Testing
@testable import AMPSim

@Suite struct PathFinderTests {
    /// s → a → d (cheap, 2 hops) and s → b → c → d (3 hops); capacities 1,000,000 sat; all on the senders' side.
    func graph(feeA: Int64 = 1000, maxAccepted: Int32 = 483) -> ChannelGraph {
        var b = ChannelGraphBuilder()
        for id in ["s", "a", "b", "c", "d"] { b.addNode(id: id) }
        let policy = DirectionPolicy(feeBaseMsat: 1000, feeRatePPM: 100, cltvDelta: 40, maxAcceptedHTLCs: maxAccepted)
        let cap: Int64 = 1_000_000_000
        b.addChannel(0, 1, capacityMsat: cap, balance1Msat: cap, id: "sa", policy1: policy, policy2: policy)
        b.addChannel(1, 4, capacityMsat: cap, balance1Msat: cap, id: "ad",
                     policy1: DirectionPolicy(feeBaseMsat: feeA, feeRatePPM: 100, cltvDelta: 40), policy2: policy)
        b.addChannel(0, 2, capacityMsat: cap, balance1Msat: cap, id: "sb", policy1: policy, policy2: policy)
        b.addChannel(2, 3, capacityMsat: cap, balance1Msat: cap, id: "bc", policy1: policy, policy2: policy)
        b.addChannel(3, 4, capacityMsat: cap, balance1Msat: cap, id: "cd", policy1: policy, policy2: policy)
        return b.build()
    }

    func finder(_ g: ChannelGraph, _ cost: RoutingCost = .apriori, maxHops: Int = 20) throws -> PathFinder {
        var routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        routing.cost = cost
        routing.maxHops = maxHops
        return PathFinder(graph: g, routing: routing)
    }

    @Test func amountsAreBuiltBackwardsWithTheSendersHopFree() throws {
        let g = graph()
        let route = try #require(try finder(g).findRoute(from: 0, to: 4, amount: 10_000_000, now: 0, memory: MissionControl(),
                                                          network: NetworkState(graph: g)))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sa", "ad"])
        // a charges 1000 + floor(10,000,000 · 100 / 10^6) = 2000 on what it forwards; s pays nothing to itself.
        #expect(route.amounts == [10_002_000, 10_000_000])
        #expect(route.feeMsat == 2000)
        #expect(route.cltvTotal == 40 + 40)
    }

    /// lnd's distance (pathfind.go): weight + attempt cost / route probability. For 5,000,000 msat the
    /// attempt cost is 100,000 + 5,000,000 · 1000 / 10^6 = 105,000 msat.
    /// Direct s→a→d: a's fee 1000 + 500 = 1500, timelock term ⌊5,000,000 · 40 · 15 / 10^9⌋ = 3, so weight
    /// 1503; probability 0.95 (s's own channel) · 0.6 = 0.57; distance 1503 + 105,000/0.57 = 185,713.5.
    /// Detour s→b→c→d: weights 1503 (c) + 1500 + ⌊5,001,500 · 40 · 15 / 10^9⌋ = 3006; probability
    /// 0.95 · 0.36 = 0.342; distance 3006 + 307,017.5 = 310,023.5.
    @Test func aFailureIsAvoidedForThatAmountOrMoreAndRecoversWithTheHalfLife() throws {
        let g = graph()
        let f = try finder(g)
        var memory = MissionControl()
        memory.record(from: 1, to: 4, success: false, amount: 5_000_000, time: 0)
        let big = try #require(f.findRoute(from: 0, to: 4, amount: 5_000_000, now: 0, memory: memory, network: NetworkState(graph: g)))
        #expect(big.hops == 3)   // the pair (a, d) has probability 0 for 5,000,000 right after the failure
        let small = try #require(f.findRoute(from: 0, to: 4, amount: 4_000_000, now: 0, memory: memory, network: NetworkState(graph: g)))
        #expect(small.hops == 2) // below the failed amount the pair is untried again: 0.6
        // After t, with w = 2^(-t/T): a's node probability 0.6 / (1 + w) (apriori weight 0.5: factor 1),
        // the pair's (0.6 / (1 + w)) · (1 - w).
        // One half-life (w = 1/2): pair 0.2, route 0.19, distance 1503 + 552,631.6 > 310,023.5: detour.
        // Two half-lives (w = 1/4): pair 0.36, route 0.342, distance 1503 + 307,017.5 = 308,520.5 < 310,023.5: direct.
        let halfLife: Int64 = 3_600_000_000
        #expect(f.findRoute(from: 0, to: 4, amount: 5_000_000, now: halfLife, memory: memory, network: NetworkState(graph: g))?.hops == 3)
        #expect(f.findRoute(from: 0, to: 4, amount: 5_000_000, now: 2 * halfLife, memory: memory, network: NetworkState(graph: g))?.hops == 2)
    }

    /// Only s→a→d: after a failure at t = 0 the route's probability is 0.95 · 0.6 · (1 - w)/(1 + w); it
    /// reaches lnd's minimum 0.01 when (1 - w)/(1 + w) = 1/57, i.e. w = 28/29, at
    /// t* = 3600 s · log2(29/28) = 182.25386 s. Before that the pair is not tried at all ("no route").
    @Test func aRefusedPairIsAvoidedUntilItsProbabilityPassesTheCutOff() throws {
        var b = ChannelGraphBuilder()
        for id in ["s", "a", "d"] { b.addNode(id: id) }
        let policy = DirectionPolicy(feeBaseMsat: 0, feeRatePPM: 0, cltvDelta: 40)
        b.addChannel(0, 1, capacityMsat: 1_000_000_000, balance1Msat: 1_000_000_000, id: "sa", policy1: policy, policy2: policy)
        b.addChannel(1, 2, capacityMsat: 1_000_000_000, balance1Msat: 1_000_000_000, id: "ad", policy1: policy, policy2: policy)
        let g = b.build()
        let f = try finder(g)
        var memory = MissionControl()
        memory.record(from: 1, to: 2, success: false, amount: 1_000_000, time: 0)
        let tStar = 3600.0 * log2(29.0 / 28.0)
        #expect(abs(tStar - 182.25386) < 1e-5)
        let before = Int64((tStar - 0.001) * 1e6), after = Int64((tStar + 0.001) * 1e6)
        #expect(f.findRoute(from: 0, to: 2, amount: 1_000_000, now: before, memory: memory, network: NetworkState(graph: g)) == nil)
        #expect(f.findRoute(from: 0, to: 2, amount: 1_000_000, now: after, memory: memory, network: NetworkState(graph: g))?.hops == 2)
        // Smaller amounts were never blocked; a lower minimum lets the pair back sooner.
        #expect(f.findRoute(from: 0, to: 2, amount: 999_999, now: 0, memory: memory, network: NetworkState(graph: g))?.hops == 2)
    }

    /// A success raises the pair to 0.95 (lnd's prevSuccessProbability) for amounts up to it. With a's
    /// base fee at 150,000 msat the direct route weighs 150,503: distance 150,503 + 184,210.5 = 334,713.5,
    /// above the detour's 310,023.5; after a success of (a, d) for 5,000,000 the route probability is
    /// 0.95 · 0.95 and the distance 150,503 + 116,343.5 = 266,846.5: direct.
    @Test func aSuccessRaisesThePairsProbability() throws {
        let g = graph(feeA: 150_000)
        let f = try finder(g)
        #expect(f.findRoute(from: 0, to: 4, amount: 5_000_000, now: 0, memory: MissionControl(), network: NetworkState(graph: g))?.hops == 3)
        var memory = MissionControl()
        memory.record(from: 1, to: 4, success: true, amount: 5_000_000, time: 0)
        #expect(f.findRoute(from: 0, to: 4, amount: 5_000_000, now: 0, memory: memory, network: NetworkState(graph: g))?.hops == 2)
        #expect(f.findRoute(from: 0, to: 4, amount: 5_000_001, now: 0, memory: memory, network: NetworkState(graph: g))?.hops == 3)
    }

    @Test func theSenderUsesOnlyWhatItCanSpendOnItsOwnChannels() throws {
        let g = graph(maxAccepted: 1)
        let f = try finder(g)
        var network = NetworkState(graph: g)
        let sa = 0 // direction s → a
        network.add(sa, amount: 1000, now: 0) // its only slot is taken
        let route = try #require(f.findRoute(from: 0, to: 4, amount: 10_000, now: 0, memory: MissionControl(), network: network))
        #expect(route.hops == 3)
        #expect(f.findRoute(from: 0, to: 4, amount: 2_000_000_000, now: 0, memory: MissionControl(), network: network) == nil)
    }

    @Test func hopLimitAndCheapestCost() throws {
        let g = graph(feeA: 1_000_000)
        #expect(try finder(g, .cheapest).findRoute(from: 0, to: 4, amount: 1000, now: 0, memory: MissionControl(), network: NetworkState(graph: g))?.hops == 3)
        #expect(try finder(g, .cheapest, maxHops: 2).findRoute(from: 0, to: 4, amount: 1000, now: 0, memory: MissionControl(), network: NetworkState(graph: g))?.hops == 2)
        #expect(try finder(g, .cheapest, maxHops: 1).findRoute(from: 0, to: 4, amount: 1000, now: 0, memory: MissionControl(), network: NetworkState(graph: g)) == nil)
        #expect(try finder(g).searches == 0)
    }
}
