import Foundation
import Testing
@testable import AMPSim

/// Deferred scans (PathFinder+Deferral.swift), on a graph whose search can be followed by hand.
@Suite struct PathFinderDeferralTests {
    /// s - k - z - r, and x - r, x - y. All policies 1000 msat + 100 ppm, 40 blocks, except z -> r
    /// (30,000 msat base). The sender's only usable peer is k.
    func graph() -> ChannelGraph {
        var b = ChannelGraphBuilder()
        for id in ["s", "k", "z", "r", "x", "y"] { b.addNode(id: id) }
        let policy = DirectionPolicy(feeBaseMsat: 1000, feeRatePPM: 100, cltvDelta: 40)
        let cap: Int64 = 1_000_000_000
        func channel(_ a: Int, _ c: Int, _ id: String, _ p1: DirectionPolicy? = nil) {
            b.addChannel(a, c, capacityMsat: cap, balance1Msat: cap, id: id, policy1: p1 ?? policy, policy2: policy)
        }
        channel(0, 1, "sk")
        channel(1, 2, "kz")
        channel(2, 3, "zr", DirectionPolicy(feeBaseMsat: 30_000, feeRatePPM: 100, cltvDelta: 40))
        channel(4, 3, "xr")
        channel(4, 5, "xy")
        return b.build()
    }

    func makeFinder(_ g: ChannelGraph) throws -> PathFinder {
        PathFinder(graph: g, routing: try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing)
    }

    /// 5,000,000 msat: attempt cost A = 105,000. Hop bound of k 0.6, so h = 69,930.0 (0.999 · A · (1/0.6 - 1))
    /// for k's neighbour z and cap = 139,860 for every other node; the gap for a node k does not lead into
    /// is 69,930. By hand:
    /// - r settles at 0; its scan is deferred to 175,000 + 69,930 = 244,930 (k does not lead into r).
    /// - That scan labels z (weight 30,503, cost 205,503, key 275,433) and x (weight 1,503, cost
    ///   176,503, key 316,363).
    /// - z settles; k leads into it, so its scan is deferred to 30,503 + A / 0.36 = 322,169.7.
    /// - x settles (316,363); its scan is deferred to 1,503 + A / 0.36 + 69,930 = 363,099.7.
    /// - z's scan runs: k gets cost 32,009 + A / 0.36 = 323,675.7; k settles, a peer, so its scan runs at
    ///   once: s gets 32,009 + A / 0.342 = 339,026.5. k was the last usable peer: the search ends.
    /// x's scan, keyed above the route, never runs; the route is the plain search's.
    @Test func aScanKeyedAboveTheRouteNeverRuns() throws {
        let g = graph()
        let finder = try makeFinder(g)
        let plain = try makeFinder(g)
        plain.shortcuts = false
        let network = NetworkState(graph: g)
        let route = try #require(finder.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: MissionControl(), network: network))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sk", "kz", "zr"])
        #expect(route == plain.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: MissionControl(), network: network))
        #expect(finder.scansDeferred == 3)
        #expect(finder.scansRun == 2)
        #expect(plain.scansDeferred == 0)
    }

    /// The same search when y, x's other neighbour, has mission-control history (a success on y -> x): a hop
    /// out of y may then have probability 0.95, so x's scan is deferred only to 1,503 + A / (0.6 · 0.95)
    /// + 69,930 = 255,643.5, below the route, and runs as soon as x settles (y, a dead end, gets no label).
    /// 3 scans deferred, 3 run, same route.
    @Test func historyNextToANodeRaisesItsHopBound() throws {
        let g = graph()
        let finder = try makeFinder(g)
        var memory = MissionControl()
        memory.record(from: 5, to: 4, success: true, amount: 10_000_000, time: 0)
        let route = try #require(finder.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: memory, network: NetworkState(graph: g)))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sk", "kz", "zr"])
        #expect(finder.scansDeferred == 3)
        #expect(finder.scansRun == 3)
    }
}
