@testable import AMPSim

/// Small hand-drawn graphs for the optimal-flow tests: nodes by name; channels as (from, to, capacity
/// msat, from's balance msat) with default policies and the two names joined as id ("sa" for s → a).
enum FlowTestGraph {
    static func make(_ names: [String], _ channels: [(Int, Int, Int64, Int64)]) -> ChannelGraph {
        var g = ChannelGraphBuilder()
        for name in names { g.addNode(id: name) }
        let p = DirectionPolicy()
        for (a, b, capacity, balance) in channels {
            g.addChannel(a, b, capacityMsat: capacity, balance1Msat: balance, id: names[a] + names[b], policy1: p, policy2: p)
        }
        return g.build()
    }
}
