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
        let route = try #require(try finder(g).findRoute(from: 0, to: 4, amount: 10_000_000, now: 0, memory: SenderMemory(),
                                                          network: NetworkState(graph: g)))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sa", "ad"])
        // a charges 1000 + floor(10,000,000 · 100 / 10^6) = 2000 on what it forwards; s pays nothing to itself.
        #expect(route.amounts == [10_002_000, 10_000_000])
        #expect(route.feeMsat == 2000)
        #expect(route.cltvTotal == 40 + 40)
    }

    @Test func aFailureIsAvoidedForThatAmountOrMoreOnly() throws {
        let g = graph()
        let f = try finder(g)
        let ad = g.outgoing(1).map(Int.init).first { g.target(of: $0) == 4 }!
        var memory = SenderMemory()
        memory.recordFailure(direction: ad, amount: 5_000_000, time: 0)
        let big = try #require(f.findRoute(from: 0, to: 4, amount: 5_000_000, now: 0, memory: memory, network: NetworkState(graph: g)))
        #expect(big.hops == 3)
        let small = try #require(f.findRoute(from: 0, to: 4, amount: 4_000_000, now: 0, memory: memory, network: NetworkState(graph: g)))
        #expect(small.hops == 2)
        // One half-life later the hop is back to p = 0.3: its penalty, 105,000 msat · -ln 0.3 ≈ 126,400, still
        // outweighs the detour's two hops at 0.6 (≈ 110,300 with fees). Three half-lives later p = 0.525: direct again.
        let halfLife: Int64 = 3_600_000_000
        #expect(f.findRoute(from: 0, to: 4, amount: 5_000_000, now: halfLife, memory: memory, network: NetworkState(graph: g))?.hops == 3)
        #expect(f.findRoute(from: 0, to: 4, amount: 5_000_000, now: 3 * halfLife, memory: memory, network: NetworkState(graph: g))?.hops == 2)
    }

    @Test func theSenderUsesOnlyWhatItCanSpendOnItsOwnChannels() throws {
        let g = graph(maxAccepted: 1)
        let f = try finder(g)
        var network = NetworkState(graph: g)
        let sa = 0 // direction s → a
        network.add(sa, amount: 1000, now: 0) // its only slot is taken
        let route = try #require(f.findRoute(from: 0, to: 4, amount: 10_000, now: 0, memory: SenderMemory(), network: network))
        #expect(route.hops == 3)
        #expect(f.findRoute(from: 0, to: 4, amount: 2_000_000_000, now: 0, memory: SenderMemory(), network: network) == nil)
    }

    @Test func hopLimitAndCheapestCost() throws {
        let g = graph(feeA: 1_000_000)
        #expect(try finder(g, .cheapest).findRoute(from: 0, to: 4, amount: 1000, now: 0, memory: SenderMemory(), network: NetworkState(graph: g))?.hops == 3)
        #expect(try finder(g, .cheapest, maxHops: 2).findRoute(from: 0, to: 4, amount: 1000, now: 0, memory: SenderMemory(), network: NetworkState(graph: g))?.hops == 2)
        #expect(try finder(g, .cheapest, maxHops: 1).findRoute(from: 0, to: 4, amount: 1000, now: 0, memory: SenderMemory(), network: NetworkState(graph: g)) == nil)
        #expect(try finder(g).searches == 0)
    }
}

@Suite struct HopProbabilityTests {
    func model(_ cost: RoutingCost) throws -> HopProbability {
        var routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        routing.cost = cost
        return HopProbability(routing)
    }

    @Test func aprioriModel() throws {
        let m = try model(.apriori)
        let halfLife: Int64 = 3_600_000_000
        #expect(m.probability(amount: 10, capacity: 100, failedAt: nil, age: 0) == 0.6)
        #expect(m.probability(amount: 10, capacity: 100, failedAt: 10, age: 0) == 0)
        #expect(abs(m.probability(amount: 10, capacity: 100, failedAt: 10, age: halfLife) - 0.3) < 1e-12)
        #expect(m.probability(amount: 9, capacity: 100, failedAt: 10, age: 0) == 0.6)
        #expect(m.negativeLog(amount: 9, capacity: 100, failedAt: 10, age: 0, floor: 1e-9) == -log(0.6))
        #expect(m.negativeLog(amount: 10, capacity: 100, failedAt: 10, age: 0, floor: 1e-9) == nil)
    }

    @Test func uniformBalanceModel() throws {
        let m = try model(.pickhardt)
        // (C + 1 - x) / (C + 1) with C = 99, x = 50: 0.5; after a failure at 60 (balance < 60): (60 - 50) / 60.
        #expect(m.probability(amount: 50, capacity: 99, failedAt: nil, age: 0) == 0.5)
        #expect(abs(m.probability(amount: 50, capacity: 99, failedAt: 60, age: 0) - 10.0 / 60) < 1e-12)
        #expect(m.probability(amount: 60, capacity: 99, failedAt: 60, age: 0) == 0)
        #expect(m.probability(amount: 100, capacity: 99, failedAt: nil, age: 0) == 0)
    }

    @Test func memoryForgetsAfterItsHorizon() {
        var memory = SenderMemory()
        memory.recordFailure(direction: 3, amount: 100, time: 0)
        memory.recordFailure(direction: 3, amount: 200, time: 5)
        #expect(memory.entries == [SenderMemory.Entry(direction: 3, amountMsat: 100, timeMicros: 5)])
        memory.recordFailure(direction: 4, amount: 50, time: 1_000, forgetAfter: 500)
        #expect(memory.entries.map(\.direction) == [4])
    }

    @Test func linkabilityCountsPartsAtSharedForwarders() {
        #expect(Simulation.linkableParts(forwarders: []) == 0)
        #expect(Simulation.linkableParts(forwarders: [7, 8, 9]) == 0)
        #expect(Simulation.linkableParts(forwarders: [7, 8, 7, 9, 9, 9]) == 5)
    }
}
