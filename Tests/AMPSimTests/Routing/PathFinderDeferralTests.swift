import Foundation
import Testing
@testable import AMPSim

/// Deferred scans (PathFinder+Deferral.swift), on a graph whose search can be followed by hand.
@Suite struct PathFinderDeferralTests {
    /// s - k - z - r, and x - r, x - y. All policies 1000 msat + 100 ppm, 40 blocks, except z -> r
    /// (30,000 msat base). The sender's only usable peer is k.
    func graph() -> ChannelGraph {
        HandGraph.build(nodes: ["s", "k", "z", "r", "x", "y"],
                        channels: [(0, 1, "sk", nil), (1, 2, "kz", nil), (2, 3, "zr", 30_000), (4, 3, "xr", nil), (4, 5, "xy", nil)])
    }

    func makeFinder(_ g: ChannelGraph) throws -> PathFinder {
        PathFinder(graph: g, routing: try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing)
    }

    /// 5,000,000 msat: attempt cost A = 105,000. Hop bound of k 0.6, and no success anywhere, so every label
    /// but the receiver's has probability at most 0.6 and each hop's term is worth 1/0.6 more
    /// (`setLowerBounds`): h = 116,550.0 (0.999 · A · (1/0.6 - 1) / 0.6) for k's neighbour z and cap = 233,100
    /// for every other node; the gap for a node k does not lead into is 116,550. By hand:
    /// - r settles at 0; its scan is deferred to 175,000 + 116,550 = 291,550 (k does not lead into r).
    /// - That scan labels z (weight 30,503, cost 205,503, key 322,053) and x (weight 1,503, cost
    ///   176,503, key 409,603).
    /// - z settles; k, a usable peer, leads into it: that one channel is read at once (k gets cost
    ///   32,009 + A / 0.36 = 323,675.7), and the scan of z's other channels is deferred to
    ///   30,503 + A / 0.36 + 116,550 = 438,719.7 (they come from nodes other than the sender's peers).
    /// - k settles, a peer, so its scan runs at once: s gets 32,009 + A / 0.342 = 339,026.5. k was the last
    ///   usable peer: the search ends.
    /// x, keyed above the route, never settles (with the bound of 1/0.6 less it settled at 316,363 and its
    /// deferred scan never ran), and neither does z's deferred scan (parts 1-10 ran it, at 322,169.7,
    /// before k could settle); the route is the plain search's.
    @Test func aScanKeyedAboveTheRouteNeverRuns() throws {
        let g = graph()
        let finder = try makeFinder(g)
        let plain = try makeFinder(g)
        plain.shortcuts = false
        let network = NetworkState(graph: g)
        let route = try #require(finder.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: MissionControl(), network: network))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sk", "kz", "zr"])
        #expect(route == plain.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: MissionControl(), network: network))
        #expect(finder.scansDeferred == 2)
        #expect(finder.scansRun == 1)
        #expect(plain.scansDeferred == 0)
    }

    /// The same search when y, x's other neighbour, has mission-control history (a success on y -> x): a hop
    /// out of y may then have probability 0.95, and so may a label at y, so K = d(k) / 0.95 = 73,610.5 (the
    /// gap); z, without history, keeps 116,550; x, which y leads into, gets K + 0.999 · A · (1/0.95 - 1) / 0.6
    /// = 82,811.8. r's scan (248,610.5) labels z (key 322,053) and x (key 259,314.8); x settles: its
    /// channel from y (listed: y's hops may beat 0.6) is read at once (y, a dead end, gets no label), and
    /// the rest of its scan is deferred to 1,503 + A / 0.36 + 73,610.5 = 366,780.2 (every other channel
    /// into x comes from a node whose hops have probability at most 0.6), above the route (parts 5-10 ran
    /// it at 1,503 + A / (0.6 · 0.95) + 73,610.5 = 259,324.1). z settles; its channel from k is read at
    /// once, the rest deferred to 322,169.7 + 73,610.5 = 395,780.2, above the route. 3 scans deferred, 1
    /// run, same route.
    @Test func historyNextToANodeRaisesItsHopBound() throws {
        let g = graph()
        let finder = try makeFinder(g)
        var memory = MissionControl()
        memory.record(from: 5, to: 4, success: true, amount: 10_000_000, time: 0)
        let route = try #require(finder.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: memory, network: NetworkState(graph: g)))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sk", "kz", "zr"])
        #expect(finder.scansDeferred == 3)
        #expect(finder.scansRun == 1)
    }

    /// Only a node whose hops may beat `apriori` at the amount (`hopBound`: a success at that amount or
    /// more) marks its neighbours: a failure of y -> x at 1,000,000 msat lowers y's hops to below 0.6 for
    /// 5,000,000, so x is not marked and y -> x not listed, and the search runs as with no history at all.
    @Test func onlyHistoryThatMayBeatAprioriMarksItsNeighbours() throws {
        let g = graph()
        let network = NetworkState(graph: g)
        for (success, amount, marked) in [(false, Int64(1_000_000), false), (true, Int64(10_000_000), true), (true, Int64(1_000_000), false)] {
            let finder = try makeFinder(g)
            var memory = MissionControl()
            memory.record(from: 5, to: 4, success: success, amount: amount, time: 0)
            let route = try #require(finder.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: memory, network: network))
            #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sk", "kz", "zr"])
            let b = finder.buffers
            #expect((b.historyNextStamp[4] == b.generation) == marked)
            #expect((b.listStamp[4] == b.generation) == marked)
            #expect(finder.scansRun == 1)
            #expect(finder.scansDeferred == (marked ? 3 : 2))
        }
    }

    /// History of a usable peer marks its neighbours as next to history; its channels are listed as a
    /// peer's (by `setLowerBounds`), once: a success on k -> z marks s and z and lists k -> z once (the
    /// channel into the sender is never listed), so z's deferred scan (its channel from k read at
    /// once) counts every other channel into z at `apriori` at most.
    @Test func aPeersHistoryIsNotOtherHistory() throws {
        let g = graph()
        let finder = try makeFinder(g)
        let plain = try makeFinder(g)
        plain.shortcuts = false
        var memory = MissionControl()
        memory.record(from: 1, to: 2, success: true, amount: 10_000_000, time: 0)
        let network = NetworkState(graph: g)
        let route = try #require(finder.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: memory, network: network))
        let b = finder.buffers
        #expect(b.historyNextStamp[2] == b.generation && b.historyNextStamp[0] == b.generation)
        #expect(b.listStamp[2] == b.generation && b.listedEdges[Int(b.listHead[2])].next == -1)
        #expect(b.listStamp[0] != b.generation)
        #expect(b.listedCount == 1)
        #expect(route == plain.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: memory, network: network))
    }
}
