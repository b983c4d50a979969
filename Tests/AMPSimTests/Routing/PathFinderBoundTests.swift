import Foundation
import Testing
@testable import AMPSim

/// The A* lower bound of `setLowerBounds` (PathFinder+Bound.swift), on a graph whose search can be
/// followed by hand: a bound that overestimates at a node with mission-control history sends the search
/// down the wrong route.
@Suite struct PathFinderBoundTests {
    /// s - a - y - r and s - b - r. All policies 1000 msat + 100 ppm, 40 blocks, except b -> r (21,000 msat
    /// base). y's channel to r carried 10,000,000 msat before (a success in the sender's mission control).
    func graph() -> ChannelGraph {
        HandGraph.build(nodes: ["s", "a", "y", "b", "r"],
                        channels: [(0, 1, "sa", nil), (1, 2, "ay", nil), (2, 4, "yr", nil), (0, 3, "sb", nil), (3, 4, "br", 21_000)])
    }

    /// 5,000,000 msat: attempt cost A = 105,000; the sender's own hops 0.95, a's and b's 0.6, y's to r 0.95
    /// (its success). Route via y: p = 0.95 · 0.6 · 0.95, cost 3,006 + A / 0.5415 = 196,911.8; via b:
    /// 21,503 + A / 0.57 = 205,713.5. So the route is s, a, y, r.
    ///
    /// y has history, so a label there may have probability 0.95 and its bound is d(a) / 0.95 =
    /// 0.999 · A · (1/0.6 - 1) / 0.95 = 73,610.5: y (cost 1,503 + A / 0.95 = 112,029.4) is keyed 185,639.9,
    /// before b (196,503), and the search finds the route via y. Had the bound taken y's labels to have
    /// probability at most 0.6, as for a node without history, y would be keyed 112,029.4 + 116,550 =
    /// 228,579.4: b, a peer, would settle first, the sender would get 205,713.5 from it and settle before y,
    /// and the search would return the route via b.
    @Test func aNodeWithHistoryIsBoundedAsIfItsLabelsHadProbability95() throws {
        let g = graph()
        let routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        let finder = PathFinder(graph: g, routing: routing)
        let plain = PathFinder(graph: g, routing: routing)
        plain.shortcuts = false
        var memory = MissionControl()
        memory.record(from: 2, to: 4, success: true, amount: 10_000_000, time: 0)
        let network = NetworkState(graph: g)
        let route = try #require(finder.findRoute(from: 0, to: 4, amount: 5_000_000, now: 0, memory: memory, network: network))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sa", "ay", "yr"])
        #expect(route == plain.findRoute(from: 0, to: 4, amount: 5_000_000, now: 0, memory: memory, network: network))
    }

    /// The same graph without history: y's bound is d(a) / 0.6 = 116,550 and the route via b is the best
    /// (via y: 3,006 + A / 0.342 = 310,023.5).
    @Test func withoutHistoryTheRouteIsViaB() throws {
        let g = graph()
        let routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        let finder = PathFinder(graph: g, routing: routing)
        let route = try #require(finder.findRoute(from: 0, to: 4, amount: 5_000_000, now: 0, memory: MissionControl(),
                                                  network: NetworkState(graph: g)))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["sb", "br"])
    }

    /// E(v), the bound on 1 / (a label's probability) at v: the hop out of v (1/0.95 with history, else
    /// 1/0.6) times the hop after it unless v has a channel into the receiver — 1/0.95 when v is next to
    /// a node whose hops may beat 0.6, else 1/0.6, once every such node's neighbours are marked.
    /// A success anywhere (here x -> y at 10,000,000 msat) no longer makes every next hop 0.95.
    @Test func theHopAfterANodeNextToNoHistoryCountsAtApriori() throws {
        let g = graph()
        let routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        let finder = PathFinder(graph: g, routing: routing)
        let b = finder.buffers
        var success = MissionControl.PairResult(to: 2)
        success.successTime = 0
        success.successAmt = 10_000_000
        for marked in [true, false] {
            b.nextGeneration()
            b.peerStamp[1] = b.generation
            b.peerStamp[3] = b.generation
            finder.peerList = [(1, 0.6), (3, 0.6)]
            finder.flatResults = [success]
            let (rest, gap, listed) = finder.setLowerBounds(sender: 0, receiver: 4, amount: 5_000_000, historyMarked: marked)
            let apriori = (1 - 1e-9) / 0.6, any = (1 - 1e-9) / 0.95
            #expect(rest.eApriori == apriori && rest.eAny == any)
            #expect(rest.eQuiet == (marked ? apriori : any))
            // K = d(0.6) / 0.95 = 73,610.5 (up to the margins of `delta`); the peers' neighbours' channels are listed.
            #expect(abs(gap - 0.999 * 105_000 * (1 / 0.6 - 1) * any) < 0.01)
            #expect(listed)
            let quiet = rest.value(historyNext: false, results: false, receiverNext: false)
            #expect(quiet == gap + rest.dApriori * apriori * (marked ? apriori : any))
            #expect(rest.value(historyNext: true, results: false, receiverNext: false) == gap + rest.dAny * apriori * any)
            #expect(rest.value(historyNext: false, results: true, receiverNext: true) == gap + rest.dApriori * any)
        }
    }
}
