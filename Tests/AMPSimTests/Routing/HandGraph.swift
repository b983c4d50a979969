@testable import AMPSim

/// Small graphs for searches followed by hand: channels of 1,000,000,000 msat with the whole balance on
/// the first node's side, every direction's policy 1000 msat + 100 ppm and 40 blocks, except the first
/// direction of a channel that names its own base fee.
enum HandGraph {
    static let policy = DirectionPolicy(feeBaseMsat: 1000, feeRatePPM: 100, cltvDelta: 40)

    /// `channels`: first node, second node, channel id, and the first direction's base fee (msat) when not 1000.
    static func build(nodes: [String], channels: [(Int, Int, String, Int64?)]) -> ChannelGraph {
        var b = ChannelGraphBuilder()
        for id in nodes { b.addNode(id: id) }
        let cap: Int64 = 1_000_000_000
        for (a, c, id, base) in channels {
            let first = base.map { DirectionPolicy(feeBaseMsat: $0, feeRatePPM: 100, cltvDelta: 40) } ?? policy
            b.addChannel(a, c, capacityMsat: cap, balance1Msat: cap, id: id, policy1: first, policy2: policy)
        }
        return b.build()
    }
}
