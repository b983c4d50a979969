import Foundation
import Testing
@testable import AMPSim

/// The reachable-node stop (PathFinder+Reach.swift): the marking within a budget, and a failing search
/// it ends early.
@Suite struct PathFinderReachTests {
    static let big: Int64 = 1_000_000_000, small: Int64 = 1_000_000

    /// Nodes named by `names`; channels (first, second, capacity) with the balance on the first side.
    func graph(_ names: [String], _ channels: [(Int, Int, Int64)]) -> ChannelGraph {
        var b = ChannelGraphBuilder()
        for n in names { _ = b.addNode(id: n) }
        for (i, (a, c, cap)) in channels.enumerated() {
            b.addChannel(a, c, capacityMsat: cap, balance1Msat: cap, id: "c\(i)", policy1: HandGraph.policy, policy2: HandGraph.policy)
        }
        return b.build()
    }

    func finder(_ g: ChannelGraph) throws -> PathFinder {
        PathFinder(graph: g, routing: try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing)
    }

    /// A chain s - a - n1 - ... - n9 (node 0 the sender, 1 its usable peer). With a budget of 0 the
    /// marking reads one node's channels (a's two) and stops with s, a and n1 stamped; called again
    /// without a limit it goes on from n1 and stamps the whole chain, reading every direction once
    /// (a 2 + n1...n8 2 each + n9 1 = 19) — the same nodes as a marking made in one go.
    @Test func aMarkingStoppedByItsBudgetGoesOnWhereItStopped() throws {
        let names = ["s", "a"] + (1...9).map { "n\($0)" }
        let g = graph(names, (0..<10).map { ($0, $0 + 1, Self.big) })
        let f = try finder(g)
        let b = f.buffers
        b.nextGeneration()
        b.peerStamp[1] = b.generation
        var m = PathFinder.ReachMarking()
        #expect(!f.markReachable(&m, sender: 0, amount: 1_000, budget: 0))
        #expect((0..<g.nodeCount).filter { b.reachStamp[$0] == b.generation } == [0, 1, 2])
        #expect(m.read == 2)
        #expect(f.markReachable(&m, sender: 0, amount: 1_000, budget: .max))
        #expect((0..<g.nodeCount).allSatisfy { b.reachStamp[$0] == b.generation })
        #expect(m.read == 19)
        // Too large an amount for the chain past a: only s and a are reachable.
        b.nextGeneration()
        b.peerStamp[1] = b.generation
        var whole = PathFinder.ReachMarking()
        #expect(f.markReachable(&whole, sender: 0, amount: 2 * Self.big))
        #expect((0..<g.nodeCount).filter { b.reachStamp[$0] == b.generation } == [0, 1])
    }

    /// The chain of `aMarkingStoppedByItsBudgetGoesOnWhereItStopped` with the payment's own parts holding
    /// all but 999 msat of n1 -> n2's capacity: at 1,000 msat the marking stops at n1 (s, a, n1 stamped);
    /// at 999 msat it goes through.
    @Test func thePaymentsOwnLoadCountsAgainstAChannel() throws {
        let names = ["s", "a"] + (1...9).map { "n\($0)" }
        let g = graph(names, (0..<10).map { ($0, $0 + 1, Self.big) })
        let f = try finder(g)
        let b = f.buffers
        // n1 -> n2: node 2 to node 3, channel 2's first direction.
        let loaded = Int(f.edges.position[4])
        #expect(g.source(of: 4) == 2 && g.target(of: 4) == 3)
        for (amount, reached) in [(Int64(1_000), 3), (Int64(999), 11)] {
            b.nextGeneration()
            b.peerStamp[1] = b.generation
            b.know(loaded).pointee.load = Self.big - 999
            var m = PathFinder.ReachMarking()
            #expect(f.markReachable(&m, sender: 0, amount: amount))
            #expect((0..<g.nodeCount).filter { b.reachStamp[$0] == b.generation }.count == reached)
        }
    }

    /// s - a (large), a - b and b - x0 small (1,000,000 msat); the receiver r has two hubs h and h2, each
    /// with a channel to each of 3,000 leaves (so no leaf is a dead end). At 5,000,000 msat the sender's
    /// usable peer a reaches no node but s: no route. Without the stop the search settles r, the hubs and
    /// every leaf, and runs every leaf's scan; with it (production start, after `reachAfter` = 1,024 pops,
    /// when the search has scanned 6,000 directions and so may mark 375) the marking finds {s, a} at once
    /// and the search ends with no entry left there, after fewer than 1,100 scans.
    @Test func aSearchCutOffFromTheSenderEndsSoon() throws {
        let leaves = 3000
        let g = hubGraph(leaves: leaves, bridge: Self.small)
        let network = NetworkState(graph: g)
        let stopped = try finder(g)
        let flooding = try finder(g)
        flooding.reachAfterPops = .max
        #expect(stopped.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: MissionControl(), network: network) == nil)
        #expect(flooding.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: MissionControl(), network: network) == nil)
        #expect(flooding.scansRun >= leaves)
        #expect(PathFinder.reachAfter == 1024)
        #expect(stopped.scansRun < 1100)
    }

    /// The graph of `aSearchCutOffFromTheSenderEndsSoon`, with a - b and b - x0 of capacity `bridge`.
    func hubGraph(leaves: Int, bridge: Int64) -> ChannelGraph {
        let names = ["s", "a", "b", "r", "h", "h2"] + (0..<leaves).map { "x\($0)" }
        var channels: [(Int, Int, Int64)] = [(0, 1, Self.big), (1, 2, bridge), (2, 6, bridge), (4, 3, Self.big), (5, 3, Self.big)]
        for i in 0..<leaves { channels += [(6 + i, 4, Self.big), (6 + i, 5, Self.big)] }
        return graph(names, channels)
    }

    /// The same graph with large a - b and b - x0: the route s - a - b - x0 - h - r has 5 hops, so every
    /// leaf (2 hops) settles before b, well past 1,024 pops. The marking then starts within its budget
    /// (a sixteenth of the 6,000-odd directions scanned), stops short (a reaches every node, 6,000 more
    /// directions) and is asked again as the pops double; it must change nothing: the route is plain
    /// label-setting's.
    @Test func aMarkingResumedDuringASearchThatSucceedsChangesNothing() throws {
        let g = hubGraph(leaves: 3000, bridge: Self.big)
        let network = NetworkState(graph: g)
        let f = try finder(g)
        let plain = try finder(g)
        plain.shortcuts = false
        let route = try #require(f.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: MissionControl(), network: network))
        #expect(route.directions.map { g.channelIDs[Int($0) >> 1] } == ["c0", "c1", "c2", "c5", "c3"])
        #expect(route == plain.findRoute(from: 0, to: 3, amount: 5_000_000, now: 0, memory: MissionControl(), network: network))
    }
}
