/// A channel graph being assembled by a generator or importer, before balances are final and before
/// it is frozen into a `ChannelGraph`.
///
/// Guarantees: all per-channel arrays have one entry per channel and policies two (directions 2c, 2c+1);
/// `keepLargestComponent` keeps node and channel order among the survivors.
struct GraphDraft {
    var nodeIDs: [String] = []
    /// Index of each external node id added through `node(_:)`.
    var nodeIndex: [String: Int] = [:]

    /// The index of the node with external id `key`, adding it the first time it is seen.
    mutating func node(_ key: String) -> Int {
        if let i = nodeIndex[key] { return i }
        nodeIndex[key] = nodeIDs.count
        nodeIDs.append(key)
        return nodeIDs.count - 1
    }

    var node1: [Int32] = []
    var node2: [Int32] = []
    var capacityMsat: [Int64] = []
    /// nil: to be split by `graph.balance`.
    var balance1Msat: [Int64?] = []
    var channelIDs: [String] = []
    var policies: [DirectionPolicy] = []

    var channelCount: Int { node1.count }

    mutating func addChannel(_ a: Int, _ b: Int, id: String, capacityMsat: Int64, balance1Msat: Int64?,
                             policy1: DirectionPolicy, policy2: DirectionPolicy) {
        node1.append(Int32(a))
        node2.append(Int32(b))
        self.capacityMsat.append(capacityMsat)
        self.balance1Msat.append(balance1Msat)
        channelIDs.append(id)
        policies.append(policy1)
        policies.append(policy2)
    }

    /// Drops every node and channel outside the largest connected component; returns the number of
    /// nodes and channels dropped.
    @discardableResult
    mutating func keepLargestComponent() -> (nodes: Int, channels: Int) {
        let renumber = Components(nodeCount: nodeIDs.count, node1: node1, node2: node2).largestRenumbering()
        var kept = GraphDraft()
        for v in 0..<nodeIDs.count where renumber[v] >= 0 { kept.nodeIDs.append(nodeIDs[v]) }
        for c in 0..<channelCount where renumber[Int(node1[c])] >= 0 {
            kept.addChannel(Int(renumber[Int(node1[c])]), Int(renumber[Int(node2[c])]), id: channelIDs[c],
                            capacityMsat: capacityMsat[c], balance1Msat: balance1Msat[c],
                            policy1: policies[2 * c], policy2: policies[2 * c + 1])
        }
        let dropped = (nodeIDs.count - kept.nodeIDs.count, channelCount - kept.channelCount)
        self = kept
        return dropped
    }

    /// Nodes that are an end of no channel with an enabled direction.
    var nodesWithoutUsableChannel: Int {
        var usable = [Bool](repeating: false, count: nodeIDs.count)
        for c in 0..<channelCount where policies[2 * c].enabled || policies[2 * c + 1].enabled {
            usable[Int(node1[c])] = true
            usable[Int(node2[c])] = true
        }
        return usable.reduce(0) { $0 + ($1 ? 0 : 1) }
    }

    /// Disables (and counts in `report`) each enabled direction of channel `c` whose HTLC minimum
    /// exceeds the capacity: no HTLC could ever cross it.
    static func disableUnpayable(_ policies: inout [DirectionPolicy], capacityMsat: Int64, report: inout ImportReport) {
        for s in policies.indices where policies[s].enabled && policies[s].htlcMinimumMsat > capacityMsat {
            policies[s].enabled = false
            report.skip(.htlcMinimumAboveCapacity)
        }
    }

    /// Splits every capacity whose balance is not yet set, in channel order, from `stream`.
    mutating func drawMissingBalances(_ spec: BalanceSpec, _ stream: RandomStream) {
        for c in 0..<channelCount where balance1Msat[c] == nil {
            balance1Msat[c] = BalanceSampler.draw(spec, capacityMsat: capacityMsat[c], stream)
        }
    }

    /// The frozen graph (missing balances count as 0).
    func build() -> ChannelGraph {
        var builder = ChannelGraphBuilder()
        for id in nodeIDs { builder.addNode(id: id) }
        for c in 0..<channelCount {
            builder.addChannel(Int(node1[c]), Int(node2[c]), capacityMsat: capacityMsat[c], balance1Msat: balance1Msat[c] ?? 0,
                               id: channelIDs[c], policy1: policies[2 * c], policy2: policies[2 * c + 1])
        }
        return builder.build()
    }
}
